"""Changes read from django-simple-history's records: what an edit changed, before and after,
and what a creation or a deletion held, as a reader says them (names, not ids; dd/mm/yyyy; the
labels of choices; "Có"/"Không").

Used by the member page's change history and by the office's audit log and its export.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from itertools import pairwise

from django.db.models import Model
from django.utils import timezone

from vusta_party.text import mask_tail

CHANGE_TYPES = {"+": "Tạo mới", "~": "Sửa", "-": "Xóa"}
EMPTY = "(trống)"
# Fields a creation or a deletion does not list: who wrote the row and when is the log's own
# column, and the member is the row's subject.
# A password's hash and the last sign-in are never shown.
NOT_LISTED = frozenset(
    {"id", "member", "created_by", "created_at", "updated_at", "version", "password", "last_login"}
)


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: object
    after: object
    field: str = ""  # the model field, so that `readable` can name what an id points to


@dataclass(frozen=True)
class AuditRow:
    record: Model  # a historical record
    action: str
    changes: tuple[FieldChange, ...]
    subject: str = ""  # what the record is about (the staff log, where kinds are mixed)
    # What a creation or a deletion held (before is None): the log says what was made or removed.
    values: tuple[FieldChange, ...] = ()


def _label(record, field_name: str) -> str:
    return str(record.instance_type._meta.get_field(field_name).verbose_name)


def field_changes(record, prior, masked: frozenset[str] = frozenset()) -> tuple[FieldChange, ...]:
    """The fields an edit changed, before and after (nothing for a creation or a deletion).
    Values of the `masked` fields are shown with all but their last digits hidden."""
    if prior is None or record.history_type != "~":
        return ()
    return tuple(
        FieldChange(_label(record, change.field), change.old, change.new, change.field)
        if change.field not in masked
        else FieldChange(_label(record, change.field), mask_tail(change.old), mask_tail(change.new))
        for change in record.diff_against(prior).changes
    )


def record_values(record, masked: frozenset[str] = frozenset()) -> tuple[FieldChange, ...]:
    """What a created or deleted row held: its filled fields, in the model's order."""
    if record.history_type == "~":
        return ()
    values = []
    for field in record.instance_type._meta.concrete_fields:
        if field.name in NOT_LISTED or not field.editable or not hasattr(record, field.attname):
            continue
        value = getattr(record, field.attname)
        if value is None or value == "" or value is False or value == 0:
            continue  # an empty field, an unset flag, a count of nothing
        if field.name in masked:
            value = mask_tail(value)
        values.append(FieldChange(str(field.verbose_name), None, value, field.name))
    return tuple(values)


def _field(model, name: str):
    try:
        return model._meta.get_field(name)
    except Exception:  # a field the model no longer has: its value is shown as it was
        return None


def _names(model, rows: list[AuditRow]) -> dict[tuple[type[Model], object], str]:
    """What the ids of the rows' relations point to: one query per related model."""
    wanted: dict[type[Model], set] = {}
    for row in rows:
        for change in (*row.changes, *row.values):
            field = _field(model, change.field) if change.field else None
            if field is not None and field.is_relation and field.many_to_one:
                for value in (change.before, change.after):
                    if value not in (None, ""):
                        wanted.setdefault(field.related_model, set()).add(value)
    names = {}
    for related, ids in wanted.items():
        for pk, obj in related._default_manager.in_bulk(ids).items():
            names[(related, pk)] = str(obj)
    return names


def display(value, field=None, names=None) -> str:
    """One value of a change as a reader says it."""
    if value is None or value == "":
        return EMPTY
    if field is not None and field.is_relation:
        return (names or {}).get((field.related_model, value), f"#{value}")
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, datetime):
        return f"{timezone.localtime(value) if timezone.is_aware(value) else value:%d/%m/%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, Decimal):
        return f"{value.normalize():f}".replace(".", ",")
    if isinstance(value, int) and abs(value) >= 10_000:
        return f"{value:,}".replace(",", ".")
    return str(value)


def readable(model, rows: list[AuditRow]) -> list[AuditRow]:
    """The rows with every value as a reader says it: the names of cells, members and users
    instead of their ids (one query per related model for all the rows), dates dd/mm/yyyy, the
    labels of choices."""
    names = _names(model, rows)

    def said(value, change: FieldChange) -> str:
        return display(value, _field(model, change.field) if change.field else None, names)

    return [
        replace(
            row,
            changes=tuple(
                replace(c, before=said(c.before, c), after=said(c.after, c)) for c in row.changes
            ),
            values=tuple(replace(c, after=said(c.after, c)) for c in row.values),
        )
        for row in rows
    ]


def audit_rows(records, masked: frozenset[str] = frozenset()) -> list[AuditRow]:
    """Each change of one object with its fields before and after, newest first.

    `records` are the historical records of one object, newest first; each is compared with the
    next older one in the list (no query per record but one per related model named)."""
    records = list(records)
    if not records:
        return []
    rows = [
        AuditRow(newer, CHANGE_TYPES[newer.history_type], field_changes(newer, older, masked))
        for newer, older in pairwise([*records, None])
    ]
    return readable(records[0].instance_type, rows)
