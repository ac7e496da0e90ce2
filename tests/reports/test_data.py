"""Report figures against a small register whose answers were computed by hand."""

from datetime import date

import pytest

from ceremonies.milestones import known_milestones
from members import services
from members.imports import commit_import, plan_import
from members.models import Member
from reports.data import membership_summary
from reports.periods import Period
from tests.factories import CellFactory, make_member
from tests.spreadsheets import sheet

pytestmark = pytest.mark.django_db
YEAR = Period.year(2025)


def test_figures_match_the_hand_count(hand_register):
    summary = membership_summary(YEAR)

    figures = summary.contract()
    assert {
        k: figures[k]
        for k in (
            "period_start",
            "period_end",
            "members_start",
            "members_end",
            "admitted",
            "made_official",
            "transferred_in",
            "transferred_out",
            "died",
            "struck_off",
            "expelled",
            "left",
            "readmitted",
            "restored",
            "cells",
            "badges",
        )
    } == {
        "period_start": "2025-01-01",
        "period_end": "2025-12-31",
        "members_start": 8,
        "members_end": 6,
        "admitted": 1,
        "made_official": 1,
        "transferred_in": 1,
        "transferred_out": 1,
        "died": 1,
        "struck_off": 1,
        "expelled": 1,
        "left": 1,
        "readmitted": 1,
        "restored": 0,
        "cells": 2,
        "badges": {"30": 1},
    }
    assert summary.identity_holds
    assert (summary.start.official, summary.start.probationary) == (7, 1)
    assert (summary.end.women, summary.end.ethnic_minority, summary.end.probationary) == (2, 1, 1)
    assert [(c.name, c.start, c.gained, c.lost, c.end) for c in summary.cells] == [
        ("Chi bộ A", 8, 2, 6, 4),
        ("Chi bộ B", 0, 2, 0, 2),
    ]
    assert summary.disciplines == (("Khai trừ", 1), ("Khiển trách", 1))


def test_a_past_report_does_not_change_with_todays_records(hand_register):
    _a, _b, m1 = hand_register
    before = membership_summary(YEAR).contract()

    services.fact_record(member=Member.objects.get(pk=m1.pk), kind="died", day=date(2026, 3, 1))
    services.member_update(
        member=Member.objects.get(pk=m1.pk),
        values={"full_name": "Nguyễn Văn Ân"},
        expected_version=Member.objects.get(pk=m1.pk).version,
    )

    assert membership_summary(YEAR).contract() == before


def test_a_2024_report_does_not_change_after_a_2026_import_that_creates_a_cell_and_a_merger(
    hand_register, pinned_today
):
    a, b, _m1 = hand_register
    before = membership_summary(Period.year(2024)).contract()
    new_cell = "Chi bộ Mới Thành Lập"
    content = sheet(
        {
            "Họ và tên": "Phan Văn Quý",
            "Chi bộ": new_cell,
            "Ngày vào Đảng": "01/01/1995",
            "Ngày chính thức": "01/01/1996",
            "Ngày chuyển đến": "01/03/2026",  # on the rolls of another committee until then
        },
        {"Họ và tên": "Mai Thị Rạng", "Chi bộ": new_cell, "Ngày vào Đảng": "01/04/2026"},
    )

    plan = plan_import(*content, milestones=known_milestones())
    commit_import(plan, milestones=known_milestones())
    services.cell_merge(cell=a, into=b, day=date(2026, 3, 1))

    assert (plan.errors, plan.new_cells) == ([], [new_cell])
    assert membership_summary(Period.year(2024)).contract() == before
    # Chi bộ B has no founding date and its first member came in 2025 (§5).
    assert (before["cells"], [row["name"] for row in before["per_cell"]]) == (1, ["Chi bộ A"])
    this_year = membership_summary(Period.year(2026)).contract()
    assert (this_year["cells"], [row["name"] for row in this_year["per_cell"]]) == (
        2,
        ["Chi bộ A", "Chi bộ B", new_cell],
    )
    assert (this_year["transferred_in"], this_year["admitted"]) == (1, 2)


