"""Writes of the register. Each function validates, writes in one transaction, keeps the member's
cached fields in step with their facts, and raises ValidationError with a Vietnamese message.
"""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from members import versions
from members.duplicates import unique_id_errors
from members.enums import ON_ROLLS
from members.fact_kinds import KINDS_WITH_COUNTERPART, KINDS_WITH_NEW_CELL
from members.models import (
    Badge,
    Discipline,
    FormerName,
    Interruption,
    Member,
    MembershipEvent,
    Organisation,
)
from members.party_age import Interval, interruption_days
from members.permissions import SET_PARTY_AGE_START
from members.rules import (
    Fact,
    RuleError,
    check_interruptions,
    check_member_dates,
    entry_facts,
    fact_order,
    first_entry,
    replay,
    with_admission_date,
    with_transfer_in,
)
from members.signals import party_age_changed
from vusta_party import clock
from vusta_party.text import name_key, nfc, normalize_spaces

Kind = MembershipEvent.Kind

STALE_EDIT = (
    "Hồ sơ của đảng viên này vừa được người khác cập nhật. "
    "Hãy mở lại hồ sơ để xem thay đổi, rồi sửa lại."
)
FACT_KINDS_WITHOUT_NEW_CELL = {k for k in Kind if k not in KINDS_WITH_NEW_CELL} - {Kind.ADMITTED}
# Removals that, reversed by re-admission, leave an interruption of party age (§1).
INTERRUPTING_REMOVALS = {
    Kind.STRUCK_OFF: Interruption.Reason.STRUCK_OFF,
    Kind.EXPELLED: Interruption.Reason.EXPELLED,
    Kind.LEFT: Interruption.Reason.LEFT,
}


def _today(today: date | None) -> date:
    return today or clock.today()


def _as_validation_error(error: RuleError) -> ValidationError:
    return ValidationError(str(error))


def _cell_now(cell: Organisation) -> Organisation:
    """The cell as the database has it now (whether it ended, and into which cell)."""
    return Organisation.objects.select_related("merged_into").get(pk=cell.pk)


def committee() -> Organisation:
    """The root of the organisation tree (created by migration)."""
    return Organisation.objects.get(parent__isnull=True, kind=Organisation.Kind.COMMITTEE)


# --- members -------------------------------------------------------------------------------


def _check_unique_ids(user, *, citizen_id: str | None, card: str | None, exclude_pk=None) -> None:
    errors = unique_id_errors(user, citizen_id=citizen_id, card=card, exclude_pk=exclude_pk)
    if errors:
        raise ValidationError(errors)


def _facts_of(member: Member, *, extra=(), without=()) -> list[Fact]:
    skip = {event.pk for event in without}
    facts = [
        Fact(kind=e.kind, date=e.date, cell_id=e.cell_id, key=e.pk)
        for e in member.events.all()
        if e.pk not in skip
    ]
    return facts + list(extra)


def _official_before_facts(member: Member, facts: list[Fact]) -> date | None:
    if any(fact.kind == Kind.MADE_OFFICIAL for fact in facts):
        return None
    return member.official_date


def _apply(member: Member, facts: list[Fact], official_before: date | None = None) -> None:
    """Replay the facts onto the member's cached fields (raises ValidationError if impossible).
    `official_before`: a new member's recognition as official before their entry."""
    try:
        state = replay(
            facts,
            admission_date=member.admission_date,
            official_before_facts=official_before or _official_before_facts(member, facts),
        )
    except RuleError as error:
        raise _as_validation_error(error) from error
    member.status = state.status
    member.cell_id = state.cell_id
    member.official_date = state.official_date
    member.death_date = state.death_date
    member.left_rolls_on = state.left_rolls_on
    if member.date_of_birth and member.death_date and member.death_date < member.date_of_birth:
        raise ValidationError("Ngày từ trần trước ngày sinh.")


def _save(member: Member, user) -> None:
    if member.pk:
        member.interrupted_days = interruption_days(
            Interval(i.start, i.end) for i in member.interruptions.all()
        )
    member.version += 1
    member._history_user = user
    member.save()
    party_age_changed.send(Member, member_ids=[member.pk])


