"""Report data (DOMAIN.md §5): every figure computed as of the period's dates from dated facts,
the cells too: a cell counts from its founding date (without one, from the first day a member was
on its rolls) to the day before it was merged into another or dissolved.

A report for a past period gives the same figures whatever is recorded today about later dates.
`membership_summary()` answers in a fixed number of queries, whatever the size of the register.
"""

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet, Sum

from ceremonies.funding import decided_lines
from ceremonies.models import Proposal
from members.enums import BadgeKind, DisciplineForm, EventKind
from members.models import Badge, Discipline, Member, MembershipEvent, Organisation
from ratings.commendations.queries import Recorded, recorded_of_year
from ratings.enums import RatingLevel
from ratings.models import CellRating, MemberRating
from reports.periods import Period
from vusta_party.rows import plain_rows

Kind = EventKind
ENTRIES = (Kind.ADMITTED, Kind.TRANSFERRED_IN, Kind.READMITTED, Kind.RESTORED)
EXITS = (Kind.TRANSFERRED_OUT, Kind.DIED, Kind.STRUCK_OFF, Kind.EXPELLED, Kind.LEFT)
AGE_BANDS = (
    (0, 30, "Dưới 30 tuổi"),
    (30, 41, "Từ 30 đến 40"),
    (41, 51, "Từ 41 đến 50"),
    (51, 61, "Từ 51 đến 60"),
    (61, 71, "Từ 61 đến 70"),
    (71, 200, "Trên 70 tuổi"),
)
DISCIPLINE_LABELS = dict(DisciplineForm.choices)
KIND_ORDER = tuple(BadgeKind.values)


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


@dataclass(frozen=True)
class Composition:
    """The members on the rolls at the end of a day (probationary members included)."""

    total: int
    official: int
    probationary: int
    women: int
    ethnic_minority: int
    religious: int
    age_bands: tuple[tuple[str, int], ...]
    age_unknown: int


@dataclass(frozen=True)
class Movement:
    admitted: int
    made_official: int
    transferred_in: int
    readmitted: int
    restored: int
    transferred_out: int
    died: int
    struck_off: int
    expelled: int
    left: int

    @property
    def gained(self) -> int:
        return self.admitted + self.transferred_in + self.readmitted + self.restored

    @property
    def lost(self) -> int:
        return self.transferred_out + self.died + self.struck_off + self.expelled + self.left


@dataclass(frozen=True)
class CellRow:
    name: str
    start: int
    gained: int  # entries and moves in from other cells
    lost: int  # exits and moves out to other cells
    end: int
    women_end: int
    probationary_end: int


@dataclass(frozen=True)
class BadgeRow:
    milestone: int
    by_kind: tuple[int, int, int, int]  # regular, early, posthumous, posthumous early
    total: int
    bonus: int


@dataclass(frozen=True)
class RatingRow:
    level: str
    label: str
    members: int
    members_percent: float | None
    cells: int
    cells_percent: float | None


