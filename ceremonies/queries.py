"""Badge questions over the whole register, in a fixed number of queries (DOMAIN.md §2).

The database narrows the register with a safe bound (a member can qualify by a date only if some
milestone above their badges is at most a few years short of it), then the pure rules of
`ceremonies/eligibility.py` decide each remaining member. The bulk answer and the per-member answer
therefore never disagree: both are `evaluate()`.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Case, F, IntegerField, QuerySet, Value, When
from django.db.models.functions import Coalesce, ExtractYear

from ceremonies.eligibility import (
    EARLY,
    REMOVED,
    Evaluation,
    MemberFacts,
    RuleSet,
    evaluate,
    possible_by,
    round_on_or_after,
)
from members.models import Discipline, Member
from members.party_age import add_months
from members.queries import with_highest_badge

FIELDS = (
    "id",
    "full_name",
    "name_sort",
    "party_card_number",
    "cell__name",
    "cell__name_sort",
    "admission_date",
    "party_age_start_override",
    "official_date",
    "interrupted_days",
    "status",
    "death_date",
    "seriously_ill",
    "on_hold",
    "hold_reason",
    "highest_badge",
)


@dataclass(frozen=True)
class RegisterRow:
    member_id: int
    full_name: str
    party_card_number: str | None
    cell: str
    facts: MemberFacts
    evaluation: Evaluation
    sort_key: tuple

    @property
    def roster_key(self) -> tuple:
        """Roster order (§3): highest milestone first, then cell, then Vietnamese name order."""
        return (-(self.evaluation.milestone or 0), *self.sort_key)


def _next_milestone_above_badges(rules: RuleSet) -> Case:
    """SQL: the first milestone above the member's highest badge (a large number if none)."""
    return Case(
        *[When(highest_badge__lt=m, then=Value(m)) for m in sorted(rules.milestones)],
        default=Value(10_000),
        output_field=IntegerField(),
    )


def possible_members(queryset: QuerySet[Member], *, on: date, rules: RuleSet) -> QuerySet[Member]:
    """Members that may qualify for some badge by `on` (a superset of the candidates)."""
    return (
        with_highest_badge(queryset)
        .exclude(status__in=REMOVED)
        .filter(official_date__lte=on)
        .annotate(
            start_year=ExtractYear(Coalesce("party_age_start_override", "admission_date")),
            next_milestone=_next_milestone_above_badges(rules),
        )
        .filter(next_milestone__lte=on.year + possible_by(on=on, rules=rules) - F("start_year"))
    )


def _disciplines(
    member_ids: list[int], *, since: date, on: date, rules: RuleSet
) -> dict[int, list]:
    """Disciplines whose delay may still run on some day from `since` to `on` (one query)."""
    longest = max(rules.discipline_delay_months.values(), default=0)
    found = defaultdict(list)
    rows = Discipline.objects.filter(
        member_id__in=member_ids,
        decision_date__gt=add_months(since, -longest),
        decision_date__lte=on,
    ).values_list("member_id", "form", "decision_date")
    for member_id, form, decided in rows:
        found[member_id].append((form, decided))
    return found


def member_facts(row: dict, *, disciplines=(), proposed=frozenset()) -> MemberFacts:
    return MemberFacts(
        start=row["party_age_start_override"] or row["admission_date"],
        official_date=row["official_date"],
        interrupted_days=row["interrupted_days"],
        status=row["status"],
        death_date=row["death_date"],
        seriously_ill=row["seriously_ill"],
        on_hold=row["on_hold"],
        hold_reason=row["hold_reason"],
        disciplines=tuple(disciplines),
        received=frozenset({row["highest_badge"]}) if row["highest_badge"] else frozenset(),
        proposed=frozenset(proposed),
    )


def evaluate_register(
    queryset: QuerySet[Member],
    *,
    on: date,
    rules: RuleSet,
    proposed: dict[int, set[int]] | None = None,
    since: date | None = None,
) -> list[RegisterRow]:
    """Every member of the queryset who may qualify by `on`, with the rules' answer: two queries.

    `proposed` maps a member to the milestones already in other open rounds. The facts carry the
    disciplines that matter on any day from `since` (default `on`) to `on`, so the same facts can
    be evaluated again at an earlier day of that span.
    """
    rows = list(possible_members(queryset, on=on, rules=rules).values(*FIELDS))
    disciplines = _disciplines([row["id"] for row in rows], since=since or on, on=on, rules=rules)
    proposed = proposed or {}
    result = []
    for row in rows:
        facts = member_facts(
            row, disciplines=disciplines.get(row["id"], ()), proposed=proposed.get(row["id"], ())
        )
        result.append(
            RegisterRow(
                member_id=row["id"],
                full_name=row["full_name"],
                party_card_number=row["party_card_number"],
                cell=row["cell__name"],
                facts=facts,
                evaluation=evaluate(facts, on=on, rules=rules),
                sort_key=(row["cell__name_sort"], row["name_sort"], row["id"]),
            )
        )
    return result


def candidates(
    queryset: QuerySet[Member], *, on: date, rules: RuleSet, proposed=None
) -> list[RegisterRow]:
    """The candidates for a round dated `on`, in roster order."""
    rows = evaluate_register(queryset, on=on, rules=rules, proposed=proposed)
    return sorted((row for row in rows if row.evaluation.is_candidate), key=lambda r: r.roster_key)


@dataclass(frozen=True)
class Outlook:
    """The "Sắp đến hạn" page: what is coming within a window after today."""

    today: date
    until: date
    due: list[tuple[RegisterRow, date]]  # (row, the round the due date falls into)
    early: list[RegisterRow]  # seriously ill members who can be proposed early by `until`
    deferred: list[tuple[RegisterRow, Evaluation]]  # held or delayed now, or by `until`
    candidates_now: int


def outlook(queryset: QuerySet[Member], *, today: date, until: date, rules: RuleSet) -> Outlook:
    """Members reaching a milestone between today and `until`, early cases, deferred members."""
    rows = evaluate_register(queryset, on=until, rules=rules, since=today)
    due, early, deferred, now = [], [], [], 0
    for row in rows:
        at_end = row.evaluation
        at_start = evaluate(row.facts, on=today, rules=rules)
        if at_start.is_candidate and at_start.kind != EARLY:
            now += 1
        elif at_start.outcome == "deferred":
            deferred.append((row, at_start))
        elif at_end.outcome == "deferred":
            deferred.append((row, at_end))
        elif at_start.is_candidate or (at_end.is_candidate and at_end.kind == EARLY):
            early.append(row)  # the early window is open now, or opens within the window
        elif at_end.is_candidate:
            due.append((row, round_on_or_after(at_end.due_date)))
    due.sort(key=lambda item: (item[0].evaluation.due_date, item[0].sort_key))
    early.sort(key=lambda row: (row.evaluation.due_date, row.sort_key))
    deferred.sort(key=lambda item: item[0].sort_key)
    return Outlook(today, until, due, early, deferred, now)
