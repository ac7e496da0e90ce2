"""Biểu 7-BTCTW's rules without a database: the same period last year, the rows, the totals, the
percentage column and the figures staff type (DOMAIN.md §5; issue 19)."""

from datetime import date

import pytest

from reports.periods import CUSTOM, Period
from reports.statform.rules import (
    FRACTION,
    NEGATIVE,
    NOT_A_NUMBER,
    TOO_LARGE,
    CommendationLineFact,
    badge_figures,
    build_rows,
    commendation_figures,
    form_rows,
    parse_typed,
    percent_text,
    typed_keys,
)

# The same period last year


def test_a_year_and_a_first_half_give_last_years():
    assert Period.year(2025).same_period_last_year() == Period.year(2024)
    assert Period.first_half(2025).same_period_last_year() == Period.first_half(2024)
    assert Period.first_half(2025).same_period_last_year().label == "6 tháng đầu năm 2024"


@pytest.mark.parametrize(
    ("start", "end", "last_start", "last_end"),
    [
        # February of a leap year: its 29th becomes the 28th.
        (date(2024, 2, 1), date(2024, 2, 29), date(2023, 2, 1), date(2023, 2, 28)),
        (date(2024, 2, 29), date(2024, 2, 29), date(2023, 2, 28), date(2023, 2, 28)),
        # Into a leap year: 28/02 stays 28/02 (it does not grow to 29/02).
        (date(2025, 1, 31), date(2025, 2, 28), date(2024, 1, 31), date(2024, 2, 28)),
        # Month ends and the turn of the year keep their days.
        (date(2025, 10, 31), date(2026, 3, 31), date(2024, 10, 31), date(2025, 3, 31)),
    ],
)
def test_a_range_keeps_its_days_and_months(start, end, last_start, last_end):
    assert Period(start, end, CUSTOM).same_period_last_year() == Period(
        last_start, last_end, CUSTOM
    )


# The percentage column: (2) × 100 / (3)


@pytest.mark.parametrize(
    ("current", "previous", "text"),
    [
        (3, 2, "150,0"),
        (2, 3, "66,7"),
        (1, 8, "12,5"),
        (0, 5, "0,0"),
        (7, 7, "100,0"),
        (4, 0, "—"),  # nothing last year: no percentage
        (0, 0, "—"),
        (None, 3, "—"),  # a typed row not typed yet
        (3, None, "—"),
    ],
)
def test_the_percentage_has_the_vietnamese_comma_and_a_dash_for_nothing_last_year(
    current, previous, text
):
    assert percent_text(current, previous) == text


# The rows


def test_the_rows_follow_the_form_and_mark_those_staff_type():
    rows = form_rows()

    assert [row.key for row in rows if row.depth == 0] == [
        "commendations",
        "badges",
        "cards",
        "transfers",
    ]
    assert [row.label for row in rows if row.key.startswith("badges_") and row.depth == 2][:13] == [
        f"- Huy hiệu Đảng {m} năm" for m in (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90)
    ] + ["- Tặng đúng hạn"]
    assert typed_keys() == {
        "higher_organisations_banner",
        "higher_organisations_merit",
        "grassroots_banner",
        "grassroots_merit",
        "grassroots_certificate",
        "branches_merit",
        "branches_certificate",
        "cards_issued",
        "cards_lost",
        "cards_damaged",
        "temporary_out",
        "temporary_in",
        "wrong_in",
        "wrong_out",
        "forged",
    }
    assert {row.key for row in rows if not row.typed and not row.heading and not row.total_of} == {
        "cells_merit",
        "cells_certificate",
        "members_merit",
        "members_certificate",
        *(f"badges_{m}" for m in (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90)),
        "badges_regular",
        "badges_early",
        "badges_posthumous",
        "badges_posthumous_early",
        "badges_reissued",
        "transferred_out",
        "transferred_in",
    }


def test_a_milestone_the_form_does_not_print_gets_its_row_in_order():
    labels = [row.label for row in form_rows({35, 95}) if row.depth == 2][11:26]

    assert labels[:3] == [
        "- Huy hiệu Đảng 30 năm",
        "- Huy hiệu Đảng 35 năm",
        "- Huy hiệu Đảng 40 năm",
    ]
    assert labels[12:14] == ["- Huy hiệu Đảng 90 năm", "- Huy hiệu Đảng 95 năm"]
    badges = next(row for row in form_rows({35}) if row.key == "badges")
    assert "badges_35" in badges.total_of


