"""An uploaded members file (ImportBatch): checked on upload and its outcome kept with it, so that
the preview and the error report are shown again and again without reading the file (a GET never
writes); checked again when the user asks (the register changed since), and always right before
it is imported, in the same transaction.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from members import versions
from members.imports.commit import commit_import
from members.imports.plan import ACTIONS, ImportPlan, RowError, plan_import
from members.milestones import KnownMilestones
from members.models import ImportBatch
from vusta_party import clock
from vusta_party.spreadsheets import SpreadsheetError

REGISTER_CHANGED = (
    "Sổ đảng viên đã thay đổi từ lúc kiểm tra tệp: tệp đã được kiểm tra lại, chưa nhập dòng "
    "nào. Xem kết quả mới rồi bấm nhập lần nữa."
)


@dataclass(frozen=True)
class RowOutcome:
    row: int
    full_name: str
    cell_name: str
    action: str  # create, update, unchanged, error
    changes: list[str]


@dataclass(frozen=True)
class Outcome:
    """What the check of a file found, read back from its batch."""

    data: dict

    @property
    def file_error(self) -> str | None:
        return self.data.get("file_error")

    @property
    def counts(self) -> dict[str, int]:
        return self.data.get("counts") or dict.fromkeys(ACTIONS, 0)

    @property
    def row_count(self) -> int:
        return len(self.data.get("rows", ()))

    @property
    def error_count(self) -> int:
        return len(self.data.get("errors", ()))

    @property
    def ok(self) -> bool:
        return not self.file_error and not self.error_count

    @property
    def new_cells(self) -> list[str]:
        return self.data.get("new_cells", [])

    @property
    def ignored_headers(self) -> list[str]:
        return self.data.get("ignored_headers", [])

    @property
    def rows(self) -> "RowList":
        return RowList(self.data.get("rows", []), RowOutcome)

    @property
    def errors(self) -> "RowList":
        return RowList(self.data.get("errors", []), RowError)


class RowList:
    """Rows kept as JSON lists, made into objects only for the slice a page shows (a file may
    have 100,000 rows; a page shows 50)."""

    def __init__(self, items: list, kind):
        self.items, self.kind = items, kind

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self.kind(*item) for item in self.items[index]]
        return self.kind(*self.items[index])

    def __iter__(self):
        return (self.kind(*item) for item in self.items)


def _check(batch: ImportBatch, milestones: KnownMilestones) -> tuple[ImportPlan | None, dict]:
    try:
        plan = plan_import(batch.file_name, bytes(batch.content), milestones=milestones)
    except SpreadsheetError as error:
        return None, {"file_error": str(error)}
    return plan, plan.outcome()


def _checked_version() -> str | None:
    """What a check's outcome depends on besides the file: the register's version and today
    (a date that was in the future yesterday is not today)."""
    token = versions.current()
    return f"{token}@{clock.today().isoformat()}" if token else None


def _keep(batch: ImportBatch, data: dict, version: str | None) -> None:
    batch.outcome, batch.checked_version = data, version or ""
    batch.save(update_fields=["outcome", "checked_version"])


def batch_check(batch: ImportBatch, *, milestones: KnownMilestones) -> Outcome:
    """Check the batch's file against the register as it is, and keep the outcome with it (a
    POST: on upload, and when the user asks to check again)."""
    version = _checked_version()
    _plan, data = _check(batch, milestones)
    _keep(batch, data, version)
    return Outcome(data)


def batch_outcome(batch: ImportBatch) -> Outcome:
    """The outcome kept with the batch, without reading its file (the preview, the error
    report): see `is_current` for whether the register is still as it was checked against."""
    return Outcome(batch.outcome)


def is_current(batch: ImportBatch) -> bool:
    """Whether the batch's kept outcome still says what the import would do: it was imported,
    or the register and the day are as they were when it was checked."""
    if batch.state == ImportBatch.State.COMMITTED:
        return True
    version = _checked_version()
    return bool(batch.outcome) and version is not None and batch.checked_version == version


@transaction.atomic
def _commit_or_check(batch: ImportBatch, milestones: KnownMilestones, user) -> dict | str:
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.state == ImportBatch.State.COMMITTED:
        return "Tệp này đã được nhập."
    version = _checked_version()
    plan, data = _check(batch, milestones)
    if version is None or batch.checked_version != version:
        _keep(batch, data, version)
        return REGISTER_CHANGED
    if plan is None or not plan.ok:
        _keep(batch, data, version)
        return "Tệp còn dòng lỗi: không nhập dòng nào."
    summary = commit_import(plan, milestones=milestones, user=user)
    batch.state = ImportBatch.State.COMMITTED
    batch.committed_at = timezone.now()
    batch.summary, batch.outcome = summary, data
    batch.save(update_fields=["state", "committed_at", "summary", "outcome"])
    return summary


def batch_commit(batch: ImportBatch, *, milestones: KnownMilestones, user=None) -> dict:
    """Import the batch's file, checked again against the register as it is now, in one
    transaction with the batch's new state; returns the counts. ValidationError, with nothing
    imported, when the batch was imported already, when its file has errors, or when the
    register changed since the outcome the user saw (the new outcome is then kept, for the
    preview to show before the user confirms again)."""
    result = _commit_or_check(batch, milestones, user)
    if isinstance(result, str):
        raise ValidationError(result)
    return result
