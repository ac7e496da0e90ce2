"""Checking a members file and planning what each row would do: writes nothing."""

from dataclasses import dataclass, field
from datetime import date

from members.enums import EventKind, OrganisationKind
from members.imports.columns import (
    COLUMNS,
    HEADER_OF,
    PARSERS,
    RECORD_FIELDS,
    REQUIRED,
    cell_text,
    header_map,
)
from members.models import Member, Organisation
from members.party_age import Interval
from members.rules import Fact, RuleError, check_interruptions, check_member_dates, replay
from vusta_party import clock
from vusta_party.spreadsheets import MAX_ROWS, SpreadsheetError, read_table

Kind = EventKind


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


def plan_import(filename: str, content: bytes, *, today: date | None = None) -> ImportPlan:
    """Read and check the whole file; say what each row would do. Writes nothing."""
    today = today or clock.today()
    table = read_table(filename, content)
    table = [row for row in table if any(cell_text(cell) for cell in row)] if table else []
    if not table:
        raise SpreadsheetError("Tệp không có dữ liệu.")
    mapping, ignored = header_map(table[0])
    if len(table) - 1 > MAX_ROWS:
        raise SpreadsheetError(f"Tệp có quá {MAX_ROWS:,} dòng.".replace(",", "."))

    errors: list[RowError] = []
    parsed: list[tuple[int, dict]] = []
    for number, cells in enumerate(table[1:], start=2):
        values = {}
        for index, key in mapping.items():
            raw = cells[index] if index < len(cells) else None
            try:
                values[key] = PARSERS[key](raw)
            except ValueError as error:
                errors.append(RowError(number, HEADER_OF[key], cell_text(raw), str(error)))
        for header in REQUIRED:
            blank = COLUMNS[header] in values and not values[COLUMNS[header]]
            if blank and not any(e.row == number and e.column == header for e in errors):
                errors.append(RowError(number, header, "", f"Thiếu {header.lower()}."))
        parsed.append((number, values))

    _check_repeats_in_file(parsed, errors)
    cells = {
        cell.name.casefold(): cell
        for cell in Organisation.objects.filter(kind=OrganisationKind.CELL)
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
