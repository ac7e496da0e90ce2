"""The demo register's last full year, as the seeds tell it (issue 19): the award rounds held
through the app's own services (lists, tờ trình, the higher committee's decision with its bonus,
badge numbers, the ceremony), six years of locked ratings with the committee's tiêu biểu cells,
the committee's commendation of the year and its proposal for the five-year streaks.

The register (`demo.register`) draws the badges of the rounds before the first day of that year;
from then on the rounds here award them, up to six months before the demo's day (the members due
since are left for the office to propose).
"""

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from simple_history.utils import bulk_create_with_history

from ceremonies import services as rounds
from ceremonies.enums import FIXED_OCCASIONS
from ceremonies.models import BonusCoefficient, Proposal
from members.enums import ON_ROLLS, Status
from members.models import Discipline, Member, Organisation
from members.party_age import add_months
from ratings import services as ratings
from ratings.commendations import services as commendations
from ratings.enums import CommendationForm, CommendationLevel, RatingLevel
from ratings.models import CellRating, MemberRating, RatingYear
from ratings.rules import not_rated_reason
from vusta_party.models import CommitteeProfile

RATED_YEARS = 6  # the last full year and the five before it: streaks of five can be seen
# Chances of a member's HTXSNV and a cell's tiêu biểu mark, after a year with or without it:
# a member excellent once is often excellent again, so a few reach five years in a row.
MEMBER_EXCELLENT = {True: 0.55, False: 0.05}
CELL_EXEMPLARY = {True: 0.55, False: 0.1}
NOT_READY = "Chưa hoàn thiện hồ sơ (bản kiểm điểm chưa có xác nhận của chi bộ)"
NO_COEFFICIENT = "Chưa có hệ số tiền thưởng cho Huy hiệu {milestone} năm: chờ hướng dẫn"


def last_full_year(today: date) -> int:
    return today.year - 1


def rounds_from(today: date) -> date:
    """The first day whose rounds this module holds (the register draws the earlier badges)."""
    return date(last_full_year(today), 1, 1)


def held_rounds(today: date) -> list[tuple[date, str]]:
    """The fixed rounds from the first day of the last full year to six months before `today`."""
    until = add_months(today, -6)
    return [
        (day, code)
        for year in (last_full_year(today), today.year)
        for code, month, dom in FIXED_OCCASIONS
        if rounds_from(today) <= (day := date(year, month, dom)) <= until
    ]


@dataclass
class YearCounts:
    rounds: int = 0
    awarded: int = 0
    ratings: int = 0
    commendations: int = 0


def seed_year(*, today: date, seed: int) -> YearCounts:
    """Hold the rounds, rate the years and make the year's commendations (in the caller's
    transaction)."""
    rng = random.Random(seed * 7919 + 19)
    counts = YearCounts()
    profile = CommitteeProfile.objects.in_force(today, earliest_before_first=True)
    serial = 1_250_000 + rng.randint(0, 9999) * 10
    # In the order of their dates, so that documents are numbered as the office numbered them:
    # the year's rounds, its ratings and commendations (January), the next year's rounds.
    held = held_rounds(today)
    new_year = date(last_full_year(today) + 1, 1, 1)
    for day, code in [r for r in held if r[0] < new_year]:
        awarded, serial = _hold_round(rng, day, code, profile, serial)
        counts.rounds, counts.awarded = counts.rounds + 1, counts.awarded + awarded
    counts.ratings = _rate_years(rng, today)
    counts.commendations = _commend(today, profile)
    for day, code in [r for r in held if r[0] >= new_year]:
        awarded, serial = _hold_round(rng, day, code, profile, serial)
        counts.rounds, counts.awarded = counts.rounds + 1, counts.awarded + awarded
    return counts


def _hold_round(rng, day: date, code: str, profile, serial: int) -> tuple[int, int]:
    """A round from its list to its ceremony, dated as the office would have done it."""
    round_ = rounds.round_create(day=day, occasion=code)
    rounds.round_fill(round_=round_)
    known = set(BonusCoefficient.objects.values_list("milestone", flat=True).distinct())
    lines = list(round_.proposals.select_related("member").order_by("pk"))
    for line in lines:
        if line.kind != Proposal.Kind.REISSUE and line.milestone not in known:
            rounds.proposal_set_included(
                proposal=line,
                included=False,
                note=NO_COEFFICIENT.format(milestone=line.milestone),
            )
    regular = [line for line in lines if line.milestone in known]
    if len(regular) > 8:
        rounds.proposal_set_included(proposal=rng.choice(regular), included=False, note=NOT_READY)
    if not round_.proposals.filter(included=True).exists():
        rounds.round_cancel(round_=round_, reason="Không có đảng viên đủ điều kiện trong đợt")
        return 0, serial
    rounds.round_lock(round_=round_, today=day - timedelta(days=25))
    rounds.round_submit(round_=round_, on=day - timedelta(days=24), today=day)
    decided = rounds.round_decide(
        round_=round_,
        decision_number=f"{rng.randint(100, 999)}-QĐ/ĐUK",
        decision_date=day - timedelta(days=7),
        decided_by=f"Ban Thường vụ {profile.higher_committee_text or profile.higher_committee_name}",
        today=day,
    )
    included = list(decided.proposals.filter(included=True).order_by("pk"))
    numbers = {}
    for line in included:
        serial += 1
        numbers[line.pk] = f"{serial:07d}"
    rounds.round_set_badge_numbers(round_=decided, numbers=numbers)
    posthumous = {
        line.pk
        for line in included
        if line.kind in (Proposal.Kind.POSTHUMOUS, Proposal.Kind.POSTHUMOUS_EARLY)
    }
    at_home = posthumous | {line.pk for line in included if rng.random() < 0.08}
    rounds.round_hold(round_=decided, held_on=day, at_home=at_home, today=day)
    return sum(1 for line in included if line.kind != Proposal.Kind.REISSUE), serial


