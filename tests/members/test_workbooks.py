"""The member list and the register 7-HSĐV as workbooks set up for printing (issue 18)."""

import io
from datetime import date, datetime, time

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from members.exports import LIST_HEADERS, REGISTER_HEADERS
from tests.factories import CellFactory, make_member

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_today")]
HEADING = [
    ("ĐẢNG BỘ MẶT TRẬN TỔ QUỐC, CÁC ĐOÀN THỂ TRUNG ƯƠNG", "ĐẢNG CỘNG SẢN VIỆT NAM"),
    ("ĐẢNG ỦY LIÊN HIỆP CÁC HỘI KH&KT VIỆT NAM", "Hà Nội, ngày 14 tháng 8 năm 2026"),
]


def midnight(day: date) -> datetime:
    return datetime.combine(day, time.min)  # a date cell reads back as a datetime


@pytest.fixture
def member():
    return make_member(
        cell=CellFactory(name="Chi bộ Hội Vật lý"),
        full_name="Nguyễn Thị Ánh",
        sex="F",
        date_of_birth=date(1956, 2, 29),
        admission_date=date(1980, 3, 31),
        official_date=date(1981, 3, 31),
        party_card_number="00012345",
    )


def sheet_of(response):
    return load_workbook(io.BytesIO(response.content)).worksheets[0]


def test_the_member_list_prints_on_landscape_a4_with_real_dates(office_client, member):
    sheet = sheet_of(office_client.get(reverse("members:member_list"), {"format": "xlsx"}))

    right = 1 + len(LIST_HEADERS) // 2  # the Party's name starts over the right half
    assert [(row[0].value, row[right - 1].value) for row in sheet.iter_rows(max_row=2)] == HEADING
    assert [sheet.cell(row, 1).value for row in (4, 5)] == [
        "DANH SÁCH ĐẢNG VIÊN",
        "Lập ngày 14/08/2026",
    ]
    header, row = sheet.iter_rows(min_row=7, max_row=8, values_only=True)
    assert list(header) == LIST_HEADERS
    assert row == (
        1,
        "Nguyễn Thị Ánh",
        midnight(date(1956, 2, 29)),
        "Nữ",
        "Chi bộ Hội Vật lý",
        midnight(date(1980, 3, 31)),
        midnight(date(1981, 3, 31)),
        46,
        "Đang sinh hoạt",
        "00012345",
    )
    assert [sheet.cell(8, column).number_format for column in (3, 6, 7)] == ["dd/mm/yyyy"] * 3
    assert (sheet.freeze_panes, sheet.print_title_rows) == ("A8", "$7:$7")
    assert [sheet.column_dimensions[c].width for c in "ABCDEFGHIJ"] == [
        6,
        26,
        12,
        9,
        30,
        13,
        13,
        10,
        16,
        14,
    ]
    setup = sheet.page_setup
    assert (setup.paperSize, setup.orientation, setup.fitToWidth, setup.fitToHeight) == (
        9,
        "landscape",
        1,
        0,
    )
    assert sheet["B8"].border.bottom.style == "thin"


def test_the_register_7_hsdv_keeps_its_layout_under_the_committee_header(office_client, member):
    sheet = sheet_of(office_client.get(reverse("members:register_export")))

    right = 1 + len(REGISTER_HEADERS) // 2
    assert [(row[0].value, row[right - 1].value) for row in sheet.iter_rows(max_row=2)] == HEADING
    assert [sheet.cell(row, 1).value for row in (4, 5)] == [
        "SỔ DANH SÁCH ĐẢNG VIÊN (mẫu 7-HSĐV)",
        "Lập ngày 14/08/2026",
    ]
    header, row = sheet.iter_rows(min_row=7, max_row=8, values_only=True)
    assert list(header) == REGISTER_HEADERS
    assert row[:2] == (1, "Nguyễn Thị Ánh")
    assert (sheet.freeze_panes, sheet.print_title_rows) == ("A8", "$7:$7")
    assert sheet.column_dimensions["B"].width == 26
    assert (sheet.page_setup.orientation, sheet.page_setup.fitToWidth) == ("landscape", 1)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
