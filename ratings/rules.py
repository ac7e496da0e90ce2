"""Yearly quality ratings (DOMAIN.md §4): the quota, the streaks, who is not rated. Pure.

Levels: HTXSNV (excellent), HTTNV (good), HTNV (completed), KHTNV (not completed).
"""

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from members.enums import Status
from ratings.enums import RatingLevel

EXCELLENT, GOOD, NOT_COMPLETED = RatingLevel.EXCELLENT, RatingLevel.GOOD, RatingLevel.NOT_COMPLETED


# The words of the two warnings, filled in by the server and, on the grid as staff type, by
# static/js/rating_grid.js from the same text (one wording, one rule).
QUOTA_MESSAGE = (
    "{group}: {excellent} HTXSNV, vượt tỉ lệ cho phép {allowed} "
    "(tối đa theo tỉ lệ trên {good} HTTNV)."
)
DISCIPLINE_MESSAGE = "{name}: bị kỷ luật trong năm nhưng xếp loại {level} (thường là {allowed})."
# §4: a member disciplined during the year is normally rated KHTNV.
DISCIPLINED_LEVEL = NOT_COMPLETED


@dataclass(frozen=True)
class QuotaCheck:
    group: str
    excellent: int
    good: int
    allowed: int  # the most HTXSNV the quota allows in the group

    @property
    def exceeded(self) -> bool:
        return self.excellent > self.allowed

    @property
    def message(self) -> str:
        return QUOTA_MESSAGE.format(
            group=self.group, excellent=self.excellent, allowed=self.allowed, good=self.good
        )


def quota_allowed(*, good: int, percent: int) -> int:
    """The most HTXSNV allowed: `percent`% of the HTTNV count, rounded down (7 × 20% = 1.4 → 1)."""
    return good * percent // 100


def quota_checks(levels_by_group: Mapping[str, Iterable[str]], *, percent: int) -> list[QuotaCheck]:
    """The quota per group (§4: HTXSNV may not exceed `percent`% of HTTNV within a group)."""
    checks = []
    for group, levels in levels_by_group.items():
        levels = list(levels)
        excellent, good = levels.count(EXCELLENT), levels.count(GOOD)
        checks.append(QuotaCheck(group, excellent, good, quota_allowed(good=good, percent=percent)))
    return checks


def discipline_conflict(*, level: str, disciplined: bool) -> bool:
    """A member disciplined in the year rated above the level the rules expect (§4: a warning
    to confirm, not a refusal)."""
    return disciplined and bool(level) and level != DISCIPLINED_LEVEL


def discipline_message(*, name: str, level: str) -> str:
    return DISCIPLINE_MESSAGE.format(name=name, level=level, allowed=DISCIPLINED_LEVEL)


def streak(marked_years: Collection[int], *, up_to: int, counted_years: Iterable[int]) -> int:
    """Consecutive years ending with `up_to` in which a member was rated HTXSNV, or a cell marked
    tiêu biểu (`marked_years`). Only years in `counted_years` (locked) count: a missing year, a
    year without the mark or a year not locked ends the streak (DOMAIN.md §4)."""
    counted = set(counted_years)
    years = 0
    year = up_to
    while year in counted and year in marked_years:
        years += 1
        year -= 1
    return years


def not_rated_reason(
    *, status: str, admission_date: date, year: int, late_admission_from: date
) -> str | None:
    """Why a member on the rolls is not rated in `year`, or None when they are rated."""
    if status == Status.EXEMPT:
        return "Miễn công tác và sinh hoạt đảng: không xếp loại."
    if admission_date >= late_admission_from:
        return f"Kết nạp ngày {admission_date:%d/%m/%Y}, chưa đủ thời gian để xếp loại năm {year}."
    return None
