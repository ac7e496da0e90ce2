"""The award round workflow and the bonus arithmetic (DOMAIN.md §3). Pure: no database, no clock.

draft → locked → submitted → decided → held; a round can be cancelled until it is held.
"""

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from ceremonies.enums import FIXED_OCCASIONS, RoundState

DRAFT, LOCKED, SUBMITTED, DECIDED, HELD, CANCELLED = (
    RoundState.DRAFT,
    RoundState.LOCKED,
    RoundState.SUBMITTED,
    RoundState.DECIDED,
    RoundState.HELD,
    RoundState.CANCELLED,
)
# action: (states it may start from, state it leads to, what the action is called)
TRANSITIONS = {
    "edit_list": ((DRAFT,), DRAFT, "sửa danh sách"),
    "lock": ((DRAFT,), LOCKED, "chốt danh sách"),
    "reopen": ((LOCKED,), DRAFT, "mở lại danh sách"),
    "submit": ((LOCKED,), SUBMITTED, "trình cấp trên"),
    "decide": ((SUBMITTED,), DECIDED, "ghi quyết định"),
    "badge_numbers": ((DECIDED, HELD), None, "ghi số Huy hiệu"),
    "hold": ((DECIDED,), HELD, "ghi nhận đã trao tặng"),
    "cancel": ((DRAFT, LOCKED, SUBMITTED, DECIDED), CANCELLED, "hủy đợt"),
}
DEFAULT_DEADLINE_DAYS = 30


class WorkflowError(ValueError):
    """An action the round's state does not allow; the message is for the user."""


def next_state(state: str, action: str) -> str:
    """The state after `action`, or WorkflowError saying why it is not allowed now."""
    allowed, target, name = TRANSITIONS[action]
    if state not in allowed:
        raise WorkflowError(f"Không thể {name}: đợt tặng {RoundState(state).label.lower()}.")
    return target or state


def bonus_amount(*, coefficient: Decimal, base_salary: int) -> int:
    """Coefficient × base salary, in whole đồng (half up)."""
    return int((coefficient * base_salary).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def default_deadline(round_date: date) -> date:
    return round_date - timedelta(days=DEFAULT_DEADLINE_DAYS)


def upcoming_occasions(today: date, count: int = 4) -> list[tuple[date, str]]:
    """The next fixed occasions after today: (date, occasion code)."""
    found = []
    year = today.year
    while len(found) < count:
        for code, month, day in FIXED_OCCASIONS:
            occasion = date(year, month, day)
            if occasion > today and len(found) < count:
                found.append((occasion, code))
        year += 1
    return found


# The dated steps of a round, in the order they happen (DOMAIN.md §3): the list is locked (the
# tờ trình gets its number and date), sent to the higher committee, decided, and presented.
STEP_LABELS = {
    "submission_date": "ngày chốt danh sách",
    "submitted_on": "ngày gửi cấp trên",
    "decision_date": "ngày quyết định",
    "held_on": "ngày tổ chức lễ",
}


def step_date_errors(steps: dict[str, date | None], *, today: date) -> dict[str, str]:
    """What is wrong with the dates of a round's steps (keys of STEP_LABELS; None: not reached):
    none is after today, and each is on or after the step before it. {step: Vietnamese message}."""
    errors = {}
    previous = None
    for step, label in STEP_LABELS.items():
        day = steps.get(step)
        if day is None:
            continue
        if day > today:
            errors[step] = (
                f"{label.capitalize()} {day:%d/%m/%Y} sau hôm nay ({today:%d/%m/%Y}): "
                "chỉ ghi việc đã diễn ra."
            )
        elif previous is not None and day < previous[1]:
            errors[step] = (
                f"{label.capitalize()} {day:%d/%m/%Y} trước {STEP_LABELS[previous[0]]} "
                f"({previous[1]:%d/%m/%Y})."
            )
        previous = (step, day)
    return errors