@dataclass(frozen=True)
class MembershipSummary:
    period: Period
    start: Composition
    end: Composition
    movement: Movement
    cells: tuple[CellRow, ...]
    cell_count: int
    badges: tuple[BadgeRow, ...]
    badges_total: int
    reissued: int
    bonus_total: int
    disciplines: tuple[tuple[str, int], ...]
    ratings_year: int | None = None  # the year rated, for a report of a calendar year
    ratings: tuple[RatingRow, ...] = ()
    # The commendations recorded from the year's ratings, for a report of a calendar year.
    commendations: tuple[Recorded, ...] = ()

    @property
    def identity_holds(self) -> bool:
        """start + in − out = end (§5)."""
        return self.start.total + self.movement.gained - self.movement.lost == self.end.total

    def contract(self) -> dict:
        """The JSON object of `summary_report` (DOMAIN.md §9), with every figure of the report."""
        return {
            "period_start": self.period.start.isoformat(),
            "period_end": self.period.end.isoformat(),
            "members_start": self.start.total,
            "members_end": self.end.total,
            "admitted": self.movement.admitted,
            "made_official": self.movement.made_official,
            "transferred_in": self.movement.transferred_in,
            "transferred_out": self.movement.transferred_out,
            "died": self.movement.died,
            "struck_off": self.movement.struck_off,
            "expelled": self.movement.expelled,
            "left": self.movement.left,
            "readmitted": self.movement.readmitted,
            "restored": self.movement.restored,
            "cells": self.cell_count,
            "badges": {str(row.milestone): row.total for row in self.badges},
            "badges_total": self.badges_total,
            "badges_by_kind": {
                str(row.milestone): dict(zip(KIND_ORDER, row.by_kind, strict=True))
                for row in self.badges
            },
            "badges_reissued": self.reissued,
            "bonus_total": self.bonus_total,
            "start": asdict(self.start),
            "end": asdict(self.end),
            "disciplines": dict(self.disciplines),
            "per_cell": [asdict(row) for row in self.cells],
            "ratings": {
                row.level: {"members": row.members, "cells": row.cells} for row in self.ratings
            },
            "commendations": [
                {
                    "own": c.own,
                    "form": c.form,
                    "reference": c.reference,
                    "cells": len(c.cells),
                    "members": len(c.members),
                }
                for c in self.commendations
            ],
            "identity_holds": self.identity_holds,
        }


def _composition(members: dict, on_rolls: dict[int, int], on: date) -> Composition:
    ages = Counter()
    unknown = official = women = minority = religious = 0
    for member_id in on_rolls:
        sex, ethnicity, religion, born, official_date = members[member_id]
        official += official_date is not None and official_date <= on
        women += sex == "F"
        minority += bool(ethnicity) and ethnicity != "Kinh"
        religious += bool(religion)
        if born is None:
            unknown += 1
            continue
        ages[_age(born, on)] += 1
    bands = {
        label: sum(count for age, count in ages.items() if low <= age < high)
        for low, high, label in AGE_BANDS
    }
    total = len(on_rolls)
    return Composition(
        total=total,
        official=official,
        probationary=total - official,
        women=women,
        ethnic_minority=minority,
        religious=religious,
        age_bands=tuple((label, bands[label]) for _, _, label in AGE_BANDS),
        age_unknown=unknown,
    )


