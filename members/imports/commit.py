"""Carrying out a plan with no errors, in one transaction.

New members are written in bulk (a file of 100,000 rows imports in seconds), with the facts the
same rules give them (`members.rules.entry_facts`, `replay`) and their audit history, by the
importing user. A row that updates a member goes through the register's services, which check
again what the plan checked: were the register to change between the plan and the commit, the
commit would stop, naming the row, and write nothing.
"""

from contextlib import contextmanager
from datetime import date

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from simple_history.utils import bulk_create_with_history

from members import services, versions
from members.enums import EventKind, InterruptionReason, OrganisationKind
from members.imports.columns import ILL_DEFAULT_REASON, RECORD_FIELDS
from members.imports.plan import ImportPlan, RowPlan
from members.milestones import KnownMilestones
from members.models import Badge, Discipline, Interruption, Member, MembershipEvent, Organisation
from members.rules import Fact, entry_facts, replay
from members.signals import party_age_changed
from vusta_party import clock
from vusta_party.text import name_key

Kind = EventKind
BATCH = 1000
FROM_FILE = "Nhập từ tệp"


# SQLite keeps 2 MB of the database in memory by default; writing 100,000 members updates
# indexes spread over far more than that, and the cache thrashes: the time then grows faster
# than the rows. While it writes, an import gives its connection this much (in KiB).
SQLITE_IMPORT_CACHE_KIB = 256 * 1024


@contextmanager
def _room_for_bulk_writes():
    if connection.vendor != "sqlite":  # PostgreSQL has its own shared buffers
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (before,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = -{SQLITE_IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(before)}")


def commit_import(
    plan: ImportPlan,
    *,
    milestones: KnownMilestones,
    user=None,
    today: date | None = None,
) -> dict[str, int]:
    """Carry out a plan with no errors, in one transaction; returns the counts."""
    if not plan.ok:
        raise ValidationError("Tệp còn dòng lỗi: không nhập dòng nào.")
    with _room_for_bulk_writes(), transaction.atomic():
        return _commit(plan, milestones, user, today or clock.today())


def _commit(plan: ImportPlan, milestones: KnownMilestones, user, today: date) -> dict[str, int]:
    cells = {
        cell.name_key: cell
        for cell in Organisation.objects.live().filter(kind=OrganisationKind.CELL)
    }
    for cell in _create_cells(plan.new_cells, user):
        cells[cell.name_key] = cell
    _create_members([row for row in plan.rows if row.action == "create"], cells, user)
    for row in plan.rows:
        if row.action == "update":
            try:
                _update(row, milestones, user, today)
            except ValidationError as error:
                raise ValidationError(
                    f"Dòng {row.row}: {' '.join(error.messages)} Không nhập dòng nào."
                ) from error
    versions.bump()  # the bulk creates send no signals
    counts = plan.counts()
    return {
        "created": counts["create"],
        "updated": counts["update"],
        "unchanged": counts["unchanged"],
        "new_cells": len(plan.new_cells),
    }


def _create_cells(names: list[str], user) -> list[Organisation]:
    """The cells the file names that the register does not have, under the committee."""
    root = services.committee()
    cells = [Organisation(kind=OrganisationKind.CELL, name=name, parent=root) for name in names]
    for cell in cells:
        cell.fill_derived_fields()
    return bulk_create_with_history(cells, Organisation, batch_size=BATCH, default_user=user)


def _ill_values(values: dict) -> dict:
    text = values.get("seriously_ill")
    if not text:
        return {}
    return {
        "seriously_ill": True,
        "seriously_ill_reason": text if len(text) > 3 else ILL_DEFAULT_REASON,
    }


def _create_members(rows: list[RowPlan], cells: dict, user) -> None:
    """New members in bulk: the planning already checked every row; each member's facts are
    replayed by the same rule as in the services, and every row gets its audit history."""
    members, facts, details = [], [], []
    for row in rows:
        values = row.values
        cell = cells[name_key(values["cell"])]
        record = {key: values[key] for key in RECORD_FIELDS if values.get(key) is not None}
        member = Member(**record, **_ill_values(values), cell=cell, version=1)
        member_facts, official_before = entry_facts(
            entry=Kind.TRANSFERRED_IN if values.get("entry_date") else Kind.ADMITTED,
            entry_date=values.get("entry_date") or values["admission_date"],
            official_date=values.get("official_date"),
            cell_id=cell.pk,
        )
        if values.get("death_date"):
            member_facts.append(Fact(Kind.DIED, values["death_date"], cell.pk))
        state = replay(
            member_facts,
            admission_date=member.admission_date,
            official_before_facts=official_before,
        )
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
    history = {"batch_size": BATCH, "default_user": user}
    members = bulk_create_with_history(members, Member, **history)
    for row, member in zip(rows, members, strict=True):
        row.member = member  # the result of the import links each new row to its member
    party_age_changed.send(Member, member_ids=[member.pk for member in members])
    bulk_create_with_history(
        [
            MembershipEvent(
                member=member,
                kind=fact.kind,
                date=fact.date,
                cell_id=fact.cell_id,
                note=FROM_FILE if fact.kind == Kind.TRANSFERRED_IN else "",
                created_by=user,
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
                note=FROM_FILE,
            )
            for member, values in zip(members, details, strict=True)
            for i in values.get("interruptions") or []
        ],
        Interruption,
        **history,
    )
    bulk_create_with_history(
        [
            Badge(member=member, milestone=milestone, note=FROM_FILE)
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


def _update(row: RowPlan, milestones: KnownMilestones, user, today) -> None:
    member, values = row.member, row.values
    record = {key: values[key] for key in RECORD_FIELDS if values.get(key) is not None}
    record |= _ill_values(values) if not member.seriously_ill else {}
    member = services.member_update(
        member=member, values=record, expected_version=member.version, user=user, today=today
    )
    if values.get("entry_date"):
        member = services.member_entry_by_transfer(
            member=member, entry_date=values["entry_date"], user=user, today=today
        )
    if values.get("official_date") and member.official_date is None:
        services.fact_record(
            member=member,
            kind=Kind.MADE_OFFICIAL,
            day=values["official_date"],
            user=user,
            today=today,
        )
    if values.get("death_date") and member.death_date is None:
        services.fact_record(
            member=member, kind=Kind.DIED, day=values["death_date"], user=user, today=today
        )
    known = {(i.start, i.end) for i in member.interruptions.all()}
    for interval in values.get("interruptions") or []:
        if (interval.start, interval.end) not in known:
            services.interruption_add(
                member=member,
                start=interval.start,
                end=interval.end,
                reason=InterruptionReason.OTHER,
                note=FROM_FILE,
                user=user,
                today=today,
            )
    held = set(member.badges.values_list("milestone", flat=True))
    for milestone in values.get("badges") or []:
        if milestone not in held:
            services.badge_record(
                member=member,
                milestone=milestone,
                note=FROM_FILE,
                milestones=milestones.values,
                user=user,
            )
    recorded = set(member.disciplines.values_list("form", "decision_date"))
    for form, day in values.get("disciplines") or []:
        if (form, day) not in recorded:
            services.discipline_record(
                member=member, form=form, decision_date=day, user=user, today=today
            )
