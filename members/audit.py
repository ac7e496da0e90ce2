"""The audit trail of the register, read from django-simple-history's tables."""

from dataclasses import dataclass
from itertools import pairwise

from django.db.models import Model

from vusta_party.text import mask_tail

CHANGE_TYPES = {"+": "Tạo mới", "~": "Sửa", "-": "Xóa"}


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: object
    after: object


@dataclass(frozen=True)
class AuditRow:
    record: Model  # a historical record
    action: str
    changes: tuple[FieldChange, ...]


def _label(record, field_name: str) -> str:
    return str(record.instance_type._meta.get_field(field_name).verbose_name)


def audit_rows(records, masked: frozenset[str] = frozenset()) -> list[AuditRow]:
    """Each change with its fields before and after, newest first.

    `records` are the historical records of one object, newest first; each is compared with the
    next older one in the list (no query per record). Values of the `masked` fields are shown
    with all but their last digits hidden.
    """
    records = list(records)
    rows = []
    for newer, older in pairwise([*records, None]):
        changes: tuple[FieldChange, ...] = ()
        if older is not None and newer.history_type == "~":
            delta = newer.diff_against(older)
            changes = tuple(
                FieldChange(_label(newer, change.field), change.old, change.new)
                if change.field not in masked
                else FieldChange(
                    _label(newer, change.field), mask_tail(change.old), mask_tail(change.new)
                )
                for change in delta.changes
            )
        rows.append(AuditRow(newer, CHANGE_TYPES[newer.history_type], changes))
    return rows


# key -> (label, model): the models whose django-simple-history the log reads. Each app adds its
# own in AppConfig.ready, so the register does not import the apps built on it.
SOURCES: dict[str, tuple[str, type[Model]]] = {}


def register_source(key: str, label: str, model: type[Model]) -> None:
    SOURCES[key] = (label, model)


def audit_sources() -> list[tuple[str, str]]:
    return [(key, label) for key, (label, _model) in SOURCES.items()]


def audit_log_rows(source: str, records) -> list[AuditRow]:
    """Rows of a page of the staff log (newest first), each compared with its own previous
    version: one more query for the whole page."""
    records = list(records)
    if not records:
        return []
    history_model = SOURCES[source][1].history.model
    previous = {}
    candidates = history_model.objects.filter(
        id__in={r.id for r in records},
        history_date__lt=max(r.history_date for r in records),
    ).order_by("history_date", "history_id")
    for candidate in candidates:
        previous.setdefault(candidate.id, []).append(candidate)
    rows = []
    for record in records:
        older = [c for c in previous.get(record.id, []) if c.history_date < record.history_date]
        prior = older[-1] if older else None
        changes: tuple[FieldChange, ...] = ()
        if prior is not None and record.history_type == "~":
            changes = tuple(
                FieldChange(_label(record, change.field), change.old, change.new)
                for change in record.diff_against(prior).changes
            )
        rows.append(AuditRow(record, CHANGE_TYPES[record.history_type], changes))
    return rows


def history_queryset(source: str):
    return (
        SOURCES[source][1]
        .history.select_related("history_user")
        .order_by("-history_date", "-history_id")
    )
