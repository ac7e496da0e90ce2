"""Badge bonus funding (kinh phí tiền thưởng Huy hiệu Đảng, DOMAIN.md §3, §4b).

The estimate for a coming year: at each fixed round of the year still to come (3/2, 19/5, 2/9,
7/11), the members who are candidates there for the first time in the year, by milestone, ×
the coefficient × the base salary in force on the round date (the decision date is not known
yet: the round date stands for it); early cases apart; a milestone without a coefficient named.
Who is a candidate is the badge engine's answer (ceremonies.queries), the rates the dated tables
read once (vusta_party.dated.row_in_force).

The settlement of a past period: the bonuses the rounds decided in it recorded, by round and
milestone, with the badges recorded outside any round counted apart (no bonus in the app).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum

from ceremonies.eligibility import EARLY, POSTHUMOUS_EARLY, evaluate
from ceremonies.enums import FIXED_OCCASIONS, Occasion, RoundState
from ceremonies.models import BaseSalary, BonusCoefficient, Proposal, rule_versions
from ceremonies.queries import evaluate_register
from ceremonies.workflow import bonus_amount
from members.enums import BadgeKind
from members.models import Badge, Member
from vusta_party.dated import row_in_force

# Early cases (tặng sớm, truy tặng sớm) are counted apart from the others (§4b).
EARLY_KINDS = (EARLY, POSTHUMOUS_EARLY)
KIND_LABELS = dict(BadgeKind.choices)


def _d(day: date) -> str:
    return day.strftime("%d/%m/%Y")


@dataclass(frozen=True)
class FundingLine:
    """One milestone of one round: how many badges, the rates and the money."""

    milestone: int
    count: int
    coefficient: Decimal | None  # None: no coefficient in force (the money is not counted)
    base_salary: int | None
    amount: int | None  # the bonus of one badge
    early: int = 0  # of `count`, early cases (the settlement; the estimate keeps them apart)

    @property
    def total(self) -> int | None:
        return None if self.amount is None else self.amount * self.count


def _sum(lines) -> int:
    return sum(line.total or 0 for line in lines)


class _Totals:
    """The badges and the amount of a round's `lines`, estimated or settled."""

    lines: tuple

    @property
    def count(self) -> int:
        return sum(line.count for line in self.lines)

    @property
    def total(self) -> int:
        return _sum(self.lines)


@dataclass(frozen=True)
class MissingCoefficient:
    """A milestone the estimate needs a coefficient for, and does not have one on a round date."""

    milestone: int
    day: date
    kinds: tuple[tuple[str, int], ...]  # (kind label, members)

    @property
    def count(self) -> int:
        return sum(n for _kind, n in self.kinds)

    @property
    def text(self) -> str:
        kinds = ", ".join(f"{n} {label.lower()}" for label, n in self.kinds)
        return (
            f"Chưa có hệ số tiền thưởng Huy hiệu {self.milestone} năm áp dụng ngày "
            f"{_d(self.day)}: {self.count} đảng viên ({kinds}) chưa tính tiền thưởng."
        )


@dataclass(frozen=True)
class EstimateRound(_Totals):
    day: date
    occasion: str  # "Kỷ niệm ngày thành lập Đảng (3/2)"
    base_salary: int | None
    salary_verified: bool
    lines: tuple[FundingLine, ...]  # regular and posthumous, highest milestone first
    early: tuple[FundingLine, ...]  # early and posthumous early, apart

    @property
    def early_count(self) -> int:
        return sum(line.count for line in self.early)

    @property
    def early_total(self) -> int:
        return _sum(self.early)


@dataclass(frozen=True)
class Estimate:
    """Dự toán kinh phí tiền thưởng Huy hiệu Đảng of a year, made on `made_on`."""

    year: int
    made_on: date
    rounds: tuple[EstimateRound, ...]
    passed: tuple[date, ...]  # fixed rounds of the year already past on `made_on`: not estimated
    missing: tuple[MissingCoefficient, ...]
    no_salary: tuple[date, ...]  # round dates without a base salary in force

    @property
    def count(self) -> int:
        return sum(r.count for r in self.rounds)

    @property
    def total(self) -> int:
        return sum(r.total for r in self.rounds)

    @property
    def early_count(self) -> int:
        return sum(r.early_count for r in self.rounds)

    @property
    def early_total(self) -> int:
        return sum(r.early_total for r in self.rounds)

    @property
    def unverified_salaries(self) -> tuple[int, ...]:
        """Base salaries the estimate uses that the office has not checked against the text."""
        return tuple(
            sorted({r.base_salary for r in self.rounds if r.base_salary and not r.salary_verified})
        )

    @property
    def by_milestone(self) -> tuple[tuple[int, int, int], ...]:
        """(milestone, badges, money) over the year's rounds, early cases left out."""
        counts, money = Counter(), Counter()
        for r in self.rounds:
            for line in r.lines:
                counts[line.milestone] += line.count
                money[line.milestone] += line.total or 0
        return tuple((m, counts[m], money[m]) for m in sorted(counts, reverse=True))

    def contract(self) -> dict:
        """The figures a report quotes and freezes when it is issued."""
        return {
            "year": self.year,
            "made_on": self.made_on.isoformat(),
            "rounds": [
                {
                    "day": r.day.isoformat(),
                    "base_salary": r.base_salary,
                    "count": r.count,
                    "total": r.total,
                    "early_count": r.early_count,
                    "early_total": r.early_total,
                }
                for r in self.rounds
            ],
            "count": self.count,
            "total": self.total,
            "early_count": self.early_count,
            "early_total": self.early_total,
            "missing": [m.text for m in self.missing],
        }