def test_cells_count_as_of_the_periods_dates(pinned_today):
    founded = CellFactory(name="Chi bộ Thành Lập 2025")
    services.cell_set_founded(cell=founded, founded_on=date(2025, 3, 1))
    undated = CellFactory(name="Chi bộ Chưa Rõ Ngày")
    make_member(cell=undated, admission_date=date(2025, 6, 1), official_date=None)
    merged = CellFactory(name="Chi bộ Đã Sáp Nhập")
    make_member(
        cell=merged,
        full_name="Lê Văn Cũ",
        admission_date=date(2000, 1, 1),
        official_date=date(2001, 1, 1),
    )
    services.cell_merge(cell=merged, into=founded, day=date(2025, 9, 1))

    def cells(period):
        figures = membership_summary(period).contract()
        return figures["cells"], [row["name"] for row in figures["per_cell"]]

    assert cells(Period.year(2024)) == (1, ["Chi bộ Đã Sáp Nhập"])
    assert cells(Period.first_half(2025)) == (
        3,
        ["Chi bộ Chưa Rõ Ngày", "Chi bộ Đã Sáp Nhập", "Chi bộ Thành Lập 2025"],
    )
    assert cells(YEAR) == (
        2,
        ["Chi bộ Chưa Rõ Ngày", "Chi bộ Đã Sáp Nhập", "Chi bộ Thành Lập 2025"],
    )
    assert [
        (row.name, row.start, row.gained, row.lost, row.end)
        for row in membership_summary(YEAR).cells
    ] == [
        ("Chi bộ Chưa Rõ Ngày", 0, 1, 0, 1),
        ("Chi bộ Đã Sáp Nhập", 1, 0, 1, 0),
        ("Chi bộ Thành Lập 2025", 0, 1, 0, 1),
    ]


def test_the_first_half_and_its_figures(hand_register):
    half = membership_summary(Period.first_half(2025)).contract()

    assert (half["members_start"], half["members_end"]) == (
        8,
        8,
    )  # +2 in (Bình, Dung), -2 out (Em, Oanh)
    assert (
        half["admitted"],
        half["transferred_in"],
        half["transferred_out"],
        half["struck_off"],
    ) == (1, 1, 1, 1)


@pytest.mark.parametrize("item_count", [1, 3])
def test_report_data_takes_a_fixed_number_of_queries(item_count, django_assert_num_queries):
    cell = CellFactory()
    for n in range(item_count):
        member = make_member(
            cell=cell,
            full_name=f"Vũ Văn {'ABC'[n]}",
            admission_date=date(2025, 2, 1),
            official_date=None,
        )
        services.discipline_record(member=member, form="reprimand", decision_date=date(2025, 6, 1))
        _recorded_commendation(member)

    # members, facts, cells, former names, badges, bonus lines, disciplines, member and cell
    # ratings, commendation lines, their commendations and committee profiles
    with django_assert_num_queries(12):
        summary = membership_summary(YEAR)

    assert (summary.end.total, summary.movement.admitted) == (item_count, item_count)
    assert len(summary.commendations) == item_count


def _recorded_commendation(member):
    """An issued decision of the year 2025 commending one member."""
    from ratings.models import (  # noqa: PLC0415 -- only the query count commends
        Commendation,
        CommendationLine,
        RatingYear,
    )

    year, _ = RatingYear.objects.get_or_create(
        year=2025, defaults={"late_admission_from": date(2025, 7, 1), "locked": True}
    )
    commendation = Commendation.objects.create(
        year=year,
        level="own",
        form="giay_khen",
        reason="Hoàn thành xuất sắc nhiệm vụ",
        state="issued",
        number=Commendation.objects.count() + 1,
        dated=date(2026, 1, 20),
    )
    CommendationLine.objects.create(commendation=commendation, member=member, title="HTXSNV")


def test_an_annual_report_carries_the_ratings_of_its_year(hand_register):
    from ratings import services as rating_services  # noqa: PLC0415 -- only this test rates

    a, _b, _m1 = hand_register
    year = rating_services.rating_year(2025)
    members = {
        m.full_name: m for m in Member.objects.filter(cell=a, status__in=["active", "exempt"])
    }
    rating_services.ratings_save(
        year=year,
        cell=a,
        levels={
            members["Nguyễn Văn An"].pk: ("HTXSNV", None),
            members["Đỗ Văn Hà"].pk: ("HTTNV", None),
            members["Ngô Văn Minh"].pk: ("HTTNV", None),
        },
        cell_level="HTTNV",
    )

    summary = membership_summary(YEAR)
    half = membership_summary(Period.first_half(2025))

    assert [
        (r.level, r.members, r.members_percent, r.cells, r.cells_percent) for r in summary.ratings
    ] == [
        ("HTXSNV", 1, 33.3, 0, 0.0),
        ("HTTNV", 2, 66.7, 1, 100.0),
        ("HTNV", 0, 0.0, 0, 0.0),
        ("KHTNV", 0, 0.0, 0, 0.0),
    ]
    assert summary.contract()["ratings"]["HTTNV"] == {"members": 2, "cells": 1}
    assert (half.ratings_year, half.ratings) == (None, ())
