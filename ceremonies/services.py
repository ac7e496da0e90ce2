"""Writes of the award rounds (DOMAIN.md §3). Each locks the round row, checks the workflow,
writes in one transaction and raises ValidationError with a Vietnamese message."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from simple_history.utils import bulk_create_with_history

from ceremonies.eligibility import evaluate
from ceremonies.models import BaseSalary, BonusCoefficient, Proposal, Round, rules_on
from ceremonies.queries import FIELDS, candidates, member_facts, proposed_in_open_rounds
from ceremonies.workflow import (
    STEP_LABELS,
    WorkflowError,
    bonus_amount,
    default_deadline,
    next_state,
    step_date_errors,
)
from members import services as register
from members.models import Member
from vusta_party import clock
from vusta_party.services import next_document_number

SUBMISSION_TYPE = "TTr"


def _locked(round_: Round) -> Round:
    return Round.objects.select_for_update().get(pk=round_.pk)


def _advance(round_: Round, action: str) -> str:
    try:
        return next_state(round_.state, action)
    except WorkflowError as error:
        raise ValidationError(str(error)) from error


def _check_step_dates(round_: Round, *, today: date | None = None, **changed: date) -> None:
    """The dates of the round's steps with `changed` applied: none after today, each on or after
    the step before it (DOMAIN.md §3); a ValidationError naming every date that is wrong."""
    steps = {step: getattr(round_, step) for step in STEP_LABELS} | changed
    errors = step_date_errors(steps, today=today or clock.today())
    if errors:
        raise ValidationError(list(errors.values()))


@transaction.atomic
def round_create(
    *, day: date, occasion: str, title: str = "", deadline: date | None = None, user=None
) -> Round:
    if Round.objects.filter(date=day).exclude(state=Round.State.CANCELLED).exists():
        raise ValidationError({"day": f"Đã có đợt tặng ngày {day:%d/%m/%Y}."})
    deadline = deadline or default_deadline(day)
    if deadline > day:
        raise ValidationError({"deadline": "Hạn nộp hồ sơ phải trước ngày trao tặng."})
    round_ = Round(date=day, occasion=occasion, title=title, deadline=deadline, created_by=user)
    round_._history_user = user
    try:
        with transaction.atomic():
            round_.save()
    except IntegrityError as error:  # another one created at the same moment (one a day, §3)
        raise ValidationError({"day": f"Đã có đợt tặng ngày {day:%d/%m/%Y}."}) from error
    return round_


def proposed_elsewhere(round_: Round) -> dict[int, set[int]]:
    """Milestones each member holds in other open rounds (one query)."""
    return proposed_in_open_rounds(exclude_round=round_)


@transaction.atomic
def round_fill(*, round_: Round, members=None, user=None) -> int:
    """Add to a draft list every candidate of the round not on it yet; returns how many.

    `members` limits the search (a cell secretary fills for their cells).
    """
    round_ = _locked(round_)
    _advance(round_, "edit_list")
    rows = candidates(
        members if members is not None else Member.objects.all(),
        on=round_.date,
        rules=rules_on(round_.date),
        proposed=proposed_elsewhere(round_),
    )
    listed = set(round_.proposals.values_list("member_id", "kind"))
    rows = [row for row in rows if (row.member_id, row.evaluation.kind) not in listed]
    # Early cases carry the medical reason recorded on the member (§3: early cases carry it).
    reasons = dict(
        Member.objects.filter(
            pk__in=[row.member_id for row in rows if row.evaluation.kind == Proposal.Kind.EARLY]
        ).values_list("pk", "seriously_ill_reason")
    )
    new = [
        Proposal(
            round=round_,
            member_id=row.member_id,
            milestone=row.evaluation.milestone,
            kind=row.evaluation.kind,
            due_date=row.evaluation.due_date,
            note=reasons.get(row.member_id, ""),
            created_by=user,
        )
        for row in rows
    ]
    bulk_create_with_history(new, Proposal, default_user=user)
    return len(new)


@transaction.atomic
def proposal_set_included(
    *, proposal: Proposal, included: bool, note: str = "", user=None
) -> Proposal:
    """Include a line or leave it out with a reason (draft lists only)."""
    _advance(_locked(proposal.round), "edit_list")
    if not included and not note.strip():
        raise ValidationError({"note": "Hãy ghi lý do không đề nghị."})
    proposal.included = included
    proposal.live = included
    proposal.note = note.strip()
    return _save_line(
        proposal,
        user,
        f"{proposal.member}: Huy hiệu {proposal.milestone} năm đã có trong một đợt khác chưa kết thúc.",
    )


def _save_line(proposal: Proposal, user, clash: str) -> Proposal:
    """Save a list line; the database's one-live-line-per-milestone constraint answers `clash`."""
    proposal._history_user = user
    try:
        with transaction.atomic():
            proposal.save()
    except IntegrityError as error:
        raise ValidationError(clash) from error
    return proposal


