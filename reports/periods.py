"""Report periods (DOMAIN.md §5): a calendar year, the first half, or any range. Pure."""

from dataclasses import dataclass
from datetime import date, timedelta

from members.party_age import add_years

YEAR, FIRST_HALF, CUSTOM = "year", "half", "custom"


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive
    kind: str = CUSTOM

    def __post_init__(self):
        if self.end < self.start:
            raise ValueError("Ngày kết thúc kỳ báo cáo trước ngày bắt đầu.")

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(date(year, 1, 1), date(year, 12, 31), YEAR)

    @classmethod
    def first_half(cls, year: int) -> "Period":
        return cls(date(year, 1, 1), date(year, 6, 30), FIRST_HALF)

    @property
    def day_before(self) -> date:
        """Figures "at the start" are those at the end of this day (§9: members_start)."""
        return self.start - timedelta(days=1)

    @property
    def label(self) -> str:
        if self.kind == YEAR:
            return f"năm {self.start.year}"
        if self.kind == FIRST_HALF:
            return f"6 tháng đầu năm {self.start.year}"
        return f"từ {self.start:%d/%m/%Y} đến {self.end:%d/%m/%Y}"

    def previous(self) -> "Period":
        """The previous period of the same kind (for a range: the same length just before)."""
        if self.kind == YEAR:
            return Period.year(self.start.year - 1)
        if self.kind == FIRST_HALF:
            return Period.first_half(self.start.year - 1)
        length = self.end - self.start
        end = self.day_before
        return Period(end - length, end, CUSTOM)

    def same_period_last_year(self) -> "Period":
        """The same period one year earlier, of the same kind (Biểu 7-BTCTW's "cùng kỳ năm
        trước"): a range keeps its days and months, 29/02 becoming 28/02 (members.party_age)."""
        return Period(add_years(self.start, -1), add_years(self.end, -1), self.kind)

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


# The earliest start of a report: the year the Party was founded (03/02/1930).
EARLIEST_START = date(1930, 1, 1)


def _d(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def period_error(period: Period, *, today: date) -> str | None:
    """Why there is no report of a period, or None: it starts before 1930 or ends after the
    current year (a report of the current year is a draft of figures so far)."""
    if period.start < EARLIEST_START:
        return f"Kỳ báo cáo bắt đầu trước ngày {_d(EARLIEST_START)}."
    if period.end > date(today.year, 12, 31):
        return f"Kỳ báo cáo kết thúc sau năm {today.year}."
    return None


def issue_error(period: Period, *, today: date) -> str | None:
    """Why a report of a period cannot be issued today, or None: a report is issued once its
    period is over (its last day before today), never ahead of time."""
    if error := period_error(period, today=today):
        return error
    if period.end >= today:
        return (
            f"Chưa ban hành được báo cáo {period.label}: kỳ báo cáo kết thúc ngày "
            f"{_d(period.end)}, chỉ ban hành từ ngày hôm sau."
        )
    return None
