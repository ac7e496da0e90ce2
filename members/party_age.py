"""Party age (tuổi Đảng) and the due date of a milestone: DOMAIN.md §1. Pure, no database.

- Party age exists only for a member with an official date; it counts from the admission date
  (or the staff override of its start), less the interruptions.
- due_date(M) = add_years(start, M) + the sum of the interruption lengths in days.
- A member "has M years" on D when due_date(M) <= D.
"""

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta


def add_years(day: date, years: int) -> date:
    """Same day and month `years` later (or earlier); 29/02 becomes 28/02 in a non-leap year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29/02 into a non-leap year: the only date that does not exist
        return date(day.year + years, 2, 28)


def add_months(day: date, months: int) -> date:
    """Same day `months` later (or earlier), clamped to the end of a shorter month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Interval:
    """An interruption: `start` is the first day out, `end` the day activity resumed."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days


def interruption_days(interruptions: Iterable[Interval]) -> int:
    """Total length of the interruptions, in days."""
    return sum(interval.days for interval in interruptions)


def milestone_due_date(*, start: date, milestone: int, interrupted_days: int = 0) -> date:
    """The day a member reaches `milestone` years of party age."""
    due = add_years(start, milestone)
    return due + timedelta(days=interrupted_days) if interrupted_days else due


def party_age_years(*, start: date, on: date, interrupted_days: int = 0) -> int:
    """Completed years of party age on `on` (0 before the first anniversary)."""
    years = on.year - start.year
    while (
        years > 0
        and milestone_due_date(start=start, milestone=years, interrupted_days=interrupted_days) > on
    ):
        years -= 1
    return max(years, 0)


@dataclass(frozen=True)
class PartyAge:
    years: int
    months: int  # completed months beyond the years
    provisional: bool  # the member is probationary: shown, but not a party age yet


def party_age(
    *, start: date, on: date, interrupted_days: int = 0, official: bool
) -> PartyAge | None:
    """Party age on `on` in years and months; None before the start."""
    effective_on = on - timedelta(days=interrupted_days)
    if effective_on < start:
        return None
    months = (effective_on.year - start.year) * 12 + effective_on.month - start.month
    if add_months(start, months) > effective_on:
        months -= 1
    years = party_age_years(start=start, on=on, interrupted_days=interrupted_days)
    return PartyAge(years=years, months=max(months - years * 12, 0), provisional=not official)
