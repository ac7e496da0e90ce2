"""Reads of commendations: a year's, a member's and a cell's, and what a decision prints."""

from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    When,
    prefetch_related_objects,
)

from members.models import Member, Organisation
from ratings.enums import CommendationLevel, CommendationState
from ratings.models import Commendation, CommendationLine, MemberRating, RatingYear
from vusta_party.dated import row_in_force
from vusta_party.documents import document_number
from vusta_party.models import CommitteeProfile

RECORDED = (CommendationState.ISSUED, CommendationState.DECIDED)
DECISION_TYPE = "QĐ"  # the committee's decisions, numbered per term
SUBMISSION_TYPE = "TTr"  # its tờ trình


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
class Recorded:
    """A recorded commendation as a report quotes it: who commended, with what, by which decision,
    and whom."""

    own: bool  # the committee's own decision; else the higher committee's, on its proposal
    form: str  # "Giấy khen"
    reference: str  # "Quyết định số 05-QĐ/ĐU ngày 20/12/2025 của Đảng ủy"
    cells: tuple[str, ...]
    members: tuple[tuple[str, str], ...]  # (name, the cell rated in)


def recorded_of_year(
    year: int,
    *,
    members: QuerySet[Member] | None = None,
    cells: QuerySet[Organisation] | None = None,
) -> tuple[Recorded, ...]:
    """The recorded commendations made from a rating year (the committee's decisions issued, the
    higher committee's decisions recorded), their lists limited to `members` and `cells` when
    given (a cell secretary's scope): what the year's report says. Three queries (two when there
    is none): the lines as plain values (a large register's year holds thousands), their
    commendations, the committee profiles."""
    lines = CommendationLine.objects.filter(
        commendation__year__year=year, commendation__state__in=RECORDED
    ).annotate(
        rated_cell_name=Subquery(
            MemberRating.objects.filter(
                year_id=OuterRef("commendation__year_id"), member_id=OuterRef("member_id")
            ).values("cell__name")[:1]
        )
    )
    if members is not None:
        lines = lines.filter(Q(member__in=members) | Q(cell__in=cells if cells is not None else []))
    rows = lines.values_list(
        "commendation_id",
        "cell_id",
        "cell__name",
        "cell__name_sort",
        "member__full_name",
        "member__name_sort",
        "rated_cell_name",
    )
    names: dict[int, tuple[list, list]] = {}
    # In name order: a member's name, else the cell's.
    for commendation_id, cell_id, cell, _cell_key, member, _member_key, rated_in in sorted(
        rows, key=lambda row: row[5] if row[5] is not None else row[3]
    ):
        entry = names.setdefault(commendation_id, ([], []))
        if cell_id:
            entry[0].append(cell)
        else:
            entry[1].append((member, rated_in or ""))
    commendations = Commendation.objects.in_bulk(list(names))
    found = {pk: (commendations[pk], *lists) for pk, lists in names.items()}
    profiles = list(CommitteeProfile.objects.all())
    return tuple(
        Recorded(
            own=commendation.level == CommendationLevel.OWN,
            form=commendation.get_form_display(),
            reference=_reference(commendation, profiles),
            cells=tuple(cell_names),
            members=tuple(member_names),
        )
        for commendation, cell_names, member_names in sorted(
            found.values(), key=lambda entry: (entry[0].level != CommendationLevel.OWN, entry[0].pk)
        )
    )


def _reference(commendation: Commendation, profiles: list[CommitteeProfile]) -> str:
    if commendation.level != CommendationLevel.OWN:
        by = commendation.decided_by or "cấp trên"
        return (
            f"Quyết định số {commendation.decision_number} ngày "
            f"{commendation.decision_date:%d/%m/%Y} của {by}"
        )
    profile = row_in_force(profiles, commendation.dated, earliest_before_first=True)
    number = document_number(
        sequence=commendation.number, type_code=DECISION_TYPE, symbol=profile.document_symbol
    )
    return f"Quyết định {number[:1].lower()}{number[1:]} ngày {commendation.dated:%d/%m/%Y}"


@dataclass(frozen=True)
class Counts:
    cells: int
    members: int


def counts(lines: list[CommendationLine]) -> Counts:
    return Counts(
        cells=sum(1 for line in lines if line.cell_id),
        members=sum(1 for line in lines if line.member_id),
    )


def decided_lines(*, start, end) -> list[tuple[str, bool, object]]:
    """The lines of the commendations recorded by a decision dated from `start` to `end`, as
    (form, whether a cell's line, the decision's date): the committee's own decision dated on
    its issue, the higher committee's on the decision recorded (Biểu 7-BTCTW). One query."""
    lines = (
        CommendationLine.objects.annotate(
            decided_on=Case(
                When(commendation__level=CommendationLevel.OWN, then=F("commendation__dated")),
                default=F("commendation__decision_date"),
            )
        )
        .filter(commendation__state__in=RECORDED, decided_on__gte=start, decided_on__lte=end)
        .values_list("commendation__form", "cell_id", "decided_on")
        .order_by()
    )
    return [(form, cell_id is not None, day) for form, cell_id, day in lines]
