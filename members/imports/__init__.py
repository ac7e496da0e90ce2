"""Import of a members spreadsheet (DOMAIN.md §8), in three steps: read the file
(`vusta_party.spreadsheets`), check every row and plan what it would do (`plan`), then carry the
plan out in one transaction (`commit`). Nothing is written unless every row is valid."""

from members.imports.commit import commit_import
from members.imports.plan import ImportPlan, RowError, RowPlan, plan_import
from members.imports.report import error_report

__all__ = ["ImportPlan", "RowError", "RowPlan", "commit_import", "error_report", "plan_import"]
