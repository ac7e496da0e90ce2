"""The member's badge box says each answer once: rounds with the answer at the date are not
repeated, rounds that answer alike share a line."""

from datetime import date

import pytest
from django.urls import reverse

from ceremonies.eligibility import Evaluation
from ceremonies.views import round_answers
from tests.factories import TODAY, make_member

ROUNDS = [date(2026, 9, 2), date(2026, 11, 7), date(2027, 2, 3), date(2027, 5, 19)]
DONE = Evaluation("excluded", reason="Không còn mốc Huy hiệu nào cao hơn Huy hiệu đã nhận.")
NOT_YET = Evaluation(
    "not_yet",
    milestone=30,
    kind="regular",
    due_date=date(2027, 1, 10),
    reason="Chưa đủ: Huy hiệu 30 năm đến hạn ngày 10/01/2027.",
)
DUE = Evaluation("candidate", milestone=30, kind="regular", due_date=date(2027, 1, 10), reason="Đủ")


def test_rounds_that_answer_as_the_date_does_are_not_repeated():
    assert round_answers(DONE, [(day, DONE) for day in ROUNDS]) == []


def test_consecutive_rounds_that_answer_alike_share_a_line():
    rounds = list(zip(ROUNDS, [NOT_YET, NOT_YET, DUE, DUE], strict=True))

    assert round_answers(NOT_YET, rounds) == [([date(2027, 2, 3), date(2027, 5, 19)], DUE)]
    assert round_answers(DONE, rounds) == [
        ([date(2026, 9, 2), date(2026, 11, 7)], NOT_YET),
        ([date(2027, 2, 3), date(2027, 5, 19)], DUE),
    ]


def test_rounds_apart_keep_their_own_lines():
    rounds = list(zip(ROUNDS, [DUE, NOT_YET, DUE, DONE], strict=True))

    assert round_answers(DONE, rounds) == [
        ([date(2026, 9, 2)], DUE),
        ([date(2026, 11, 7)], NOT_YET),
        ([date(2027, 2, 3)], DUE),
    ]


@pytest.mark.django_db
@pytest.mark.usefixtures("pinned_today")
def test_the_panel_of_a_member_holding_the_last_badge_says_it_once(office_client):
    member = make_member(
        full_name="Nguyễn Văn An", admission_date=date(1996, 10, 1), official_date=date(1997, 10, 1)
    )

    panel = office_client.get(
        reverse("ceremonies:member_explanation", args=[member.pk]), {"panel": 1}
    ).content.decode()

    assert date(2026, 8, 14) == TODAY
    assert panel.count("Huy hiệu 30 năm đến hạn ngày 01/10/2026") == 1
    assert "Mốc tới" not in panel
    assert panel.count("Chưa đủ") == 1
    assert "<td>07/11/2026, 03/02/2027, 19/05/2027</td>" in panel
