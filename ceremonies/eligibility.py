"""Party badge eligibility at a round dated D (DOMAIN.md §1, §2). Pure: no database, no clock.

`evaluate()` says, for one member and one date, whether they are a candidate, for which milestone
and kind, and why; or why not, and when they will be. Everything a regulation decides (milestones,
early-award limits, discipline delays) comes in a `RuleSet`, built from the dated rule table.
"""

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from itertools import pairwise
from typing import NamedTuple

from ceremonies.enums import FIXED_OCCASIONS
from members.enums import REMOVED, BadgeKind, DisciplineForm, Status
from members.party_age import add_months, milestone_due_date

REGULAR = BadgeKind.REGULAR
EARLY = BadgeKind.EARLY
POSTHUMOUS = BadgeKind.POSTHUMOUS
POSTHUMOUS_EARLY = BadgeKind.POSTHUMOUS_EARLY
# As written in a sentence ("truy tặng sớm").
KIND_LABELS = {kind.value: kind.label.lower() for kind in BadgeKind}
DISCIPLINE_LABELS = {form.value: form.label.lower() for form in DisciplineForm}


@dataclass(frozen=True)
class RuleSet:
    """The rule parameters in force on a round date."""

    milestones: tuple[int, ...] = (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90)
    early_months_low: int = 12  # milestones up to `early_split`
    early_months_high: int = 24  # milestones above it
    early_split: int = 65
    posthumous_early_months: int = 12
    discipline_delay_months: dict[str, int] = field(
        default_factory=lambda: {
            DisciplineForm.REPRIMAND: 6,
            DisciplineForm.WARNING: 9,
            DisciplineForm.REMOVAL: 12,
        }
    )

    @cached_property
    def descending(self) -> tuple[int, ...]:
        return tuple(sorted(self.milestones, reverse=True))

    def early_months(self, milestone: int) -> int:
        return self.early_months_low if milestone <= self.early_split else self.early_months_high

    @cached_property
    def ascending(self) -> tuple[int, ...]:
        return tuple(sorted(self.milestones))

    @cached_property
    def max_early_months(self) -> int:
        return max(self.early_months_low, self.early_months_high, self.posthumous_early_months)


@dataclass(frozen=True)
class RuleVersions:
    """Every version of the rules, by the date it comes into force (DOMAIN.md §1): each answer
    takes the version in force on the date it is about."""

    versions: tuple[tuple[date, RuleSet], ...]  # (valid from, rules), oldest first

    def on(self, day: date) -> RuleSet:
        """The version in force on `day` (before the first version, the first; the defaults of
        DOMAIN.md when there is none)."""
        if not self.versions:
            return RuleSet()
        index = bisect_right([valid_from for valid_from, _rules in self.versions], day)
        return self.versions[max(index - 1, 0)][1]

    @cached_property
    def milestones(self) -> tuple[int, ...]:
        """Every milestone of some version, ascending."""
        found = {m for _valid_from, rules in self.versions for m in rules.milestones}
        return tuple(sorted(found or RuleSet().milestones))

    @cached_property
    def _every(self) -> tuple[RuleSet, ...]:
        return tuple(rules for _valid_from, rules in self.versions) or (RuleSet(),)

    def longest_early_months(self, milestone: int) -> int:
        """The longest an early award of this milestone may come before its due date, in any
        version."""
        return max(rules.early_months(milestone) for rules in self._every)

    @cached_property
    def longest_early_months_any(self) -> int:
        return max(max(rules.early_months_low, rules.early_months_high) for rules in self._every)

    @cached_property
    def longest_posthumous_early_months(self) -> int:
        return max(rules.posthumous_early_months for rules in self._every)


