"""Biểu 7-BTCTW, "Thống kê về nghiệp vụ công tác đảng viên" (HD 11-HD/BTCTW; DOMAIN.md §5): the
form's rows, which the app computes and which staff type, the totals of the "chia ra" rows and
the percentage column. Pure: no database.

The columns are the form's: (2) this period, (3) the same period last year, (4) = (2) × 100 / (3).
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from members.enums import BadgeKind
from ratings.enums import CommendationForm

# The milestones the form prints a row for (30 … 90 years); a badge of another milestone (a
# rule version with 35 or 95) adds its own row.
FORM_MILESTONES = (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90)
# The largest figure staff may type (a grassroots committee counts in the hundreds).
MAX_TYPED = 999_999
NO_PERCENT = "—"


@dataclass(frozen=True)
class RowSpec:
    key: str
    label: str
    depth: int = 0  # 0: a Roman section, 1: a numbered part, 2: a line
    typed: bool = False  # the app does not hold it: staff type it ("Nhập tay")
    heading: bool = False  # a heading without figures of its own
    total_of: tuple[str, ...] = ()  # a "chia ra" row: the sum of these rows


def _item(key: str, label: str, *, typed: bool = False) -> RowSpec:
    return RowSpec(key, label, depth=2, typed=typed)


def _group(key: str, label: str, items: tuple[RowSpec, ...], *, depth: int = 1):
    return (RowSpec(key, label, depth=depth, total_of=tuple(i.key for i in items)), *items)


def _heading(key: str, label: str, depth: int) -> RowSpec:
    return RowSpec(key, label, depth=depth, heading=True)


BADGE_KIND_ROWS = (
    (BadgeKind.REGULAR, "badges_regular", "- Tặng đúng hạn"),
    (BadgeKind.EARLY, "badges_early", "- Tặng sớm (bệnh nặng)"),
    (BadgeKind.POSTHUMOUS, "badges_posthumous", "- Truy tặng"),
    (BadgeKind.POSTHUMOUS_EARLY, "badges_posthumous_early", "- Truy tặng sớm"),
)
# Cells' and members' commendations the app records, by form: (form, row of cells, of members).
COMMENDATION_ROWS = (
    (CommendationForm.MERIT, "cells_merit", "members_merit"),
    (CommendationForm.CERTIFICATE, "cells_certificate", "members_certificate"),
)


def form_rows(milestones: Iterable[int] = ()) -> tuple[RowSpec, ...]:
    """The rows of the form, in its order; `milestones`: those with a badge in either period
    that the form does not print (35, 95), each given a row in order."""
    badge_rows = tuple(
        _item(f"badges_{m}", f"- Huy hiệu Đảng {m} năm")
        for m in sorted(set(FORM_MILESTONES) | set(milestones))
    )
    return (
        _heading("commendations", "I. Khen thưởng tổ chức đảng và đảng viên", 0),
        _heading("commended_organisations", "1. Khen thưởng tổ chức đảng", 1),
        *_group(
            "higher_organisations",
            "a) Số tổ chức đảng cấp trên trực tiếp cơ sở được khen, chia ra:",
            (
                _item("higher_organisations_banner", "- Tặng cờ", typed=True),
                _item("higher_organisations_merit", "- Tặng bằng khen", typed=True),
            ),
        ),
        *_group(
            "grassroots",
            "b) Số tổ chức cơ sở đảng được khen, chia ra:",
            (
                _item("grassroots_banner", "- Tặng cờ", typed=True),
                _item("grassroots_merit", "- Tặng bằng khen", typed=True),
                _item("grassroots_certificate", "- Tặng giấy khen", typed=True),
            ),
        ),
        *_group(
            "branches",
            "c) Số đảng bộ bộ phận trực thuộc đảng ủy cơ sở được khen, chia ra:",
            (
                _item("branches_merit", "- Tặng bằng khen", typed=True),
                _item("branches_certificate", "- Tặng giấy khen", typed=True),
            ),
        ),
        *_group(
            "cells",
            "d) Số chi bộ trực thuộc đảng bộ cơ sở được khen, chia ra:",
            (
                _item("cells_merit", "- Tặng bằng khen"),
                _item("cells_certificate", "- Tặng giấy khen"),
            ),
        ),
        *_group(
            "members",
            "2. Số đảng viên được khen, chia ra:",
            (
                _item("members_merit", "- Tặng bằng khen"),
                _item("members_certificate", "- Tặng giấy khen"),
            ),
        ),
        *_group("badges", "II. Tặng Huy hiệu Đảng", badge_rows, depth=0),
        _heading("badges_by_kind", "Trong đó:", 1),
        *(_item(key, label) for _kind, key, label in BADGE_KIND_ROWS),
        _item("badges_reissued", "- Cấp lại Huy hiệu Đảng bị mất (không tính ở trên)"),
        _heading("cards", "III. Phát thẻ đảng viên", 0),
        _item("cards_issued", "1. Số thẻ đảng viên được phát cho đảng viên chính thức", typed=True),
        _item("cards_lost", "2. Số thẻ đảng viên được cấp lại cho đảng viên do mất", typed=True),
        _item(
            "cards_damaged", "3. Số thẻ đảng viên được đổi lại cho đảng viên do bị hỏng", typed=True
        ),
        _heading("transfers", "IV. Giới thiệu sinh hoạt đảng", 0),
        *_group(
            "temporary",
            "1. Số lượt đảng viên chuyển sinh hoạt đảng tạm thời",
            (
                _item("temporary_out", "- Giới thiệu chuyển đi", typed=True),
                _item("temporary_in", "- Tiếp nhận chuyển đến", typed=True),
            ),
        ),
        *_group(
            "official",
            "2. Số lượt đảng viên chuyển sinh hoạt đảng chính thức",
            (
                _item("transferred_out", "- Giới thiệu chuyển đi"),
                _item("transferred_in", "- Tiếp nhận chuyển đến"),
            ),
        ),
        _heading(
            "transfer_issues", "3. Một số nội dung liên quan đến giới thiệu sinh hoạt đảng", 1
        ),
        _item(
            "wrong_in",
            "- Số đảng viên nơi khác chuyển sinh hoạt đảng đến chưa đúng quy định",
            typed=True,
        ),
        _item(
            "wrong_out",
            "- Số đảng viên giới thiệu sinh hoạt đảng đi chưa đúng quy định",
            typed=True,
        ),
        _item(
            "forged", "- Số trường hợp phát hiện giả mạo qua giới thiệu sinh hoạt đảng", typed=True
        ),
    )


def typed_keys() -> frozenset[str]:
    """The rows staff type (the same whatever the milestones)."""
    return frozenset(row.key for row in form_rows() if row.typed)


@dataclass(frozen=True)
class CommendationLineFact:
    """One cell or member on a recorded commendation, with the date of its decision."""

    form: str  # CommendationForm
    of_cell: bool
    decided_on: date


def commendation_figures(
    lines: Iterable[CommendationLineFact], *, start: date, end: date
) -> dict[str, int]:
    """Cells and members commended by a decision dated in [start, end], by form (section I)."""
    figures = {key: 0 for _form, cells, members in COMMENDATION_ROWS for key in (cells, members)}
    rows = {form: (cells, members) for form, cells, members in COMMENDATION_ROWS}
    for line in lines:
        if line.form in rows and start <= line.decided_on <= end:
            figures[rows[line.form][0 if line.of_cell else 1]] += 1
    return figures


def badge_figures(
    by_milestone_and_kind: Mapping[tuple[int, str], int],
    *,
    reissued: int,
    milestones: Iterable[int] = (),
) -> dict[str, int]:
    """Section II: badges by milestone (the form's and `milestones`, 0 when none), by kind, and
    the lost badges re-issued."""
    figures = {f"badges_{m}": 0 for m in sorted({*FORM_MILESTONES, *milestones})}
    figures.update({key: 0 for _kind, key, _label in BADGE_KIND_ROWS})
    keys = {kind: key for kind, key, _label in BADGE_KIND_ROWS}
    for (milestone, kind), n in by_milestone_and_kind.items():
        figures[f"badges_{milestone}"] = figures.get(f"badges_{milestone}", 0) + n
        figures[keys[kind]] += n
    figures["badges_reissued"] = reissued
    return figures


def percent_text(current: int | None, previous: int | None) -> str:
    """Column (4) = (2) × 100 / (3), one decimal with the Vietnamese comma; "—" when the same
    period last year is 0 or a figure is missing."""
    if current is None or not previous:
        return NO_PERCENT
    return f"{current * 100 / previous:.1f}".replace(".", ",")


@dataclass(frozen=True)
class FormRow:
    key: str
    label: str
    depth: int
    typed: bool
    heading: bool
    current: int | None  # None: not typed yet (or a heading)
    previous: int | None
    percent: str


def _total(keys: tuple[str, ...], figures: Mapping[str, int | None]) -> int | None:
    values = [figures.get(key) for key in keys]
    return None if any(v is None for v in values) else sum(values)


def build_rows(
    specs: tuple[RowSpec, ...],
    *,
    current: Mapping[str, int | None],
    previous: Mapping[str, int | None],
) -> tuple[FormRow, ...]:
    """The form's rows with both columns and the percentage: a typed row not typed is blank,
    a "chia ra" row the sum of its rows (blank while one of them is)."""
    rows = []
    for spec in specs:
        if spec.heading:
            now = before = None
        elif spec.total_of:
            now, before = _total(spec.total_of, current), _total(spec.total_of, previous)
        else:
            now, before = current.get(spec.key), previous.get(spec.key)
        rows.append(
            FormRow(
                key=spec.key,
                label=spec.label,
                depth=spec.depth,
                typed=spec.typed,
                heading=spec.heading,
                current=now,
                previous=before,
                percent="" if spec.heading else percent_text(now, before),
            )
        )
    return tuple(rows)


NOT_A_NUMBER = "Hãy nhập một số nguyên không âm (ví dụ 12), hoặc để trống."
NEGATIVE = "Số liệu không được âm."
FRACTION = "Số liệu là số nguyên: không có phần thập phân."
TOO_LARGE = f"Số liệu tối đa là {MAX_TYPED:,}.".replace(",", ".")

_PLAIN = re.compile(r"\d+")
_THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+")
_DECIMAL = re.compile(r"(\d+|\d{1,3}(\.\d{3})+),(\d+)")


def parse_typed(text: str) -> int | None:
    """A figure staff type: blank for not typed, else a whole number from 0 to MAX_TYPED.
    Vietnamese writing is read: "1.250" (a dot between thousands) is 1250, "12,0" (the decimal
    comma) is 12; "12,5" is refused. Raises ValueError with the Vietnamese message."""
    text = "".join(text.split())
    if not text:
        return None
    if text.startswith("-") and parse_typed(text[1:] or "x") is not None:
        raise ValueError(NEGATIVE)
    if _PLAIN.fullmatch(text) or _THOUSANDS.fullmatch(text):
        value = int(text.replace(".", ""))
    elif match := _DECIMAL.fullmatch(text):
        if set(match.group(3)) != {"0"}:
            raise ValueError(FRACTION)
        value = int(match.group(1).replace(".", ""))
    else:
        raise ValueError(NOT_A_NUMBER)
    if value > MAX_TYPED:
        raise ValueError(TOO_LARGE)
    return value
