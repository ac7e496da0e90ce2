"""The audit log reads as a person would say it: names instead of ids, dates dd/mm/yyyy, the
labels of choices, and what a created or deleted event held, on the page and in its export."""

import io
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from members import services
from members.models import MembershipEvent
from tests.factories import CellFactory, make_member
from vusta_party.history import display

pytestmark = pytest.mark.django_db


@pytest.fixture
def moved(office_user):
    """A member moved from Chi bộ A to Chi bộ B, marked seriously ill, and an event deleted."""
    old, new = CellFactory(name="Chi bộ A"), CellFactory(name="Chi bộ B")
    member = make_member(cell=old, full_name="Nguyễn Văn An", admission_date=date(1990, 5, 19))
    event = services.fact_record(
        member=member,
        kind=MembershipEvent.Kind.CELL_TRANSFER,
        day=date(2024, 3, 1),
        cell=new,
        note="Theo quyết định 12-QĐ/ĐU",
        user=office_user,
    )
    member.refresh_from_db()
    services.member_update(
        member=member,
        values={"seriously_ill": True, "seriously_ill_reason": "Điều trị dài ngày"},
        expected_version=member.version,
        user=office_user,
    )
    exempted = services.fact_record(
        member=member, kind=MembershipEvent.Kind.EXEMPTED, day=date(2024, 6, 2), user=office_user
    )
    exempted_id = exempted.pk
    services.fact_delete(event=exempted, user=office_user)
    return member, event, exempted_id


def lines(row) -> list[str]:
    return [f"{c.label}: {c.before} → {c.after}" for c in row.changes] or [
        f"{c.label}: {c.after}" for c in row.values
    ]


def test_member_edits_name_the_cells_and_say_yes_for_seriously_ill(office_client, moved):
    rows = office_client.get(reverse("office:audit_log")).context["rows"]

    assert [(row.action, lines(row)) for row in rows] == [
        ("Sửa", ["Tình trạng: Miễn công tác và sinh hoạt → Đang sinh hoạt"]),
        ("Sửa", ["Tình trạng: Đang sinh hoạt → Miễn công tác và sinh hoạt"]),
        ("Sửa", ["Bệnh nặng: Không → Có", "Lý do (bệnh nặng): (trống) → Điều trị dài ngày"]),
        ("Sửa", ["Chi bộ: Chi bộ A → Chi bộ B"]),
        (
            "Tạo mới",
            [
                "Họ và tên: Nguyễn Văn An",
                "Giới tính: Nam",
                "Ngày sinh: 19/05/1965",
                "Dân tộc: Kinh",
                "Ngày vào Đảng: 19/05/1990",
                "Ngày chính thức: 19/05/1991",
                "Tình trạng: Đang sinh hoạt",
                "Chi bộ: Chi bộ A",
            ],
        ),
    ]


def test_events_say_their_kind_date_cell_and_note_when_created_and_deleted(office_client, moved):
    _member, event, exempted = moved

    response = office_client.get(reverse("office:audit_log"), {"loai": "event"})

    shown = {(row.action, row.record.id): lines(row) for row in response.context["rows"]}
    assert shown[("Tạo mới", event.pk)] == [
        "Sự kiện: Chuyển sinh hoạt giữa các chi bộ",
        "Ngày: 01/03/2024",
        "Chi bộ: Chi bộ B",
        "Ghi chú: Theo quyết định 12-QĐ/ĐU",
    ]
    assert shown[("Xóa", exempted)] == [
        "Sự kiện: Miễn công tác và sinh hoạt",
        "Ngày: 02/06/2024",
        "Chi bộ: Chi bộ B",
    ]
    html = response.content.decode()
    assert "<strong>Chi bộ</strong>: Chi bộ B</div>" in html
    assert "<strong>Ngày</strong>: 01/03/2024</div>" in html


def test_the_export_says_the_same_as_the_page(office_client, moved):
    today = timezone.localdate()
    response = office_client.get(
        reverse("office:audit_export"), {"start": f"{today:%d/%m/%Y}", "end": f"{today:%d/%m/%Y}"}
    )

    sheet = load_workbook(io.BytesIO(response.content))["Thay đổi dữ liệu"]
    rows = [row[2:] for row in sheet.iter_rows(min_row=1, values_only=True)]
    assert rows[0] == ("Loại dữ liệu", "Thao tác", "Đối tượng", "Nội dung (trước → sau)")
    assert (
        "Hồ sơ đảng viên",
        "Sửa",
        "Nguyễn Văn An",
        "Chi bộ: Chi bộ A → Chi bộ B",
    ) in rows
    assert (
        "Hồ sơ đảng viên",
        "Sửa",
        "Nguyễn Văn An",
        "Bệnh nặng: Không → Có\nLý do (bệnh nặng): (trống) → Điều trị dài ngày",
    ) in rows
    assert (
        "Sự kiện đảng tịch",
        "Xóa",
        f"Nguyễn Văn An: Sự kiện đảng tịch #{moved[2]}",
        "Sự kiện: Miễn công tác và sinh hoạt\nNgày: 02/06/2024\nChi bộ: Chi bộ B",
    ) in rows


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, "(trống)"),
        ("", "(trống)"),
        (True, "Có"),
        (False, "Không"),
        (date(2024, 2, 29), "29/02/2024"),
        (2_340_000, "2.340.000"),
        ("Huế", "Huế"),
    ],
)
def test_a_value_is_said_as_a_reader_says_it(value, shown):
    assert display(value) == shown