@transaction.atomic
def proposal_add(
    *,
    round_: Round,
    member: Member,
    kind: str,
    milestone: int | None = None,
    note: str = "",
    old_badge_number: str = "",
    loss_statement: str = "",
    user=None,
) -> Proposal:
    """Add a line by hand: an early, posthumous or regular case the rules confirm at the round
    date, or the re-issue of a lost badge the member holds."""
    round_ = _locked(round_)
    _advance(round_, "edit_list")
    if kind == Proposal.Kind.REISSUE:
        if not member.badges.filter(milestone=milestone).exists():
            raise ValidationError(
                {"milestone": f"{member} chưa được tặng Huy hiệu {milestone} năm."}
            )
        if not old_badge_number.strip() or not loss_statement.strip():
            raise ValidationError(
                "Cấp lại Huy hiệu cần số Huy hiệu cũ và bản tường trình việc mất."
            )
        due = None
    else:
        row = Member.objects.filter(pk=member.pk).values_list(*FIELDS, named=True).get()
        facts = member_facts(
            row,
            disciplines=member.disciplines.values_list("form", "decision_date"),
            proposed=proposed_elsewhere(round_).get(member.pk, ()),
        )
        answer = evaluate(facts, on=round_.date, rules=rules_on(round_.date))
        if not answer.is_candidate or answer.kind != kind:
            raise ValidationError(f"{member}: {answer.reason}")
        milestone, due = answer.milestone, answer.due_date
        if kind == Proposal.Kind.EARLY and not (note.strip() or member.seriously_ill_reason):
            raise ValidationError({"note": "Tặng sớm cần ghi lý do (bệnh nặng, có xác nhận y tế)."})
        note = note.strip() or (member.seriously_ill_reason if kind == Proposal.Kind.EARLY else "")
    proposal = Proposal(
        round=round_,
        member=member,
        milestone=milestone,
        kind=kind,
        due_date=due,
        note=note.strip(),
        old_badge_number=old_badge_number.strip(),
        loss_statement=loss_statement.strip(),
        created_by=user,
    )
    return _save_line(
        proposal, user, f"{member} đã có trong danh sách này hoặc trong một đợt khác."
    )


@transaction.atomic
def round_lock(*, round_: Round, user=None, today: date | None = None) -> Round:
    """Close the list (chốt danh sách) and give the submission letter its number."""
    round_ = _locked(round_)
    round_.state = _advance(round_, "lock")
    if not round_.proposals.filter(included=True).exists():
        raise ValidationError("Danh sách chưa có đảng viên nào được đề nghị.")
    today = today or clock.today()
    if round_.submission_number is None:
        round_.submission_number, _term = next_document_number(type_code=SUBMISSION_TYPE, day=today)
        round_.submission_date = today
    round_._history_user = user
    round_.save()
    return round_


@transaction.atomic
def round_reopen(*, round_: Round, user=None) -> Round:
    """Reopen a locked list for corrections (it keeps its submission number)."""
    round_ = _locked(round_)
    round_.state = _advance(round_, "reopen")
    round_._history_user = user
    round_.save()
    return round_


@transaction.atomic
def round_submit(*, round_: Round, on: date, user=None, today: date | None = None) -> Round:
    round_ = _locked(round_)
    round_.state = _advance(round_, "submit")
    _check_step_dates(round_, today=today, submitted_on=on)
    round_.submitted_on = on
    round_._history_user = user
    round_.save()
    return round_