def reached_and_coming(
    *, start: date, interrupted_days: int, held: int, on: date, versions: RuleVersions
) -> tuple[tuple[int, date] | None, tuple[int, date] | None]:
    """On `on`, the highest milestone above the badges held that is reached (by the version in
    force on `on`) and the first one still to come (by the version in force on its own due date),
    each with its due date."""
    reached = None
    for milestone in versions.on(on).ascending:
        if milestone <= held:
            continue
        due = milestone_due_date(
            start=start, milestone=milestone, interrupted_days=interrupted_days
        )
        if due > on:
            break
        reached = (milestone, due)
    floor = max(held, reached[0] if reached else 0)
    for milestone in versions.milestones:
        if milestone <= floor:
            continue
        due = milestone_due_date(
            start=start, milestone=milestone, interrupted_days=interrupted_days
        )
        if due > on and milestone in versions.on(due).milestones:
            return reached, (milestone, due)
    return reached, None


def first_due_above(
    *, start: date, interrupted_days: int, held: int, versions: RuleVersions
) -> tuple[int, date] | None:
    """The lowest milestone of any version above the badges held, with its due date: no later
    than the due date of any milestone the member can still receive, whatever version a date
    takes, so a whole-register question can start from it (Member.next_milestone_due)."""
    for milestone in versions.milestones:
        if milestone > held:
            due = milestone_due_date(
                start=start, milestone=milestone, interrupted_days=interrupted_days
            )
            return milestone, due
    return None


def candidate_from(
    *,
    start: date,
    interrupted_days: int,
    held: int,
    official_date: date | None,
    status: str,
    death_date: date | None,
    seriously_ill: bool,
    versions: RuleVersions,
) -> date | None:
    """The first round date on which `evaluate()` can find a milestone for the member (as a
    candidate, or deferred by a hold or a discipline) under any rule version; None when no date
    can (probationary, off the rolls for good, no milestone left, died before any window opened).

    No later than the true first date, whatever version a date takes: milestones of every version,
    the longest early limits of any version. A whole-register question reads the members whose
    date is on or before its own (Member.candidate_from, indexed), then `evaluate()` decides each.
    """
    if official_date is None or status in REMOVED:
        return None
    first = first_due_above(
        start=start, interrupted_days=interrupted_days, held=held, versions=versions
    )
    if first is None:
        return None
    _milestone, due = first
    living = due  # regular: the due date of the lowest milestone above the badges held
    if seriously_ill:
        # early: the window opens at most the longest early limit before a due date; a higher
        # milestone with a longer limit can open sooner, so look on until none can.
        longest = versions.longest_early_months_any
        for milestone in versions.milestones:
            if milestone <= held:
                continue
            due_m = milestone_due_date(
                start=start, milestone=milestone, interrupted_days=interrupted_days
            )
            if add_months(due_m, -longest) >= living:
                break
            living = min(living, add_months(due_m, -versions.longest_early_months(milestone)))
    if death_date is None:
        found = living
    else:
        # At a date before the death the member is judged as living; from the death on, the
        # posthumous kinds need the lowest milestone's window open by the death date.
        options = [living] if living < death_date else []
        if add_months(due, -versions.longest_posthumous_early_months) <= death_date:
            options.append(death_date)
        if not options:
            return None
        found = min(options)
    return max(found, official_date)


class MemberFacts(NamedTuple):
    """What the rules need to know of a member, as plain values (a tuple: the register-wide
    query builds one per member, so it must be cheap to make)."""

    start: date  # party age start: the admission date or the staff override
    official_date: date | None
    interrupted_days: int = 0
    status: str = Status.ACTIVE
    death_date: date | None = None
    seriously_ill: bool = False
    on_hold: bool = False
    hold_reason: str = ""
    disciplines: tuple[tuple[str, date], ...] = ()  # (form, decision date)
    received: frozenset[int] = frozenset()
    proposed: frozenset[int] = frozenset()  # milestones in other open rounds

    @property
    def floor(self) -> int:
        """Milestones at or below this one are never proposed (held or proposed elsewhere)."""
        received, proposed = self.received, self.proposed  # mostly empty or one badge
        if not proposed:
            return max(received) if received else 0
        return max(max(received, default=0), max(proposed))


