"""The columns of a members spreadsheet (DOMAIN.md §8) and how each cell is read.

Every text is read in Unicode NFC with its spaces collapsed (`cell_text`), so a name typed in
decomposed form is the same name. A parser returns the value, None for a blank cell, or raises
ValueError with the reason in Vietnamese.
"""

import re
from collections.abc import Callable
from datetime import date, datetime

from members.enums import DisciplineForm, EventKind, Sex
from members.milestones import KnownMilestones
from members.models import Member, Organisation
from members.party_age import Interval
from vusta_party.spreadsheets import SpreadsheetError
from vusta_party.text import fold, nfc

# Header (as in §8) -> field key; headers are matched ignoring case, diacritics and spaces.
COLUMNS = {
    "Họ và tên": "full_name",
    "Ngày sinh": "date_of_birth",
    "Giới tính": "sex",
    "Dân tộc": "ethnicity",
    "Tôn giáo": "religion",
    "Quê quán": "hometown",
    "Số CCCD": "citizen_id",
    "Chi bộ": "cell",
    "Ngày vào Đảng": "admission_date",
    "Ngày chính thức": "official_date",
    "Số thẻ đảng viên": "party_card_number",
    "Ngày chuyển đến": "entry_date",
    "Ngày từ trần": "death_date",
    "Thời gian gián đoạn": "interruptions",
    "Huy hiệu đã nhận": "badges",
    "Kỷ luật": "disciplines",
    "Bệnh nặng": "seriously_ill",
}
# The only columns a file must have, for new members too (§8).
REQUIRED = ("Họ và tên", "Chi bộ", "Ngày vào Đảng")
HEADER_OF = {key: header for header, key in COLUMNS.items()}
COLUMN_ORDER = {header: index for index, header in enumerate(COLUMNS)}
# The column of the date of each fact a row can state (for a refusal of that fact).
COLUMN_OF_FACT = {
    EventKind.ADMITTED: "Ngày vào Đảng",
    EventKind.TRANSFERRED_IN: "Ngày chuyển đến",
    EventKind.MADE_OFFICIAL: "Ngày chính thức",
    EventKind.DIED: "Ngày từ trần",
}
DISCIPLINE_FORMS = {
    "khien trach": DisciplineForm.REPRIMAND,
    "canh cao": DisciplineForm.WARNING,
    "cach chuc": DisciplineForm.REMOVAL,
}
SEX = {fold(label): value for value, label in Sex.choices}
DATE_TEXT = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
ILL_DEFAULT_REASON = "Ghi nhận khi nhập danh sách"
CARD_WIDTH = 8  # a card number typed as a number lost its leading zeros: put back to 8 digits
CITIZEN_ID = re.compile(r"^\d{12}$")
# Record fields an import may set or change on an existing member.
RECORD_FIELDS = (
    "full_name",
    "date_of_birth",
    "sex",
    "ethnicity",
    "religion",
    "hometown",
    "citizen_id",
    "party_card_number",
    "admission_date",
)


def _max_length(model, field: str) -> int:
    return model._meta.get_field(field).max_length


# Longest text each text column may hold (the database refuses more).
MAX_LENGTHS = {
    "full_name": _max_length(Member, "full_name"),
    "ethnicity": _max_length(Member, "ethnicity"),
    "religion": _max_length(Member, "religion"),
    "hometown": _max_length(Member, "hometown"),
    "cell": _max_length(Organisation, "name"),
    "party_card_number": _max_length(Member, "party_card_number"),
    "seriously_ill": _max_length(Member, "seriously_ill_reason"),
}


