"""Changes read from django-simple-history's records: what an edit changed, before and after.

Used by the member page's change history and by the office's audit log.
"""

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
    subject: str = ""  # what the record is about (the staff log, where kinds are mixed)


def _label(record, field_name: str) -> str:
    return str(record.instance_type._meta.get_field(field_name).verbose_name)


def field_changes(record, prior, masked: frozenset[str] = frozenset()) -> tuple[FieldChange, ...]:
    """The fields an edit changed, before and after (nothing for a creation or a deletion).
    Values of the `masked` fields are shown with all but their last digits hidden."""
    if prior is None or record.history_type != "~":
        return ()
    return tuple(
        FieldChange(_label(record, change.field), change.old, change.new)
        if change.field not in masked
        else FieldChange(_label(record, change.field), mask_tail(change.old), mask_tail(change.new))
        for change in record.diff_against(prior).changes
    )


def audit_rows(records, masked: frozenset[str] = frozenset()) -> list[AuditRow]:
    """Each change of one object with its fields before and after, newest first.

    `records` are the historical records of one object, newest first; each is compared with the
    next older one in the list (no query per record)."""
    records = list(records)
    return [
        AuditRow(newer, CHANGE_TYPES[newer.history_type], field_changes(newer, older, masked))
        for newer, older in pairwise([*records, None])
    ]