@transaction.atomic
def round_decide(
    *,
    round_: Round,
    decision_number: str,
    decision_date: date,
    decided_by: str = "",
    user=None,
    today: date | None = None,
) -> Round:
    """Record the higher committee's decision: every included line becomes a badge of the member,
    with its bonus (coefficient × base salary in force on the decision date)."""
    round_ = _locked(round_)
    round_.state = _advance(round_, "decide")
    if not decision_number.strip():
        raise ValidationError({"decision_number": "Hãy nhập số quyết định."})
    _check_step_dates(round_, today=today, decision_date=decision_date)
    lines = list(round_.proposals.filter(included=True).select_related("member"))
    awards = [line for line in lines if line.kind != Proposal.Kind.REISSUE]
    _set_bonuses(awards, decision_date, user)
    in_force_milestones = set(rules_on(round_.date).milestones)
    for line in awards:
        register.badge_record(
            member=line.member,
            milestone=line.milestone,
            kind=line.kind,
            awarded_on=round_.date,
            decision_number=decision_number.strip(),
            decision_date=decision_date,
            note=f"{round_}",
            milestones=tuple(sorted(in_force_milestones | {line.milestone})),
            user=user,
        )
    for line in lines:
        if line.kind == Proposal.Kind.REISSUE:
            register.badge_reissued(
                member=line.member,
                milestone=line.milestone,
                note=reissue_note(line, decision_number.strip(), decision_date),
                user=user,
            )
    round_.decision_number = decision_number.strip()
    round_.decision_date = decision_date
    round_.decided_by = decided_by.strip()
    round_._history_user = user
    round_.save()
    return round_


def reissue_note(line: Proposal, decision_number: str, decision_date: date) -> str:
    """What a re-issued badge says on the member's page: the decision, and the number lost."""
    return (
        f"Cấp lại theo Quyết định số {decision_number} ngày {decision_date:%d/%m/%Y} "
        f"(mất số cũ {line.old_badge_number})"
    )


def _set_bonuses(awards: list[Proposal], decision_date: date, user) -> None:
    """Each awarded line's bonus: coefficient × base salary in force on the decision date."""
    salary = BaseSalary.objects.in_force(decision_date)
    if awards and salary is None:
        raise ValidationError(
            "Chưa có mức lương cơ sở áp dụng cho ngày quyết định: hãy nhập trước."
        )
    coefficients = {}
    for milestone in sorted({line.milestone for line in awards}):
        found = BonusCoefficient.objects.filter(milestone=milestone).in_force(decision_date)
        if found is not None:
            coefficients[milestone] = found.coefficient
    missing = sorted({line.milestone for line in awards} - set(coefficients))
    if missing:
        raise ValidationError(
            "Chưa có hệ số tiền thưởng cho Huy hiệu "
            + ", ".join(f"{m} năm" for m in missing)
            + ": hãy nhập hệ số (Huy hiệu Đảng → Tiền thưởng) trước khi ghi quyết định."
        )
    for line in awards:
        line.coefficient = coefficients[line.milestone]
        line.base_salary = salary.amount
        line.bonus = bonus_amount(coefficient=line.coefficient, base_salary=salary.amount)
        line._history_user = user
        line.save(update_fields=["coefficient", "base_salary", "bonus"])


CORRECTABLE_STEPS = {
    # step: the states in which its date is recorded and may be corrected
    "submitted_on": (Round.State.SUBMITTED, Round.State.DECIDED, Round.State.HELD),
    "decision_date": (Round.State.DECIDED, Round.State.HELD),
}


