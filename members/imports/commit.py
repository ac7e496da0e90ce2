"""Carrying out a plan with no errors, in one transaction."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from members import services, versions
from members.enums import EventKind, InterruptionReason, OrganisationKind
from members.imports.columns import ILL_DEFAULT_REASON, RECORD_FIELDS
from members.imports.plan import ImportPlan, RowPlan
from members.models import Badge, Discipline, Interruption, Member, MembershipEvent, Organisation
from members.party_age import DEFAULT_MILESTONES
from members.rules import Fact, replay
from members.signals import party_age_changed
from vusta_party import clock

Kind = EventKind


@transaction.atomic
def commit_import(plan: ImportPlan, *, user=None, today: date | None = None) -> dict[str, int]:
    """Carry out a plan with no errors, in one transaction; returns the counts."""
    if not plan.ok:
        raise ValidationError("Tệp còn dòng lỗi: không nhập dòng nào.")
    today = today or clock.today()
    cells = {
        cell.name.casefold(): cell
        for cell in Organisation.objects.filter(kind=OrganisationKind.CELL)
    }
    for name in plan.new_cells:
        cells[name.casefold()] = services.cell_create(name=name, user=user)
    _create_all([row for row in plan.rows if row.action == "create"], cells, user)
    for row in plan.rows:
        if row.action == "update":
            _update(row, user, today)
    versions.bump()  # the bulk creates send no signals
    return {
        "created": plan.count("create"),
        "updated": plan.count("update"),
        "unchanged": plan.count("unchanged"),
        "new_cells": len(plan.new_cells),
    }


def _ill_values(values: dict) -> dict:
    text = values.get("seriously_ill")
    if not text:
        return {}
    return {
        "seriously_ill": True,
        "seriously_ill_reason": text if len(text) > 3 else ILL_DEFAULT_REASON,
    }


def _create_all(rows: list[RowPlan], cells: dict, user) -> None:
    """New members in bulk, so a file of thousands imports in seconds: the planning already
    checked every row; each member's facts are replayed by the same rule as in the services
    (`members.rules.replay`), and every row gets its audit history, by the importing user."""
    members, facts, details = [], [], []
    for row in rows:
        values = row.values
        cell = cells[row.cell_name.casefold()]
        record = {key: values[key] for key in RECORD_FIELDS if values.get(key) is not None}
        member = Member(**record, **_ill_values(values), cell=cell, version=1)
        member_facts = [Fact(Kind.ADMITTED, values["admission_date"], cell.pk)]
        if values.get("official_date"):
            member_facts.append(Fact(Kind.MADE_OFFICIAL, values["official_date"], cell.pk))
        if values.get("death_date"):
            member_facts.append(Fact(Kind.DIED, values["death_date"], cell.pk))
        state = replay(member_facts, admission_date=member.admission_date)
        member.status, member.official_date = state.status, state.official_date
        member.death_date, member.left_rolls_on = state.death_date, state.left_rolls_on
        member.interrupted_days = sum(
            interval.days for interval in values.get("interruptions") or []
        )
        member.highest_badge = max(values.get("badges") or [0])
        member.fill_derived_fields()
        members.append(member)
        facts.append(member_facts)
        details.append(values)
    members = bulk_create_with_history(members, Member, batch_size=1000, default_user=user)
    party_age_changed.send(Member, member_ids=[member.pk for member in members])
    history = {"batch_size": 1000, "default_user": user}
    bulk_create_with_history(
        [
            MembershipEvent(
                member=member, kind=fact.kind, date=fact.date, cell_id=fact.cell_id, created_by=user
            )
            for member, member_facts in zip(members, facts, strict=True)
            for fact in member_facts
        ],
        MembershipEvent,
        **history,
    )
    bulk_create_with_history(
        [
            Interruption(
                member=member,
                start=i.start,
                end=i.end,
                reason=InterruptionReason.OTHER,
                note="Nhập từ tệp",
            )
            for member, values in zip(members, details, strict=True)
            for i in values.get("interruptions") or []
        ],
        Interruption,
        **history,
    )
    bulk_create_with_history(
        [
            Badge(member=member, milestone=milestone, note="Nhập từ tệp")
            for member, values in zip(members, details, strict=True)
            for milestone in values.get("badges") or []
        ],
        Badge,
        **history,
    )
    bulk_create_with_history(
        [
            Discipline(member=member, form=form, decision_date=day)
            for member, values in zip(members, details, strict=True)
            for form, day in values.get("disciplines") or []
        ],
        Discipline,
        **history,
    )


def _update(row: RowPlan, user, today) -> None:
    member, values = row.member, row.values
    record = {key: values[key] for key in RECORD_FIELDS if values.get(key) is not None}
    record |= _ill_values(values) if not member.seriously_ill else {}
    member = services.member_update(
        member=member, values=record, expected_version=member.version, user=user, today=today
    )
    if values.get("official_date") and member.official_date is None:
        services.fact_record(
            member=member,
            kind=Kind.MADE_OFFICIAL,
            day=values["official_date"],
            user=user,
            today=today,
        )
    _add_details(member, values, user, today)


def _add_details(member: Member, values: dict, user, today) -> None:
    if (
        values.get("death_date")
        and not Member.objects.filter(pk=member.pk, death_date__isnull=False).exists()
    ):
        services.fact_record(
            member=member, kind=Kind.DIED, day=values["death_date"], user=user, today=today
        )
    known = {(i.start, i.end) for i in Interruption.objects.filter(member=member)}
    for interval in values.get("interruptions") or []:
        if (interval.start, interval.end) not in known:
            services.interruption_add(
                member=member,
                start=interval.start,
                end=interval.end,
                reason=InterruptionReason.OTHER,
                note="Nhập từ tệp",
                user=user,
                today=today,
            )
    held = set(Badge.objects.filter(member=member).values_list("milestone", flat=True))
    for milestone in values.get("badges") or []:
        if milestone not in held:
            services.badge_record(
                member=member,
                milestone=milestone,
                milestones=DEFAULT_MILESTONES,
                note="Nhập từ tệp",
                user=user,
            )
    recorded = set(Discipline.objects.filter(member=member).values_list("form", "decision_date"))
    for form, day in values.get("disciplines") or []:
        if (form, day) not in recorded:
            services.discipline_record(
                member=member, form=form, decision_date=day, user=user, today=today
            )
