"""Rules of the register that need no database: what a member's facts allow, and the checks of a
member record. The services replay a member's facts through `replay()` before every write, so a
fact entered late (historic records) is checked against the whole history.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import pairwise

from members.enums import ON_ROLLS, EventKind, Status
from members.party_age import Interval, add_months, add_years

Kind = EventKind

MIN_ADMISSION_AGE = 18
# The start of party age the office may set instead of the admission date (§1): not before the
# founding of the Party, nor before the member's 16th birthday.
PARTY_FOUNDED = date(1930, 2, 3)
MIN_PARTY_AGE_START_AGE = 16
PROBATION_MONTHS = 12
PROBATION_OVERDUE_MONTHS = 24

REMOVALS = {
    Kind.DIED: Status.DECEASED,
    Kind.STRUCK_OFF: Status.STRUCK_OFF,
    Kind.EXPELLED: Status.EXPELLED,
    Kind.LEFT: Status.LEFT,
    Kind.TRANSFERRED_OUT: Status.TRANSFERRED_OUT,
}
# Order of facts on one day: entries first, removals last.
_DAY_ORDER = {
    Kind.ADMITTED: 0,
    Kind.TRANSFERRED_IN: 0,
    Kind.READMITTED: 1,
    Kind.RESTORED: 1,
    Kind.MADE_OFFICIAL: 2,
    Kind.CELL_TRANSFER: 3,
    Kind.EXEMPTED: 4,
    Kind.EXEMPTION_ENDED: 4,
    Kind.TRANSFERRED_OUT: 5,
    Kind.STRUCK_OFF: 5,
    Kind.EXPELLED: 5,
    Kind.LEFT: 5,
    Kind.DIED: 6,
}


class RuleError(ValueError):
    """A fact or a record the rules do not allow; the message is for the user (Vietnamese).

    `fact` (or `interval`) is what the message is about; `after` is the earlier fact that makes
    it impossible, if any (a death before it), so that a caller can say which of its own inputs
    is at fault (the import names the column)."""

    def __init__(self, message: str, *, fact=None, after=None, interval=None):
        super().__init__(message)
        self.fact, self.after, self.interval = fact, after, interval


@dataclass(frozen=True)
class Fact:
    kind: str
    date: date
    cell_id: int
    key: int = 0  # tie-breaker within a day (the event's id)


@dataclass(frozen=True)
class MemberState:
    status: str
    cell_id: int
    official_date: date | None
    death_date: date | None
    left_rolls_on: date | None


def fact_order(fact: Fact) -> tuple:
    return (fact.date, _DAY_ORDER[fact.kind], fact.key)


def _d(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _refusal(fact: Fact, reason: str, after: Fact | None = None) -> RuleError:
    return RuleError(
        f"{Kind(fact.kind).label} ngày {_d(fact.date)}: {reason}", fact=fact, after=after
    )


def replay(
    facts: Iterable[Fact],
    *,
    admission_date: date,
    official_before_facts: date | None = None,
) -> MemberState:
    """The state a member's facts lead to, or RuleError naming the first impossible fact.

    `official_before_facts` is a recognition as official that happened before the member's
    facts here (a member who transferred in already official).
    """
    ordered = sorted(facts, key=fact_order)
    if not ordered:
        raise RuleError("Đảng viên chưa có sự kiện kết nạp hoặc chuyển sinh hoạt đến.")
    status: str | None = None
    cell_id = ordered[0].cell_id
    official = official_before_facts
    death = left = None
    for fact in ordered:
        if death is not None:
            raise _refusal(
                fact, f"không thể ghi sự kiện sau ngày từ trần ({_d(death.date)}).", death
            )
        if fact.date < admission_date:
            raise _refusal(fact, f"trước ngày vào Đảng ({_d(admission_date)}).")
        if fact.kind == Kind.ADMITTED:
            if status is not None:
                raise _refusal(fact, "đảng viên đã có trong danh sách.")
            if fact.date != admission_date:
                raise _refusal(
                    fact, f"ngày kết nạp phải trùng ngày vào Đảng ({_d(admission_date)})."
                )
            status, cell_id = Status.ACTIVE, fact.cell_id
        elif fact.kind == Kind.TRANSFERRED_IN:
            if status not in (None, Status.TRANSFERRED_OUT):
                raise _refusal(fact, "đảng viên đang có trong danh sách của Đảng bộ.")
            status, cell_id, left = Status.ACTIVE, fact.cell_id, None
        elif status is None:
            raise _refusal(fact, "sự kiện đầu tiên phải là kết nạp hoặc chuyển sinh hoạt đến.")
        elif fact.kind in (Kind.READMITTED, Kind.RESTORED):
            if status not in (Status.STRUCK_OFF, Status.EXPELLED, Status.LEFT):
                raise _refusal(
                    fact, "chỉ áp dụng cho đảng viên đã bị xóa tên, khai trừ hoặc ra khỏi Đảng."
                )
            status, cell_id, left = Status.ACTIVE, fact.cell_id, None
        elif status not in ON_ROLLS:
            raise _refusal(
                fact, f"đảng viên không còn trong danh sách ({Status(status).label.lower()})."
            )
        elif fact.kind == Kind.MADE_OFFICIAL:
            if official is not None:
                raise _refusal(fact, f"đảng viên đã là đảng viên chính thức từ {_d(official)}.")
            if fact.date <= admission_date:
                raise _refusal(
                    fact, f"ngày chính thức phải sau ngày vào Đảng ({_d(admission_date)})."
                )
            official = fact.date
        elif fact.kind == Kind.CELL_TRANSFER:
            if fact.cell_id == cell_id:
                raise _refusal(fact, "chi bộ mới trùng chi bộ đang sinh hoạt.")
            cell_id = fact.cell_id
        elif fact.kind == Kind.EXEMPTED:
            if status == Status.EXEMPT:
                raise _refusal(fact, "đảng viên đang được miễn công tác và sinh hoạt.")
            status = Status.EXEMPT
        elif fact.kind == Kind.EXEMPTION_ENDED:
            if status != Status.EXEMPT:
                raise _refusal(fact, "đảng viên không được miễn công tác và sinh hoạt.")
            status = Status.ACTIVE
        else:  # a removal from the rolls
            status, left = REMOVALS[Kind(fact.kind)], fact.date
            if fact.kind == Kind.DIED:
                death = fact
    return MemberState(
        status=status,
        cell_id=cell_id,
        official_date=official,
        death_date=death.date if death else None,
        left_rolls_on=left,
    )


def entry_facts(
    *, entry: str, entry_date: date, official_date: date | None, cell_id: int
) -> tuple[list[Fact], date | None]:
    """The facts that put a new member on the rolls, and the recognition as official that came
    before them: admitted (on the admission date) or transferred in (on the entry date); a
    recognition dated on or after the entry is a fact of its own, an earlier one (a member who
    arrives already official) is part of the record."""
    facts = [Fact(entry, entry_date, cell_id)]
    if official_date and official_date >= entry_date:
        facts.append(Fact(Kind.MADE_OFFICIAL, official_date, cell_id))
        return facts, None
    return facts, official_date


def with_transfer_in(
    facts: Iterable[Fact], *, entry_date: date, official_date: date | None, key: int
) -> tuple[list[Fact], date | None]:
    """A member's facts corrected to say they came onto the rolls by transfer on `entry_date`:
    their first entry (admission, or a transfer in on another day) becomes a transfer in on that
    day into the same cell, and a recognition as official before it becomes part of the record
    (returned, as `entry_facts` returns it). The new fact has the tie-breaker `key`."""
    ordered = sorted(facts, key=fact_order)
    entry = next(fact for fact in ordered if fact.kind in (Kind.ADMITTED, Kind.TRANSFERRED_IN))
    kept = [
        fact
        for fact in ordered
        if fact is not entry and not (fact.kind == Kind.MADE_OFFICIAL and fact.date < entry_date)
    ]
    official_before = official_date if official_date and official_date < entry_date else None
    return [Fact(Kind.TRANSFERRED_IN, entry_date, entry.cell_id, key), *kept], official_before


def first_entry(facts: Iterable[Fact]) -> Fact:
    """The fact that first put a member on the rolls."""
    return min(
        (fact for fact in facts if fact.kind in (Kind.ADMITTED, Kind.TRANSFERRED_IN)),
        key=fact_order,
    )


def with_admission_date(facts: Iterable[Fact], admission_date: date) -> list[Fact]:
    """A member's facts after a correction of the admission date: the admission moves with it."""
    return [
        replace(fact, date=admission_date) if fact.kind == Kind.ADMITTED else fact for fact in facts
    ]