def _check_record(values: dict, today: date) -> None:
    errors = check_member_dates(
        date_of_birth=values.get("date_of_birth"),
        admission_date=values["admission_date"],
        official_date=values.get("official_date"),
        today=today,
        party_age_start_override=values.get("party_age_start_override"),
    )
    if errors:
        raise ValidationError(errors)


# Set by the office only (§1); the override's reason and basis go with it.
OVERRIDE_FIELDS = (
    "party_age_start_override",
    "party_age_override_reason",
    "party_age_override_basis",
)
OFFICE_ONLY = {
    "admission_date": "Chỉ Văn phòng Đảng ủy được sửa ngày vào Đảng.",
    **dict.fromkeys(
        OVERRIDE_FIELDS, "Chỉ Văn phòng Đảng ủy được ghi ngày tính tuổi Đảng xác nhận riêng."
    ),
}


def _check_office_only(user, changes: dict, before: dict) -> None:
    """Refuse a change of the office's fields by anyone else (`user` None: the command line)."""
    if user is None or user.has_perm(SET_PARTY_AGE_START):
        return
    errors = {
        name: message
        for name, message in OFFICE_ONLY.items()
        if name in changes and (changes[name] or None) != (before.get(name) or None)
    }
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def member_create(
    *,
    values: dict,
    cell: Organisation,
    entry: str = Kind.ADMITTED,
    entry_date: date | None = None,
    counterpart: str = "",
    decision_number: str = "",
    user=None,
    today: date | None = None,
) -> Member:
    """Put a member on the rolls: admitted by this committee, or transferred in from elsewhere.

    A recognition as official dated on or after the entry becomes a fact of its own; an earlier one
    (a member who arrives already official) is part of the record.
    """
    today = _today(today)
    if entry not in (Kind.ADMITTED, Kind.TRANSFERRED_IN):
        raise ValidationError("Đảng viên mới phải được kết nạp hoặc chuyển sinh hoạt đến.")
    if not cell.is_cell:
        raise ValidationError({"cell": "Hãy chọn một chi bộ."})
    _check_office_only(user, {k: v for k, v in values.items() if k in OVERRIDE_FIELDS}, {})
    _check_record(values, today)
    entry_date = values["admission_date"] if entry == Kind.ADMITTED else entry_date
    if entry_date is None:
        raise ValidationError({"entry_date": "Hãy nhập ngày chuyển sinh hoạt đến."})
    if entry_date > today:
        raise ValidationError({"entry_date": "Ngày chuyển đến không được ở tương lai."})
    if refusal := _cell_now(cell).refusal_on(entry_date):
        raise ValidationError({"cell": refusal})
    _check_unique_ids(
        user, citizen_id=values.get("citizen_id"), card=values.get("party_card_number")
    )
    member = Member(**{**values, "official_date": None}, cell=cell)
    facts, official_before = entry_facts(
        entry=entry,
        entry_date=entry_date,
        official_date=values.get("official_date"),
        cell_id=cell.pk,
    )
    _apply(member, facts, official_before)
    member.version = 0
    _save(member, user)
    bulk_create_with_history(
        [
            MembershipEvent(
                member=member,
                kind=fact.kind,
                date=fact.date,
                cell_id=fact.cell_id,
                counterpart=counterpart if fact.kind == Kind.TRANSFERRED_IN else "",
                decision_number=decision_number if fact.kind == entry else "",
                created_by=user,
            )
            for fact in facts
        ],
        MembershipEvent,
        default_user=user,
    )
    return member


# Fields a member record edit may change; facts (status, cell, death...) have their own services.
EDITABLE_FIELDS = (
    "full_name",
    "birth_name",
    "sex",
    "date_of_birth",
    "hometown",
    "ethnicity",
    "religion",
    "citizen_id",
    "phone",
    "education",
    "qualification",
    "political_theory",
    "occupation",
    "position",
    "admission_date",
    "party_card_number",
    "record_number",
    "party_age_start_override",
    "party_age_override_reason",
    "party_age_override_basis",
    "seriously_ill",
    "seriously_ill_reason",
    "on_hold",
    "hold_reason",
)