def _rate_years(rng, today: date) -> int:
    """Six locked years of ratings: members mostly HTTNV, about one in nine HTXSNV (with the
    persistence of MEMBER_EXCELLENT), a disciplined member KHTNV; cells mostly HTTNV or HTXSNV,
    with the committee's tiêu biểu marks among the HTXSNV ones."""
    last = last_full_year(today)
    members = list(
        Member.objects.filter(status__in=[*ON_ROLLS, Status.DECEASED, Status.TRANSFERRED_OUT])
        .order_by("pk")
        .values_list("pk", "cell_id", "status", "admission_date", "left_rolls_on")
    )
    disciplined = set(Discipline.objects.values_list("member_id", "decision_date__year"))
    cells = list(
        Organisation.objects.filter(kind=Organisation.Kind.CELL, ended_on__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    excellent_before: dict[int, bool] = {}
    exemplary_before: dict[int, bool] = {}
    written = 0
    for year in range(last - RATED_YEARS + 1, last + 1):
        rating_year = ratings.rating_year(year)
        member_rows = []
        for pk, cell_id, status, admitted, left in members:
            if left is not None and left <= date(year, 12, 31):
                continue  # not on the rolls at the year's end
            current = Status.ACTIVE if status not in ON_ROLLS else status
            if not_rated_reason(
                status=current,
                admission_date=admitted,
                year=year,
                late_admission_from=rating_year.late_admission_from,
            ):
                continue
            if (pk, year) in disciplined:
                level = RatingLevel.NOT_COMPLETED
            elif rng.random() < MEMBER_EXCELLENT[excellent_before.get(pk, False)]:
                level = RatingLevel.EXCELLENT
            else:
                level = RatingLevel.GOOD if rng.random() < 0.9 else RatingLevel.COMPLETED
            excellent_before[pk] = level == RatingLevel.EXCELLENT
            member_rows.append(
                MemberRating(year=rating_year, member_id=pk, cell_id=cell_id, level=level)
            )
        cell_rows = []
        for pk in cells:
            exemplary = rng.random() < CELL_EXEMPLARY[exemplary_before.get(pk, False)]
            exemplary_before[pk] = exemplary
            level = (
                RatingLevel.EXCELLENT
                if exemplary or rng.random() < 0.3
                else (RatingLevel.GOOD if rng.random() < 0.92 else RatingLevel.COMPLETED)
            )
            cell_rows.append(
                CellRating(year=rating_year, cell_id=pk, level=level, exemplary=exemplary)
            )
        bulk_create_with_history(member_rows, MemberRating, batch_size=5000)
        bulk_create_with_history(cell_rows, CellRating, batch_size=5000)
        written += len(member_rows) + len(cell_rows)
        # Approved in the first days of January after the year.
        locked_on = min(date(year + 1, 1, 3), today)
        RatingYear.objects.filter(pk=rating_year.pk).update(
            locked=True, locked_at=datetime.combine(locked_on, time(2, 0), tzinfo=UTC)
        )
    return written


def _commend(today: date, profile) -> int:
    """The committee's Giấy khen for the last full year (its tiêu biểu cells and HTXSNV members),
    issued on 05/01; its proposal of the five-year streaks for the higher committee's Bằng khen,
    submitted on 06/01 and decided on 10/03, each as far as the demo's day has come."""
    year = RatingYear.objects.get(year=last_full_year(today))
    made = 0
    own = commendations.commendation_draft(
        year=year, level=CommendationLevel.OWN, form=CommendationForm.CERTIFICATE
    )
    made += 1
    issue_on = date(year.year + 1, 1, 5)
    if issue_on <= today:
        commendations.commendation_issue(commendation=own, on=issue_on, today=today)
    proposal = commendations.commendation_draft(
        year=year, level=CommendationLevel.HIGHER, form=CommendationForm.MERIT
    )
    made += 1
    submit_on, decide_on = date(year.year + 1, 1, 6), date(year.year + 1, 3, 10)
    if submit_on <= today and proposal.lines.exists():
        commendations.commendation_submit(commendation=proposal, on=submit_on, today=today)
        if decide_on <= today:
            commendations.commendation_record_decision(
                commendation=proposal,
                number=f"{40 + year.year % 50}-QĐ/ĐUK",
                on=decide_on,
                decided_by=f"Ban Thường vụ {profile.higher_committee_text}",
                today=today,
            )
    return made