def cell_refusal(
    *,
    name: str,
    founded_on: date | None,
    ended_on: date | None,
    merged_into: str | None,
    day: date,
) -> str | None:
    """Why a member cannot be put on a cell's rolls on `day`, or None: a cell exists from its
    founding date to the day before it ended (by a merger into another cell, or dissolution).
    Nobody is put into a cell that has ended, even on an earlier day: whoever was on its rolls
    when it ended moved with the merger, so a member put there now would be left in it."""
    if ended_on is not None:
        how = f"đã sáp nhập vào {merged_into}" if merged_into else "đã giải thể"
        return f"{name} {how} từ ngày {_d(ended_on)}."
    if founded_on is not None and day < founded_on:
        return f"{name} thành lập ngày {_d(founded_on)}, sau ngày {_d(day)}."
    return None


def check_member_dates(
    *,
    date_of_birth: date | None,
    admission_date: date,
    official_date: date | None,
    today: date,
    party_age_start_override: date | None = None,
) -> dict[str, str]:
    """Errors of a member record's own dates, by field name (empty when the record is sound)."""
    errors: dict[str, str] = {}
    override = party_age_start_override
    for field, value, label in (
        ("date_of_birth", date_of_birth, "Ngày sinh"),
        ("admission_date", admission_date, "Ngày vào Đảng"),
        ("official_date", official_date, "Ngày chính thức"),
        ("party_age_start_override", override, "Ngày tính tuổi Đảng"),
    ):
        if value is not None and value > today:
            errors[field] = f"{label} ({_d(value)}) không được ở tương lai."
    if date_of_birth and add_years(date_of_birth, MIN_ADMISSION_AGE) > admission_date:
        errors.setdefault(
            "admission_date",
            f"Ngày vào Đảng ({_d(admission_date)}) khi chưa đủ {MIN_ADMISSION_AGE} tuổi "
            f"(sinh ngày {_d(date_of_birth)}).",
        )
    if official_date is not None and official_date <= admission_date:
        errors.setdefault(
            "official_date",
            f"Ngày chính thức ({_d(official_date)}) phải sau ngày vào Đảng ({_d(admission_date)}).",
        )
    if override is not None and override < PARTY_FOUNDED:
        errors.setdefault(
            "party_age_start_override",
            f"Ngày tính tuổi Đảng ({_d(override)}) trước ngày thành lập Đảng ({_d(PARTY_FOUNDED)}).",
        )
    if (
        override is not None
        and date_of_birth
        and override < add_years(date_of_birth, MIN_PARTY_AGE_START_AGE)
    ):
        errors.setdefault(
            "party_age_start_override",
            f"Ngày tính tuổi Đảng ({_d(override)}) khi chưa đủ {MIN_PARTY_AGE_START_AGE} tuổi "
            f"(sinh ngày {_d(date_of_birth)}).",
        )
    return errors


