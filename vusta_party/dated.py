"""Dated tables: rows in force from `valid_from` until the next row's date (DOMAIN.md §1).

Rules, coefficients, base salaries, committee profiles and layout profiles are all read through
`in_force()`, so "the version in force on a date" means the same everywhere.
"""

from collections.abc import Iterable
from datetime import date
from typing import TypeVar

from django.db import models

Row = TypeVar("Row")


class DatedQuerySet(models.QuerySet):
    def in_force(self, on: date, *, earliest_before_first: bool = False):
        """The row in force on `on`: the latest that starts on or before it.

        Before the first row there is none, unless `earliest_before_first`: then the first row
        (a table whose oldest version also describes earlier dates, such as the committee's
        oldest known names)."""
        found = self.filter(valid_from__lte=on).order_by("-valid_from").first()
        if found is None and earliest_before_first:
            found = self.order_by("valid_from").first()
        return found


def row_in_force(
    rows: Iterable[Row], on: date, *, earliest_before_first: bool = False
) -> Row | None:
    """Among rows already read (each with `valid_from`), the one in force on `on`, by the rule of
    `DatedQuerySet.in_force`: for answering many dates from one read of a small table."""
    ordered = sorted(rows, key=lambda row: row.valid_from)
    found = None
    for row in ordered:
        if row.valid_from <= on:
            found = row
    if found is None and earliest_before_first and ordered:
        found = ordered[0]
    return found