def _check_flags(values: dict) -> None:
    errors = {}
    if values.get("party_age_start_override") and not values.get("party_age_override_reason"):
        errors["party_age_override_reason"] = "Hãy ghi lý do xác nhận ngày tính tuổi Đảng."
    if values.get("seriously_ill") and not values.get("seriously_ill_reason"):
        errors["seriously_ill_reason"] = "Hãy ghi lý do (bệnh nặng) để làm căn cứ đề nghị tặng sớm."
    if values.get("on_hold") and not values.get("hold_reason"):
        errors["hold_reason"] = "Hãy ghi lý do tạm hoãn."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def member_update(
    *, member: Member, values: dict, expected_version: int, user=None, today: date | None = None
) -> Member:
    """Edit the record of a member; refused when someone else saved it since it was opened."""
    today = _today(today)
    locked = Member.objects.select_for_update().get(pk=member.pk)
    if locked.version != expected_version:
        raise ValidationError(STALE_EDIT, code="stale")
    changes = {name: values[name] for name in EDITABLE_FIELDS if name in values}
    before = {name: getattr(locked, name) for name in EDITABLE_FIELDS}
    _check_office_only(user, changes, before)
    merged = before | changes
    _check_record({**merged, "official_date": locked.official_date}, today)
    _check_flags(merged)
    _check_unique_ids(
        user,
        citizen_id=changes.get("citizen_id"),
        card=changes.get("party_card_number"),
        exclude_pk=locked.pk,
    )
    for name, value in changes.items():
        setattr(locked, name, value)
    _apply(locked, with_admission_date(_facts_of(locked), locked.admission_date))
    for admitted in locked.events.filter(kind=Kind.ADMITTED).exclude(date=locked.admission_date):
        admitted.date = locked.admission_date
        admitted._history_user = user
        admitted.save()
    _check_interruption_rows(locked, today)
    _save(locked, user)
    return locked


# --- facts ---------------------------------------------------------------------------------


@transaction.atomic
def member_entry_by_transfer(
    *, member: Member, entry_date: date, user=None, today: date | None = None
) -> Member:
    """Correct how a member came onto the rolls: by transfer on `entry_date` (a register
    imported as if everyone had been on its rolls since admission). Their first entry becomes a
    transfer in that day; a recognition as official before it stays in the record, not as a fact
    of this committee. Nothing changes when the record already says so."""
    today = _today(today)
    member = Member.objects.select_for_update().get(pk=member.pk)
    facts = _facts_of(member)
    entry = first_entry(facts)
    if entry.kind == Kind.TRANSFERRED_IN and entry.date == entry_date:
        return member
    if entry_date > today:
        raise ValidationError({"entry_date": "Ngày chuyển đến không được ở tương lai."})
    corrected, official_before = with_transfer_in(
        facts, entry_date=entry_date, official_date=member.official_date, key=2**62
    )
    _apply(member, corrected, official_before)
    kept = {fact.key for fact in corrected}
    for event in member.events.exclude(pk__in=kept):
        event._history_user = user
        event.delete()
    event = MembershipEvent(
        member=member,
        kind=Kind.TRANSFERRED_IN,
        date=entry_date,
        cell_id=entry.cell_id,
        note="Sửa: vào danh sách do chuyển sinh hoạt đến.",
        created_by=user,
    )
    event._history_user = user
    event.save()
    _save(member, user)
    return member


