"""Badge questions over the whole register, in a fixed number of queries (DOMAIN.md §2).

The database narrows the register to the members whose stored first possible round date
(Member.candidate_from, an index) is on or before the date asked about, then the pure rules of
`ceremonies/eligibility.py` decide each remaining member. The bulk answer and the per-member answer
therefore never disagree: both are `evaluate()`.
"""

from collections import defaultdict, namedtuple
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from heapq import merge
from itertools import islice
from typing import NamedTuple

from django.db.models import Count, Q, QuerySet, Sum

from ceremonies.eligibility import (
    EARLY,
    Evaluation,
    MemberFacts,
    RuleSet,
    evaluate,
    highest_reachable,
    round_on_or_after,
)
from ceremonies.models import Round, open_round_lines, rules_on
from ceremonies.settled import Counts, counted, due_within, settled
from members.access import members_for
from members.models import BADGE_READ_FIELDS, Discipline, Member, Organisation
from members.party_age import add_months
from vusta_party.rows import plain_rows

# What the badge questions read of each member: the columns of the index they read it from.
FIELDS = tuple(Member._meta.get_field(name).attname for name in BADGE_READ_FIELDS)


class RegisterRow(NamedTuple):
    """One member of the register with the rules' answer (a tuple: there is one per member)."""

    member_id: int
    full_name: str
    party_card_number: str | None
    cell: str
    facts: MemberFacts
    evaluation: Evaluation
    sort_key: tuple
    candidate_from: date | None = None  # the stored first possible round date

    @property
    def roster_key(self) -> tuple:
        """Roster order (§3): highest milestone first, then cell, then Vietnamese name order."""
        return (-(self.evaluation.milestone or 0), *self.sort_key)


def possible_members(queryset: QuerySet[Member], *, on: date) -> QuerySet[Member]:
    """Members that may qualify for some badge by `on`: a superset of the candidates and the
    deferred, read as a range of the stored first possible round date (Member.candidate_from,
    indexed, kept by ceremonies/milestones.py); the rules then decide each member.

    Unordered: the callers sort the answers in roster order. (The members' default order would make
    SQLite walk the whole name index instead of the range of the date index: 5x slower.)"""
    return queryset.filter(candidate_from__lte=on).order_by()


def _disciplines(*, since: date, on: date, rules: Sequence[RuleSet]) -> dict[int, list]:
    """Disciplines whose delay may still run on some day from `since` to `on` under any of these
    rule sets, by member: one query on the decision date (recent disciplines are few; no list of
    member ids is sent)."""
    longest = max((max(r.discipline_delay_months.values(), default=0) for r in rules), default=0)
    found = defaultdict(list)
    rows = Discipline.objects.filter(
        decision_date__gt=add_months(since, -longest), decision_date__lte=on
    ).values_list("member_id", "form", "decision_date")
    for member_id, form, decided in rows:
        found[member_id].append((form, decided))
    return found


NOTHING: frozenset[int] = frozenset()
NOT_YET = Evaluation("not_yet")


@cache
def _held(milestone: int) -> frozenset[int]:
    """{milestone}, one shared set per badge level (the register holds few)."""
    return frozenset({milestone})


def member_facts(row, *, disciplines=(), proposed=NOTHING) -> MemberFacts:
    """The rules' view of a member from a row of `FIELDS` (values_list(..., named=True)).
    Positional and with shared sets: the register-wide questions build one per member."""
    held = row.highest_badge
    return MemberFacts(
        row.party_age_start,
        row.official_date,
        row.interrupted_days,
        row.status,
        row.death_date,
        row.seriously_ill,
        row.on_hold,
        row.hold_reason,
        tuple(disciplines),
        _held(held) if held else NOTHING,
        frozenset(proposed) if proposed else NOTHING,
    )


_Row = namedtuple("_Row", FIELDS)


class ReadMember(NamedTuple):
    """A member as the register-wide questions read them, before the rules answer."""

    member_id: int
    full_name: str
    party_card_number: str | None
    cell: str
    facts: MemberFacts
    sort_key: tuple
    candidate_from: date

    def answer(self, evaluation: Evaluation) -> RegisterRow:
        return RegisterRow(
            self.member_id,
            self.full_name,
            self.party_card_number,
            self.cell,
            self.facts,
            evaluation,
            self.sort_key,
            self.candidate_from,
        )