def membership_summary(
    period: Period,
    members: QuerySet[Member] | None = None,
    cells: QuerySet[Organisation] | None = None,
) -> MembershipSummary:
    """The statistics of a period (§5), as of its dates: seven queries (twelve for a calendar
    year, with its ratings and commendations). `members` and `cells` limit it to a user's scope (a cell
    secretary's cells); by default, the whole committee."""
    members = Member.objects.all() if members is None else members
    cells_in_scope = (
        Organisation.objects.filter(kind=Organisation.Kind.CELL) if cells is None else cells
    )
    # Every member and every event up to the period's end: read as plain rows (vusta_party.rows),
    # which on SQLite halves the time Django's own conversion of the dates takes.
    attributes = {
        pk: rest
        for pk, *rest in plain_rows(
            members.order_by(),
            ("id", "sex", "ethnicity", "religion", "date_of_birth", "official_date"),
        )
    }
    events = plain_rows(
        MembershipEvent.objects.filter(member__in=members, date__lte=period.end).order_by(
            "member_id", "date", "id"
        ),
        ("member_id", "kind", "date", "cell_id"),
    )
    at_start: dict[int, int] = {}  # member -> cell, on the rolls at the end of the day before
    at_end: dict[int, int] = {}
    movement = Counter()
    cell_moves = defaultdict(lambda: [0, 0])  # cell -> [gained, lost]
    current_member, on_rolls, cell = None, False, None
    first_day_of_cell: dict[int, date] = {}  # the first day a member was on a cell's rolls
    for member_id, kind, day, cell_id in events:
        if cell_id not in first_day_of_cell or day < first_day_of_cell[cell_id]:
            first_day_of_cell[cell_id] = day
        if member_id != current_member:
            if current_member is not None and on_rolls:
                at_end[current_member] = cell
            current_member, on_rolls, cell = member_id, False, None
        in_period = day >= period.start
        before = (on_rolls, cell)
        if kind in ENTRIES:
            on_rolls, cell = True, cell_id
        elif kind in EXITS:
            on_rolls = False
        elif kind == Kind.CELL_TRANSFER:
            cell = cell_id
        if in_period:
            movement[kind] += 1
            if before != (on_rolls, cell):
                if before[0]:
                    cell_moves[before[1]][1] += 1
                if on_rolls:
                    cell_moves[cell][0] += 1
        else:
            if on_rolls:
                at_start[member_id] = cell
            else:
                at_start.pop(member_id, None)
    if current_member is not None and on_rolls:
        at_end[current_member] = cell

    end_by_cell = Counter(at_end.values())
    start_by_cell = Counter(at_start.values())
    women_by_cell = Counter(c for m, c in at_end.items() if attributes[m][0] == "F")
    probationary_by_cell = Counter(
        c for m, c in at_end.items() if attributes[m][4] is None or attributes[m][4] > period.end
    )
    cells = []  # the cells that existed on some day of the period, with whether at its end
    for cell in (
        cells_in_scope.filter(Q(founded_on__isnull=True) | Q(founded_on__lte=period.end))
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=period.start))
        .prefetch_related("former_names")
        .order_by("name_sort", "id")
    ):
        if cell.founded_on is None and cell.pk not in first_day_of_cell:
            continue  # no founding date, and no member on its rolls yet by the period's end
        cells.append((cell, cell.ended_on is None or cell.ended_on > period.end))
    rows = tuple(
        CellRow(
            name=cell.name_on(period.end),
            start=start_by_cell[cell.pk],
            gained=cell_moves[cell.pk][0],
            lost=cell_moves[cell.pk][1],
            end=end_by_cell[cell.pk],
            women_end=women_by_cell[cell.pk],
            probationary_end=probationary_by_cell[cell.pk],
        )
        for cell, _at_end in cells
    )
    cell_count = sum(1 for _cell, at_end in cells if at_end)
    badges, reissued, bonus_total = badges_awarded(period, members)
    disciplines = tuple(
        (DISCIPLINE_LABELS[row["form"]], row["n"])
        for row in Discipline.objects.filter(
            member__in=members, decision_date__gte=period.start, decision_date__lte=period.end
        )
        .values("form")
        .annotate(n=Count("id"))
        .order_by("form")
    )
    ratings_year, ratings = _ratings(period, members, cells_in_scope)
    commendations = (
        recorded_of_year(ratings_year, members=members, cells=cells_in_scope)
        if ratings_year
        else ()
    )
    return MembershipSummary(
        period=period,
        start=_composition(attributes, at_start, period.day_before),
        end=_composition(attributes, at_end, period.end),
        movement=Movement(**{str(kind): movement[kind] for kind in _MOVEMENT}),
        cells=rows,
        cell_count=cell_count,
        badges=badges,
        badges_total=sum(row.total for row in badges),
        reissued=reissued,
        bonus_total=bonus_total,
        disciplines=disciplines,
        ratings_year=ratings_year,
        ratings=ratings,
        commendations=commendations,
    )


def _percent(part: int, whole: int) -> float | None:
    return round(part * 100 / whole, 1) if whole else None


