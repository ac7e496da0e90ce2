from datetime import date

import pytest

from reports.periods import Period, issue_error, period_error


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


TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("period", "error"),
    [
        (Period.year(2025), None),
        (Period.first_half(2026), None),
        (Period(date(2026, 1, 1), date(2026, 11, 30)), None),  # ended yesterday
        (
            Period(date(2026, 1, 1), date(2026, 12, 1)),
            "Chưa ban hành được báo cáo từ 01/01/2026 đến 01/12/2026: kỳ báo cáo kết thúc ngày "
            "01/12/2026, chỉ ban hành từ ngày hôm sau.",
        ),
        (
            Period.year(2026),
            "Chưa ban hành được báo cáo năm 2026: kỳ báo cáo kết thúc ngày 31/12/2026, chỉ ban "
            "hành từ ngày hôm sau.",
        ),
        (Period.year(2099), "Kỳ báo cáo kết thúc sau năm 2026."),
        (Period.year(1929), "Kỳ báo cáo bắt đầu trước ngày 01/01/1930."),
    ],
)
def test_a_report_is_issued_once_its_period_is_over(period, error):
    assert issue_error(period, today=TODAY) == error


def test_the_current_year_has_a_report_to_read_but_not_the_next():
    assert period_error(Period.year(2026), today=TODAY) is None
    assert period_error(Period.year(2027), today=TODAY) == "Kỳ báo cáo kết thúc sau năm 2026."