@dataclass(frozen=True)
class RegisterRead:
    """The members of a scope who may qualify for a badge by `until`, read once, with facts that
    hold for every day from `since` to `until` (the disciplines that may still delay on one of
    them): several questions over that span (the next round, the outlook) can share one read."""

    since: date
    until: date
    members: list[ReadMember]

    def covers(self, day: date) -> bool:
        return self.since <= day <= self.until

    def at(self, on: date, rules: RuleSet) -> list[RegisterRow]:
        """Every member who may qualify by `on`, with the rules' answer at `on`."""
        if not self.covers(on):
            raise ValueError(f"{on} is outside the span read, {self.since} to {self.until}.")
        return [
            member.answer(evaluate(member.facts, on=on, rules=rules))
            for member in self.members
            if member.candidate_from <= on
        ]


def _cells() -> dict[int, tuple[str, str]]:
    """{cell id: (name, sort key)} of every organisation (one query)."""
    return {
        pk: (name, key)
        for pk, name, key in Organisation.objects.values_list("id", "name", "name_sort")
    }


def read_members(rows: Iterable, *, disciplines=None, proposed=None) -> Iterator[ReadMember]:
    """The members of plain rows of FIELDS, with their disciplines and open-round milestones,
    as they are read (the cells in one query first)."""
    cells = _cells()
    disciplines = disciplines or {}
    proposed = proposed or {}
    for row in rows:
        cell_name, cell_key = cells[row.cell_id]
        yield ReadMember(
            row.id,
            row.full_name,
            row.party_card_number,
            cell_name,
            member_facts(
                row, disciplines=disciplines.get(row.id, ()), proposed=proposed.get(row.id, ())
            ),
            (cell_key, row.name_sort, row.id),
            row.candidate_from,
        )


def read_register(
    queryset: QuerySet[Member],
    *,
    since: date,
    until: date,
    rules: Sequence[RuleSet],
    proposed: dict[int, set[int]] | None = None,
) -> RegisterRead:
    """The members of the queryset who may qualify by `until`: three queries (the members, their
    recent disciplines under any of `rules`, the cell names), the members read as plain rows.

    `proposed` maps a member to the milestones already in other open rounds."""
    rows = plain_rows(possible_members(queryset, on=until), FIELDS, _Row._make)
    disciplines = _disciplines(since=since, on=until, rules=rules)
    members = list(read_members(rows, disciplines=disciplines, proposed=proposed))
    return RegisterRead(since, until, members)


def evaluate_register(
    queryset: QuerySet[Member],
    *,
    on: date,
    rules: RuleSet,
    proposed: dict[int, set[int]] | None = None,
    since: date | None = None,
) -> list[RegisterRow]:
    """Every member of the queryset who may qualify by `on`, with the rules' answer at `on`.
    The facts carry the disciplines that matter on any day from `since` (default `on`) to `on`,
    so the same facts can be evaluated again at an earlier day of that span."""
    read = read_register(queryset, since=since or on, until=on, rules=(rules,), proposed=proposed)
    return read.at(on, rules)


def in_roster_order(rows: Iterable[RegisterRow]) -> list[RegisterRow]:
    """The candidates among the answers, in roster order."""
    return sorted((row for row in rows if row.evaluation.is_candidate), key=lambda r: r.roster_key)


def candidates(
    queryset: QuerySet[Member], *, on: date, rules: RuleSet, proposed=None
) -> list[RegisterRow]:
    """The candidates for a round dated `on`, in roster order."""
    return in_roster_order(evaluate_register(queryset, on=on, rules=rules, proposed=proposed))


def deferred_at(
    queryset: QuerySet[Member], *, on: date, rules: RuleSet, proposed=None
) -> list[RegisterRow]:
    """The members a round dated `on` leaves out for now (a hold, a discipline's delay), each
    with the rules' reason (DOMAIN.md §2: listed as deferred, not silently dropped), in roster
    order: the queries of `evaluate_register`."""
    rows = evaluate_register(queryset, on=on, rules=rules, proposed=proposed)
    return sorted(
        (row for row in rows if row.evaluation.outcome == "deferred"), key=lambda r: r.roster_key
    )


