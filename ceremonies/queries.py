"""Badge questions over the whole register, in a fixed number of queries (DOMAIN.md §2).

The database narrows the register to the members whose stored first possible round date
(Member.candidate_from, an index) is on or before the date asked about, then the pure rules of
`ceremonies/eligibility.py` decide each remaining member. The bulk answer and the per-member answer
therefore never disagree: both are `evaluate()`.
"""

from collections import defaultdict, namedtuple
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import NamedTuple

from django.db.models import Count, Q, QuerySet, Sum

from ceremonies.eligibility import (
    EARLY,
    Evaluation,
    MemberFacts,
    RuleSet,
    evaluate,
    round_on_or_after,
)
from ceremonies.enums import CLOSED_STATES
from ceremonies.models import Proposal, Round, rules_on
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
    them): several questions over that span (the next round, the outlook) share one read."""

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
    cells = {
        pk: (name, key)
        for pk, name, key in Organisation.objects.values_list("id", "name", "name_sort")
    }
    proposed = proposed or {}
    members = []
    for row in rows:
        cell_name, cell_key = cells[row.cell_id]
        members.append(
            ReadMember(
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
        )
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
    candidates: list[RegisterRow]

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


def next_round(members: QuerySet[Member], *, today: date, proposed=None) -> NextRound:
    """The next round from today and its candidates among `members` (a user's scope)."""
    day, created = next_round_day(today)
    if proposed is None:
        proposed = proposed_in_open_rounds()
    return NextRound(
        day, created, candidates(members, on=day, rules=rules_on(day), proposed=proposed)
    )


@dataclass(frozen=True)
class Outlook:
    """The "Sắp đến hạn" page: what is coming within a window after today."""

    today: date
    until: date
    due: list[tuple[RegisterRow, date]]  # (row, the round the due date falls into)
    early: list[RegisterRow]  # seriously ill members who can be proposed early by `until`
    deferred: list[tuple[RegisterRow, Evaluation]]  # held or delayed now, or by `until`
    candidates_now: int

    def due_by_round(self) -> list[tuple[date, int, dict[int, int]]]:
        """(round, members due, members due by milestone) for each round in the window."""
        rounds: dict[date, dict[int, int]] = {}
        for row, occasion in self.due:
            by_milestone = rounds.setdefault(occasion, {})
            milestone = row.evaluation.milestone
            by_milestone[milestone] = by_milestone.get(milestone, 0) + 1
        return [
            (occasion, sum(counts.values()), dict(sorted(counts.items())))
            for occasion, counts in sorted(rounds.items())
        ]


def proposed_in_open_rounds(
    member: Member | None = None, *, exclude_round=None
) -> dict[int, set[int]]:
    """The milestones each member holds in rounds not yet held or cancelled (one query)."""
    lines = Proposal.objects.filter(live=True).exclude(kind=Proposal.Kind.REISSUE)
    lines = lines.exclude(round__state__in=CLOSED_STATES)
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
    `proposed`: milestones already in open rounds, which are not "coming" any more."""
    read = read_register(queryset, since=today, until=until, rules=(rules,), proposed=proposed)
    return outlook_of(read, today=today, until=until, rules=rules)


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
    due.sort(key=lambda item: (item[0].evaluation.due_date, item[0].sort_key))
    early.sort(key=lambda row: (row.evaluation.due_date, row.sort_key))
    deferred.sort(key=lambda item: item[0].sort_key)
    return Outlook(today, until, due, early, deferred, now)


OUTLOOK_MONTHS = 12  # the window the "Sắp đến hạn" page opens with


def next_round_and_outlook(
    members: QuerySet[Member], *, today: date, until: date, proposed=None
) -> tuple[NextRound, Outlook]:
    """The next round's candidates among `members` and their outlook from today to `until`, from
    one read of the register over both spans (what the home page and the upcoming page show)."""
    day, created = next_round_day(today)
    rules, rules_of_round = rules_on(until), rules_on(day)
    read = read_register(
        members,
        since=today,
        until=max(until, day),
        rules=(rules, rules_of_round),
        proposed=proposed_in_open_rounds() if proposed is None else proposed,
    )
    coming = NextRound(day, created, in_roster_order(read.at(day, rules_of_round)))
    return coming, outlook_of(read, today=today, until=until, rules=rules)


@dataclass(frozen=True)
class Upcoming:
    """What the "Sắp đến hạn" page shows: the outlook of the user's scope (or of one of their
    cells) and the next round's candidates in the whole scope."""

    outlook: Outlook
    next_round: NextRound


def user_outlook(
    user, today: date, months: int = OUTLOOK_MONTHS, cell: Organisation | None = None
) -> Upcoming:
    """The user's outlook over `months` from today (of one of their cells, if given) and their
    next round: one read of the register serves both when no cell is chosen."""
    until = add_months(today, months)
    members = members_for(user)
    proposed = proposed_in_open_rounds()
    if cell is None:
        coming, result = next_round_and_outlook(
            members, today=today, until=until, proposed=proposed
        )
        return Upcoming(result, coming)
    result = outlook(
        members.filter(cell=cell),
        today=today,
        until=until,
        rules=rules_on(until),
        proposed=proposed,
    )
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
