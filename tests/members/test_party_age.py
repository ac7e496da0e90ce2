from datetime import date

import pytest

from members.party_age import (
    Interval,
    PartyAge,
    add_months,
    add_years,
    interruption_days,
    milestone_due_date,
    party_age,
    party_age_years,
)


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        (date(1996, 2, 29), 30, date(2026, 2, 28)),  # non-leap target year
        (date(1996, 2, 29), 28, date(2024, 2, 29)),  # leap target year keeps 29/02
        (date(1995, 12, 31), 30, date(2025, 12, 31)),
        (date(1995, 3, 1), 30, date(2025, 3, 1)),
        (date(2026, 2, 28), -30, date(1996, 2, 28)),
    ],
)
def test_add_years_keeps_day_and_month_and_turns_29_02_into_28_02(day, years, expected):
    assert add_years(day, years) == expected


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 5, 19), -12, date(2025, 5, 19)),
        (date(2026, 5, 31), -24, date(2024, 5, 31)),
        (date(2026, 1, 15), -13, date(2024, 12, 15)),
    ],
)
def test_add_months_clamps_to_the_month_end(day, months, expected):
    assert add_months(day, months) == expected


def test_interruption_length_is_end_minus_start_in_days():
    intervals = [
        Interval(date(2000, 1, 1), date(2000, 3, 1)),
        Interval(date(2005, 6, 1), date(2005, 6, 11)),
    ]

    assert interruption_days(intervals) == 60 + 10


@pytest.mark.parametrize(
    ("start", "milestone", "days", "expected"),
    [
        (date(1996, 5, 14), 30, 0, date(2026, 5, 14)),
        (date(1996, 5, 14), 30, 365, date(2027, 5, 14)),
        (date(1996, 2, 29), 30, 0, date(2026, 2, 28)),
        (date(1996, 2, 29), 30, 1, date(2026, 3, 1)),
        (date(1981, 12, 31), 45, 1, date(2027, 1, 1)),
    ],
)
def test_milestone_due_date_adds_years_then_interruption_days(start, milestone, days, expected):
    assert milestone_due_date(start=start, milestone=milestone, interrupted_days=days) == expected


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2026, 5, 13), 29),  # the day before
        (date(2026, 5, 14), 30),  # on the due date
        (date(2026, 5, 15), 30),  # the day after
        (date(1996, 5, 14), 0),
    ],
)
def test_party_age_years_counts_completed_years(on, expected):
    assert party_age_years(start=date(1996, 5, 14), on=on) == expected


def test_party_age_years_with_29_02_start():
    start = date(1996, 2, 29)

    assert party_age_years(start=start, on=date(2026, 2, 27)) == 29
    assert party_age_years(start=start, on=date(2026, 2, 28)) == 30


def test_party_age_years_subtracts_interruptions():
    start = date(1996, 5, 14)

    assert party_age_years(start=start, on=date(2026, 6, 1), interrupted_days=30) == 29
    assert party_age_years(start=start, on=date(2026, 6, 13), interrupted_days=30) == 30


def test_party_age_in_years_and_months_and_provisional_flag():
    assert party_age(start=date(1996, 5, 14), on=date(2026, 11, 22), official=True) == PartyAge(
        years=30, months=6, provisional=False
    )
    assert party_age(start=date(2025, 12, 1), on=date(2026, 11, 22), official=False) == PartyAge(
        years=0, months=11, provisional=True
    )
    assert party_age(start=date(2026, 12, 1), on=date(2026, 11, 22), official=False) is None