@transaction.atomic
def fact_record(
    *,
    member: Member,
    kind: str,
    day: date,
    cell: Organisation | None = None,
    counterpart: str = "",
    decision_number: str = "",
    note: str = "",
    user=None,
    today: date | None = None,
) -> MembershipEvent:
    """Record a dated fact of a member and bring their status in step.

    Re-admission after a strike-off, expulsion or leaving adds the time out as an interruption
    of party age; a restoration (wrongful removal) keeps party age continuous.
    """
    today = _today(today)
    member = Member.objects.select_for_update().get(pk=member.pk)
    if day > today:
        raise ValidationError({"day": "Ngày của sự kiện không được ở tương lai."})
    if kind in (Kind.ADMITTED,):
        raise ValidationError("Kết nạp được ghi khi thêm đảng viên mới.")
    if kind in FACT_KINDS_WITHOUT_NEW_CELL:
        cell = member.cell
    elif cell is None or not cell.is_cell:
        raise ValidationError({"cell": "Hãy chọn chi bộ."})
    elif refusal := _cell_now(cell).refusal_on(day):
        raise ValidationError({"cell": refusal})
    if kind in KINDS_WITH_COUNTERPART and not counterpart:
        raise ValidationError({"counterpart": "Hãy ghi nơi chuyển đi / chuyển đến."})
    fact = Fact(kind=kind, date=day, cell_id=cell.pk, key=2**62)
    facts = _facts_of(member, extra=[fact])
    _apply(member, facts)
    event = MembershipEvent(
        member=member,
        kind=kind,
        date=day,
        cell=cell,
        counterpart=counterpart,
        decision_number=decision_number,
        note=note,
        created_by=user,
    )
    event._history_user = user
    event.save()
    if kind == Kind.READMITTED:
        removal = (
            member.events.filter(kind__in=INTERRUPTING_REMOVALS, date__lte=day)
            .exclude(pk=event.pk)
            .order_by("-date", "-id")
            .first()
        )
        interruption = Interruption(
            member=member,
            start=removal.date,
            end=day,
            reason=INTERRUPTING_REMOVALS[Kind(removal.kind)],
            note="Ghi tự động khi kết nạp lại.",
            readmission=event,
        )
        if interruption.end > interruption.start:
            interruption._history_user = user
            interruption.save()
            _check_interruption_rows(member, today)
    _save(member, user)
    return event


@transaction.atomic
def fact_delete(*, event: MembershipEvent, user=None) -> None:
    """Remove a fact entered by mistake, if the remaining facts still make sense."""
    member = Member.objects.select_for_update().get(pk=event.member_id)
    if (
        event.kind in (Kind.ADMITTED, Kind.TRANSFERRED_IN)
        and not member.events.exclude(pk=event.pk)
        .filter(kind__in=(Kind.ADMITTED, Kind.TRANSFERRED_IN))
        .exists()
    ):
        raise ValidationError("Không thể xóa sự kiện đưa đảng viên vào danh sách.")
    _apply(member, _facts_of(member, without=[event]))
    # What the fact brought with it goes with it: the member is as if it had never been entered.
    made_by_it = [
        *Interruption.objects.filter(readmission=event),
        *Discipline.objects.filter(expulsion_event=event),
    ]
    for row in made_by_it:
        row._history_user = user
        row.delete()
    event._history_user = user
    event.delete()
    _save(member, user)


# --- interruptions, disciplines, badges ----------------------------------------------------


def _check_interruption_rows(member: Member, today: date, extra=()) -> None:
    intervals = [Interval(i.start, i.end) for i in member.interruptions.all()] + list(extra)
    try:
        check_interruptions(intervals, admission_date=member.admission_date, today=today)
    except RuleError as error:
        raise _as_validation_error(error) from error


@transaction.atomic
def interruption_add(
    *, member: Member, start: date, end: date, reason: str, note: str = "", user=None, today=None
) -> Interruption:
    today = _today(today)
    member = Member.objects.select_for_update().get(pk=member.pk)
    _check_interruption_rows(member, today, extra=[Interval(start, end)])
    interruption = Interruption(member=member, start=start, end=end, reason=reason, note=note)
    interruption._history_user = user
    interruption.save()
    _save(member, user)
    return interruption


@transaction.atomic
def interruption_delete(*, interruption: Interruption, user=None) -> None:
    member = Member.objects.select_for_update().get(pk=interruption.member_id)
    interruption._history_user = user
    interruption.delete()
    _save(member, user)


@transaction.atomic
def discipline_record(
    *,
    member: Member,
    form: str,
    decision_date: date,
    decision_number: str = "",
    issued_by: str = "",
    reason: str = "",
    correction_confirmed: bool = False,
    user=None,
    today: date | None = None,
) -> Discipline:
    """Record a discipline; expulsion also removes the member from the rolls."""
    today = _today(today)
    member = Member.objects.select_for_update().get(pk=member.pk)
    if decision_date > today:
        raise ValidationError({"decision_date": "Ngày quyết định không được ở tương lai."})
    if decision_date < member.admission_date:
        raise ValidationError({"decision_date": "Ngày quyết định kỷ luật trước ngày vào Đảng."})
    if member.death_date and decision_date > member.death_date:
        raise ValidationError({"decision_date": "Ngày quyết định kỷ luật sau ngày từ trần."})
    expulsion = None
    if form == Discipline.Form.EXPULSION:
        expulsion = fact_record(
            member=member,
            kind=Kind.EXPELLED,
            day=decision_date,
            decision_number=decision_number,
            note="Theo quyết định kỷ luật khai trừ.",
            user=user,
            today=today,
        )
    discipline = Discipline(
        member=member,
        form=form,
        decision_date=decision_date,
        decision_number=decision_number,
        issued_by=issued_by,
        reason=reason,
        correction_confirmed=correction_confirmed,
        correction_confirmed_on=today if correction_confirmed else None,
        expulsion_event=expulsion,
    )
    discipline._history_user = user
    discipline.save()
    return discipline


