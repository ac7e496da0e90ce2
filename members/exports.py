"""Exports of the register: the filtered member list (XLSX) and the members register
(sổ danh sách đảng viên, form 7-HSĐV) as XLSX and PDF, from one set of rows."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet

from members import versions
from members.access import members_of_scope
from members.enums import EventKind, Status
from members.models import Member, MembershipEvent, Organisation
from members.queries import cell_totals, list_page_members, party_years_today
from vusta_party import clock
from vusta_party.background import fingerprint
from vusta_party.documents import party_document
from vusta_party.exports import PDF, Export
from vusta_party.pdf import render_pdf
from vusta_party.spreadsheets import (
    append_row,
    list_xlsx,
    new_workbook,
    table_sheet,
    xlsx_export,
)

Kind = EventKind
LEAVING = {
    Kind.STRUCK_OFF: "Xóa tên",
    Kind.EXPELLED: "Khai trừ",
    Kind.LEFT: "Ra khỏi Đảng",
}


def _d(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


# --- the filtered list ---------------------------------------------------------------------

LIST_HEADERS = [
    "STT",
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Chi bộ",
    "Ngày vào Đảng",
    "Ngày chính thức",
    "Tuổi Đảng (năm)",
    "Tình trạng",
    "Số thẻ đảng viên",
]


LIST_WIDTHS = [6, 26, 12, 9, 30, 13, 13, 10, 16, 14]


def member_list_xlsx(queryset: QuerySet[Member]) -> Export:
    """Any filtered list of the member page, in the same order (one query for the rows), set up
    for printing on landscape A4 under the committee's header."""
    today = clock.today()
    workbook = new_workbook()
    sheet = table_sheet(
        workbook,
        "Danh sách",
        LIST_HEADERS,
        LIST_WIDTHS,
        doc=party_document(day=today, type_code="DS"),
        title_lines=["DANH SÁCH ĐẢNG VIÊN", f"Lập ngày {_d(today)}"],
        landscape=True,
    )
    for number, member in enumerate(list_page_members(queryset).iterator(), 1):
        append_row(
            sheet,
            [
                number,
                member.full_name,
                member.date_of_birth,
                member.get_sex_display(),
                member.cell.name,
                member.admission_date,
                member.official_date,
                party_years_today(member, today),
                member.get_status_display(),
                member.party_card_number or "",
            ],
        )
    return xlsx_export(workbook, f"danh-sach-dang-vien-{today:%Y%m%d}.xlsx")


# --- the members register, form 7-HSĐV -------------------------------------------------------

REGISTER_HEADERS = [
    "STT",
    "Họ và tên đang dùng / Họ và tên khai sinh",
    "Giới tính / Dân tộc / Tôn giáo",
    "Quê quán",
    "Trình độ: giáo dục phổ thông / lý luận chính trị / chuyên môn",
    "Nghề nghiệp, chức vụ",
    "Ngày vào Đảng / Ngày chính thức",
    "Số thẻ đảng viên / Số lý lịch / Số Huy hiệu",
    "Quân nhân, công an, nghỉ hưu",
    "Ngày chuyển đi (đến đâu)",
    "Ngày chuyển đến (từ đâu)",
    "Ngày từ trần",
    "Ngày, hình thức ra khỏi Đảng",
    "Ghi chú",
]


@dataclass(frozen=True)
class RegisterRow:
    number: int
    cell: str
    cells: tuple[str, ...]  # the 13 columns after STT


def cell_state(cell: Organisation) -> str:
    """A cell's state as the cell list says it (merged, dissolved, or nothing)."""
    if cell.merged_into_id:
        return f"Đã sáp nhập vào {cell.merged_into.name} từ {_d(cell.ended_on)}"
    return f"Đã giải thể từ {_d(cell.ended_on)}" if cell.ended_on else ""


def cell_list_xlsx(cells: list[Organisation]) -> Export:
    """The cell list (cells of `cells_with_counts()`, in the page's sort) and its totals."""
    today = clock.today()
    totals = cell_totals(cells)
    rows = [
        [
            n,
            c.name,
            c.parent.name if c.parent_id else "",
            c.member_count,
            c.official_count,
            c.probationary_count,
            c.women_count,
            cell_state(c),
        ]
        for n, c in enumerate(cells, 1)
    ]
    rows.append(["", "Cộng", "", *totals.values(), ""])
    return list_xlsx(
        f"danh-sach-chi-bo-{today:%Y%m%d}.xlsx",
        "Chi bộ",
        ["STT", "Chi bộ", "Trực thuộc", "Đảng viên", "Chính thức", "Dự bị", "Nữ", "Ghi chú"],
        [6, 40, 28, 11, 11, 9, 8, 30],
        rows,
        heading="DANH SÁCH CHI BỘ",
        landscape=True,
    )