class Rates:
    """The coefficients and base salaries, read once (two queries), for many dates."""

    def __init__(self):
        self.salaries = list(BaseSalary.objects.all())
        self.coefficients = defaultdict(list)
        for row in BonusCoefficient.objects.all():
            self.coefficients[row.milestone].append(row)

    def salary(self, day: date) -> BaseSalary | None:
        return row_in_force(self.salaries, day)

    def coefficient(self, milestone: int, day: date) -> Decimal | None:
        found = row_in_force(self.coefficients.get(milestone, ()), day)
        return found.coefficient if found else None


def _line(milestone: int, count: int, *, day: date, salary, rates: Rates) -> FundingLine:
    coefficient = rates.coefficient(milestone, day)
    amount = (
        bonus_amount(coefficient=coefficient, base_salary=salary.amount)
        if coefficient is not None and salary is not None
        else None
    )
    return FundingLine(
        milestone=milestone,
        count=count,
        coefficient=coefficient,
        base_salary=salary.amount if salary else None,
        amount=amount,
    )


def fixed_rounds(year: int) -> list[tuple[date, str]]:
    """(date, occasion code) of the fixed rounds of a year."""
    return [(date(year, month, day), code) for code, month, day in FIXED_OCCASIONS]


def funding_estimate(
    year: int, *, today: date, members: QuerySet[Member] | None = None
) -> Estimate:
    """The estimate of a year from the register as it is today (the members given: a user's
    scope): six queries, whatever the size of the register.

    A member counts once, at the first round of the year still to come where the rules make them
    a candidate, for the milestone and kind the rules give there."""
    rounds = fixed_rounds(year)
    coming = [(day, code) for day, code in rounds if day >= today]
    passed = tuple(day for day, _code in rounds if day < today)
    if not coming:
        return Estimate(year, today, (), passed, (), ())
    versions = rule_versions()
    last = coming[-1][0]
    rows = evaluate_register(
        Member.objects.all() if members is None else members,
        on=last,
        rules=versions.on(last),
        since=coming[0][0],
    )
    rates = Rates()
    counted: set[int] = set()
    result, missing, no_salary = [], [], []
    for day, code in coming:
        rules = versions.on(day)
        found: dict[str, Counter] = {"main": Counter(), "early": Counter()}
        kinds: dict[int, Counter] = defaultdict(Counter)
        for row in rows:
            if row.member_id in counted:
                continue
            answer = evaluate(row.facts, on=day, rules=rules)
            if not answer.is_candidate:
                continue
            counted.add(row.member_id)
            found["early" if answer.kind in EARLY_KINDS else "main"][answer.milestone] += 1
            kinds[answer.milestone][answer.kind] += 1
        salary = rates.salary(day)
        if salary is None and (found["main"] or found["early"]):
            no_salary.append(day)
        lines = {
            part: tuple(
                _line(m, n, day=day, salary=salary, rates=rates)
                for m, n in sorted(counter.items(), reverse=True)
            )
            for part, counter in found.items()
        }
        for milestone in sorted(kinds):
            if rates.coefficient(milestone, day) is None:
                missing.append(
                    MissingCoefficient(
                        milestone=milestone,
                        day=day,
                        kinds=tuple(
                            (KIND_LABELS[kind], kinds[milestone][kind])
                            for kind in BadgeKind.values
                            if kinds[milestone][kind]
                        ),
                    )
                )
        result.append(
            EstimateRound(
                day=day,
                occasion=Occasion(code).label,
                base_salary=salary.amount if salary else None,
                salary_verified=salary.verified if salary else True,
                lines=lines["main"],
                early=lines["early"],
            )
        )
    return Estimate(year, today, tuple(result), passed, tuple(missing), tuple(no_salary))


# --- the settlement ---------------------------------------------------------------------------


