"""An uploaded members file (ImportBatch): checked on upload and its outcome kept with it, so that
the preview and the error report are shown again and again without reading the file (a GET never
writes); checked again when the user asks (the register changed since), and always right before
it is imported, in the same transaction.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from members import versions
from members.imports.commit import commit_import
from members.imports.plan import ACTIONS, ImportPlan, plan_import
from members.milestones import KnownMilestones
from members.models import ImportBatch, ImportRowError, ImportRowOutcome
from vusta_party import clock
from vusta_party.spreadsheets import SpreadsheetError

BATCH = 2000  # rows written per query
REGISTER_CHANGED = (
    "Sổ đảng viên đã thay đổi từ lúc kiểm tra tệp: tệp đã được kiểm tra lại, chưa nhập dòng "
    "nào. Xem kết quả mới rồi bấm nhập lần nữa."
)


@dataclass(frozen=True)
class Outcome:
    """What the last check of a batch's file found: the counts kept with the batch, each row's
    outcome and errors in their tables (a page of them is one query)."""

    batch: ImportBatch

    @property
    def data(self) -> dict:
        return self.batch.outcome

    @property
    def file_error(self) -> str | None:
        return self.data.get("file_error")

    @property
    def counts(self) -> dict[str, int]:
        return self.data.get("counts") or dict.fromkeys(ACTIONS, 0)

    @property
    def row_count(self) -> int:
        return self.data.get("row_count", 0)

    @property
    def error_count(self) -> int:
        return self.data.get("error_count", 0)

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
    def error_rows(self) -> int:
        """The rows with at least one error (a row may have several)."""
        return self.counts.get("error", 0)

    @property
    def rows(self) -> QuerySet[ImportRowOutcome]:
        return self.batch.row_outcomes.select_related("member").order_by("row")

    @property
    def errors(self) -> QuerySet[ImportRowError]:
        return self.batch.row_errors.order_by("position")


def _check(batch: ImportBatch, milestones: KnownMilestones) -> ImportPlan | str:
    """The plan of the batch's file, or why the file cannot be read."""
    try:
        return plan_import(batch.file_name, bytes(batch.content), milestones=milestones)
    except SpreadsheetError as error:
        return str(error)


def _checked_version() -> str | None:
    """What a check's outcome depends on besides the file: the register's version and today
    (a date that was in the future yesterday is not today)."""
    token = versions.current()
    return f"{token}@{clock.today().isoformat()}" if token else None


def _keep(batch: ImportBatch, checked: ImportPlan | str, version: str | None) -> None:
    """Keep what a check found with the batch, in place of what an earlier check found."""
    batch.row_outcomes.all().delete()
    batch.row_errors.all().delete()
    if isinstance(checked, str):
        batch.outcome = {"file_error": checked}
    else:
        ImportRowOutcome.objects.bulk_create(
            (
                ImportRowOutcome(
                    batch=batch,
                    row=row.row,
                    full_name=row.full_name[:200],
                    cell_name=row.cell_name[:200],
                    action=row.action,
                    changes=", ".join(row.changes)[:500],
                    member_id=row.member.pk if row.member else None,
                )
                for row in checked.rows
            ),
            batch_size=BATCH,
        )
        ImportRowError.objects.bulk_create(
            (
                ImportRowError(
                    batch=batch,
                    position=position,
                    row=error.row,
                    column=error.column,
                    value=error.value,
                    message=error.message,
                )
                for position, error in enumerate(checked.errors)
            ),
            batch_size=BATCH,
        )
        batch.outcome = {
            "counts": checked.counts(),
            "row_count": len(checked.rows),
            "error_count": len(checked.errors),
            "new_cells": checked.new_cells,
            "ignored_headers": checked.ignored_headers,
        }
    batch.checked_version = version or ""
    batch.save(update_fields=["outcome", "checked_version"])


def batch_check(batch: ImportBatch, *, milestones: KnownMilestones) -> Outcome:
    """Check the batch's file against the register as it is, and keep the outcome with it (a
    POST: on upload, and when the user asks to check again)."""
    version = _checked_version()
    _keep(batch, _check(batch, milestones), version)
    return Outcome(batch)


def batch_outcome(batch: ImportBatch) -> Outcome:
    """The outcome kept with the batch, without reading its file (the preview, the error
    report): see `is_current` for whether the register is still as it was checked against."""
    return Outcome(batch)


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
    checked = _check(batch, milestones)
    if version is None or batch.checked_version != version:
        _keep(batch, checked, version)
        return REGISTER_CHANGED
    if isinstance(checked, str) or not checked.ok:
        _keep(batch, checked, version)
        return "Tệp còn dòng lỗi: không nhập dòng nào."
    summary = commit_import(checked, milestones=milestones, user=user)
    _keep(batch, checked, version)
    batch.state = ImportBatch.State.COMMITTED
    batch.committed_at = timezone.now()
    batch.summary = summary
    batch.save(update_fields=["state", "committed_at", "summary"])
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