@dataclass(frozen=True)
class NextRound:
    """Who is eligible for the next round: the one number the dashboard and the badge page
    show. The round is the next one created (not cancelled) from today, else the next fixed
    occasion; eligible are the candidates at its date (regular, early, posthumous), not deferred,
    and not yet in an open round."""

    day: date
    round: Round | None
    count: int
    candidates: tuple[RegisterRow, ...] = ()  # the first ones in roster order, when listed

    # What the number counts, said once for every page that shows it.
    EXPLANATION = (
        "Đủ điều kiện: đảng viên đủ tuổi Đảng của một mốc chưa nhận tính đến ngày đợt tặng "
        "(kể cả tặng sớm do bệnh nặng và truy tặng), không bị hoãn do kỷ luật, chưa có trong "
        "đợt tặng nào đang mở."
    )


def next_round_day(today: date) -> tuple[date, Round | None]:
    """The date of the next round from today: the next one created (not cancelled), else the
    next fixed occasion; and that round, if created."""
    created = (
        Round.objects.filter(date__gte=today)
        .exclude(state=Round.State.CANCELLED)
        .order_by("date")
        .first()
    )
    return (created.date if created else round_on_or_after(today)), created


def next_round(
    members: QuerySet[Member], *, today: date, proposed=None, listed: int = 0
) -> NextRound:
    """The next round from today, how many of `members` (a user's scope) are its candidates,
    and the first `listed` of them in roster order. The settled members (ceremonies.settled) are
    counted in SQL, and read only as far as the list needs; the rules decide the rest."""
    day, created = next_round_day(today)
    rules = rules_on(day)
    steady = settled(since=today, until=day, rules=(rules,))
    if proposed is None:
        proposed = proposed_in_open_rounds()
    decided = in_roster_order(
        evaluate_register(
            members.exclude(steady), on=day, rules=rules, proposed=proposed, since=today
        )
    )
    settled_members = possible_members(members.filter(steady), on=day)
    count = len(decided) + settled_members.count()
    first: list[RegisterRow] = []
    if listed:
        highest = _highest_settled(settled_members, on=day, rules=rules, wanted=listed)
        first = in_roster_order([*decided[:listed], *highest])[:listed]
    return NextRound(day, created, count, tuple(first))


def _highest_settled(
    members: QuerySet[Member], *, on: date, rules: RuleSet, wanted: int
) -> list[RegisterRow]:
    """Enough of the settled candidates at `on` (every settled member who may qualify by then
    is one) to hold the first `wanted` in roster order, highest milestone first: read by party
    age start, oldest first, until `wanted` have a milestone above any a later start can reach
    by `on`."""
    found: list[RegisterRow] = []
    milestones: dict[int, int] = {}
    rows = plain_rows(members.order_by("party_age_start", "id"), FIELDS, _Row._make)
    for member in read_members(rows):
        row = member.answer(evaluate(member.facts, on=on, rules=rules))
        found.append(row)
        milestones[row.evaluation.milestone] = milestones.get(row.evaluation.milestone, 0) + 1
        reachable = highest_reachable(rules, start=member.facts.start, on=on)
        if sum(n for m, n in milestones.items() if m > reachable) >= wanted:
            break
    return found


def _due_key(item: tuple[RegisterRow, date]) -> tuple:
    row, _occasion = item
    return (row.evaluation.due_date, row.sort_key)


