"""Import of a members spreadsheet (DOMAIN.md §8), in three steps: read the file
(`vusta_party.spreadsheets`), check every row and plan what it would do (`plan`), then carry the
plan out in one transaction (`commit`). Nothing is written unless every row is valid. An uploaded
file is an ImportBatch whose check is kept with it (`batches`). The badge milestones a file may
name are given by the caller (the badge app owns them: ceremonies.milestones.known_milestones)."""

from members.imports.batches import (
    Outcome,
    batch_check,
    batch_commit,
    batch_outcome,
    is_current,
)
from members.imports.commit import commit_import
from members.imports.plan import ImportPlan, RowError, RowPlan, plan_import
from members.imports.report import error_report, import_template

__all__ = [
    "ImportPlan",
    "Outcome",
    "RowError",
    "RowPlan",
    "batch_check",
    "batch_commit",
    "batch_outcome",
    "commit_import",
    "error_report",
    "import_template",
    "is_current",
    "plan_import",
]
