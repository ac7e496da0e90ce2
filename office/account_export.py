"""The account list as a workbook, in the page's sort."""

from django.utils import timezone

from office.accounts import account_cells, role_label
from vusta_party import clock
from vusta_party.exports import Export
from vusta_party.spreadsheets import list_xlsx


def account_list_xlsx(accounts) -> Export:
    """Every account of the list (a queryset with their access and cells), as the page shows
    them; the last sign-in in the committee's time zone."""
    today = clock.today()
    return list_xlsx(
        f"nguoi-dung-{today:%Y%m%d}.xlsx",
        "Người dùng",
        [
            "STT",
            "Tên đăng nhập",
            "Họ và tên",
            "Vai trò",
            "Chi bộ phụ trách",
            "Đăng nhập gần nhất",
            "Trạng thái",
        ],
        [6, 18, 26, 20, 40, 20, 16],
        (
            [
                n,
                a.username,
                a.get_full_name(),
                role_label(a),
                "; ".join(account_cells(a)),
                timezone.localtime(a.last_login).replace(tzinfo=None) if a.last_login else None,
                "Đang hoạt động" if a.is_active else "Đã khóa",
            ]
            for n, a in enumerate(accounts, 1)
        ),
        heading="DANH SÁCH NGƯỜI DÙNG",
        landscape=True,
    )