class Evaluation(NamedTuple):
    """The answer for one member at one date."""

    outcome: str  # candidate, deferred, not_yet, excluded
    milestone: int | None = None
    kind: str | None = None
    due_date: date | None = None  # due date of `milestone` (§1)
    deferred_until: date | None = None
    reason: str = ""  # Vietnamese, one sentence
    next_date: date | None = None  # for not_yet: the first date the member becomes a candidate

    @property
    def is_candidate(self) -> bool:
        return self.outcome == "candidate"

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, "")


def _d(day: date) -> str:
    """dd/mm/yyyy (formatted by hand: strftime costs twice as much, once per candidate)."""
    return f"{day.day:02}/{day.month:02}/{day.year}"


def round_on_or_after(day: date) -> date:
    """The first fixed award occasion (3/2, 19/5, 2/9, 7/11) on or after a day."""
    for year in (day.year, day.year + 1):
        for _code, month, dom in FIXED_OCCASIONS:
            occasion = date(year, month, dom)
            if occasion >= day:
                return occasion
    raise AssertionError("unreachable: 7/11 of next year is always later")


def occasions_up_to(first: date, last: date) -> list[date]:
    """The fixed award occasions from the one on or after `first` to the one on or after `last`:
    every round a due date from `first` to `last` falls into."""
    found = [round_on_or_after(first)]
    while found[-1] < round_on_or_after(last):
        found.append(round_on_or_after(found[-1] + timedelta(days=1)))
    return found


def at_most_one_milestone_within(rules: RuleSet, *, since: date, until: date) -> bool:
    """Whether no member can reach two milestones of `rules` after `since` and by `until`: the
    span is shorter than the smallest gap between two milestones (a month spared for the
    29 February and the interrupted days, which move both due dates alike)."""
    gap = min((b - a for a, b in pairwise(rules.ascending)), default=None)
    return gap is None or until < add_months(since, 12 * gap - 1)


def highest_reachable(rules: RuleSet, *, start: date, on: date) -> int:
    """The highest milestone of `rules` that a member whose party age starts on `start` or later
    can have reached by `on` (interrupted days only put a due date later); 0 when none."""
    return max(
        (m for m in rules.milestones if milestone_due_date(start=start, milestone=m) <= on),
        default=0,
    )


def due_date(facts: MemberFacts, milestone: int) -> date:
    return milestone_due_date(
        start=facts.start, milestone=milestone, interrupted_days=facts.interrupted_days
    )


