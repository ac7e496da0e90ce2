"""Enumerations of badges and rounds, shared by the models and the pure rules (imports no
models)."""

from datetime import date

from django.db import models

from members.enums import BadgeKind


class Occasion(models.TextChoices):
    FEB_3 = "0203", "Kỷ niệm ngày thành lập Đảng (3/2)"
    MAY_19 = "0519", "Kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh (19/5)"
    SEP_2 = "0902", "Quốc khánh (2/9)"
    NOV_7 = "1107", "Kỷ niệm Cách mạng Tháng Mười Nga (7/11)"
    AD_HOC = "other", "Dịp khác"


# The fixed award occasions of each year (DOMAIN.md §3): occasion, month, day.
FIXED_OCCASIONS = (
    (Occasion.FEB_3, 2, 3),
    (Occasion.MAY_19, 5, 19),
    (Occasion.SEP_2, 9, 2),
    (Occasion.NOV_7, 11, 7),
)


def occasion_date(occasion: str, year: int) -> date:
    """The day of a fixed occasion in a year."""
    for code, month, day in FIXED_OCCASIONS:
        if code == occasion:
            return date(year, month, day)
    raise ValueError(f"{occasion} is not a fixed occasion")


class RoundState(models.TextChoices):
    """draft → locked → submitted → decided → held; cancelled until held (ceremonies/workflow.py)."""

    DRAFT = "draft", "Đang lập danh sách"
    LOCKED = "locked", "Đã chốt danh sách"
    SUBMITTED = "submitted", "Đã trình cấp trên"
    DECIDED = "decided", "Đã có quyết định"
    HELD = "held", "Đã trao tặng"
    CANCELLED = "cancelled", "Đã hủy"


# A round holds its members' milestones while it is open (DOMAIN.md §2).
CLOSED_STATES = (RoundState.HELD, RoundState.CANCELLED)

# A line of a round: a badge of one of the kinds a member can be given, or the re-issue of a
# lost badge (list 4A-HHĐ).
ProposalKind = models.TextChoices(
    "ProposalKind",
    [
        *((kind.name, (kind.value, kind.label)) for kind in BadgeKind),
        ("REISSUE", ("reissue", "Cấp lại (bị mất)")),
    ],
)