@transaction.atomic
def discipline_confirm_correction(*, discipline: Discipline, on: date, user=None) -> Discipline:
    if on < discipline.decision_date:
        raise ValidationError("Ngày xác nhận sửa chữa trước ngày quyết định kỷ luật.")
    discipline.correction_confirmed = True
    discipline.correction_confirmed_on = on
    discipline._history_user = user
    discipline.save()
    return discipline


@transaction.atomic
def badge_record(
    *,
    member: Member,
    milestone: int,
    kind: str = Badge.Kind.REGULAR,
    awarded_on: date | None = None,
    decision_number: str = "",
    decision_date: date | None = None,
    badge_number: str = "",
    note: str = "",
    milestones: frozenset[int] | tuple[int, ...],
    user=None,
) -> Badge:
    """Record a badge the member holds (by hand, by an import, or by a round's decision).
    `milestones` are those that exist (the badge rules say, ceremonies/milestones.py)."""
    if milestone not in milestones:
        raise ValidationError({"milestone": f"Không có Huy hiệu {milestone} năm tuổi Đảng."})
    if member.badges.filter(milestone=milestone).exists():
        raise ValidationError({"milestone": f"Đảng viên đã có Huy hiệu {milestone} năm."})
    for day in (awarded_on, decision_date):
        if day and day < member.admission_date:
            raise ValidationError("Ngày tặng Huy hiệu trước ngày vào Đảng.")
    badge = Badge(
        member=member,
        milestone=milestone,
        kind=kind,
        awarded_on=awarded_on,
        decision_number=decision_number,
        decision_date=decision_date,
        badge_number=badge_number.strip(),
        note=note,
    )
    _save_badge(badge, user)
    if milestone > member.highest_badge:
        Member.objects.filter(pk=member.pk).update(highest_badge=milestone)
        member.highest_badge = milestone
        party_age_changed.send(Member, member_ids=[member.pk])
    return badge


def _save_badge(badge: Badge, user) -> None:
    """Save a badge; the database's constraints (one badge per milestone, a badge number on one
    live badge, §3) answer in Vietnamese, also when two staff save at the same moment."""
    badge._history_user = user
    try:
        with transaction.atomic():
            badge.save()
    except IntegrityError as error:
        holder = (
            Badge.objects.filter(badge_number=badge.badge_number)
            .exclude(pk=badge.pk)
            .select_related("member")
            .first()
            if badge.badge_number
            else None
        )
        if holder is not None:
            raise ValidationError(
                {
                    "badge_number": f"Số Huy hiệu {badge.badge_number} đã ghi cho Huy hiệu "
                    f"{holder.milestone} năm của đảng viên {holder.member.full_name}."
                }
            ) from error
        raise ValidationError(
            {"milestone": f"Đảng viên đã có Huy hiệu {badge.milestone} năm."}
        ) from error


@transaction.atomic
def badge_numbers_set(*, numbers: dict[tuple[int, int], str], user=None) -> int:
    """Give badges their numbers: (member id, milestone) -> number ("" for none). Numbers are
    unique among live badges (§3); the badges changed are first cleared together, so that two
    badges may swap numbers. Returns how many changed."""
    wanted = {key: number.strip() for key, number in numbers.items()}
    if not wanted:
        return 0
    # By member, then the milestone in Python: one OR per pair would pass SQLite's limit on an
    # expression's depth (1,000) in a round of a large register.
    held = Badge.objects.select_for_update().filter(
        member_id__in={member_id for member_id, _milestone in wanted},
        milestone__in={milestone for _member_id, milestone in wanted},
    )
    badges = [
        badge
        for badge in held.select_related("member")
        if (badge.member_id, badge.milestone) in wanted
        and badge.badge_number != wanted[(badge.member_id, badge.milestone)]
    ]
    Badge.objects.filter(pk__in=[badge.pk for badge in badges]).update(badge_number="")
    for badge in badges:
        badge.badge_number = wanted[(badge.member_id, badge.milestone)]
        _save_badge(badge, user)
    return len(badges)


