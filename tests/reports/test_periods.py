from datetime import date

import pytest

from reports.periods import Period


def test_a_year_and_its_previous_year():
    period = Period.year(2026)

    assert (period.start, period.end, period.day_before, period.label) == (
        date(2026, 1, 1),
        date(2026, 12, 31),
        date(2025, 12, 31),
        "năm 2026",
    )
    assert period.previous() == Period.year(2025)


def test_the_first_half_compares_with_last_years_first_half():
    period = Period.first_half(2026)

    assert (period.start, period.end, period.label) == (
        date(2026, 1, 1),
        date(2026, 6, 30),
        "6 tháng đầu năm 2026",
    )
    assert period.previous() == Period.first_half(2025)


def test_a_custom_range_compares_with_the_same_length_just_before():
    period = Period(date(2024, 2, 1), date(2024, 2, 29))

    assert period.previous() == Period(date(2024, 1, 3), date(2024, 1, 31))
    assert period.label == "từ 01/02/2024 đến 29/02/2024"
    assert date(2024, 2, 29) in period
    assert date(2024, 3, 1) not in period


def test_a_range_ending_before_it_starts_is_refused():
    with pytest.raises(ValueError, match="Ngày kết thúc kỳ báo cáo trước ngày bắt đầu"):
        Period(date(2026, 2, 1), date(2026, 1, 31))
