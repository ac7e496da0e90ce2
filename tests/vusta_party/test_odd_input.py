"""Odd input gets a Vietnamese answer, never a 500 (issue 16, finding 9): a cell id that is not a
number, a report range at the ends of the calendar, digits such as "²" (which str.isdigit()
accepts and int() refuses) in every number a page posts."""

import io
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook

from ceremonies import services as rounds
from ceremonies.models import BadgeRules
from members.models import Badge
from ratings.models import MemberRating
from tests.factories import CellFactory, make_member
from vusta_party.text import ascii_int

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("12", 12),
        (" 7 ", 7),
        ("0", 0),
        ("²", None),
        ("1²", None),
        ("١٢", None),
        ("-1", None),
        ("", None),
        ("1.5", None),
    ],
)
def test_a_number_is_plain_digits(text, number):
    assert ascii_int(text) == number


@pytest.mark.parametrize("cell", ["abc", "²", "1e3", "-1"])
def test_the_register_of_a_cell_that_is_not_a_number_is_not_found(office_client, cell):
    response = office_client.get(reverse("members:register_export"), {"cell": cell})

    assert response.status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/bao-cao/khoang/0001-01-01/9999-12-31/",
        "/bao-cao/khoang/1929-12-31/1930-06-30/",
        "/bao-cao/khoang/2026-01-01/9999-12-31/",
        "/bao-cao/nam/2099/",
        "/bao-cao/6-thang/9999/",
        "/bao-cao/nam/1929/",
    ],
)
def test_a_report_outside_the_calendar_of_the_committee_is_not_found(office_client, url):
    assert office_client.get(url).status_code == 404


def test_the_range_form_says_why_a_range_has_no_report(office_client):
    response = office_client.get(
        reverse("reports:index"), {"start": "01/01/1900", "end": "31/12/1900"}
    )

    assert response.status_code == 200
    assert response.context["range_form"].non_field_errors() == [
        "Kỳ báo cáo bắt đầu trước ngày 01/01/1930."
    ]


@pytest.mark.parametrize(
    ("year", "error"),
    [
        ("1", "Năm 1 ngoài khoảng cho phép của --year: từ 1930 đến 9000."),
        ("2099", "Năm 2099 chưa đến: chưa có báo cáo."),
    ],
)
def test_the_summary_report_of_an_impossible_year_is_one_clear_line(year, error):
    with pytest.raises(CommandError) as refused:
        call_command("summary_report", "--year", year, stdout=io.StringIO())

    assert str(refused.value) == error


@pytest.fixture
def decided_round():
    cell = CellFactory(name="Chi bộ A")
    make_member(
        cell=cell,
        full_name="Nguyễn Văn An",
        party_card_number="00012345",
        admission_date=date(1996, 9, 2),
        official_date=date(1997, 9, 2),
    )
    round_ = rounds.round_create(day=date(2026, 9, 2), occasion="0902")
    rounds.round_fill(round_=round_)
    rounds.round_lock(round_=round_, today=date(2026, 8, 1))
    rounds.round_submit(round_=round_, on=date(2026, 8, 2))
    rounds.round_decide(round_=round_, decision_number="1-QĐ", decision_date=date(2026, 8, 20))
    return round_


def test_badge_numbers_posted_under_a_superscript_line_number_are_ignored(
    office_client, decided_round
):
    line = decided_round.proposals.get()

    response = office_client.post(
        reverse("ceremonies:badge_numbers", args=[decided_round.pk]),
        {"number-²": "X1", f"number-{line.pk}": "A001234"},
        follow=True,
    )

    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == ["Đã ghi 1 số Huy hiệu."]
    assert Badge.objects.get().badge_number == "A001234"


def test_a_superscript_in_the_ceremony_form_is_ignored(office_client, decided_round):
    line = decided_round.proposals.get()

    response = office_client.post(
        reverse("ceremonies:round_action", args=[decided_round.pk, "hold"]),
        {"held_on": "02/09/2026", "at_home": ["²", str(line.pk)]},
    )

    assert response.status_code == 302
    line.refresh_from_db()
    assert (line.presented_on, line.presented_at_home) == (date(2026, 9, 2), True)


def test_a_superscript_among_the_milestones_of_the_rules_is_a_form_error(office_client):
    response = office_client.post(
        reverse("ceremonies:rules"),
        {
            "valid_from": "01/11/2026",
            "milestones": "30, 40, ²",
            "early_split": "65",
            "early_months_low": "12",
            "early_months_high": "24",
            "posthumous_early_months": "12",
            "reprimand_delay_months": "6",
            "warning_delay_months": "9",
            "removal_delay_months": "12",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["milestones"] == [
        "Ghi các mốc là số năm, cách nhau bằng dấu phẩy, ví dụ: 30, 40, 45."
    ]
    assert BadgeRules.objects.count() == 1


def test_superscripts_in_a_ratings_file_are_listed_errors(office_client):
    cell = CellFactory(name="Chi bộ A")
    make_member(cell=cell, full_name="Nguyễn Văn An", party_card_number="00012345")
    workbook = Workbook()
    workbook.active.append(["Năm", "Số thẻ đảng viên", "Xếp loại", "Điểm"])
    workbook.active.append(["2024²", "00012345", "HTTNV", None])
    workbook.active.append([2024, "00012345", "HTTNV", "9²"])
    content = io.BytesIO()
    workbook.save(content)
    content.seek(0)
    content.name = "xep-loai.xlsx"

    response = office_client.post(
        reverse("ratings:rating_import"), {"file": content, "lock": ""}, follow=True
    )

    assert [str(m) for m in response.context["messages"]] == [
        "Chưa nhập gì. Dòng 2, cột Năm: Năm không hợp lệ. Dòng 3, cột Điểm: Điểm là số từ 0 đến 100."
    ]
    assert not MemberRating.objects.exists()


def test_a_superscript_score_in_the_rating_grid_is_a_marked_cell(office_client):
    cell = CellFactory(name="Chi bộ A")
    member = make_member(cell=cell, full_name="Nguyễn Văn An")

    response = office_client.post(
        reverse("ratings:rating_grid", args=[2025, cell.pk]),
        {f"m{member.pk}-level": "HTTNV", f"m{member.pk}-score": "²", "cell-score": "1²"},
    )

    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [
        "Chưa lưu gì: 2 ô chưa đúng (tô đỏ bên dưới). Mọi giá trị đã nhập vẫn còn nguyên; "
        "sửa các ô đó rồi lưu lại."
    ]
    assert not MemberRating.objects.exists()