@transaction.atomic
def badge_reissued(
    *, member: Member, milestone: int, note: str, undo: bool = False, user=None
) -> None:
    """Write on a badge the member holds that it was re-issued (4A-HHĐ), so the member's page
    says it with the new number; `undo` takes the words back (the round was cancelled)."""
    badge = Badge.objects.select_for_update().filter(member=member, milestone=milestone).first()
    if badge is None:
        return
    parts = [part for part in badge.note.split("; ") if part and part != note]
    badge.note = "; ".join(parts if undo else [*parts, note])
    _save_badge(badge, user)


@transaction.atomic
def badges_decision_date_set(
    *, badges: set[tuple[int, int]], decision_date: date, reason: str = "", user=None
) -> int:
    """Correct the decision date of badges (member id, milestone) a round's decision recorded:
    the office found the date entered wrongly. Returns how many changed."""
    held = Badge.objects.select_for_update().filter(
        member_id__in={member_id for member_id, _milestone in badges},
        milestone__in={milestone for _member_id, milestone in badges},
    )
    changed = [
        badge
        for badge in held
        if (badge.member_id, badge.milestone) in badges and badge.decision_date != decision_date
    ]
    for badge in changed:
        badge.decision_date = decision_date
        badge._change_reason = reason[:100]
        _save_badge(badge, user)
    return len(changed)


# --- organisations -------------------------------------------------------------------------


@transaction.atomic
def cell_create(
    *, name: str, parent: Organisation | None = None, founded_on: date | None = None, user=None
) -> Organisation:
    return _organisation_create(
        Organisation.Kind.CELL, name=name, parent=parent, founded_on=founded_on, user=user
    )


@transaction.atomic
def branch_create(*, name: str, founded_on: date | None = None, user=None) -> Organisation:
    """A đảng bộ bộ phận: a level between the committee and some of its cells."""
    return _organisation_create(
        Organisation.Kind.BRANCH, name=name, parent=None, founded_on=founded_on, user=user
    )


def _same_name(kind, name: str, *, exclude_pk: int | None = None) -> ValidationError | None:
    """The refusal of a name that a live organisation of the kind already has (by name_key)."""
    others = Organisation.objects.live().filter(kind=kind, name_key=name_key(name))
    other = others.exclude(pk=exclude_pk).first() if exclude_pk else others.first()
    if other is None:
        return None
    label = kind.label[0].lower() + kind.label[1:]
    return ValidationError({"name": f"Đã có {label} tên “{other.name}”."})


def _organisation_create(kind, *, name, parent, founded_on, user) -> Organisation:
    name = nfc(normalize_spaces(name))
    parent = parent or committee()
    if parent.is_cell:
        raise ValidationError({"parent": "Chi bộ không thể trực thuộc một chi bộ khác."})
    if founded_on and founded_on > clock.today():
        raise ValidationError({"founded_on": "Ngày thành lập không được ở tương lai."})
    if same := _same_name(kind, name):
        raise same
    organisation = Organisation(kind=kind, name=name, parent=parent, founded_on=founded_on)
    organisation._history_user = user
    organisation.save()
    return organisation


@transaction.atomic
def organisation_rename(
    *, organisation: Organisation, name: str, valid_from: date, user=None, today: date | None = None
) -> Organisation:
    """Rename from a date; documents dated earlier keep the old name."""
    today = _today(today)
    name = nfc(normalize_spaces(name))
    if valid_from > today:
        raise ValidationError({"valid_from": "Ngày đổi tên không được ở tương lai."})
    if name == organisation.name:
        raise ValidationError({"name": "Tên mới trùng tên hiện tại."})
    if same := _same_name(Organisation.Kind(organisation.kind), name, exclude_pk=organisation.pk):
        raise same
    last = organisation.former_names.order_by("-used_until").first()
    if last and valid_from <= last.used_until + timedelta(days=1):
        raise ValidationError(
            {
                "valid_from": f"Ngày đổi tên phải sau lần đổi tên trước ({last.used_until + timedelta(days=1):%d/%m/%Y})."
            }
        )
    FormerName.objects.create(
        organisation=organisation, name=organisation.name, used_until=valid_from - timedelta(days=1)
    )
    organisation.name = name
    organisation._history_user = user
    organisation.save()
    return organisation


