"""Reads of commendations: a year's, a member's and a cell's, and what a decision prints."""

from dataclasses import dataclass

from django.db.models import Count, Q, prefetch_related_objects

from members.models import Member, Organisation
from ratings.enums import CommendationState
from ratings.models import Commendation, CommendationLine, MemberRating, RatingYear

RECORDED = (CommendationState.ISSUED, CommendationState.DECIDED)


def of_year(year: RatingYear) -> list[Commendation]:
    """The commendations drafted from a year, the committee's own first, each with how many
    cells (`cell_count`) and members (`member_count`) its list has (one query)."""
    if not year.pk:
        return []
    return list(
        Commendation.objects.filter(year=year)
        .annotate(
            cell_count=Count("lines", filter=Q(lines__cell__isnull=False)),
            member_count=Count("lines", filter=Q(lines__member__isnull=False)),
        )
        .order_by("-level", "id")
    )


def lines_of(commendation: Commendation) -> list[CommendationLine]:
    """A commendation's list: cells first, then members, by cell and Vietnamese name order. A
    member's line carries `rated_cell`, the cell the member was rated in that year, so that a
    later transfer does not change a printed list (three queries)."""
    lines = list(commendation.lines.select_related("member__cell", "cell"))
    rated = {
        rating.member_id: rating.cell
        for rating in MemberRating.objects.filter(
            year_id=commendation.year_id, member_id__in=[line.member_id for line in lines]
        ).select_related("cell")
    }
    for line in lines:
        line.rated_cell = line.cell or rated.get(line.member_id) or line.member.cell
    # The names the cells had on the document's day (Organisation.name_on).
    prefetch_related_objects([line.rated_cell for line in lines], "former_names")
    return sorted(
        lines,
        key=lambda line: (
            line.member_id is not None,
            line.rated_cell.name_sort,
            line.member.name_sort if line.member else "",
        ),
    )


def recorded_for(*, member: Member | None = None, cell: Organisation | None = None):
    """The recorded commendations of a member or a cell (decisions issued, or decided by the
    higher committee), newest first (one query)."""
    lines = CommendationLine.objects.filter(commendation__state__in=RECORDED).select_related(
        "commendation__year"
    )
    lines = lines.filter(member=member) if member is not None else lines.filter(cell=cell)
    return list(lines.order_by("-commendation__year__year", "-commendation_id"))


@dataclass(frozen=True)
class Counts:
    cells: int
    members: int


def counts(lines: list[CommendationLine]) -> Counts:
    return Counts(
        cells=sum(1 for line in lines if line.cell_id),
        members=sum(1 for line in lines if line.member_id),
    )
