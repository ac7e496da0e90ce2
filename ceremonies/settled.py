"""Members whose badge answer their stored dates settle over a span (DOMAIN.md §2), so that the
whole-register pages count and order them in SQL instead of asking the rules for each one.

A member is settled over the days from `since` to `until`, for some rule sets, when nothing the
rules weigh can change on those days but the date: an official member since before the span, on
the rolls and living, not seriously ill, not held, with no discipline whose delay may still run,
with no milestone in an open round, and whose stored next milestone (ceremonies.milestones: the
lowest of any version above the badges held) is a milestone of each rule set. `evaluate()` then
says "not yet" before their stored first possible date (Member.candidate_from) and "candidate" (a
regular award) from it on; when it is after `since` it is the stored due date of that milestone,
and no second milestone can fall in the span (`at_most_one_milestone_within`). These are the
rules' own answers, stored by ceremonies.milestones; every row a page shows is still decided by
`evaluate()`, and the tests check the counts and the order against the rules asked of everyone.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connections
from django.db.models import Case, Count, Q, QuerySet, Value, When
from django.db.models.functions import Collate

from ceremonies.eligibility import (
    RuleSet,
    at_most_one_milestone_within,
    occasions_up_to,
    round_on_or_after,
)
from ceremonies.models import open_round_lines
from members.enums import OFF_ROLLS
from members.models import Discipline, Member
from members.party_age import add_months

NOBODY = Q(pk__in=[])


def settled(*, since: date, until: date, rules: Sequence[RuleSet]) -> Q:
    """The members settled from `since` to `until` (and to the round `until` falls into) under
    each of `rules`; nobody when the span is long enough for a member to pass two milestones."""
    end = round_on_or_after(until)
    if not all(at_most_one_milestone_within(r, since=since, until=end) for r in rules):
        return NOBODY
    milestones = set.intersection(*(set(r.milestones) for r in rules))
    longest = max(max(r.discipline_delay_months.values(), default=0) for r in rules)
    disciplined = Discipline.objects.filter(decision_date__gt=add_months(since, -longest))
    return (
        Q(
            official_date__lte=since,
            death_date__isnull=True,
            seriously_ill=False,
            on_hold=False,
            next_milestone__in=sorted(milestones),
        )
        # On the rolls, as a negation (Member.objects.on_rolls says why SQLite needs it; on
        # PostgreSQL the status is a column of the index read, and either form costs the same).
        & ~Q(status__in=OFF_ROLLS)
        & ~Q(pk__in=disciplined.values("member_id"))
        & ~Q(pk__in=open_round_lines().values("member_id"))
    )


def due_within(members: QuerySet[Member], *, today: date, until: date) -> QuerySet[Member]:
    """The settled `members` due after today and by `until`, in the outlook's order: due date,
    then cell and name as the rosters sort them (byte order on both databases, as Python's)."""
    binary = "C" if connections[members.db].vendor == "postgresql" else "BINARY"
    return members.filter(candidate_from__gt=today, candidate_from__lte=until).order_by(
        "candidate_from", Collate("cell__name_sort", binary), "name_sort", "id"
    )


@dataclass(frozen=True)
class Counts:
    """The settled members who may qualify by a date, counted by `counted`."""

    now: int  # candidates today
    due: dict[tuple[date, int], int]  # {(round, milestone): members} due after today
    on: dict[date, int]  # {day: members who are candidates on that day}, for the days asked


def counted(
    members: QuerySet[Member], *, today: date, until: date, days: Iterable[date] = ()
) -> Counts:
    """Of the settled `members` that may qualify by `until`, in one query: how many are
    candidates today, those due after today by round (the round their due date falls into) and
    milestone, and how many are candidates on each of `days` (from today to `until`)."""
    days = set(days)
    if any(not today <= day <= until for day in days):
        raise ValueError(f"A day to count is outside {today}–{until}.")
    occasions = occasions_up_to(today + timedelta(days=1), until)
    # Each bucket holds the due dates after the one before it and up to its own day; its
    # round is the one on or after that day.
    ends = sorted(set(occasions) | (days - {today}))
    bucket = Case(
        When(candidate_from__lte=today, then=Value(-1)),
        *(When(candidate_from__lte=day, then=Value(i)) for i, day in enumerate(ends)),
        default=Value(len(ends) - 1),
    )
    rows = (
        members.filter(candidate_from__lte=until)
        .order_by()
        .annotate(bucket=bucket)
        .values("bucket", "next_milestone")
        .annotate(members=Count("pk"))
        .values_list("bucket", "next_milestone", "members")
    )
    now, due, by_end = 0, {}, [0] * len(ends)
    for i, milestone, n in rows:
        if i < 0:
            now += n
            continue
        key = (round_on_or_after(ends[i]), milestone)
        due[key] = due.get(key, 0) + n
        by_end[i] += n
    on = {
        day: now + sum(n for end, n in zip(ends, by_end, strict=True) if end <= day) for day in days
    }
    return Counts(now, due, on)
