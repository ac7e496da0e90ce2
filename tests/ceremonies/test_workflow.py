from datetime import date
from decimal import Decimal

import pytest

from ceremonies.workflow import (
    WorkflowError,
    bonus_amount,
    default_deadline,
    next_state,
    upcoming_occasions,
)


@pytest.mark.parametrize(
    ("state", "action", "expected"),
    [
        ("draft", "lock", "locked"),
        ("locked", "reopen", "draft"),
        ("locked", "submit", "submitted"),
        ("submitted", "decide", "decided"),
        ("decided", "hold", "held"),
        ("decided", "badge_numbers", "decided"),
        ("held", "badge_numbers", "held"),
        ("draft", "cancel", "cancelled"),
        ("decided", "cancel", "cancelled"),
    ],
)
def test_allowed_transitions(state, action, expected):
    assert next_state(state, action) == expected


@pytest.mark.parametrize(
    ("state", "action", "message"),
    [
        ("draft", "submit", "Không thể trình cấp trên: đợt tặng đang lập danh sách."),
        ("draft", "decide", "Không thể ghi quyết định: đợt tặng đang lập danh sách."),
        ("locked", "edit_list", "Không thể sửa danh sách: đợt tặng đã chốt danh sách."),
        ("submitted", "lock", "Không thể chốt danh sách: đợt tặng đã trình cấp trên."),
        ("decided", "decide", "Không thể ghi quyết định: đợt tặng đã có quyết định."),
        ("held", "cancel", "Không thể hủy đợt: đợt tặng đã trao tặng."),
        ("cancelled", "lock", "Không thể chốt danh sách: đợt tặng đã hủy."),
        ("submitted", "badge_numbers", "Không thể ghi số Huy hiệu: đợt tặng đã trình cấp trên."),
    ],
)
def test_forbidden_transitions_say_why(state, action, message):
    with pytest.raises(WorkflowError) as error:
        next_state(state, action)

    assert str(error.value) == message


@pytest.mark.parametrize(
    ("coefficient", "salary", "expected"),
    [
        ("1.5", 2_340_000, 3_510_000),
        ("3.5", 1_490_000, 5_215_000),
        ("15", 2_340_000, 35_100_000),
        ("1.25", 1_490_001, 1_862_501),  # 1,862,501.25 rounds down
        ("1.5", 1_490_001, 2_235_002),  # 2,235,001.5 rounds half up
    ],
)
def test_bonus_is_coefficient_times_base_salary_in_whole_dong(coefficient, salary, expected):
    assert bonus_amount(coefficient=Decimal(coefficient), base_salary=salary) == expected


def test_deadline_defaults_to_30_days_before():
    assert default_deadline(date(2027, 2, 3)) == date(2027, 1, 4)


def test_the_next_four_fixed_occasions():
    assert upcoming_occasions(date(2026, 11, 22)) == [
        (date(2027, 2, 3), "0203"),
        (date(2027, 5, 19), "0519"),
        (date(2027, 9, 2), "0902"),
        (date(2027, 11, 7), "1107"),
    ]
    assert upcoming_occasions(date(2026, 11, 7), count=1) == [(date(2027, 2, 3), "0203")]
