"""Badge questions over the whole register, in a fixed number of queries (DOMAIN.md §2).

The database narrows the register to the members whose stored first possible round date
(Member.candidate_from, an index) is on or before the date asked about, then the pure rules of
`ceremonies/eligibility.py` decide each remaining member. The bulk answer and the per-member answer
therefore never disagree: both are `evaluate()`.
"""

from collections import defaultdict
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
from members.models import Discipline, Member, Organisation
from members.party_age import add_months

FIELDS = (
    "id",
    "full_name",
    "name_sort",
    "party_card_number",
    "cell_id",
    "party_age_start",
    "official_date",
    "interrupted_days",
    "status",
    "death_date",
    "seriously_ill",
    "on_hold",
    "hold_reason",
    "highest_badge",
    "candidate_from",
)


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
    indexed, kept by ceremonies/milestones.py); the rules then decide each member."""
    return queryset.filter(candidate_from__lte=on)


def _disciplines(*, since: date, on: date, rules: RuleSet) -> dict[int, list]:
    """Disciplines whose delay may still run on some day from `since` to `on`, by member: one
    query on the decision date (recent disciplines are few; no list of member ids is sent)."""
    longest = max(rules.discipline_delay_months.values(), default=0)
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


def evaluate_register(
    queryset: QuerySet[Member],
    *,
    on: date,
    rules: RuleSet,
    proposed: dict[int, set[int]] | None = None,
    since: date | None = None,
) -> list[RegisterRow]:
    """Every member of the queryset who may qualify by `on`, with the rules' answer: three queries
    (the members, their recent disciplines, the cell names).

    `proposed` maps a member to the milestones already in other open rounds. The facts carry the
    disciplines that matter on any day from `since` (default `on`) to `on`, so the same facts can
    be evaluated again at an earlier day of that span.
    """
    rows = possible_members(queryset, on=on).values_list(*FIELDS, named=True)
    disciplines = _disciplines(since=since or on, on=on, rules=rules)
    cells = {
        pk: (name, key)
        for pk, name, key in Organisation.objects.values_list("id", "name", "name_sort")
    }
    proposed = proposed or {}
    result = []
    for row in rows:
        facts = member_facts(
            row, disciplines=disciplines.get(row.id, ()), proposed=proposed.get(row.id, ())
        )
        cell_name, cell_key = cells[row.cell_id]
        result.append(
            RegisterRow(
                member_id=row.id,
                full_name=row.full_name,
                party_card_number=row.party_card_number,
                cell=cell_name,
                facts=facts,
                evaluation=evaluate(facts, on=on, rules=rules),
                sort_key=(cell_key, row.name_sort, row.id),
                candidate_from=row.candidate_from,
            )
        )
    return result


def candidates(
    queryset: QuerySet[Member], *, on: date, rules: RuleSet, proposed=None
) -> list[RegisterRow]:
    """The candidates for a round dated `on`, in roster order."""
    rows = evaluate_register(queryset, on=on, rules=rules, proposed=proposed)
    return sorted((row for row in rows if row.evaluation.is_candidate), key=lambda r: r.roster_key)


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


def next_round(members: QuerySet[Member], *, today: date, proposed=None) -> NextRound:
    """The next round from today and its candidates among `members` (a user's scope)."""
    created = (
        Round.objects.filter(date__gte=today)
        .exclude(state=Round.State.CANCELLED)
        .order_by("date")
        .first()
    )
    day = created.date if created else round_on_or_after(today)
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
    rows = evaluate_register(queryset, on=until, rules=rules, since=today, proposed=proposed)
    due, early, deferred, now = [], [], [], 0
    for row in rows:
        at_end = row.evaluation
        # No milestone can be found for a member before their stored first possible date: today's
        # answer is "not yet" without asking the rules.
        at_start = (
            evaluate(row.facts, on=today, rules=rules) if row.candidate_from <= today else NOT_YET
        )
        if at_start.is_candidate and at_start.kind != EARLY:
            now += 1
        elif at_start.outcome == "deferred":
            deferred.append((row, at_start))
        elif at_end.outcome == "deferred":
            deferred.append((row, at_end))
        elif at_start.is_candidate or (at_end.is_candidate and at_end.kind == EARLY):
            early.append(row)  # the early window is open now, or opens within the window
        elif at_end.is_candidate:
            # A discipline can still defer them at the round their due date falls into.
            occasion = round_on_or_after(at_end.due_date)
            at_round = evaluate(row.facts, on=occasion, rules=rules)
            if at_round.outcome == "deferred":
                deferred.append((row, at_round))
            else:
                due.append((row, occasion))
    due.sort(key=lambda item: (item[0].evaluation.due_date, item[0].sort_key))
    early.sort(key=lambda row: (row.evaluation.due_date, row.sort_key))
    deferred.sort(key=lambda item: item[0].sort_key)
    return Outlook(today, until, due, early, deferred, now)


OUTLOOK_MONTHS = 12  # the window the "Sắp đến hạn" page opens with


def user_outlook(
    user, today: date, months: int = OUTLOOK_MONTHS, cell: Organisation | None = None
) -> Outlook:
    """The user's outlook over `months` from today (of one of their cells, if given)."""
    until = add_months(today, months)
    members = members_for(user)
    return outlook(
        members.filter(cell=cell) if cell else members,
        today=today,
        until=until,
        rules=rules_on(until),
        proposed=proposed_in_open_rounds(),
    )


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