@transaction.atomic
def round_correct_dates(
    *, round_: Round, dates: dict[str, date], reason: str, user=None, today: date | None = None
) -> list[str]:
    """The office corrects a date of a step entered wrongly (the submission, the decision), with
    a reason the audit trail keeps. The dates must still follow each other and not be after
    today. A corrected decision date goes onto the badges it recorded, and their bonus is that of
    the base salary and coefficients in force on the new date. Returns the steps changed."""
    round_ = _locked(round_)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Hãy ghi lý do sửa ngày."})
    changed = {step: day for step, day in dates.items() if getattr(round_, step) != day}
    for step in changed:
        if round_.state not in CORRECTABLE_STEPS.get(step, ()):
            raise ValidationError(
                f"Không sửa được {STEP_LABELS[step]}: đợt tặng {round_.get_state_display().lower()}."
            )
    if not changed:
        return []
    _check_step_dates(round_, today=today, **changed)
    if "decision_date" in changed:
        for line in round_.proposals.filter(included=True, kind=Proposal.Kind.REISSUE):
            for day, undo in ((round_.decision_date, True), (changed["decision_date"], False)):
                register.badge_reissued(
                    member=line.member,
                    milestone=line.milestone,
                    note=reissue_note(line, round_.decision_number, day),
                    undo=undo,
                    user=user,
                )
    for step, day in changed.items():
        setattr(round_, step, day)
    if "decision_date" in changed:
        lines = round_.proposals.filter(included=True).exclude(kind=Proposal.Kind.REISSUE)
        awards = list(lines.select_related("member"))
        _set_bonuses(awards, changed["decision_date"], user)
        register.badges_decision_date_set(
            badges={(line.member_id, line.milestone) for line in awards},
            decision_date=changed["decision_date"],
            reason=reason,
            user=user,
        )
    round_._history_user = user
    round_._change_reason = reason[:100]
    round_.save()
    return list(changed)


@transaction.atomic
def round_set_badge_numbers(*, round_: Round, numbers: dict[int, str], user=None) -> int:
    """Record the badge numbers that came with the decision; returns how many changed. Each
    number goes onto the badge the member now holds (a re-issued one too), where the database
    keeps it on one live badge (§3)."""
    round_ = _locked(round_)
    _advance(round_, "badge_numbers")
    changed = []
    lines = round_.proposals.filter(included=True, pk__in=numbers).select_related("member")
    for line in lines:
        number = numbers[line.pk].strip()
        if number == line.badge_number:
            continue
        line.badge_number = number
        line._history_user = user
        line.save(update_fields=["badge_number"])
        changed.append(line)
    register.badge_numbers_set(
        numbers={(line.member_id, line.milestone): line.badge_number for line in changed},
        user=user,
    )
    return len(changed)


@transaction.atomic
def round_hold(
    *,
    round_: Round,
    held_on: date,
    at_home: set[int] = frozenset(),
    user=None,
    today: date | None = None,
) -> Round:
    """The ceremony took place: every included line was presented, some at home."""
    round_ = _locked(round_)
    round_.state = _advance(round_, "hold")
    _check_step_dates(round_, today=today, held_on=held_on)
    round_.held_on = held_on
    round_._history_user = user
    round_.save()
    for line in round_.proposals.filter(included=True):
        line.presented_on = held_on
        line.presented_at_home = line.pk in at_home
        line._history_user = user
        line.save(update_fields=["presented_on", "presented_at_home"])
    return round_


@transaction.atomic
def round_cancel(*, round_: Round, reason: str, user=None) -> Round:
    """Cancel a round before its ceremony; its members are free for another round, and the
    badges its decision recorded are taken back."""
    round_ = _locked(round_)
    was_decided = round_.state == Round.State.DECIDED
    round_.state = _advance(round_, "cancel")
    if not reason.strip():
        raise ValidationError({"reason": "Hãy ghi lý do hủy đợt."})
    if was_decided:
        lines = list(round_.proposals.filter(included=True).select_related("member"))
        for line in lines:
            if line.kind != Proposal.Kind.REISSUE:
                register.badge_remove(member=line.member, milestone=line.milestone, user=user)
        for line in lines:
            if line.kind == Proposal.Kind.REISSUE:
                register.badge_reissued(
                    member=line.member,
                    milestone=line.milestone,
                    note=reissue_note(line, round_.decision_number, round_.decision_date),
                    undo=True,
                    user=user,
                )
        # A re-issued badge that got its new number goes back to the number it had.
        register.badge_numbers_set(
            numbers={
                (line.member_id, line.milestone): line.old_badge_number
                for line in lines
                if line.kind == Proposal.Kind.REISSUE and line.badge_number
            },
            user=user,
        )
    round_.proposals.update(live=False)
    round_.cancel_reason = reason.strip()
    round_._history_user = user
    round_.save()
    return round_