def cell_text(value) -> str:
    """A cell as one line of NFC text (whole numbers without ".0", dates as dd/mm/yyyy)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    return nfc(" ".join(str(value).split()))


def is_blank(row) -> bool:
    return not any(cell_text(cell) for cell in row)


def _parse_date(value) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    if not text:
        return None
    match = DATE_TEXT.match(text)
    if not match:
        raise ValueError("Ngày phải có dạng dd/mm/yyyy.")
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError as error:
        raise ValueError(f"Ngày {text} không có trên lịch.") from error


def _number_text(value, width: int) -> str | None:
    """An identity number as text: a number cell lost its leading zeros, so they are put back;
    a number with a fraction is no identity number."""
    if isinstance(value, bool):
        raise ValueError("Phải là một dãy chữ số.")
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError("Phải là một dãy chữ số.")
        value = int(value)
    if isinstance(value, int):
        if value < 0:
            raise ValueError("Phải là một dãy chữ số.")
        return str(value).zfill(width)
    return cell_text(value).replace(" ", "") or None


def _parse_citizen_id(value) -> str | None:
    """Exactly 12 digits, whether the cell holds text or a number (§8)."""
    if value in (None, ""):
        return None
    try:
        text = _number_text(value, 12)
    except ValueError as error:
        raise ValueError("Số CCCD gồm đúng 12 chữ số.") from error
    if text is not None and not CITIZEN_ID.match(text):
        raise ValueError("Số CCCD gồm đúng 12 chữ số.")
    return text


def _parse_card(value) -> str | None:
    if value in (None, ""):
        return None
    text = _number_text(value, CARD_WIDTH)
    if text is not None and len(text) > MAX_LENGTHS["party_card_number"]:
        raise ValueError(f"Số thẻ đảng viên dài quá {MAX_LENGTHS['party_card_number']} ký tự.")
    return text


def _parse_intervals(value) -> list[Interval]:
    intervals = []
    for part in filter(None, (p.strip() for p in cell_text(value).split(";"))):
        pieces = [p.strip() for p in re.split(r"\s*-\s*(?=\d{1,2}/)", part)]
        if len(pieces) != 2:
            raise ValueError(f"“{part}” phải có dạng dd/mm/yyyy-dd/mm/yyyy.")
        start, end = (_parse_date(p) for p in pieces)
        if end <= start:
            raise ValueError(f"“{part}”: ngày kết thúc phải sau ngày bắt đầu.")
        intervals.append(Interval(start, end))
    return intervals


def _badges_parser(milestones: KnownMilestones) -> Callable:
    """Milestones held, separated by ";" (or ","): any milestone of any rule version."""

    def parse(value) -> list[int]:
        held = []
        for part in filter(None, (p.strip() for p in re.split(r"[;,]", cell_text(value)))):
            if not part.isdigit() or int(part) not in milestones.values:
                raise ValueError(milestones.refusal(part))
            held.append(int(part))
        return sorted(set(held))

    return parse


def _parse_disciplines(value) -> list[tuple[str, date]]:
    found = []
    for part in filter(None, (p.strip() for p in cell_text(value).split(";"))):
        match = re.match(r"^(.*?)\s+(\d{1,2}/\d{1,2}/\d{4})$", part)
        form = DISCIPLINE_FORMS.get(fold(match.group(1))) if match else None
        if not form:
            raise ValueError(
                f"“{part}” phải có dạng <hình thức> dd/mm/yyyy (Khiển trách, Cảnh cáo, Cách chức)."
            )
        found.append((form, _parse_date(match.group(2))))
    return found


def _parse_sex(value):
    text = cell_text(value)
    if not text:
        return None
    if fold(text) not in SEX:
        raise ValueError("Giới tính ghi Nam hoặc Nữ.")
    return SEX[fold(text)]


def _text(key: str) -> Callable:
    limit = MAX_LENGTHS[key]

    def parse(value) -> str | None:
        text = cell_text(value)
        if len(text) > limit:
            raise ValueError(f"Dài quá {limit} ký tự.")
        return text or None

    return parse


def parsers(milestones: KnownMilestones) -> dict[str, Callable]:
    """The parser of each column; the badges held are checked against the milestones known."""
    return {
        "full_name": _text("full_name"),
        "date_of_birth": _parse_date,
        "sex": _parse_sex,
        "ethnicity": _text("ethnicity"),
        "religion": _text("religion"),
        "hometown": _text("hometown"),
        "citizen_id": _parse_citizen_id,
        "cell": _text("cell"),
        "admission_date": _parse_date,
        "official_date": _parse_date,
        "party_card_number": _parse_card,
        "entry_date": _parse_date,
        "death_date": _parse_date,
        "interruptions": _parse_intervals,
        "badges": _badges_parser(milestones),
        "disciplines": _parse_disciplines,
        "seriously_ill": _text("seriously_ill"),
    }


def header_map(header_row) -> tuple[dict[int, str], list[str]]:
    """Column index -> field key, and the headers not known (ignored); SpreadsheetError when a
    required column is missing."""
    known = {fold(header).replace(" ", ""): key for header, key in COLUMNS.items()}
    mapping, ignored = {}, []
    for index, header in enumerate(header_row):
        text = cell_text(header)
        if not text:
            continue
        key = known.get(fold(text).replace(" ", ""))
        if key and key not in mapping.values():
            mapping[index] = key
        else:
            ignored.append(text)
    missing = [h for h in REQUIRED if COLUMNS[h] not in mapping.values()]
    if missing:
        raise SpreadsheetError("Thiếu cột bắt buộc: " + ", ".join(missing) + ".")
    return mapping, ignored
