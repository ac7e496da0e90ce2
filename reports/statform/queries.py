"""The figures of Biểu 7-BTCTW for a period and the same period last year (DOMAIN.md §5): what
the app holds, computed from its records as of the periods' dates, and what staff typed. Seven
queries, whatever the size of the register."""

from dataclasses import dataclass

from django.db.models import Count, Q

from members.enums import EventKind
from members.models import Member, MembershipEvent
from ratings.commendations.queries import decided_lines
from reports.data import KIND_ORDER, badges_awarded
from reports.models import StatFormEntry
from reports.periods import Period
from reports.statform.rules import (
    CommendationLineFact,
    FormRow,
    badge_figures,
    build_rows,
    commendation_figures,
    form_rows,
    typed_keys,
)


@dataclass(frozen=True)
class StatForm:
    period: Period
    previous: Period  # the same period last year
    rows: tuple[FormRow, ...]

    @property
    def typed_rows(self) -> tuple[FormRow, ...]:
        return tuple(row for row in self.rows if row.typed)


def typed_figures(*periods: Period) -> dict[Period, dict[str, int]]:
    """What staff typed for each period, by row (one query)."""
    query = Q(pk__in=[])
    for period in periods:
        query |= Q(kind=period.kind, start=period.start, end=period.end)
    figures: dict[Period, dict[str, int]] = {period: {} for period in periods}
    keys = typed_keys()
    for kind, start, end, row, value in StatFormEntry.objects.filter(query).values_list(
        "kind", "start", "end", "row", "value"
    ):
        period = Period(start, end, kind)
        if period in figures and row in keys:
            figures[period][row] = value
    return figures


def _badges(period: Period, members) -> tuple[dict[tuple[int, str], int], int]:
    """Badges decided in the period by (milestone, kind), and the lost badges re-issued."""
    rows, reissued, _bonus = badges_awarded(period, members)
    counts = {
        (row.milestone, kind): n
        for row in rows
        for kind, n in zip(KIND_ORDER, row.by_kind, strict=True)
        if n
    }
    return counts, reissued


def _transfers(period: Period, previous: Period) -> tuple[dict[str, int], dict[str, int]]:
    """Transfers into and out of the committee (not between its cells), by the date of the fact
    (one query)."""

    def within(kind: str, p: Period) -> Count:
        return Count("id", filter=Q(kind=kind, date__gte=p.start, date__lte=p.end))

    counts = MembershipEvent.objects.filter(
        kind__in=(EventKind.TRANSFERRED_IN, EventKind.TRANSFERRED_OUT)
    ).aggregate(
        now_in=within(EventKind.TRANSFERRED_IN, period),
        now_out=within(EventKind.TRANSFERRED_OUT, period),
        before_in=within(EventKind.TRANSFERRED_IN, previous),
        before_out=within(EventKind.TRANSFERRED_OUT, previous),
    )
    return (
        {"transferred_in": counts["now_in"], "transferred_out": counts["now_out"]},
        {"transferred_in": counts["before_in"], "transferred_out": counts["before_out"]},
    )


def statform(period: Period) -> StatForm:
    """Biểu 7-BTCTW of the whole committee for a period: seven queries (typed figures 1,
    commendations 1, badges 2 per period, transfers 1)."""
    previous = period.same_period_last_year()
    typed = typed_figures(period, previous)
    lines = [
        CommendationLineFact(form, of_cell, day)
        for form, of_cell, day in decided_lines(
            start=min(period.start, previous.start), end=max(period.end, previous.end)
        )
    ]
    members = Member.objects.all()
    (counts_now, reissued_now), (counts_before, reissued_before) = (
        _badges(period, members),
        _badges(previous, members),
    )
    milestones = {milestone for milestone, _kind in (*counts_now, *counts_before)}
    transfers_now, transfers_before = _transfers(period, previous)
    current = {
        **typed[period],
        **commendation_figures(lines, start=period.start, end=period.end),
        **badge_figures(counts_now, reissued=reissued_now, milestones=milestones),
        **transfers_now,
    }
    before = {
        **typed[previous],
        **commendation_figures(lines, start=previous.start, end=previous.end),
        **badge_figures(counts_before, reissued=reissued_before, milestones=milestones),
        **transfers_before,
    }
    return StatForm(
        period=period,
        previous=previous,
        rows=build_rows(form_rows(milestones), current=current, previous=before),
    )
