"""Set-based reads of the register: a fixed number of queries, whatever the number of members."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet

from members.models import ON_ROLLS, Member, Organisation
from members.party_age import DEFAULT_MILESTONES, add_months, next_milestone, party_age_years
from members.rules import PROBATION_MONTHS, PROBATION_OVERDUE_MONTHS


@dataclass(frozen=True)
class MilestoneRow:
    member_id: int
    name_sort: str
    milestone: int
    due_date: date


def upcoming_milestones(
    queryset: QuerySet[Member],
    *,
    start: date,
    end: date,
    milestones: tuple[int, ...] = DEFAULT_MILESTONES,
) -> list[MilestoneRow]:
    """Members on the rolls with an official date who reach a milestone above their badges in
    [start, end], in name order: one query, then the rule of §1 in Python."""
    rows = (
        queryset.filter(status__in=ON_ROLLS, official_date__isnull=False)
        .order_by("name_sort", "id")
        .values_list(
            "id",
            "name_sort",
            "party_age_start",
            "interrupted_days",
            "highest_badge",
        )
    )
    found = []
    day_before = date.fromordinal(start.toordinal() - 1)
    for member_id, name_sort, start, days, highest in rows:
        upcoming = next_milestone(
            start=start,
            on=day_before,
            interrupted_days=days,
            received=(highest,),
            milestones=milestones,
        )
        if upcoming and upcoming[1] <= end:
            found.append(MilestoneRow(member_id, name_sort, upcoming[0], upcoming[1]))
    return found


def probation_filter(kind: str, *, on: date) -> Q:
    """Probationary members on the rolls: all, due for recognition (12 months), overdue (24)."""
    base = Q(status__in=ON_ROLLS, official_date__isnull=True)
    if kind == "due":
        return base & Q(admission_date__lte=add_months(on, -PROBATION_MONTHS))
    if kind == "overdue":
        return base & Q(admission_date__lt=add_months(on, -PROBATION_OVERDUE_MONTHS))
    return base


def cells_with_counts(queryset: QuerySet[Organisation]) -> QuerySet[Organisation]:
    """Cells annotated with the members on their rolls: total, official, probationary, women."""
    on_rolls = Q(members__status__in=ON_ROLLS)
    return queryset.select_related("parent").annotate(
        member_count=Count("members", filter=on_rolls),
        official_count=Count("members", filter=on_rolls & Q(members__official_date__isnull=False)),
        probationary_count=Count(
            "members", filter=on_rolls & Q(members__official_date__isnull=True)
        ),
        women_count=Count("members", filter=on_rolls & Q(members__sex="F")),
    )


def party_years_today(member: Member, today: date) -> int | None:
    """Completed years of party age today (None for a probationary member)."""
    if not member.is_official:
        return None
    return party_age_years(
        start=member.party_age_start, on=today, interrupted_days=member.interrupted_days
    )