def _qualifying(facts: MemberFacts, on: date, rules: RuleSet) -> tuple[int, str, date] | None:
    """The highest milestone above the floor that qualifies at `on`, its kind and due date."""
    deceased = facts.death_date is not None and facts.death_date <= on
    reference = facts.death_date if deceased else on
    # Due dates only move later than start + M years: skip milestones out of reach by year.
    months = (
        rules.posthumous_early_months
        if deceased
        else rules.max_early_months
        if facts.seriously_ill
        else 0
    )
    slack_years = -(-months // 12)
    reach = reference.year - facts.start.year + slack_years
    floor = facts.floor
    for milestone in rules.descending:
        if milestone <= floor:
            return None
        if milestone > reach:
            continue
        due = due_date(facts, milestone)
        if due <= reference:
            return milestone, POSTHUMOUS if deceased else REGULAR, due
        if deceased and add_months(due, -rules.posthumous_early_months) <= reference:
            return milestone, POSTHUMOUS_EARLY, due
        if (
            not deceased
            and facts.seriously_ill
            and add_months(due, -rules.early_months(milestone)) <= on
        ):
            return milestone, EARLY, due
    return None


def _discipline_block(facts: MemberFacts, on: date, rules: RuleSet) -> tuple[date, str] | None:
    """The latest end of a discipline delay still running at `on`, with its reason."""
    blocks = []
    for form, decided in facts.disciplines:
        months = rules.discipline_delay_months.get(form)
        if months is None or decided > on:
            continue
        until = add_months(decided, months)
        if on < until:
            blocks.append((until, f"{DISCIPLINE_LABELS.get(form, form)} ngày {_d(decided)}"))
    return max(blocks, default=None)


def _first_candidate_date(
    facts: MemberFacts, on: date, rules: RuleSet
) -> tuple[int, str, date, date] | None:
    """When a member with nothing due yet first qualifies: (milestone, kind, due date, date)."""
    options = []
    floor = facts.floor
    for milestone in rules.ascending:
        if milestone <= floor:
            continue
        due = due_date(facts, milestone)
        options.append((due, milestone, REGULAR, due))
        if facts.seriously_ill:
            options.append((add_months(due, -rules.early_months(milestone)), milestone, EARLY, due))
    later = [option for option in options if option[0] > on]
    if not later:
        return None
    when, milestone, kind, due = min(later)
    return milestone, kind, due, when


def evaluate(facts: MemberFacts, *, on: date, rules: RuleSet) -> Evaluation:
    """Is the member a candidate for a badge at a round dated `on`, and why (or why not)?"""
    if facts.status in REMOVED:
        return Evaluation("excluded", reason=f"Không xét: đảng viên {REMOVED[facts.status]}.")
    if facts.official_date is None or facts.official_date > on:
        return Evaluation("excluded", reason="Không xét: đảng viên dự bị chưa có tuổi Đảng.")
    found = _qualifying(facts, on, rules)
    if found is None:
        deceased = facts.death_date is not None and facts.death_date <= on
        upcoming = None if deceased else _first_candidate_date(facts, on, rules)
        if upcoming is None:
            reason = (
                "Không xét: đã từ trần khi chưa đủ tuổi Đảng cho mốc tiếp theo."
                if deceased
                else "Không còn mốc Huy hiệu nào cao hơn Huy hiệu đã nhận."
            )
            return Evaluation("excluded", reason=reason)
        milestone, kind, due, when = upcoming
        text = f"Chưa đủ: Huy hiệu {milestone} năm đến hạn ngày {_d(due)}"
        if kind == EARLY:
            text += f"; có thể đề nghị tặng sớm từ ngày {_d(when)} (bệnh nặng)"
        return Evaluation(
            "not_yet",
            milestone=milestone,
            kind=kind,
            due_date=due,
            next_date=when,
            reason=text + ".",
        )
    milestone, kind, due = found
    if facts.on_hold:
        return Evaluation(
            "deferred",
            milestone=milestone,
            kind=kind,
            due_date=due,
            reason=f"Tạm hoãn: {facts.hold_reason or 'chưa ghi lý do'}.",
        )
    block = _discipline_block(facts, on, rules) if facts.disciplines else None
    if block is not None:
        until, why = block
        return Evaluation(
            "deferred",
            milestone=milestone,
            kind=kind,
            due_date=due,
            deferred_until=until,
            reason=f"Hoãn đến {until:%m/%Y} do {why} (xét từ ngày {_d(until)}).",
        )
    return Evaluation(
        "candidate",
        milestone=milestone,
        kind=kind,
        due_date=due,
        reason=_why(facts, milestone, kind, due, rules),
    )


def _why(facts: MemberFacts, milestone: int, kind: str, due: date, rules: RuleSet) -> str:
    if kind == REGULAR:
        return f"Đủ {milestone} năm tuổi Đảng ngày {_d(due)}."
    if kind == EARLY:
        return (
            f"Tặng sớm Huy hiệu {milestone} năm (bệnh nặng): đến hạn ngày {_d(due)}, "
            f"được đề nghị sớm tối đa {rules.early_months(milestone)} tháng."
        )
    if kind == POSTHUMOUS:
        return f"Truy tặng: đủ {milestone} năm tuổi Đảng ngày {_d(due)}, từ trần ngày {_d(facts.death_date)}."
    return (
        f"Truy tặng sớm Huy hiệu {milestone} năm: từ trần ngày {_d(facts.death_date)}, "
        f"trước ngày đến hạn {_d(due)} không quá {rules.posthumous_early_months} tháng."
    )
