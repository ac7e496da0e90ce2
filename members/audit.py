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
    subject: str = ""  # what the record is about (the staff log, where kinds are mixed)


def _label(record, field_name: str) -> str:
    return str(record.instance_type._meta.get_field(field_name).verbose_name)


def audit_rows(records, masked: frozenset[str] = frozenset()) -> list[AuditRow]:
    """Each change with its fields before and after, newest first.

    `records` are the historical records of one object, newest first; each is compared with the
    next older one in the list (no query per record). Values of the `masked` fields are shown
    with all but their last digits hidden.
    """
    records = list(records)
    return [
        AuditRow(newer, CHANGE_TYPES[newer.history_type], _changes(newer, older, masked))
        for newer, older in pairwise([*records, None])
    ]


def _changes(record, prior, masked: frozenset[str] = frozenset()) -> tuple[FieldChange, ...]:
    """The fields an edit changed, before and after (nothing for a creation or a deletion)."""
    if prior is None or record.history_type != "~":
        return ()
    return tuple(
        FieldChange(_label(record, change.field), change.old, change.new)
        if change.field not in masked
        else FieldChange(_label(record, change.field), mask_tail(change.old), mask_tail(change.new))
        for change in record.diff_against(prior).changes
    )


# key -> (label, model): the models whose django-simple-history the log reads. Each app adds its
# own in AppConfig.ready, so the register does not import the apps built on it.
SOURCES: dict[str, tuple[str, type[Model]]] = {}


def register_source(key: str, label: str, model: type[Model]) -> None:
    SOURCES[key] = (label, model)


def audit_sources() -> list[tuple[str, str]]:
    return [(key, label) for key, (label, _model) in SOURCES.items()]


def describe(records, model) -> dict[int, str]:
    """What each historical record is about, by history id, without a query per record: the
    member's name for a member and the facts of a member, the object's own text otherwise."""
    from members.models import Member  # noqa: PLC0415 -- audit.py is imported by models' neighbours

    if model is Member:
        return {r.history_id: r.full_name for r in records}
    if any(field.name == "member" for field in model._meta.fields):
        names = dict(
            Member.objects.filter(pk__in={r.member_id for r in records}).values_list(
                "pk", "full_name"
            )
        )
        label = model._meta.verbose_name
        return {r.history_id: f"{names.get(r.member_id, '?')}: {label} #{r.id}" for r in records}
    return {r.history_id: str(_instance(r)) for r in records}


def _instance(record):
    """The object as the record saw it, without the query django-simple-history makes for
    fields it does not keep (such as a name's sort key)."""
    model = record.instance_type
    return model(
        **{
            field.attname: getattr(record, field.attname)
            for field in model._meta.concrete_fields
            if hasattr(record, field.attname)
        }
    )


def audit_log_rows(source: str, records) -> list[AuditRow]:
    """Rows of a page of the staff log, each compared with its own previous version and saying
    what it is about: at most two more queries for the whole page (previous versions, names)."""
    records = list(records)
    if not records:
        return []
    model = SOURCES[source][1]
    subjects = describe(records, model)
    history_model = model.history.model
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
        rows.append(
            AuditRow(
                record,
                CHANGE_TYPES[record.history_type],
                _changes(record, prior),
                subjects[record.history_id],
            )
        )
    return rows


def history_queryset(source: str):
    return (
        SOURCES[source][1]
        .history.select_related("history_user")
        .order_by("-history_date", "-history_id")
    )
