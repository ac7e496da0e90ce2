"""The badge bonus funding: estimate and settlement, figures computed by hand across the base
salary change of 01/07/2026 (2,340,000 đồng before it, 2,530,000 from it; DOMAIN.md §3)."""

from datetime import date
from decimal import Decimal

import pytest

from ceremonies import services
from ceremonies.funding import FundingLine, funding_estimate, funding_settlement
from members.models import Member
from tests.ceremonies.funding_world import (
    BEFORE_2026,
    make_settled_2026,
    make_year_2026,
    member,
)
from vusta_party.money import amount_in_words

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_2026():
    return make_year_2026()


@pytest.fixture
def settled_2026():
    return make_settled_2026()


def lines(found):
    return [
        (line.milestone, line.count, line.coefficient, line.amount, line.total) for line in found
    ]


def test_the_estimate_counts_each_member_at_the_first_round_and_follows_the_base_salary(year_2026):
    estimate = funding_estimate(2026, today=BEFORE_2026)

    by_round = {r.day: r for r in estimate.rounds}
    assert list(by_round) == [
        date(2026, 2, 3),
        date(2026, 5, 19),
        date(2026, 9, 2),
        date(2026, 11, 7),
    ]
    assert [r.base_salary for r in estimate.rounds] == [2_340_000, 2_340_000, 2_530_000, 2_530_000]
    assert [r.salary_verified for r in estimate.rounds] == [True, True, False, False]
    # 1.5 × 2,340,000 = 3,510,000 each, two members.
    assert lines(by_round[date(2026, 2, 3)].lines) == [
        (30, 2, Decimal("1.50"), 3_510_000, 7_020_000)
    ]
    # Early cases apart: 8 × 2,340,000.
    assert lines(by_round[date(2026, 2, 3)].early) == [
        (70, 1, Decimal("8.00"), 18_720_000, 18_720_000)
    ]
    assert lines(by_round[date(2026, 5, 19)].lines) == [
        (40, 1, Decimal("2.00"), 4_680_000, 4_680_000)
    ]
    # From 01/07/2026: 3 × 2,530,000; 45 has no coefficient, counted but not priced.
    assert lines(by_round[date(2026, 9, 2)].lines) == [
        (50, 1, Decimal("3.00"), 7_590_000, 7_590_000),
        (45, 1, None, None, None),
    ]
    assert lines(by_round[date(2026, 11, 7)].lines) == [
        (30, 1, Decimal("1.50"), 3_795_000, 3_795_000)
    ]
    assert [r.early for r in estimate.rounds[1:]] == [(), (), ()]
    # 7,020,000 + 4,680,000 + 7,590,000 + 3,795,000
    assert (estimate.count, estimate.total) == (6, 23_085_000)
    assert (estimate.early_count, estimate.early_total) == (1, 18_720_000)
    assert estimate.by_milestone == (
        (50, 1, 7_590_000),
        (45, 1, 0),
        (40, 1, 4_680_000),
        (30, 3, 10_815_000),
    )
    assert [m.text for m in estimate.missing] == [
        "Chưa có hệ số tiền thưởng Huy hiệu 45 năm áp dụng ngày 02/09/2026: 1 đảng viên "
        "(1 tặng) chưa tính tiền thưởng."
    ]
    assert estimate.unverified_salaries == (2_530_000,)
    assert estimate.passed == ()
    assert amount_in_words(estimate.total) == "Hai mươi ba triệu không trăm tám mươi lăm nghìn đồng"


def test_the_estimate_of_the_current_year_leaves_out_the_rounds_past(year_2026):
    estimate = funding_estimate(2026, today=date(2026, 6, 1))

    assert estimate.passed == (date(2026, 2, 3), date(2026, 5, 19))
    first = estimate.rounds[0]
    # Not awarded yet, the members due at 3/2 and 19/5 are counted at the next round, 2/9,
    # at the base salary of then: 1.5 × 2,530,000 and 2 × 2,530,000.
    assert first.day == date(2026, 9, 2)
    assert lines(first.lines) == [
        (50, 1, Decimal("3.00"), 7_590_000, 7_590_000),
        (45, 1, None, None, None),
        (40, 1, Decimal("2.00"), 5_060_000, 5_060_000),
        (30, 2, Decimal("1.50"), 3_795_000, 7_590_000),
    ]
    assert lines(first.early) == [(70, 1, Decimal("8.00"), 20_240_000, 20_240_000)]
    assert estimate.total == 7_590_000 + 5_060_000 + 7_590_000 + 3_795_000


