"""Set-based reads of the register: a fixed number of queries, whatever the number of members."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet

from members.access import member_or_404, members_for, sees_personal_numbers
from members.enums import ON_ROLLS
from members.models import Member, MembershipEvent, Organisation
from members.party_age import DEFAULT_MILESTONES, add_months, next_milestone, party_age_years
from members.rules import probation_cutoffs


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
    due, overdue = probation_cutoffs(on=on)
    if kind == "due":
        return base & Q(admission_date__lte=due)
    if kind == "overdue":
        return base & Q(admission_date__lte=overdue)
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


@dataclass(frozen=True)
class MemberList:
    """The member list of a user for a search and filters: the members (scoped, filtered, in
    name order), or, for the milestone filter, the milestone rows in name order."""

    members: QuerySet[Member]
    upcoming: list[MilestoneRow] | None


def member_list(user, filters: dict, *, today: date) -> MemberList:
    """The user's members for the list page's filters (q, cell, status, sex, milestone months):
    the scope first, then the filters in SQL; the milestone filter answers in Python over one
    query (§1)."""
    queryset = members_for(user)
    status = filters.get("status", "")
    if status == "":
        queryset = queryset.filter(status__in=ON_ROLLS)
    elif status.startswith("probation"):
        kind = status.removeprefix("probation").removeprefix("_") or "all"
        queryset = queryset.filter(probation_filter(kind, on=today))
    elif status != "all":
        queryset = queryset.filter(status=status)
    if filters.get("cell"):
        queryset = queryset.filter(cell=filters["cell"])
    if filters.get("sex"):
        queryset = queryset.filter(sex=filters["sex"])
    if filters.get("q"):
        queryset = queryset.search(filters["q"], by_citizen_id=sees_personal_numbers(user))
    upcoming = None
    if filters.get("milestone"):
        upcoming = upcoming_milestones(
            queryset, start=today, end=add_months(today, int(filters["milestone"]))
        )
    return MemberList(queryset.in_name_order(), upcoming)


def list_page_members(queryset: QuerySet[Member], ids=None):
    """The members a list page shows, with what each row prints (cell, badges): two queries."""
    queryset = queryset.select_related("cell").prefetch_related("badges")
    return queryset if ids is None else queryset.in_bulk(ids)


def member_page(user, pk: int) -> Member:
    """A member the user may see, with every fact their page shows (one query per kind)."""
    return member_or_404(
        user,
        pk,
        members_for(user)
        .select_related("cell")
        .prefetch_related(
            Prefetch("events", queryset=MembershipEvent.objects.select_related("cell")),
            "interruptions",
            "disciplines",
            "badges",
        ),
    )