def check_interruptions(
    intervals: Iterable[Interval], *, admission_date: date, today: date
) -> None:
    """Interruptions start after admission, end by today and never overlap."""
    ordered = sorted(intervals, key=lambda interval: interval.start)
    for interval in ordered:
        span = f"{_d(interval.start)}–{_d(interval.end)}"
        if interval.end <= interval.start:
            raise RuleError(
                f"Thời gian gián đoạn {span}: ngày kết thúc phải sau ngày bắt đầu.",
                interval=interval,
            )
        if interval.start < admission_date:
            raise RuleError(
                f"Thời gian gián đoạn {span}: bắt đầu trước ngày vào Đảng ({_d(admission_date)}).",
                interval=interval,
            )
        if interval.end > today:
            raise RuleError(
                f"Thời gian gián đoạn {span}: ngày kết thúc ở tương lai.", interval=interval
            )
    for previous, current in pairwise(ordered):
        if current.start < previous.end:
            raise RuleError(
                f"Thời gian gián đoạn {_d(current.start)}–{_d(current.end)} trùng với "
                f"{_d(previous.start)}–{_d(previous.end)}.",
                interval=current,
            )


def months_cutoff(*, on: date, months: int) -> date:
    """The latest day D such that `add_months(D, months) <= on`: the one bound the register's
    Python rules and its SQL filters both use, so they agree on month ends and 29/02.

    add_months clamps to the end of a shorter month, so when `on` is the last day of its month
    every day up to the end of the month `months` earlier reaches it (29/02/2024 + 12 months =
    28/02/2025)."""
    back = add_months(on, -months)
    if (on + timedelta(days=1)).month != on.month:  # `on` ends its month
        back = add_months(back.replace(day=1), 1) - timedelta(days=1)
    return back


def probation_cutoffs(*, on: date) -> tuple[date, date]:
    """(due, overdue) on `on`: a probationary member admitted on or before `due` has served the
    12 months of probation; admitted on or before `overdue`, more than 24 months (DOMAIN §1).
    The Python rule (probation_state) and the SQL filter (members.queries) both use these."""
    due = months_cutoff(on=on, months=PROBATION_MONTHS)
    overdue = months_cutoff(on=on - timedelta(days=1), months=PROBATION_OVERDUE_MONTHS)
    return due, overdue


def probation_state(*, admission_date: date, official_date: date | None, on: date) -> str | None:
    """'due' once the 12 months of probation are over, 'overdue' after 24 months; None otherwise."""
    if official_date is not None:
        return None
    due, overdue = probation_cutoffs(on=on)
    if admission_date <= overdue:
        return "overdue"
    if admission_date <= due:
        return "due"
    return None