def test_the_estimate_names_the_kinds_a_missing_coefficient_leaves_out():
    member("Hoàng Văn Giang", date(1981, 6, 1), held=(30, 40))
    member("Vũ Thị Lan", date(1981, 12, 1), held=(30, 40), ill=True)  # 45 early, from 01/12/2025

    estimate = funding_estimate(2026, today=BEFORE_2026)

    assert [m.text for m in estimate.missing] == [
        "Chưa có hệ số tiền thưởng Huy hiệu 45 năm áp dụng ngày 03/02/2026: 1 đảng viên "
        "(1 tặng sớm) chưa tính tiền thưởng.",
        "Chưa có hệ số tiền thưởng Huy hiệu 45 năm áp dụng ngày 02/09/2026: 1 đảng viên "
        "(1 tặng) chưa tính tiền thưởng.",
    ]


def test_the_estimate_of_a_cell_counts_its_members_only(year_2026):
    a, _b = year_2026

    estimate = funding_estimate(2026, today=BEFORE_2026, members=Member.objects.filter(cell=a))

    assert (estimate.count, estimate.total, estimate.early_total) == (
        3,
        3_510_000 + 4_680_000,
        18_720_000,
    )


def test_the_estimate_reads_the_register_in_a_fixed_number_of_queries(
    year_2026, django_assert_num_queries
):
    with django_assert_num_queries(6):  # rules, the register's three, the two bonus tables
        funding_estimate(2026, today=BEFORE_2026)


def test_a_year_over_has_no_estimate(year_2026):
    estimate = funding_estimate(2025, today=BEFORE_2026)

    assert (estimate.rounds, estimate.passed) == (
        (),
        (date(2025, 2, 3), date(2025, 5, 19), date(2025, 9, 2), date(2025, 11, 7)),
    )


# --- the settlement ---------------------------------------------------------------------------


def settled(found):
    return [
        (line.milestone, line.count, line.coefficient, line.base_salary, line.amount, line.total)
        for line in found
    ]


def test_the_settlement_gives_the_bonuses_decided_by_round_and_milestone(settled_2026):
    settlement = funding_settlement(
        start=date(2026, 1, 1), end=date(2026, 12, 31), label="năm 2026"
    )

    assert [(r.day, r.decision) for r in settlement.rounds] == [
        (date(2026, 5, 19), "Quyết định số 12-QĐ/ĐUK ngày 10/05/2026"),
        (date(2026, 9, 2), "Quyết định số 31-QĐ/ĐUK ngày 20/08/2026"),
    ]
    may, september = settlement.rounds
    assert settled(may.lines) == [
        (40, 1, Decimal("2.00"), 2_340_000, 4_680_000, 4_680_000),
        (30, 2, Decimal("1.50"), 2_340_000, 3_510_000, 7_020_000),
    ]
    assert settled(september.lines) == [
        (55, 1, Decimal("3.50"), 2_530_000, 8_855_000, 8_855_000),
        (50, 1, Decimal("3.00"), 2_530_000, 7_590_000, 7_590_000),
        (30, 1, Decimal("1.50"), 2_530_000, 3_795_000, 3_795_000),
    ]
    assert (may.count, may.total, september.count, september.total) == (
        3,
        11_700_000,
        3,
        20_240_000,
    )
    assert (settlement.count, settlement.total) == (6, 31_940_000)
    assert settlement.by_milestone == (
        (55, 1, 8_855_000),
        (50, 1, 7_590_000),
        (40, 1, 4_680_000),
        (30, 3, 10_815_000),
    )
    assert settlement.outside == ((30, 1),)  # recorded by hand: no bonus in the app
    assert amount_in_words(settlement.total) == "Ba mươi mốt triệu chín trăm bốn mươi nghìn đồng"


def test_the_settlement_of_a_half_year_and_of_a_cell(settled_2026):
    a, _b = settled_2026

    half = funding_settlement(start=date(2026, 1, 1), end=date(2026, 6, 30), label="6 tháng")
    cell = funding_settlement(
        start=date(2026, 1, 1),
        end=date(2026, 12, 31),
        label="năm 2026",
        members=Member.objects.filter(cell=a),
    )

    assert (half.count, half.total, half.outside) == (3, 11_700_000, ((30, 1),))
    assert (cell.count, cell.total, cell.outside) == (3, 3_510_000 + 7_590_000 + 8_855_000, ())


def test_a_cancelled_round_settles_nothing(settled_2026):
    services.round_cancel(
        round_=services.Round.objects.get(date=date(2026, 9, 2)), reason="Quyết định bị thu hồi"
    )

    settlement = funding_settlement(
        start=date(2026, 1, 1), end=date(2026, 12, 31), label="năm 2026"
    )

    assert (settlement.count, settlement.total) == (3, 11_700_000)


def test_the_settlement_takes_two_queries(settled_2026, django_assert_num_queries):
    with django_assert_num_queries(2):
        funding_settlement(start=date(2026, 1, 1), end=date(2026, 12, 31), label="năm 2026")


def test_a_line_without_a_rate_has_no_total():
    assert (
        FundingLine(
            milestone=45, count=2, coefficient=None, base_salary=2_530_000, amount=None
        ).total
        is None
    )