def _ratings(period: Period, members, cells) -> tuple[int | None, tuple[RatingRow, ...]]:
    """Members and cells by rating level for a calendar year's report (two queries)."""
    if period.kind != "year":
        return None, ()
    year = period.start.year
    by_member = dict(
        MemberRating.objects.filter(year__year=year, member__in=members)
        .values_list("level")
        .annotate(n=Count("id"))
        .order_by()
    )
    by_cell = dict(
        CellRating.objects.filter(year__year=year, cell__in=cells)
        .values_list("level")
        .annotate(n=Count("id"))
        .order_by()
    )
    rated_members, rated_cells = sum(by_member.values()), sum(by_cell.values())
    return year, tuple(
        RatingRow(
            level=level,
            label=label,
            members=by_member.get(level, 0),
            members_percent=_percent(by_member.get(level, 0), rated_members),
            cells=by_cell.get(level, 0),
            cells_percent=_percent(by_cell.get(level, 0), rated_cells),
        )
        for level, label in RatingLevel.choices
    )


_MOVEMENT = (
    Kind.ADMITTED,
    Kind.MADE_OFFICIAL,
    Kind.TRANSFERRED_IN,
    Kind.READMITTED,
    Kind.RESTORED,
    Kind.TRANSFERRED_OUT,
    Kind.DIED,
    Kind.STRUCK_OFF,
    Kind.EXPELLED,
    Kind.LEFT,
)


def badges_awarded(period: Period, members) -> tuple[tuple[BadgeRow, ...], int, int]:
    """Badges awarded in the period (by the date of their decision), by milestone and kind, with
    the bonus paid by the rounds decided in the period; and the re-issued badges."""
    counts = defaultdict(Counter)
    for milestone, kind, n in (
        Badge.objects.filter(
            member__in=members, decision_date__gte=period.start, decision_date__lte=period.end
        )
        .values_list("milestone", "kind")
        .annotate(n=Count("id"))
        .order_by()
    ):
        counts[milestone][kind] = n
    bonus = defaultdict(int)
    reissued = 0
    lines = (
        decided_lines(start=period.start, end=period.end, members=members)
        .values_list("milestone", "kind")
        .annotate(total=Sum("bonus"), n=Count("id"))
        .order_by()
    )
    for milestone, kind, total, n in lines:
        if kind == Proposal.Kind.REISSUE:
            reissued += n
        else:
            bonus[milestone] += total or 0
    rows = tuple(
        BadgeRow(
            milestone=milestone,
            by_kind=tuple(counts[milestone][kind] for kind in KIND_ORDER),
            total=sum(counts[milestone].values()),
            bonus=bonus[milestone],
        )
        for milestone in sorted(counts, reverse=True)
    )
    return rows, reissued, sum(row.bonus for row in rows)


# The figures compared with the previous period: (key of the contract, label).
FIGURES = (
    ("members_start", "Đảng viên đầu kỳ"),
    ("admitted", "Kết nạp đảng viên mới"),
    ("made_official", "Công nhận đảng viên chính thức"),
    ("transferred_in", "Chuyển sinh hoạt đến"),
    ("readmitted", "Kết nạp lại"),
    ("restored", "Khôi phục đảng tịch"),
    ("transferred_out", "Chuyển sinh hoạt đi"),
    ("died", "Từ trần"),
    ("struck_off", "Xóa tên"),
    ("expelled", "Khai trừ"),
    ("left", "Ra khỏi Đảng"),
    ("members_end", "Đảng viên cuối kỳ"),
    ("cells", "Số chi bộ"),
    ("badges_total", "Huy hiệu Đảng được tặng"),
    ("bonus_total", "Tiền thưởng kèm Huy hiệu (đồng)"),
)


@dataclass(frozen=True)
class ComparisonRow:
    key: str
    label: str
    current: int
    previous: int
    difference: int
    percent: float | None  # None when the previous figure is 0


def compare(current: dict, previous: dict) -> tuple[ComparisonRow, ...]:
    """Each figure against the previous period: difference and percentage (§5)."""
    rows = []
    for key, label in FIGURES:
        now, before = current[key], previous[key]
        rows.append(
            ComparisonRow(
                key=key,
                label=label,
                current=now,
                previous=before,
                difference=now - before,
                percent=round((now - before) * 100 / before, 1) if before else None,
            )
        )
    return tuple(rows)