def register_rows(queryset: QuerySet[Member]) -> list[RegisterRow]:
    """Every member of the queryset (on the rolls or not) by cell and name order: 3 queries."""
    members = (
        queryset.select_related("cell")
        .prefetch_related(
            Prefetch("events", queryset=MembershipEvent.objects.order_by("date", "id")), "badges"
        )
        .order_by("cell__name_sort", "cell_id", "name_sort", "id")
    )
    rows = []
    for number, member in enumerate(members, 1):
        events = list(member.events.all())
        out = [e for e in events if e.kind == Kind.TRANSFERRED_OUT]
        arrived = [e for e in events if e.kind == Kind.TRANSFERRED_IN]
        leaving = [e for e in events if e.kind in LEAVING]
        badges = ", ".join(
            f"{b.milestone} năm{f' số {b.badge_number}' if b.badge_number else ''}"
            for b in member.badges.all()
        )
        notes = []
        if member.party_age_start_override:
            notes.append(f"Tuổi Đảng tính từ {_d(member.party_age_start_override)}")
        if member.status == Status.EXEMPT:
            notes.append("Miễn công tác và sinh hoạt")
        rows.append(
            RegisterRow(
                number=number,
                cell=member.cell.name,
                cells=(
                    "\n".join(filter(None, [member.full_name, member.birth_name])),
                    " / ".join(
                        filter(None, [member.get_sex_display(), member.ethnicity, member.religion])
                    ),
                    member.hometown,
                    " / ".join(
                        filter(
                            None,
                            [
                                member.education,
                                member.get_political_theory_display(),
                                member.qualification,
                            ],
                        )
                    ),
                    ", ".join(filter(None, [member.occupation, member.position])),
                    "\n".join(filter(None, [_d(member.admission_date), _d(member.official_date)])),
                    "\n".join(
                        filter(None, [member.party_card_number, member.record_number, badges])
                    ),
                    "",
                    "\n".join(f"{_d(e.date)} ({e.counterpart})" for e in out),
                    "\n".join(f"{_d(e.date)} ({e.counterpart})" for e in arrived),
                    _d(member.death_date),
                    "\n".join(f"{_d(e.date)} {LEAVING[Kind(e.kind)]}" for e in leaving),
                    "; ".join(notes),
                ),
            )
        )
    return rows


REGISTER_WIDTHS = [5, 26, 18, 22, 24, 22, 14, 18, 10, 20, 20, 12, 18, 20]


def register_xlsx(queryset: QuerySet[Member]) -> Export:
    today = clock.today()
    workbook = new_workbook()
    sheet = table_sheet(
        workbook,
        "Sổ danh sách đảng viên",
        REGISTER_HEADERS,
        REGISTER_WIDTHS,
        doc=party_document(day=today, type_code="DS"),
        title_lines=["SỔ DANH SÁCH ĐẢNG VIÊN (mẫu 7-HSĐV)", f"Lập ngày {_d(today)}"],
        landscape=True,
    )
    for row in register_rows(queryset):
        append_row(sheet, [row.number, *row.cells])
    return xlsx_export(workbook, f"so-danh-sach-dang-vien-{today:%Y%m%d}.xlsx")


def register_pdf(queryset: QuerySet[Member], *, title_suffix: str = "", step=None) -> Export:
    """The register as a PDF; `step(text)` hears what it is doing (a background document)."""
    today = clock.today()
    rows = register_rows(queryset)
    if step:
        step(f"Đang dàn trang {len(rows):,} đảng viên".replace(",", "."))
    pdf = render_pdf(
        "members/documents/member_register.html",
        {
            "doc": party_document(day=today, type_code="DS"),
            "headers": REGISTER_HEADERS,
            "rows": rows,
            "title_suffix": title_suffix,
            "today": today,
        },
    )
    return Export(f"so-danh-sach-dang-vien-{today:%Y%m%d}.pdf", PDF, pdf)


# --- the register PDF in the background (vusta_party/background.py) ---------------------------

REGISTER_PDF = "register-pdf"
# Above this many members the register PDF is made in the background: about 2 s of WeasyPrint
# (the 750 members of the demo take about 14 s).
BACKGROUND_ROWS = 100


def register_pdf_params(scope: tuple, cell: Organisation | None) -> dict:
    """The parameters of a register PDF made in the background: whose members, which cell."""
    return {
        "scope": list(scope),
        "cell": cell.pk if cell else None,
        "title": cell.name if cell else "",
    }


def register_pdf_version() -> str:
    """The version of what the register PDF prints: the register, the committee header and
    signature in force today, and today's date."""
    today = clock.today()
    return fingerprint(versions.current(), party_document(day=today, type_code="DS"), today)


def register_pdf_of(params: dict, step) -> Export:
    """The register PDF of the parameters kept by `register_pdf_params()`."""
    queryset = members_of_scope(params["scope"])
    if params["cell"] is not None:
        queryset = queryset.filter(cell_id=params["cell"])
    return register_pdf(queryset, title_suffix=params["title"], step=step)
