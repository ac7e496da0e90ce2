"""The award round workflow and the bonus arithmetic (DOMAIN.md §3). Pure: no database, no clock.

draft → locked → submitted → decided → held; a round can be cancelled until it is held.
"""

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

DRAFT, LOCKED, SUBMITTED, DECIDED, HELD, CANCELLED = (
    "draft",
    "locked",
    "submitted",
    "decided",
    "held",
    "cancelled",
)
STATE_LABELS = {
    DRAFT: "đang lập danh sách",
    LOCKED: "đã chốt danh sách",
    SUBMITTED: "đã trình cấp trên",
    DECIDED: "đã có quyết định",
    HELD: "đã trao tặng",
    CANCELLED: "đã hủy",
}
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
# Fixed occasions (day, month, code).
OCCASIONS = ((3, 2, "0203"), (19, 5, "0519"), (2, 9, "0902"), (7, 11, "1107"))


class WorkflowError(ValueError):
    """An action the round's state does not allow; the message is for the user."""


def next_state(state: str, action: str) -> str:
    """The state after `action`, or WorkflowError saying why it is not allowed now."""
    allowed, target, name = TRANSITIONS[action]
    if state not in allowed:
        raise WorkflowError(f"Không thể {name}: đợt tặng {STATE_LABELS[state]}.")
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
        for day, month, code in OCCASIONS:
            occasion = date(year, month, day)
            if occasion > today and len(found) < count:
                found.append((occasion, code))
        year += 1
    return found
