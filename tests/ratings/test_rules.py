from datetime import date

import pytest

from ratings.enums import RatingLevel
from ratings.rules import (
    EXCELLENT,
    GOOD,
    NOT_COMPLETED,
    QuotaCheck,
    not_rated_reason,
    quota_allowed,
    quota_checks,
    streak,
)


@pytest.mark.parametrize(
    ("good", "percent", "allowed"),
    [(10, 20, 2), (7, 20, 1), (4, 20, 0), (5, 20, 1), (0, 20, 0), (9, 25, 2), (10, 0, 0)],
)
def test_quota_rounds_down(good, percent, allowed):
    assert quota_allowed(good=good, percent=percent) == allowed


def test_quota_checks_per_group_including_an_empty_group():
    checks = quota_checks(
        {
            "Chi bộ A": [EXCELLENT, EXCELLENT, GOOD, GOOD, GOOD, GOOD, GOOD, RatingLevel.COMPLETED],
            "Chi bộ B": [EXCELLENT] + [GOOD] * 5,
            "Chi bộ C": [],
            "Chi bộ D": [EXCELLENT, RatingLevel.COMPLETED, NOT_COMPLETED],
        },
        percent=20,
    )

    assert [(c.group, c.excellent, c.good, c.allowed, c.exceeded) for c in checks] == [
        ("Chi bộ A", 2, 5, 1, True),
        ("Chi bộ B", 1, 5, 1, False),
        ("Chi bộ C", 0, 0, 0, False),
        ("Chi bộ D", 1, 0, 0, True),
    ]
    assert (
        checks[0].message
        == "Chi bộ A: 2 HTXSNV, vượt tỉ lệ cho phép 1 (tối đa theo tỉ lệ trên 5 HTTNV)."
    )


@pytest.mark.parametrize(
    ("levels", "locked", "expected"),
    [
        (
            {2021: EXCELLENT, 2022: EXCELLENT, 2023: EXCELLENT, 2024: EXCELLENT, 2025: EXCELLENT},
            range(2021, 2026),
            5,
        ),
        (
            {2021: EXCELLENT, 2022: GOOD, 2023: EXCELLENT, 2024: EXCELLENT, 2025: EXCELLENT},
            range(2021, 2026),
            3,
        ),
        (
            {2021: EXCELLENT, 2022: EXCELLENT, 2024: EXCELLENT, 2025: EXCELLENT},
            range(2021, 2026),
            2,
        ),  # 2023 missing
        (
            {2023: EXCELLENT, 2024: EXCELLENT, 2025: EXCELLENT},
            range(2021, 2025),
            0,
        ),  # 2025 not locked
        ({2024: EXCELLENT, 2025: GOOD}, range(2021, 2026), 0),
        ({}, range(2021, 2026), 0),
    ],
)
def test_streaks_count_consecutive_locked_excellent_years(levels, locked, expected):
    marked = {year for year, level in levels.items() if level == EXCELLENT}
    assert streak(marked, up_to=2025, counted_years=locked) == expected


def test_who_is_not_rated_and_why():
    late = date(2025, 7, 1)

    assert not_rated_reason(
        status="exempt", admission_date=date(1980, 1, 1), year=2025, late_admission_from=late
    ) == ("Miễn công tác và sinh hoạt đảng: không xếp loại.")
    assert not_rated_reason(
        status="active", admission_date=date(2025, 7, 1), year=2025, late_admission_from=late
    ) == ("Kết nạp ngày 01/07/2025, chưa đủ thời gian để xếp loại năm 2025.")
    assert (
        not_rated_reason(
            status="active", admission_date=date(2025, 6, 30), year=2025, late_admission_from=late
        )
        is None
    )
    assert QuotaCheck("x", 0, 0, 0).exceeded is False