def decided_lines(
    *, start: date, end: date, members: QuerySet[Member] | None = None
) -> QuerySet[Proposal]:
    """The lines whose bonus a period settles: included lines of the rounds decided in the period
    (by the decision date), not cancelled. Re-issues are among them (they carry no bonus)."""
    lines = Proposal.objects.filter(
        included=True, round__decision_date__gte=start, round__decision_date__lte=end
    ).exclude(round__state=RoundState.CANCELLED)
    return lines if members is None else lines.filter(member__in=members)


@dataclass(frozen=True)
class SettledRound(_Totals):
    day: date
    title: str
    decision: str  # "Quyết định số 12-QĐ/ĐU ngày 20/01/2026 của Ban Thường vụ ..."
    decision_date: date
    lines: tuple[FundingLine, ...]

    @property
    def early(self) -> int:
        return sum(line.early for line in self.lines)


@dataclass(frozen=True)
class Settlement:
    """Quyết toán kinh phí tiền thưởng Huy hiệu Đảng of a period."""

    start: date
    end: date
    label: str  # "năm 2026"
    rounds: tuple[SettledRound, ...]
    outside: tuple[tuple[int, int], ...]  # (milestone, badges) recorded outside any round

    @property
    def count(self) -> int:
        return sum(r.count for r in self.rounds)

    @property
    def early(self) -> int:
        return sum(r.early for r in self.rounds)

    @property
    def total(self) -> int:
        return sum(r.total for r in self.rounds)

    @property
    def outside_count(self) -> int:
        return sum(n for _m, n in self.outside)

    @property
    def by_milestone(self) -> tuple[tuple[int, int, int], ...]:
        """(milestone, badges, money) over the period's rounds."""
        counts, money = Counter(), Counter()
        for r in self.rounds:
            for line in r.lines:
                counts[line.milestone] += line.count
                money[line.milestone] += line.total or 0
        return tuple((m, counts[m], money[m]) for m in sorted(counts, reverse=True))

    def contract(self) -> dict:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "rounds": [
                {
                    "day": r.day.isoformat(),
                    "decision": r.decision,
                    "count": r.count,
                    "total": r.total,
                }
                for r in self.rounds
            ],
            "by_milestone": {str(m): {"count": n, "total": t} for m, n, t in self.by_milestone},
            "count": self.count,
            "early": self.early,
            "total": self.total,
            "outside": self.outside_count,
        }


def _decision(number: str, day: date, by: str) -> str:
    return f"Quyết định số {number} ngày {_d(day)}" + (f" của {by}" if by else "")


def funding_settlement(
    *, start: date, end: date, label: str, members: QuerySet[Member] | None = None
) -> Settlement:
    """The bonuses decided in a period, by round and milestone (two queries)."""
    rows = (
        decided_lines(start=start, end=end, members=members)
        .exclude(kind=Proposal.Kind.REISSUE)
        .values_list(
            "round_id",
            "round__date",
            "round__title",
            "round__decision_number",
            "round__decision_date",
            "round__decided_by",
            "milestone",
            "coefficient",
            "base_salary",
        )
        .annotate(
            n=Count("id"),
            early=Count("id", filter=Q(kind__in=EARLY_KINDS)),
            money=Sum("bonus"),
        )
        .order_by("round__decision_date", "round__date", "round_id", "-milestone")
    )
    rounds: dict[int, dict] = {}
    decided = Counter()
    for (
        round_id,
        day,
        title,
        number,
        decision_date,
        by,
        milestone,
        coefficient,
        salary,
        n,
        early,
        money,
    ) in rows:
        entry = rounds.setdefault(
            round_id,
            {
                "day": day,
                "title": title or f"Đợt tặng Huy hiệu Đảng ngày {_d(day)}",
                "decision": _decision(number, decision_date, by),
                "decision_date": decision_date,
                "lines": [],
            },
        )
        # The amount of one badge is what the decision recorded (coefficient × base salary then).
        amount = (money or 0) // n if money is not None else None
        entry["lines"].append(
            FundingLine(
                milestone=milestone,
                count=n,
                coefficient=coefficient,
                base_salary=salary,
                amount=amount,
                early=early,
            )
        )
        decided[milestone] += n
    badges = Badge.objects.filter(decision_date__gte=start, decision_date__lte=end)
    if members is not None:
        badges = badges.filter(member__in=members)
    recorded = {
        row["milestone"]: row["n"]
        for row in badges.values("milestone").annotate(n=Count("id")).order_by()
    }
    outside = tuple(
        (m, recorded[m] - decided[m])
        for m in sorted(recorded, reverse=True)
        if recorded[m] > decided[m]
    )
    return Settlement(
        start=start,
        end=end,
        label=label,
        rounds=tuple(
            SettledRound(
                day=e["day"],
                title=e["title"],
                decision=e["decision"],
                decision_date=e["decision_date"],
                lines=tuple(e["lines"]),
            )
            for e in rounds.values()
        ),
        outside=outside,
    )
