"""The audit trail of a date range, exported for an inspection (issue 8)."""

import io
from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from members import services
from members.models import Member
from tests.clients import sign_in
from tests.factories import PASSWORD, CellFactory, make_member

pytestmark = pytest.mark.django_db
SHEETS = ["Thay đổi dữ liệu", "Tải xuống, tài khoản", "Đăng nhập", "Đăng nhập sai"]


def export(client, start=None, end=None):
    start, end = start or timezone.localdate(), end or timezone.localdate()
    return client.get(
        reverse("office:audit_export"), {"start": f"{start:%d/%m/%Y}", "end": f"{end:%d/%m/%Y}"}
    )


def rows(response, sheet):
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == SHEETS
    return [list(row) for row in workbook[sheet].iter_rows(min_row=2, values_only=True)]


@pytest.fixture
def trail(client, office_user):
    """A member made and edited by the office, a download, a sign-in and a failed one."""
    member = make_member(
        cell=CellFactory(name="Chi bộ A"), full_name="Nguyễn Văn An", user=office_user
    )
    services.member_update(
        member=member,
        values={"hometown": "Hà Nội"},
        expected_version=member.version,
        user=office_user,
    )
    sign_in(client, "vanphong", "sai-mat-khau")
    sign_in(client, "vanphong", PASSWORD)
    client.get(reverse("members:register_export"), REMOTE_ADDR="10.0.0.7")
    return member


def test_the_export_holds_changes_downloads_and_sign_ins_of_the_range(client, trail):
    today = timezone.localdate()
    response = export(client)

    assert response["Content-Disposition"] == (
        f'attachment; filename="nhat-ky-{today:%Y%m%d}-{today:%Y%m%d}.xlsx"'
    )
    changes = [row[1:] for row in rows(response, "Thay đổi dữ liệu")]
    assert [
        "vanphong",
        "Hồ sơ đảng viên",
        "Tạo mới",
        "Nguyễn Văn An",
        "Họ và tên: Nguyễn Văn An\nGiới tính: Nam\nNgày sinh: 19/05/1965\nDân tộc: Kinh\n"
        "Ngày vào Đảng: 19/05/1990\nNgày chính thức: 19/05/1991\nTình trạng: Đang sinh hoạt\n"
        "Chi bộ: Chi bộ A",
    ] in changes
    assert [
        "vanphong",
        "Hồ sơ đảng viên",
        "Sửa",
        "Nguyễn Văn An",
        "Quê quán: (trống) → Hà Nội",
    ] in changes
    event = trail.events.get(kind="admitted")
    assert [
        "vanphong",
        "Sự kiện đảng tịch",
        "Tạo mới",
        f"Nguyễn Văn An: {event._meta.verbose_name} #{event.pk}",
        f"Sự kiện: Kết nạp\nNgày: {event.date:%d/%m/%Y}\nChi bộ: Chi bộ A",
    ] in changes
    downloads = rows(response, "Tải xuống, tài khoản")
    assert [row[1:5] for row in downloads] == [
        ["vanphong", "10.0.0.7", "Tải xuống", f"so-danh-sach-dang-vien-{today:%Y%m%d}.xlsx"]
    ]
    assert isinstance(downloads[0][0], datetime)
    assert [row[2:4] for row in rows(response, "Đăng nhập")] == [["vanphong", "10.0.0.7"]]
    assert [row[1:3] for row in rows(response, "Đăng nhập sai")] == [["vanphong", "10.0.0.7"]]


def test_the_export_leaves_out_what_is_outside_the_range(client, trail):
    today = timezone.localdate()
    Member.history.update(history_date=timezone.now() - timedelta(days=400))

    response = export(client, start=today - timedelta(days=30))

    assert [row[2] for row in rows(response, "Thay đổi dữ liệu")] == [
        "Sự kiện đảng tịch",  # admitted
        "Sự kiện đảng tịch",  # made official
        "Tổ chức đảng",
        "Tài khoản người dùng",  # the office user: made by the test factory,
        "Tài khoản người dùng",  # which then saves its password
    ]


def test_a_range_ending_before_it_starts_is_refused(office_client):
    response = export(office_client, start=date(2026, 5, 1), end=date(2026, 4, 1))

    assert response["Location"] == reverse("office:audit_log")
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["Không xuất được nhật ký: “Từ ngày” phải trước hoặc bằng “Đến ngày”."]


@pytest.mark.parametrize("count", [1, 3])
def test_the_export_takes_the_same_queries_for_few_and_many_rows(
    office_client, office_user, count, django_assert_num_queries
):
    cell = CellFactory()
    for n in range(count):
        make_member(cell=cell, full_name=f"Vũ Văn {'ABC'[n]}", user=office_user)

    # session, user, then for each of the 16 history sources its records (and, when there are
    # some, the previous versions and the members' names), the cells named by members, events
    # and organisations, downloads, sign-ins, failed sign-ins; the download of the export itself
    # is recorded
    with django_assert_num_queries(2 + 16 + 2 + 2 + 1 + 3 + 3 + 1):
        export(office_client)