class DueRows(Sequence):
    """The outlook's members due in the window, in due-date order, read only as far as asked:
    those the rules decided while reading (a list), merged with the settled members due, which
    SQL counts and orders (ceremonies.settled); each settled row read is decided by the rules."""

    def __init__(
        self,
        decided: list,
        settled_due: QuerySet[Member] | None = None,
        settled_counts: dict[tuple[date, int], int] | None = None,
        *,
        until: date | None = None,
        rules: RuleSet | None = None,
    ):
        self.decided = sorted(decided, key=_due_key)
        self._settled = settled_due
        self._settled_counts = settled_counts or {}
        self._settled_count = sum(self._settled_counts.values())
        self._until, self._rules = until, rules

    def __len__(self) -> int:
        return len(self.decided) + self._settled_count

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            return list(islice(self._merged(stop), start, stop, step))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("due row out of range")
        return next(islice(self._merged(index + 1), index, None))

    def __iter__(self):
        return self._merged(None)

    def _merged(self, stop: int | None):
        return merge(self.decided, self._settled_rows(stop), key=_due_key)

    def _settled_rows(self, stop: int | None):
        if not self._settled_count or stop == 0:
            return
        due = self._settled if stop is None else self._settled[:stop]
        for member in read_members(plain_rows(due, FIELDS, _Row._make)):
            answer = evaluate(member.facts, on=self._until, rules=self._rules)
            yield member.answer(answer), round_on_or_after(answer.due_date)

    def by_round(self) -> dict[tuple[date, int], int]:
        """{(round, milestone): members due}."""
        counts = dict(self._settled_counts)
        for row, occasion in self.decided:
            key = (occasion, row.evaluation.milestone)
            counts[key] = counts.get(key, 0) + 1
        return counts


@dataclass(frozen=True)
class Outlook:
    """The "Sắp đến hạn" page: what is coming within a window after today."""

    today: date
    until: date
    due: DueRows  # (row, the round the due date falls into), in due-date order
    early: list[RegisterRow]  # seriously ill members who can be proposed early by `until`
    deferred: list[tuple[RegisterRow, Evaluation]]  # held or delayed now, or by `until`
    candidates_now: int

    def due_by_round(self) -> list[tuple[date, int, dict[int, int]]]:
        """(round, members due, members due by milestone) for each round in the window."""
        rounds: dict[date, dict[int, int]] = {}
        for (occasion, milestone), count in self.due.by_round().items():
            rounds.setdefault(occasion, {})[milestone] = count
        return [
            (occasion, sum(counts.values()), dict(sorted(counts.items())))
            for occasion, counts in sorted(rounds.items())
        ]


def proposed_in_open_rounds(
    member: Member | None = None, *, exclude_round=None
) -> dict[int, set[int]]:
    """The milestones each member holds in rounds not yet held or cancelled (one query)."""
    lines = open_round_lines()
    if member is not None:
        lines = lines.filter(member=member)
    if exclude_round is not None:
        lines = lines.exclude(round=exclude_round)
    found: dict[int, set[int]] = {}
    for member_id, milestone in lines.values_list("member_id", "milestone"):
        found.setdefault(member_id, set()).add(milestone)
    return found


def outlook(
    queryset: QuerySet[Member], *, today: date, until: date, rules: RuleSet, proposed=None
) -> Outlook:
    """Members reaching a milestone between today and `until`, early cases, deferred members.
    `proposed`: milestones already in open rounds, which are not "coming" any more.

    The settled members (ceremonies.settled) are counted and ordered in SQL; the rules decide
    the rest as they are read, and each settled row a page reads."""
    return _outlook(queryset, today=today, until=until, rules=rules, proposed=proposed)[0]


def _outlook(
    queryset: QuerySet[Member],
    *,
    today: date,
    until: date,
    rules: RuleSet,
    proposed=None,
    rounds: Iterable[date] = (),
) -> tuple[Outlook, RegisterRead, Counts]:
    """The outlook, with what it read: the members the rules decide and the settled members'
    counts (also at each of `rounds`, days of the window), for other questions of the span."""
    steady = settled(since=today, until=until, rules=(rules,))
    read = read_register(
        queryset.exclude(steady), since=today, until=until, rules=(rules,), proposed=proposed
    )
    decided = outlook_of(read, today=today, until=until, rules=rules)
    members = queryset.filter(steady)
    counts = counted(members, today=today, until=until, days=rounds)
    due = DueRows(
        decided.due.decided,
        due_within(members, today=today, until=until),
        counts.due,
        until=until,
        rules=rules,
    )
    result = replace(decided, due=due, candidates_now=decided.candidates_now + counts.now)
    return result, read, counts


