"""Import of a members spreadsheet (DOMAIN.md §8): read, check every row, plan, then commit.

`plan_import()` reads the file and says, row by row, what would happen (create, update, unchanged)
or what is wrong (row, column, reason in Vietnamese); it writes nothing. `commit_import()` carries
the plan out through the register's services in one transaction, and only when no row is wrong.
Re-importing the same file plans every row as unchanged.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from members import services, versions
from members.models import Badge, Discipline, Interruption, Member, MembershipEvent, Organisation
from members.party_age import DEFAULT_MILESTONES, Interval
from members.rules import Fact, RuleError, check_interruptions, check_member_dates, replay
from vusta_party.text import fold

Kind = MembershipEvent.Kind
MAX_ROWS = 200_000

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
    "khien trach": Discipline.Form.REPRIMAND,
    "canh cao": Discipline.Form.WARNING,
    "cach chuc": Discipline.Form.REMOVAL,
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


class ImportFileError(ValueError):
    """The file as a whole cannot be read (format, headers); the message is for the user."""


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    value: str
    message: str


@dataclass
class RowPlan:
    row: int
    full_name: str
    cell_name: str
    action: str = "create"  # create, update, unchanged
    changes: list[str] = field(default_factory=list)
    member: Member | None = None
    values: dict = field(default_factory=dict)


@dataclass
class ImportPlan:
    rows: list[RowPlan]
    errors: list[RowError]
    new_cells: list[str]
    ignored_headers: list[str]

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)


# --- reading -------------------------------------------------------------------------------


# Limits that keep a hostile or broken file from exhausting the server: the upload itself, the
# XML inside an .xlsx (a zip that could expand a thousandfold), and the rows read.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_XLSX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ROWS = 200_000
EXTENSIONS = (".xlsx", ".csv")


def upload_error(upload) -> str | None:
    """Why an uploaded spreadsheet is refused before it is read, or None."""
    if not upload.name.lower().endswith(EXTENSIONS):
        return "Chỉ nhận tệp .xlsx hoặc .csv."
    if upload.size > MAX_UPLOAD_BYTES:
        return f"Tệp lớn hơn {MAX_UPLOAD_BYTES // (1024 * 1024)} MB."
    return None


def _capped(rows):
    for number, row in enumerate(rows, start=1):
        if number > MAX_ROWS:
            raise ImportFileError(f"Tệp có quá {MAX_ROWS:,} dòng.".replace(",", "."))
        yield row


def _xlsx_rows(content: bytes) -> list[list]:
    from openpyxl import load_workbook  # noqa: PLC0415 -- heavy, only for spreadsheets

    broken = "Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc sai định dạng."
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(entry.file_size for entry in archive.infolist())
    except zipfile.BadZipFile as error:
        raise ImportFileError(broken) from error
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise ImportFileError("Tệp Excel giải nén ra quá lớn: hãy chia nhỏ tệp.")
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            return [list(row) for row in _capped(sheet.iter_rows(values_only=True))]
        finally:
            workbook.close()
    except ImportFileError:
        raise
    except Exception as error:  # openpyxl and defusedxml raise many kinds on a bad file
        raise ImportFileError(broken) from error


def read_table(filename: str, content: bytes) -> list[list]:
    """The cells of the first sheet (.xlsx) or of a UTF-8 CSV (with or without BOM). openpyxl
    parses the XML through defusedxml (a requirement), which refuses entity expansion."""
    name = filename.lower()
    if name.endswith(".xlsx"):
        return _xlsx_rows(content)
    if name.endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportFileError("Tệp CSV phải được lưu với bảng mã UTF-8.") from error
        sample = text[:4096]
        try:
            dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        try:
            return list(_capped(csv.reader(io.StringIO(text), dialect)))
        except csv.Error as error:
            raise ImportFileError(f"Tệp CSV sai định dạng: {error}.") from error
    raise ImportFileError("Chỉ nhận tệp .xlsx hoặc .csv.")


def _text(value) -> str:
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
        raise ValueError(f"Ngày {_text(value)} không có trên lịch.") from error


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


# --- planning ------------------------------------------------------------------------------


def _header_map(header_row: list) -> tuple[dict[int, str], list[str]]:
    known = {fold(header).replace(" ", ""): key for header, key in COLUMNS.items()}
    mapping, ignored = {}, []
    for index, header in enumerate(header_row):
        text = _text(header)
        if not text:
            continue
        key = known.get(fold(text).replace(" ", ""))
        if key:
            mapping[index] = key
        else:
            ignored.append(text)
    missing = [h for h in REQUIRED if COLUMNS[h] not in mapping.values()]
    if missing:
        raise ImportFileError("Thiếu cột bắt buộc: " + ", ".join(missing) + ".")
    return mapping, ignored


PARSERS = {
    "full_name": lambda v: " ".join(_text(v).split()) or None,
    "date_of_birth": _parse_date,
    "admission_date": _parse_date,
    "official_date": _parse_date,
    "death_date": _parse_date,
    "ethnicity": lambda v: _text(v) or None,
    "religion": lambda v: _text(v) or None,
    "hometown": lambda v: _text(v) or None,
    "cell": lambda v: _text(v) or None,
    "citizen_id": lambda v: _parse_digits(v, 12, "CCCD"),
    "party_card_number": lambda v: _parse_digits(v, 8, "thẻ"),
    "interruptions": lambda v: _parse_intervals(_text(v)),
    "badges": lambda v: _parse_badges(_text(v)),
    "disciplines": lambda v: _parse_disciplines(_text(v)),
    "seriously_ill": lambda v: _text(v) or None,
}


def _parse_sex(value):
    text = _text(value)
    if not text:
        return None
    if fold(text) not in SEX:
        raise ValueError("Giới tính ghi Nam hoặc Nữ.")
    return SEX[fold(text)]


PARSERS["sex"] = _parse_sex


def plan_import(filename: str, content: bytes, *, today: date | None = None) -> ImportPlan:
    """Read and check the whole file; say what each row would do. Writes nothing."""
    today = today or timezone.localdate()
    table = read_table(filename, content)
    table = [row for row in table if any(_text(cell) for cell in row)] if table else []
    if not table:
        raise ImportFileError("Tệp không có dữ liệu.")
    mapping, ignored = _header_map(table[0])
    if len(table) - 1 > MAX_ROWS:
        raise ImportFileError(f"Tệp có quá {MAX_ROWS:,} dòng.".replace(",", "."))

    errors: list[RowError] = []
    parsed: list[tuple[int, dict]] = []
    for number, cells in enumerate(table[1:], start=2):
        values = {}
        for index, key in mapping.items():
            raw = cells[index] if index < len(cells) else None
            try:
                values[key] = PARSERS[key](raw)
            except ValueError as error:
                errors.append(RowError(number, HEADER_OF[key], _text(raw), str(error)))
        for header in REQUIRED:
            blank = COLUMNS[header] in values and not values[COLUMNS[header]]
            if blank and not any(e.row == number and e.column == header for e in errors):
                errors.append(RowError(number, header, "", f"Thiếu {header.lower()}."))
        parsed.append((number, values))

    _check_repeats_in_file(parsed, errors)
    cells = {
        cell.name.casefold(): cell
        for cell in Organisation.objects.filter(kind=Organisation.Kind.CELL)
    }
    existing = _existing_members(parsed)
    rows, new_cells = [], []
    for number, values in parsed:
        if any(error.row == number for error in errors):
            rows.append(
                RowPlan(number, values.get("full_name") or "", values.get("cell") or "", "error")
            )
            continue
        cell_name = values["cell"]
        if cell_name.casefold() not in cells and cell_name not in new_cells:
            new_cells.append(cell_name)
        member = _match(values, existing)
        plan = RowPlan(number, values["full_name"], cell_name, member=member, values=values)
        try:
            if member is None:
                _plan_create(plan, values, cells.get(cell_name.casefold()), today)
            else:
                _plan_update(plan, member, values, cells.get(cell_name.casefold()), today)
        except _RowProblem as problem:
            errors.append(RowError(number, problem.column, problem.value, problem.message))
            plan.action = "error"
        rows.append(plan)
    errors.sort(
        key=lambda error: (
            error.row,
            list(COLUMNS).index(error.column) if error.column in COLUMNS else 99,
        )
    )
    return ImportPlan(rows=rows, errors=errors, new_cells=new_cells, ignored_headers=ignored)


class _RowProblem(Exception):
    def __init__(self, column: str, message: str, value: str = ""):
        super().__init__(message)
        self.column, self.message, self.value = column, message, value


def _check_repeats_in_file(parsed, errors) -> None:
    for key, label in (("party_card_number", "Số thẻ đảng viên"), ("citizen_id", "Số CCCD")):
        seen: dict[str, int] = {}
        for number, values in parsed:
            value = values.get(key)
            if not value:
                continue
            if value in seen:
                errors.append(
                    RowError(number, label, value, f"Trùng với dòng {seen[value]} trong tệp.")
                )
            else:
                seen[value] = number


def _existing_members(parsed) -> dict[tuple[str, str], Member]:
    cards = {v["party_card_number"] for _, v in parsed if v.get("party_card_number")}
    ids = {v["citizen_id"] for _, v in parsed if v.get("citizen_id")}
    found = {}
    members = Member.objects.filter(party_card_number__in=cards) | Member.objects.filter(
        citizen_id__in=ids
    )
    for member in members.select_related("cell").prefetch_related(
        "events", "interruptions", "badges", "disciplines"
    ):
        if member.party_card_number:
            found[("card", member.party_card_number)] = member
        if member.citizen_id:
            found[("cccd", member.citizen_id)] = member
    return found


def _match(values, existing) -> Member | None:
    """Same card number, else same CCCD (§8)."""
    if values.get("party_card_number") and ("card", values["party_card_number"]) in existing:
        return existing[("card", values["party_card_number"])]
    if values.get("citizen_id"):
        return existing.get(("cccd", values["citizen_id"]))
    return None


def _check_dates(values, today, official_date=None) -> None:
    errors = check_member_dates(
        date_of_birth=values.get("date_of_birth"),
        admission_date=values["admission_date"],
        official_date=official_date if official_date is not None else values.get("official_date"),
        today=today,
    )
    for key, message in errors.items():
        raise _RowProblem(HEADER_OF[key], message)
    death = values.get("death_date")
    if death:
        if death > today:
            raise _RowProblem("Ngày từ trần", "Ngày từ trần không được ở tương lai.")
        if values.get("date_of_birth") and death < values["date_of_birth"]:
            raise _RowProblem("Ngày từ trần", "Ngày từ trần trước ngày sinh.")


def _check_facts(facts, admission_date, official_before=None) -> None:
    try:
        replay(facts, admission_date=admission_date, official_before_facts=official_before)
    except RuleError as error:
        column = "Ngày từ trần" if "từ trần" in str(error) else "Ngày chính thức"
        raise _RowProblem(column, str(error)) from error


def _check_intervals(intervals, admission_date, today) -> None:
    try:
        check_interruptions(intervals, admission_date=admission_date, today=today)
    except RuleError as error:
        raise _RowProblem("Thời gian gián đoạn", str(error)) from error


def _plan_create(plan: RowPlan, values: dict, cell, today: date) -> None:
    if not values.get("sex"):
        raise _RowProblem("Giới tính", "Cần ghi giới tính (Nam/Nữ) để thêm đảng viên mới.")
    _check_dates(values, today)
    cell_id = cell.pk if cell else 0
    facts = [Fact(Kind.ADMITTED, values["admission_date"], cell_id)]
    if values.get("official_date"):
        facts.append(Fact(Kind.MADE_OFFICIAL, values["official_date"], cell_id))
    if values.get("death_date"):
        facts.append(Fact(Kind.DIED, values["death_date"], cell_id))
    _check_facts(facts, values["admission_date"])
    _check_intervals(values.get("interruptions") or [], values["admission_date"], today)
    for _form, day in values.get("disciplines") or []:
        if day < values["admission_date"] or day > today:
            raise _RowProblem(
                "Kỷ luật", f"Ngày kỷ luật {day:%d/%m/%Y} ngoài thời gian là đảng viên."
            )
    plan.action = "create"


def _plan_update(plan: RowPlan, member: Member, values: dict, cell, today: date) -> None:
    changes = []
    for key in RECORD_FIELDS:
        value = values.get(key)
        if value is not None and value != getattr(member, key):
            changes.append(HEADER_OF[key])
    merged = {
        key: values.get(key) if values.get(key) is not None else getattr(member, key)
        for key in RECORD_FIELDS
    }
    _check_dates(
        {**merged, "death_date": values.get("death_date")},
        today,
        official_date=member.official_date,
    )
    if cell is None or cell.pk != member.cell_id:
        raise _RowProblem(
            "Chi bộ",
            f"Đảng viên đang sinh hoạt ở {member.cell.name}: chuyển chi bộ trên trang đảng viên, không qua tệp nhập.",
            plan.cell_name,
        )
    facts = [Fact(e.kind, e.date, e.cell_id, e.pk) for e in member.events.all()]
    official = values.get("official_date")
    if official and official != member.official_date:
        if member.official_date:
            raise _RowProblem(
                "Ngày chính thức",
                f"Khác ngày chính thức trong hồ sơ ({member.official_date:%d/%m/%Y}): sửa trên trang đảng viên.",
            )
        facts.append(Fact(Kind.MADE_OFFICIAL, official, member.cell_id, 2**62))
        changes.append("Ngày chính thức")
    death = values.get("death_date")
    if death and death != member.death_date:
        if member.death_date:
            raise _RowProblem(
                "Ngày từ trần",
                f"Khác ngày từ trần trong hồ sơ ({member.death_date:%d/%m/%Y}): sửa trên trang đảng viên.",
            )
        facts.append(Fact(Kind.DIED, death, member.cell_id, 2**62 + 1))
        changes.append("Ngày từ trần")
    official_before = (
        None if any(f.kind == Kind.MADE_OFFICIAL for f in facts) else member.official_date
    )
    _check_facts(facts, merged["admission_date"], official_before)
    known = {Interval(i.start, i.end) for i in member.interruptions.all()}
    new_intervals = [i for i in values.get("interruptions") or [] if i not in known]
    _check_intervals([*known, *new_intervals], merged["admission_date"], today)
    if new_intervals:
        changes.append("Thời gian gián đoạn")
    held = {b.milestone for b in member.badges.all()}
    if any(m not in held for m in values.get("badges") or []):
        changes.append("Huy hiệu đã nhận")
    recorded = {(d.form, d.decision_date) for d in member.disciplines.all()}
    if any(d not in recorded for d in values.get("disciplines") or []):
        changes.append("Kỷ luật")
    if values.get("seriously_ill") and not member.seriously_ill:
        changes.append("Bệnh nặng")
    plan.action = "update" if changes else "unchanged"
    plan.changes = changes


# --- committing ----------------------------------------------------------------------------


@transaction.atomic
def commit_import(plan: ImportPlan, *, user=None, today: date | None = None) -> dict[str, int]:
    """Carry out a plan with no errors, in one transaction; returns the counts."""
    if not plan.ok:
        raise ValidationError("Tệp còn dòng lỗi: không nhập dòng nào.")
    today = today or timezone.localdate()
    cells = {
        cell.name.casefold(): cell
        for cell in Organisation.objects.filter(kind=Organisation.Kind.CELL)
    }
    for name in plan.new_cells:
        cells[name.casefold()] = services.cell_create(name=name, user=user)
    _create_all([row for row in plan.rows if row.action == "create"], cells, user)
    for row in plan.rows:
        if row.action == "update":
            _update(row, user, today)
    versions.bump()  # the bulk creates send no signals
    return {
        "created": plan.count("create"),
        "updated": plan.count("update"),
        "unchanged": plan.count("unchanged"),
        "new_cells": len(plan.new_cells),
    }


def _ill_values(values: dict) -> dict:
    text = values.get("seriously_ill")
    if not text:
        return {}
    return {
        "seriously_ill": True,
        "seriously_ill_reason": text if len(text) > 3 else ILL_DEFAULT_REASON,
    }


def _create_all(rows: list[RowPlan], cells: dict, user) -> None:
    """New members in bulk, so a file of thousands imports in seconds: the planning already
    checked every row; each member's facts are replayed by the same rule as in the services
    (`members.rules.replay`), and every row gets its audit history, by the importing user."""
    members, facts, details = [], [], []
    for row in rows:
        values = row.values
        cell = cells[row.cell_name.casefold()]
        record = {key: values[key] for key in RECORD_FIELDS if values.get(key) is not None}
        member = Member(**record, **_ill_values(values), cell=cell, version=1)
        member_facts = [Fact(Kind.ADMITTED, values["admission_date"], cell.pk)]
        if values.get("official_date"):
            member_facts.append(Fact(Kind.MADE_OFFICIAL, values["official_date"], cell.pk))
        if values.get("death_date"):
            member_facts.append(Fact(Kind.DIED, values["death_date"], cell.pk))
        state = replay(member_facts, admission_date=member.admission_date)
        member.status, member.official_date = state.status, state.official_date
        member.death_date, member.left_rolls_on = state.death_date, state.left_rolls_on
        member.interrupted_days = sum(
            interval.days for interval in values.get("interruptions") or []
        )
        member.highest_badge = max(values.get("badges") or [0])
        member.fill_derived_fields()
        members.append(member)
        facts.append(member_facts)
        details.append(values)
    members = bulk_create_with_history(members, Member, batch_size=1000, default_user=user)
    history = {"batch_size": 1000, "default_user": user}
    bulk_create_with_history(
        [
            MembershipEvent(
                member=member, kind=fact.kind, date=fact.date, cell_id=fact.cell_id, created_by=user
            )
            for member, member_facts in zip(members, facts, strict=True)
            for fact in member_facts
        ],
        MembershipEvent,
        **history,
    )
    bulk_create_with_history(
        [
            Interruption(
                member=member,
                start=i.start,
                end=i.end,
                reason=Interruption.Reason.OTHER,
                note="Nhập từ tệp",
            )
            for member, values in zip(members, details, strict=True)
            for i in values.get("interruptions") or []
        ],
        Interruption,
        **history,
    )
    bulk_create_with_history(
        [
            Badge(member=member, milestone=milestone, note="Nhập từ tệp")
            for member, values in zip(members, details, strict=True)
            for milestone in values.get("badges") or []
        ],
        Badge,
        **history,
    )
    bulk_create_with_history(
        [
            Discipline(member=member, form=form, decision_date=day)
            for member, values in zip(members, details, strict=True)
            for form, day in values.get("disciplines") or []
        ],
        Discipline,
        **history,
    )


def _update(row: RowPlan, user, today) -> None:
    member, values = row.member, row.values
    record = {key: values[key] for key in RECORD_FIELDS if values.get(key) is not None}
    record |= _ill_values(values) if not member.seriously_ill else {}
    member = services.member_update(
        member=member, values=record, expected_version=member.version, user=user, today=today
    )
    if values.get("official_date") and member.official_date is None:
        services.fact_record(
            member=member,
            kind=Kind.MADE_OFFICIAL,
            day=values["official_date"],
            user=user,
            today=today,
        )
    _add_details(member, values, user, today)


def _add_details(member: Member, values: dict, user, today) -> None:
    if (
        values.get("death_date")
        and not Member.objects.filter(pk=member.pk, death_date__isnull=False).exists()
    ):
        services.fact_record(
            member=member, kind=Kind.DIED, day=values["death_date"], user=user, today=today
        )
    known = {(i.start, i.end) for i in Interruption.objects.filter(member=member)}
    for interval in values.get("interruptions") or []:
        if (interval.start, interval.end) not in known:
            services.interruption_add(
                member=member,
                start=interval.start,
                end=interval.end,
                reason=Interruption.Reason.OTHER,
                note="Nhập từ tệp",
                user=user,
                today=today,
            )
    held = set(Badge.objects.filter(member=member).values_list("milestone", flat=True))
    for milestone in values.get("badges") or []:
        if milestone not in held:
            services.badge_record(member=member, milestone=milestone, note="Nhập từ tệp", user=user)
    recorded = set(Discipline.objects.filter(member=member).values_list("form", "decision_date"))
    for form, day in values.get("disciplines") or []:
        if (form, day) not in recorded:
            services.discipline_record(
                member=member, form=form, decision_date=day, user=user, today=today
            )
