"""Reads of the yearly ratings, scoped through the register's one scoping function
(`members.access`): a cell secretary sees only their cells' grids, checks and proposals."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from members.access import cells_for, members_for
from members.enums import ON_ROLLS
from members.models import Discipline, Member, Organisation
from ratings.enums import RatingLevel
from ratings.models import CellRating, MemberRating, RatingYear
from ratings.rules import (
    discipline_conflict,
    discipline_message,
    not_rated_reason,
    quota_checks,
    streak,
)


def year_or_unsaved(year: int) -> RatingYear:
    """The rating year, or an unsaved one with the default parameters: a page that only reads
    never creates it."""
    return RatingYear.objects.filter(year=year).first() or RatingYear.unsaved(year)


@dataclass(frozen=True)
class GridRow:
    member: Member
    rating: MemberRating | None
    not_rated: str | None  # why the member is not rated, if so
    disciplined: str = ""  # the member's disciplines decided in the year ("Cảnh cáo 01/05/2025")


def grid(*, year: RatingYear, cell: Organisation) -> list[GridRow]:
    """The members of a cell to rate in a year, in name order, with their ratings and their
    disciplines of the year (three queries)."""
    members = list(Member.objects.filter(cell=cell, status__in=ON_ROLLS).in_name_order())
    ratings = (
        {r.member_id: r for r in MemberRating.objects.filter(year=year, member__in=members)}
        if year.pk
        else {}
    )
    disciplined: dict[int, list[str]] = {}
    for discipline in Discipline.objects.filter(
        member__in=members, decision_date__year=year.year
    ).order_by("decision_date"):
        disciplined.setdefault(discipline.member_id, []).append(
            f"{discipline.get_form_display()} ngày {discipline.decision_date:%d/%m/%Y}"
        )
    return [
        GridRow(
            member=m,
            rating=ratings.get(m.pk),
            disciplined="; ".join(disciplined.get(m.pk, ())),
            not_rated=not_rated_reason(
                status=m.status,
                admission_date=m.admission_date,
                year=year.year,
                late_admission_from=year.late_admission_from,
            ),
        )
        for m in members
    ]


def cell_rating(*, year: RatingYear, cell: Organisation) -> CellRating | None:
    return CellRating.objects.filter(year=year, cell=cell).first() if year.pk else None


@dataclass(frozen=True)
class CellProgress:
    cell: Organisation
    to_rate: int  # members on the rolls
    rated: int
    level: str | None  # the cell's own rating
    exemplary: bool  # marked tiêu biểu by the committee


# The year page's cell list's sortable columns ("?sort=" key -> fields; ties end with id).
YEAR_CELL_SORTS = {"ten": ("name_sort",), "dang-vien": ("to_rate", "name_sort")}


def year_progress(
    user, year: RatingYear, *, order: tuple[str, ...] = ("name_sort", "id")
) -> list[CellProgress]:
    """The user's cells, by name (or `order`), with how many of their members are rated: three
    queries."""
    cells = (
        cells_for(user)
        .annotate(to_rate=Count("members", filter=Q(members__status__in=ON_ROLLS)))
        .order_by(*order)
    )
    rated, levels = {}, {}
    if year.pk:
        rated = dict(
            year.member_ratings.values_list("cell_id")
            .annotate(n=Count("id"))
            .values_list("cell_id", "n")
        )
        levels = {
            cell_id: (level, exemplary)
            for cell_id, level, exemplary in CellRating.objects.filter(year=year).values_list(
                "cell_id", "level", "exemplary"
            )
        }
    return [
        CellProgress(
            cell,
            cell.to_rate,
            rated.get(cell.pk, 0),
            *levels.get(cell.pk, (None, False)),
        )
        for cell in cells
    ]


def excellent_cells(year: RatingYear) -> list[CellRating]:
    """The cells rated HTXSNV in a year, those the committee may mark tiêu biểu, by name (one
    query)."""
    if not year.pk:
        return []
    return list(
        CellRating.objects.filter(year=year, level=RatingLevel.EXCELLENT)
        .select_related("cell")
        .order_by("cell__name_sort")
    )


@dataclass(frozen=True)
class YearChecks:
    missing: list[str]  # members not rated who should be
    quota: list[str]  # groups over the HTXSNV quota
    disciplined: list[str]  # disciplined in the year and rated above KHTNV

    @property
    def blocking(self) -> bool:
        return bool(self.missing)

    @property
    def warnings(self) -> bool:
        return bool(self.quota or self.disciplined)


# The unrated-members list's sortable columns ("?sort=" key -> fields; ties end with id).
UNRATED_SORTS = {
    "ten": ("name_sort",),
    "chi-bo": ("cell__name_sort", "name_sort"),
    "vao-dang": ("admission_date", "name_sort"),
}


def unrated_members(members: QuerySet[Member], year: RatingYear) -> list[Member]:
    """The members of `members` (in its order) on the rolls and not rated in `year` who should
    be (not exempt, admitted early enough), with their cell: one query."""
    queryset = members.filter(status__in=ON_ROLLS).select_related("cell")
    if year.pk:
        queryset = queryset.exclude(ratings__year=year)
    return [
        m
        for m in queryset
        if not not_rated_reason(
            status=m.status,
            admission_date=m.admission_date,
            year=year.year,
            late_admission_from=year.late_admission_from,
        )
    ]


def year_checks(year: RatingYear) -> YearChecks:
    """What the office sees before locking a year (fixed number of queries)."""
    ratings = (
        {r.member_id: r for r in MemberRating.objects.filter(year=year).select_related("cell")}
        if year.pk
        else {}
    )
    missing = [
        f"{m.full_name} ({m.cell.name})"
        for m in unrated_members(Member.objects.in_name_order(), year)
    ]
    by_cell: dict[str, list[str]] = {}
    for rating in ratings.values():
        by_cell.setdefault(rating.cell.name, []).append(rating.level)
    quota = (
        [
            c.message
            for c in quota_checks(dict(sorted(by_cell.items())), percent=year.quota_percent)
            if c.exceeded
        ]
        if year.quota_enabled
        else []
    )
    disciplined_ids = set(
        Discipline.objects.filter(decision_date__year=year.year).values_list("member_id", flat=True)
    )
    disciplined = sorted(
        discipline_message(name=r.member.full_name, level=r.level)
        for r in MemberRating.objects.filter(
            year__year=year.year, member_id__in=disciplined_ids
        ).select_related("member")
        if discipline_conflict(level=r.level, disciplined=True)
    )
    return YearChecks(missing=missing, quota=quota, disciplined=disciplined)


@dataclass(frozen=True)
class Streak:
    """A member (HTXSNV years) or a cell (tiêu biểu years) with its consecutive years."""

    name: str
    cell: str
    years: int
    member_id: int | None = None
    cell_id: int | None = None


def streaks(user, *, up_to: int, threshold: int) -> tuple[list[Streak], list[Streak]]:
    """Members rated HTXSNV, and cells marked tiêu biểu, in at least `threshold` consecutive
    locked years ending with `up_to`, in the user's scope (the whole committee for None) (§4):
    the commendation proposals. Members by cell then Vietnamese name order, cells by name. Three
    queries."""
    members_in_scope = Member.objects.all() if user is None else members_for(user)
    cells_in_scope = Organisation.objects.all() if user is None else cells_for(user)
    locked = set(RatingYear.objects.filter(locked=True).values_list("year", flat=True))
    first = up_to - 60
    member_years: dict[int, set[int]] = {}
    names = {}
    for member_id, full_name, name_sort, cell, cell_sort, year_value in MemberRating.objects.filter(
        year__year__gt=first,
        year__year__lte=up_to,
        level=RatingLevel.EXCELLENT,
        member__in=members_in_scope,
    ).values_list(
        "member_id",
        "member__full_name",
        "member__name_sort",
        "member__cell__name",
        "member__cell__name_sort",
        "year__year",
    ):
        member_years.setdefault(member_id, set()).add(year_value)
        names[member_id] = (full_name, cell, (cell_sort, name_sort))
    cell_years: dict[int, set[int]] = {}
    cell_names = {}
    for cell_id, cell, cell_sort, year_value in CellRating.objects.filter(
        year__year__gt=first, year__year__lte=up_to, exemplary=True, cell__in=cells_in_scope
    ).values_list("cell_id", "cell__name", "cell__name_sort", "year__year"):
        cell_years.setdefault(cell_id, set()).add(year_value)
        cell_names[cell_id] = (cell, cell_sort)
    members = [
        (names[m][2], Streak(names[m][0], names[m][1], years=n, member_id=m))
        for m, years in member_years.items()
        if (n := streak(years, up_to=up_to, counted_years=locked)) >= threshold
    ]
    cells = [
        (cell_names[c][1], Streak(cell_names[c][0], cell_names[c][0], years=n, cell_id=c))
        for c, years in cell_years.items()
        if (n := streak(years, up_to=up_to, counted_years=locked)) >= threshold
    ]
    return [c for _key, c in sorted(members, key=lambda item: item[0])], [
        c for _key, c in sorted(cells, key=lambda item: item[0])
    ]


def member_ratings(member: Member) -> list[MemberRating]:
    """A member's ratings, newest year first (one query)."""
    return list(member.ratings.select_related("year").order_by("-year__year"))


def cell_ratings(cell: Organisation) -> list[CellRating]:
    """A cell's own ratings, newest year first (one query)."""
    return list(cell.ratings.select_related("year").order_by("-year__year"))