@transaction.atomic
def badge_remove(*, member: Member, milestone: int, user=None) -> None:
    """Take back a badge recorded by mistake (or by a round cancelled after its decision)."""
    badge = member.badges.filter(milestone=milestone).first()
    if badge is None:
        raise ValidationError(f"Đảng viên không có Huy hiệu {milestone} năm.")
    badge._history_user = user
    badge.delete()
    highest = max(member.badges.values_list("milestone", flat=True), default=0)
    Member.objects.filter(pk=member.pk).update(highest_badge=highest)
    member.highest_badge = highest
    party_age_changed.send(Member, member_ids=[member.pk])


# --- cells as dated facts (DOMAIN.md §5) ----------------------------------------------------

# Facts that put a member into the cell they name (the others name the cell the member is in).
CELL_ENTRIES = {
    Kind.ADMITTED,
    Kind.TRANSFERRED_IN,
    Kind.CELL_TRANSFER,
    Kind.READMITTED,
    Kind.RESTORED,
}
MERGE_KEY = 2**62  # a merger's move comes after the other moves of its day


def _d(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _check_end(cell: Organisation, day: date, today: date) -> None:
    if not cell.is_cell:
        raise ValidationError("Chỉ sáp nhập hoặc giải thể một chi bộ.")
    if cell.ended_on is not None:
        raise ValidationError(cell.refusal_on(cell.ended_on))
    if day > today:
        raise ValidationError({"day": "Ngày sáp nhập hoặc giải thể không được ở tương lai."})
    if cell.founded_on and day <= cell.founded_on:
        raise ValidationError(
            {"day": f"Ngày phải sau ngày thành lập chi bộ ({_d(cell.founded_on)})."}
        )


def _members_of(cell: Organisation) -> list[Member]:
    """Every member who was ever on the cell's rolls, with their facts in order (two queries)."""
    return list(
        Member.objects.filter(
            pk__in=MembershipEvent.objects.filter(cell=cell).values("member_id")
        ).prefetch_related(
            Prefetch("events", queryset=MembershipEvent.objects.order_by("date", "id"))
        )
    )


def _leaving(member: Member, cell: Organisation, day: date) -> tuple[bool, list[MembershipEvent]]:
    """Whether the member is on the cell's rolls when it ends on `day`, and their later facts in
    it. A fact that puts them into the cell after it ended is refused."""
    facts = _facts_of(member)
    move_order = (day, 3, MERGE_KEY)  # where a merger's move sits among the day's facts
    earlier = [fact for fact in facts if fact_order(fact) < move_order]
    state = (
        replay(
            earlier,
            admission_date=member.admission_date,
            official_before_facts=_official_before_facts(member, facts),
        )
        if earlier
        else None
    )
    on_rolls = state is not None and state.status in ON_ROLLS and state.cell_id == cell.pk
    later = [
        event
        for event in member.events.all()
        if event.cell_id == cell.pk and fact_order(_fact(event)) > move_order
    ]
    for event in later:
        if event.kind in CELL_ENTRIES:
            raise ValidationError(
                f"{member.full_name}: {event.get_kind_display().lower()} vào {cell.name} ngày "
                f"{_d(event.date)}, từ ngày {_d(day)} chi bộ đã không còn. Sửa sự kiện này trước."
            )
    return on_rolls, later


def _fact(event: MembershipEvent) -> Fact:
    return Fact(kind=event.kind, date=event.date, cell_id=event.cell_id, key=event.pk)


@transaction.atomic
def cell_merge(
    *,
    cell: Organisation,
    into: Organisation,
    day: date,
    decision_number: str = "",
    user=None,
    today: date | None = None,
) -> int:
    """Merge a cell into another on a date: every member on its rolls then moves to the other
    cell that day (a fact of each member's), their later facts recorded in the old cell are
    theirs in the new one, and the old cell ends. Returns the number of members moved."""
    today = _today(today)
    cell = Organisation.objects.select_for_update().get(pk=cell.pk)
    _check_end(cell, day, today)
    if into.pk == cell.pk or not into.is_cell:
        raise ValidationError({"into": "Hãy chọn một chi bộ khác để sáp nhập vào."})
    if refusal := into.refusal_on(day):
        raise ValidationError({"into": refusal})
    note = f"Sáp nhập {cell.name} vào {into.name}."
    moves, repointed, changed = [], [], []
    for member in _members_of(cell):
        on_rolls, later = _leaving(member, cell, day)
        if not on_rolls and not later:
            continue
        for event in later:
            event.cell_id = into.pk
        facts = [
            *(_fact(event) for event in member.events.all()),
            *([Fact(Kind.CELL_TRANSFER, day, into.pk, MERGE_KEY)] if on_rolls else []),
        ]
        try:
            state = replay(
                facts,
                admission_date=member.admission_date,
                official_before_facts=_official_before_facts(member, facts),
            )
        except RuleError as error:
            raise ValidationError(f"{member.full_name}: {error}") from error
        if on_rolls:
            moves.append(
                MembershipEvent(
                    member=member,
                    kind=Kind.CELL_TRANSFER,
                    date=day,
                    cell=into,
                    decision_number=decision_number,
                    note=note,
                    created_by=user,
                )
            )
        repointed += later
        if member.cell_id != state.cell_id:
            member.cell_id = state.cell_id
            member.version += 1
            changed.append(member)
    bulk_create_with_history(moves, MembershipEvent, batch_size=1000, default_user=user)
    bulk_update_with_history(
        repointed, MembershipEvent, ["cell"], batch_size=1000, default_user=user
    )
    bulk_update_with_history(
        changed, Member, ["cell", "version"], batch_size=1000, default_user=user
    )
    cell.ended_on, cell.merged_into = day, into
    cell._history_user = user
    cell.save()
    versions.bump()  # the bulk writes send no signals
    return len(moves)


@transaction.atomic
def cell_dissolve(*, cell: Organisation, day: date, user=None, today: date | None = None) -> None:
    """Dissolve a cell from a date: it must have no member on its rolls then, nor any fact in
    it afterwards (members move first, or the cell is merged instead)."""
    today = _today(today)
    cell = Organisation.objects.select_for_update().get(pk=cell.pk)
    _check_end(cell, day, today)
    staying = []
    for member in _members_of(cell):
        on_rolls, later = _leaving(member, cell, day)
        if later:
            event = later[0]
            raise ValidationError(
                f"{member.full_name}: {event.get_kind_display().lower()} ngày {_d(event.date)} "
                f"ở {cell.name}, sau ngày giải thể."
            )
        if on_rolls:
            staying.append(member.full_name)
    if staying:
        names = ", ".join(staying[:5]) + (", ..." if len(staying) > 5 else "")
        raise ValidationError(
            f"Ngày {_d(day)} {cell.name} còn {len(staying)} đảng viên ({names}): chuyển sinh hoạt "
            "họ sang chi bộ khác trước, hoặc sáp nhập chi bộ."
        )
    cell.ended_on = day
    cell._history_user = user
    cell.save()


@transaction.atomic
def cell_set_founded(
    *, cell: Organisation, founded_on: date | None, user=None, today: date | None = None
) -> Organisation:
    """Record (or correct, or clear) the founding date of a cell: not in the future, not after
    the first day a member was on its rolls, before it ended."""
    today = _today(today)
    if founded_on is not None:
        if founded_on > today:
            raise ValidationError({"founded_on": "Ngày thành lập không được ở tương lai."})
        first = (
            MembershipEvent.objects.filter(cell=cell)
            .order_by("date")
            .values_list("date", flat=True)
            .first()
        )
        if first is not None and founded_on > first:
            raise ValidationError(
                {
                    "founded_on": f"Chi bộ đã có đảng viên sinh hoạt từ ngày {_d(first)}: ngày "
                    "thành lập không thể sau ngày đó."
                }
            )
        if cell.ended_on and founded_on >= cell.ended_on:
            raise ValidationError(
                {
                    "founded_on": f"Ngày thành lập phải trước ngày chi bộ không còn ({_d(cell.ended_on)})."
                }
            )
    cell.founded_on = founded_on
    cell._history_user = user
    cell.save()
    return cell