def outlook_of(read: RegisterRead, *, today: date, until: date, rules: RuleSet) -> Outlook:
    """The outlook from today to `until` of members read over (at least) that span.

    Each member is asked at most three times: today; at `until` unless today settles them; at the
    round their due date falls into, when that answer can differ from the one at `until` (a
    discipline's delay may still run then, or the round is after `until`)."""
    if not (read.covers(today) and read.covers(until)):
        raise ValueError(f"The outlook {today}–{until} is outside the span read.")
    due, early, deferred, now = [], [], [], 0
    for member in read.members:
        if member.candidate_from > until:
            continue
        # No milestone can be found for a member before their stored first possible date: today's
        # answer is "not yet" without asking the rules.
        at_start = (
            evaluate(member.facts, on=today, rules=rules)
            if member.candidate_from <= today
            else NOT_YET
        )
        if at_start.is_candidate and at_start.kind != EARLY:
            now += 1
            continue
        if at_start.outcome == "deferred":
            deferred.append((member.answer(at_start), at_start))
            continue
        at_end = evaluate(member.facts, on=until, rules=rules)
        row = member.answer(at_end)
        if at_end.outcome == "deferred":
            deferred.append((row, at_end))
        elif at_start.is_candidate or (at_end.is_candidate and at_end.kind == EARLY):
            early.append(row)  # the early window is open now, or opens within the window
        elif at_end.is_candidate:
            occasion = round_on_or_after(at_end.due_date)
            at_round = (
                evaluate(member.facts, on=occasion, rules=rules)
                if member.facts.disciplines or occasion > until
                else at_end
            )
            if at_round.outcome == "deferred":
                deferred.append((row, at_round))
            else:
                due.append((row, occasion))
    early.sort(key=lambda row: (row.evaluation.due_date, row.sort_key))
    deferred.sort(key=lambda item: item[0].sort_key)
    return Outlook(today, until, DueRows(due), early, deferred, now)


OUTLOOK_MONTHS = 12  # the window the "Sắp đến hạn" page opens with


@dataclass(frozen=True)
class Upcoming:
    """What the "Sắp đến hạn" page shows: the outlook of the user's scope (or of one of their
    cells) and how many of the whole scope are candidates for the next round."""

    outlook: Outlook
    next_round: NextRound


def upcoming(members: QuerySet[Member], *, today: date, until: date, proposed=None) -> Upcoming:
    """The outlook of `members` from today to `until`, and how many of them are candidates for
    the next round. When that round falls in the window under the same rules, one read and one
    count answer both (the members the outlook leaves to the rules include every one the round
    would: a shorter span settles at least as many); else the two questions are asked apart."""
    if proposed is None:
        proposed = proposed_in_open_rounds()
    rules = rules_on(until)
    day, created = next_round_day(today)
    if day > until or rules_on(day) != rules:
        result = outlook(members, today=today, until=until, rules=rules, proposed=proposed)
        return Upcoming(result, next_round(members, today=today, proposed=proposed))
    result, read, counts = _outlook(
        members, today=today, until=until, rules=rules, proposed=proposed, rounds=(day,)
    )
    decided = sum(row.evaluation.is_candidate for row in read.at(day, rules))
    return Upcoming(result, NextRound(day, created, decided + counts.on[day]))


def user_outlook(
    user, today: date, months: int = OUTLOOK_MONTHS, cell: Organisation | None = None
) -> Upcoming:
    """The user's outlook over `months` from today (of one of their cells, if given) and their
    next round."""
    until = add_months(today, months)
    members = members_for(user)
    proposed = proposed_in_open_rounds()
    if cell is None:
        return upcoming(members, today=today, until=until, proposed=proposed)
    scope = members.filter(cell=cell)
    result = outlook(scope, today=today, until=until, rules=rules_on(until), proposed=proposed)
    return Upcoming(result, next_round(members, today=today, proposed=proposed))


# The round list's sortable columns ("?sort=" key -> fields; ties end with id).
ROUND_LIST_SORTS = {
    "ngay": ("date",),
    "han": ("deadline", "date"),
    "dang-vien": ("lines", "date"),
    "tien": ("bonus", "date"),
}


def rounds_with_totals(members: QuerySet[Member]):
    """The rounds, newest first, each with its included lines and their bonus among `members`
    (a user's scope: a cell secretary counts their cells only). One query."""
    included = Q(proposals__included=True, proposals__member__in=members)
    return Round.objects.annotate(
        lines=Count("proposals", filter=included),
        bonus=Sum("proposals__bonus", filter=included),
    )
