"""The audit log of every app's data, read from django-simple-history's tables: what changed,
before and after, by whom (the office reads it; an inspection exports it)."""

from django.contrib.auth import get_user_model
from django.db.models import Model

from ceremonies.models import BadgeRules, BaseSalary, BonusCoefficient, Proposal, Round
from members.models import (
    Badge,
    Discipline,
    Interruption,
    Member,
    MembershipEvent,
    Organisation,
    UserAccess,
)
from ratings.models import CellRating, MemberRating
from vusta_party.history import CHANGE_TYPES, AuditRow, field_changes, readable, record_values
from vusta_party.models import DocumentLayout

# key -> (label, model): the kinds of data the log shows, in the order of its tabs.
SOURCES: dict[str, tuple[str, type[Model]]] = {
    "member": ("Hồ sơ đảng viên", Member),
    "event": ("Sự kiện đảng tịch", MembershipEvent),
    "interruption": ("Thời gian gián đoạn", Interruption),
    "discipline": ("Kỷ luật", Discipline),
    "badge": ("Huy hiệu đã nhận", Badge),
    "organisation": ("Tổ chức đảng", Organisation),
    "rating": ("Xếp loại đảng viên", MemberRating),
    "cell_rating": ("Xếp loại chi bộ", CellRating),
    "access": ("Quyền truy cập", UserAccess),
    "user": ("Tài khoản người dùng", get_user_model()),
    "round": ("Đợt tặng Huy hiệu", Round),
    "proposal": ("Danh sách đề nghị", Proposal),
    "badge_rules": ("Quy định xét Huy hiệu", BadgeRules),
    "base_salary": ("Lương cơ sở", BaseSalary),
    "coefficient": ("Hệ số tiền thưởng", BonusCoefficient),
    "layout": ("Thể thức văn bản", DocumentLayout),
}


def audit_sources() -> list[tuple[str, str]]:
    return [(key, label) for key, (label, _model) in SOURCES.items()]


def describe(records, model) -> dict[int, str]:
    """What each historical record is about, by history id, without a query per record: the
    member's name for a member and the facts of a member, the object's own text otherwise."""
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
    what it is about, with names for ids (a creation or a deletion says what the row held): a
    fixed number of queries for the whole page (previous versions, members' names, one per
    related model named)."""
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
                field_changes(record, prior),
                subjects[record.history_id],
                record_values(record),
            )
        )
    return readable(model, rows)


def history_queryset(source: str):
    return (
        SOURCES[source][1]
        .history.select_related("history_user")
        .order_by("-history_date", "-history_id")
    )
