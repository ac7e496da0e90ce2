"""The columns of a members spreadsheet (DOMAIN.md §8) and how each cell is read."""

import re
from datetime import date, datetime

from members.enums import DisciplineForm
from members.party_age import DEFAULT_MILESTONES, Interval
from vusta_party.spreadsheets import SpreadsheetError
from vusta_party.text import fold

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
    "Ngày từ trần": "death_date",
    "Thời gian gián đoạn": "interruptions",
    "Huy hiệu đã nhận": "badges",
    "Kỷ luật": "disciplines",
    "Bệnh nặng": "seriously_ill",
}
REQUIRED = ("Họ và tên", "Chi bộ", "Ngày vào Đảng")
HEADER_OF = {key: header for header, key in COLUMNS.items()}
DISCIPLINE_FORMS = {
    "khien trach": DisciplineForm.REPRIMAND,
    "canh cao": DisciplineForm.WARNING,
    "cach chuc": DisciplineForm.REMOVAL,
}
SEX = {"nam": "M", "nu": "F"}
DATE_TEXT = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
ILL_DEFAULT_REASON = "Ghi nhận khi nhập danh sách"
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


def cell_text(value) -> str:
    """A cell as one line of text (whole numbers without ".0", dates as dd/mm/yyyy)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    return " ".join(str(value).split())


def _parse_date(value) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = DATE_TEXT.match(str(value))
    if not match:
        raise ValueError("Ngày phải có dạng dd/mm/yyyy.")
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError as error:
        raise ValueError(f"Ngày {cell_text(value)} không có trên lịch.") from error


def _parse_digits(value, width: int, label: str) -> str | None:
    """Identity numbers: an Excel number lost its leading zeros, so they are put back."""
    if value in (None, ""):
        return None
    if isinstance(value, int | float):
        return str(int(value)).zfill(width)
    text = str(value).strip().replace(" ", "")
    if label == "CCCD" and not re.fullmatch(r"\d{12}", text):
        raise ValueError("Số CCCD gồm đúng 12 chữ số.")
    return text


def _parse_intervals(text: str) -> list[Interval]:
    intervals = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        pieces = [p.strip() for p in re.split(r"\s*-\s*(?=\d{1,2}/)", part)]
        if len(pieces) != 2:
            raise ValueError(f"“{part}” phải có dạng dd/mm/yyyy-dd/mm/yyyy.")
        start, end = (_parse_date(p) for p in pieces)
        if end <= start:
            raise ValueError(f"“{part}”: ngày kết thúc phải sau ngày bắt đầu.")
        intervals.append(Interval(start, end))
    return intervals


def _parse_badges(text: str) -> list[int]:
    milestones = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        if not part.isdigit() or int(part) not in DEFAULT_MILESTONES:
            raise ValueError(
                f"“{part}” không phải mốc Huy hiệu ({', '.join(map(str, DEFAULT_MILESTONES))})."
            )
        milestones.append(int(part))
    return milestones


def _parse_disciplines(text: str) -> list[tuple[str, date]]:
    found = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        match = re.match(r"^(.*?)\s+(\d{1,2}/\d{1,2}/\d{4})$", part)
        form = DISCIPLINE_FORMS.get(fold(match.group(1))) if match else None
        if not form:
            raise ValueError(
                f"“{part}” phải có dạng <hình thức> dd/mm/yyyy (Khiển trách, Cảnh cáo, Cách chức)."
            )
        found.append((form, _parse_date(match.group(2))))
    return found


def header_map(header_row: list) -> tuple[dict[int, str], list[str]]:
    """Column index -> field key, and the headers not known (ignored); SpreadsheetError when a
    required column is missing."""
    known = {fold(header).replace(" ", ""): key for header, key in COLUMNS.items()}
    mapping, ignored = {}, []
    for index, header in enumerate(header_row):
        text = cell_text(header)
        if not text:
            continue
        key = known.get(fold(text).replace(" ", ""))
        if key:
            mapping[index] = key
        else:
            ignored.append(text)
    missing = [h for h in REQUIRED if COLUMNS[h] not in mapping.values()]
    if missing:
        raise SpreadsheetError("Thiếu cột bắt buộc: " + ", ".join(missing) + ".")
    return mapping, ignored


def _parse_sex(value):
    text = cell_text(value)
    if not text:
        return None
    if fold(text) not in SEX:
        raise ValueError("Giới tính ghi Nam hoặc Nữ.")
    return SEX[fold(text)]


PARSERS = {
    "full_name": lambda v: " ".join(cell_text(v).split()) or None,
    "date_of_birth": _parse_date,
    "admission_date": _parse_date,
    "official_date": _parse_date,
    "death_date": _parse_date,
    "ethnicity": lambda v: cell_text(v) or None,
    "religion": lambda v: cell_text(v) or None,
    "hometown": lambda v: cell_text(v) or None,
    "cell": lambda v: cell_text(v) or None,
    "citizen_id": lambda v: _parse_digits(v, 12, "CCCD"),
    "party_card_number": lambda v: _parse_digits(v, 8, "thẻ"),
    "interruptions": lambda v: _parse_intervals(cell_text(v)),
    "badges": lambda v: _parse_badges(cell_text(v)),
    "disciplines": lambda v: _parse_disciplines(cell_text(v)),
    "seriously_ill": lambda v: cell_text(v) or None,
    "sex": _parse_sex,
}