def test_a_total_is_the_sum_of_its_rows_and_blank_while_one_is_not_typed():
    rows = {
        row.key: row
        for row in build_rows(
            form_rows(),
            current={"cells_merit": 1, "cells_certificate": 4, "temporary_out": 3},
            previous={
                "cells_merit": 0,
                "cells_certificate": 2,
                "temporary_out": 1,
                "temporary_in": 5,
            },
        )
    }

    assert (rows["cells"].current, rows["cells"].previous, rows["cells"].percent) == (5, 2, "250,0")
    # This period's "tiếp nhận chuyển đến" is not typed: the total is blank, and so is its %.
    assert (rows["temporary"].current, rows["temporary"].previous, rows["temporary"].percent) == (
        None,
        6,
        "—",
    )
    assert (rows["temporary_out"].current, rows["temporary_out"].percent) == (3, "300,0")
    assert (rows["temporary_in"].current, rows["temporary_in"].previous) == (None, 5)
    assert (rows["cards"].current, rows["cards"].percent, rows["cards"].heading) == (None, "", True)
    assert rows["cards_issued"].typed is True


# The figures the app counts


def test_commendations_count_by_the_decision_date_within_the_period():
    lines = [
        CommendationLineFact("giay_khen", True, date(2025, 1, 1)),  # the first day
        CommendationLineFact("giay_khen", False, date(2025, 12, 31)),  # the last day
        CommendationLineFact("giay_khen", False, date(2025, 6, 30)),
        CommendationLineFact("bang_khen", True, date(2025, 5, 19)),
        CommendationLineFact("bang_khen", False, date(2024, 12, 31)),  # the day before
        CommendationLineFact("co", True, date(2025, 3, 3)),  # a banner: not a row of the form
    ]

    assert commendation_figures(lines, start=date(2025, 1, 1), end=date(2025, 12, 31)) == {
        "cells_merit": 1,
        "members_merit": 0,
        "cells_certificate": 1,
        "members_certificate": 2,
    }


def test_badges_count_by_milestone_and_by_kind():
    figures = badge_figures(
        {(30, "regular"): 2, (40, "early"): 1, (35, "regular"): 1, (60, "posthumous"): 1},
        reissued=3,
    )

    assert {key: n for key, n in figures.items() if n} == {
        "badges_30": 2,
        "badges_35": 1,
        "badges_40": 1,
        "badges_60": 1,
        "badges_regular": 3,
        "badges_early": 1,
        "badges_posthumous": 1,
        "badges_reissued": 3,
    }
    assert figures["badges_90"] == 0
    assert figures["badges_posthumous_early"] == 0
    # A milestone with a badge only in the other period is 0 here, not blank.
    assert badge_figures({}, reissued=0, milestones={95})["badges_95"] == 0


# Typed figures


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("", None),
        ("  ", None),
        ("0", 0),
        ("12", 12),
        (" 7 ", 7),
        ("1.250", 1250),
        ("12,0", 12),
        ("999.999", 999_999),
    ],
)
def test_a_typed_figure_is_blank_or_a_whole_number(text, value):
    assert parse_typed(text) == value


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("-1", NEGATIVE),
        ("2,5", FRACTION),
        ("1.5", NOT_A_NUMBER),
        ("mười", NOT_A_NUMBER),
        ("1e3", NOT_A_NUMBER),
        ("1000000", TOO_LARGE),
    ],
)
def test_a_typed_figure_that_is_not_a_whole_number_is_refused_in_vietnamese(text, message):
    with pytest.raises(ValueError) as error:  # noqa: PT011 -- the message is asserted whole
        parse_typed(text)

    assert str(error.value) == message


def test_the_messages_read():
    assert (NEGATIVE, FRACTION, NOT_A_NUMBER, TOO_LARGE) == (
        "Số liệu không được âm.",
        "Số liệu là số nguyên: không có phần thập phân.",
        "Hãy nhập một số nguyên không âm (ví dụ 12), hoặc để trống.",
        "Số liệu tối đa là 999.999.",
    )
