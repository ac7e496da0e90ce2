"""Checking a members file and planning what each row would do: writes nothing.

Every check the commit's services would make is made here first, on the whole file, so that
`--dry-run`, the preview and the import always agree: a row that would clash on commit (a card
or CCCD held by another member, one member on two rows) is an invalid row like any other.

Linear in the rows: the register is read in a fixed number of queries (the cells; the identity
of every member; the whole records of the members the file matches, in chunks), and each row is
checked once, against dictionaries.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from members.enums import EventKind, OrganisationKind
from members.imports.columns import (
    COLUMN_OF_FACT,
    COLUMN_ORDER,
    COLUMNS,
    HEADER_OF,
    RECORD_FIELDS,
    REQUIRED,
    cell_text,
    header_map,
    is_blank,
    parsers,
)
from members.milestones import KnownMilestones
from members.models import (
    Badge,
    Discipline,
    Interruption,
    Member,
    MembershipEvent,
    Organisation,
)
from members.party_age import Interval
from members.rules import (
    Fact,
    RuleError,
    check_interruptions,
    check_member_dates,
    entry_facts,
    first_entry,
    replay,
    with_admission_date,
    with_transfer_in,
)
from vusta_party import clock
from vusta_party.spreadsheets import SpreadsheetError, read_table
from vusta_party.text import fold, name_key

Kind = EventKind
CHUNK = 5000  # members read per query (far below any database's limit of parameters)
NEW_FACT_KEY = 2**62  # facts a row adds sort after the member's own facts of the same day
ACTIONS = ("create", "update", "unchanged", "error")


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
    action: str = "create"  # create, update, unchanged, error
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
        return self.counts()[action]

    def counts(self) -> dict[str, int]:
        found = Counter(row.action for row in self.rows)
        return {action: found[action] for action in ACTIONS}


class _RowProblem(Exception):
    def __init__(self, column: str, message: str):
        super().__init__(message)
        self.column, self.message = column, message


def _d(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def plan_import(
    filename: str, content: bytes, *, milestones: KnownMilestones, today: date | None = None
) -> ImportPlan:
    """Read and check the whole file; say what each row would do. Writes nothing.

    `milestones`: every milestone a badge held may be (ceremonies.milestones.known_milestones)."""
    today = today or clock.today()
    table = read_table(filename, content)
    header = next((index for index, row in enumerate(table) if not is_blank(row)), None)
    if header is None:
        raise SpreadsheetError("Tệp không có dữ liệu.")
    mapping, ignored = header_map(table[header])
    planner = _Planner(mapping, today)
    read = parsers(milestones)
    # Row numbers are the spreadsheet's: a blank row is skipped but still counted.
    for number, cells in enumerate(table[header + 1 :], start=header + 2):
        if not is_blank(cells):
            planner.read_row(number, cells, read)
    planner.check_repeats()
    planner.match()
    planner.read_cells()
    rows = [planner.plan_row(number) for number in planner.numbers]
    errors = sorted(
        (error for found in planner.errors.values() for error in found),
        key=lambda error: (error.row, COLUMN_ORDER.get(error.column, len(COLUMNS))),
    )
    return ImportPlan(
        rows=rows,
        errors=errors,
        new_cells=list(planner.new_cells.values()),
        ignored_headers=ignored,
    )


class _Planner:
    """The rows of one file on their way to a plan."""

    def __init__(self, mapping: dict[int, str], today: date):
        self.mapping, self.today = mapping, today
        self.index_of = {key: index for index, key in mapping.items()}
        self.numbers: list[int] = []
        self.values: dict[int, dict] = {}
        self.cells: dict[int, list] = {}
        self.errors: dict[int, list[RowError]] = defaultdict(list)
        self.matched: dict[int, tuple[int, str]] = {}  # row -> (member id, column matched by)
        self.members: dict[int, Member] = {}
        self.new_cells: dict[str, str] = {}  # name key -> the name as first written

    # --- reading --------------------------------------------------------------------------

    def add_error(self, number: int, column: str, message: str, value: str | None = None):
        if value is None:
            key = COLUMNS.get(column)
            index = self.index_of.get(key)
            cells = self.cells[number]
            value = cell_text(cells[index]) if index is not None and index < len(cells) else ""
        self.errors[number].append(RowError(number, column, value, message))

    def read_row(self, number: int, cells: list, read: dict) -> None:
        self.numbers.append(number)
        self.cells[number] = cells
        values = {}
        for index, key in self.mapping.items():
            raw = cells[index] if index < len(cells) else None
            try:
                values[key] = read[key](raw)
            except ValueError as error:
                self.add_error(number, HEADER_OF[key], str(error), cell_text(raw))
        failed = {error.column for error in self.errors.get(number, ())}
        for header in REQUIRED:
            if values.get(COLUMNS[header]) is None and header not in failed:
                self.add_error(number, header, f"Thiếu {header[0].lower()}{header[1:]}.", "")
        self.values[number] = values

    def check_repeats(self) -> None:
        """A card number or a CCCD on two rows of the file."""
        for key, label in (("party_card_number", "Số thẻ đảng viên"), ("citizen_id", "Số CCCD")):
            seen: dict[str, int] = {}
            for number in self.numbers:
                value = self.values[number].get(key)
                if not value:
                    continue
                if value in seen:
                    self.add_error(number, label, f"Trùng với dòng {seen[value]} trong tệp.", value)
                else:
                    seen[value] = number

    # --- matching rows to members (§8) ----------------------------------------------------

    def match(self) -> None:
        """Each valid row's member: same card number, else same CCCD, else the same folded name,
        date of birth and admission date. One member on two rows, a card of one member with the
        CCCD of another, or a name that fits several members are errors of the row."""
        cards, citizen_ids, names = {}, {}, {}
        by_dates: dict[tuple, list[int]] = defaultdict(list)
        for pk, card, citizen_id, full_name, born, admitted in Member.objects.values_list(
            "pk", "party_card_number", "citizen_id", "full_name", "date_of_birth", "admission_date"
        ):
            if card:
                cards[card] = pk
            if citizen_id:
                citizen_ids[citizen_id] = pk
            names[pk] = full_name
            by_dates[(born, admitted)].append(pk)
        folded: dict[int, str] = {}
        first_row_of_member: dict[int, int] = {}
        first_row_of_person: dict[tuple, int] = {}
        for number in self.numbers:
            if self.errors.get(number):
                continue
            values = self.values[number]
            card, citizen_id = values.get("party_card_number"), values.get("citizen_id")
            person = (
                fold(values["full_name"]),
                values.get("date_of_birth"),
                values["admission_date"],
            )
            if card and card in cards:
                pk, column = cards[card], "Số thẻ đảng viên"
                other = citizen_ids.get(citizen_id) if citizen_id else None
                if other is not None and other != pk:
                    self.add_error(
                        number,
                        "Số CCCD",
                        f"Số CCCD {citizen_id} là của đảng viên {names[other]}, còn số thẻ "
                        f"{card} là của đảng viên {names[pk]}.",
                    )
                    continue
            elif citizen_id and citizen_id in citizen_ids:
                pk, column = citizen_ids[citizen_id], "Số CCCD"
            else:
                same = []
                for candidate in by_dates.get(person[1:], ()):
                    if candidate not in folded:
                        folded[candidate] = fold(names[candidate])
                    if folded[candidate] == person[0]:
                        same.append(candidate)
                if len(same) > 1:
                    self.add_error(
                        number,
                        "Họ và tên",
                        f"Có {len(same)} đảng viên cùng họ tên, ngày sinh và ngày vào Đảng trong "
                        "sổ: ghi số thẻ đảng viên hoặc số CCCD để chỉ rõ người nào.",
                    )
                    continue
                if not same:
                    if person in first_row_of_person:
                        self.add_error(
                            number,
                            "Họ và tên",
                            "Trùng họ tên, ngày sinh và ngày vào Đảng với dòng "
                            f"{first_row_of_person[person]} trong tệp.",
                        )
                    else:
                        first_row_of_person[person] = number
                    continue
                pk, column = same[0], "Họ và tên"
            if pk in first_row_of_member:
                self.add_error(
                    number,
                    column,
                    f"Đảng viên {names[pk]} đã có ở dòng {first_row_of_member[pk]} của tệp.",
                )
                continue
            first_row_of_member[pk] = number
            self.matched[number] = (pk, column)
        self._read_members(sorted(pk for pk, _column in self.matched.values()))

    def _read_members(self, pks: list[int]) -> None:
        """The matched members, and their facts as plain values (one query per kind of fact
        and chunk: model instances for 100,000 members' facts would take minutes)."""
        self.facts: dict[int, list[Fact]] = defaultdict(list)
        self.intervals: dict[int, set[Interval]] = defaultdict(set)
        self.held: dict[int, set[int]] = defaultdict(set)
        self.recorded: dict[int, set[tuple]] = defaultdict(set)
        for start in range(0, len(pks), CHUNK):
            chunk = pks[start : start + CHUNK]
            for member in Member.objects.filter(pk__in=chunk).select_related("cell"):
                self.members[member.pk] = member
            for pk, member_id, kind, day, cell_id in MembershipEvent.objects.filter(
                member_id__in=chunk
            ).values_list("pk", "member_id", "kind", "date", "cell_id"):
                self.facts[member_id].append(Fact(kind, day, cell_id, pk))
            for member_id, begin, end in Interruption.objects.filter(
                member_id__in=chunk
            ).values_list("member_id", "start", "end"):
                self.intervals[member_id].add(Interval(begin, end))
            for member_id, milestone in Badge.objects.filter(member_id__in=chunk).values_list(
                "member_id", "milestone"
            ):
                self.held[member_id].add(milestone)
            for member_id, form, day in Discipline.objects.filter(member_id__in=chunk).values_list(
                "member_id", "form", "decision_date"
            ):
                self.recorded[member_id].add((form, day))

    def read_cells(self) -> None:
        self.live_cells: dict[str, Organisation] = {}
        self.ended_cells: dict[str, Organisation] = {}
        for cell in (
            Organisation.objects.filter(kind=OrganisationKind.CELL)
            .select_related("merged_into")
            .order_by("ended_on")
        ):
            if cell.ended_on is None:
                self.live_cells[cell.name_key] = cell
            else:
                self.ended_cells[cell.name_key] = cell  # the latest ended one of a name

    # --- planning each row ----------------------------------------------------------------

    def plan_row(self, number: int) -> RowPlan:
        values = self.values[number]
        plan = RowPlan(number, values.get("full_name") or "", values.get("cell") or "", "error")
        if self.errors.get(number):
            return plan
        matched = self.matched.get(number)
        member = self.members[matched[0]] if matched else None
        plan.member, plan.values = member, values
        try:
            if member is None:
                self._plan_create(plan, values)
            else:
                self._plan_update(plan, member, values)
        except _RowProblem as problem:
            self.add_error(number, problem.column, problem.message)
            plan.action = "error"
        return plan

    def _plan_create(self, plan: RowPlan, values: dict) -> None:
        today = self.today
        _check_dates(values, today)
        admitted, entry_date = values["admission_date"], values.get("entry_date")
        if entry_date and entry_date > today:
            raise _RowProblem(
                "Ngày chuyển đến", f"Ngày chuyển đến ({_d(entry_date)}) không được ở tương lai."
            )
        key = name_key(values["cell"])
        cell = self.live_cells.get(key)
        if cell is None and key in self.ended_cells:
            refusal = self.ended_cells[key].refusal_on(self.ended_cells[key].ended_on)
            raise _RowProblem("Chi bộ", f"{refusal} Ghi chi bộ đảng viên đang sinh hoạt.")
        if cell is not None and (refusal := cell.refusal_on(entry_date or admitted)):
            raise _RowProblem("Chi bộ", refusal)
        cell_id = cell.pk if cell else 0
        facts, official_before = entry_facts(
            entry=Kind.TRANSFERRED_IN if entry_date else Kind.ADMITTED,
            entry_date=entry_date or admitted,
            official_date=values.get("official_date"),
            cell_id=cell_id,
        )
        if values.get("death_date"):
            facts.append(Fact(Kind.DIED, values["death_date"], cell_id))
        _check_facts(facts, set(facts), admitted, official_before)
        intervals = values.get("interruptions") or []
        _check_intervals(intervals, set(intervals), admitted, today)
        _check_disciplines(values, admitted, values.get("death_date"), today)
        if cell is None:
            self.new_cells.setdefault(key, values["cell"])
        plan.action = "create"

    def _plan_update(self, plan: RowPlan, member: Member, values: dict) -> None:
        today = self.today
        changes = [
            HEADER_OF[key]
            for key in RECORD_FIELDS
            if values.get(key) is not None and values[key] != getattr(member, key)
        ]
        merged = {
            key: values[key] if values.get(key) is not None else getattr(member, key)
            for key in RECORD_FIELDS
        }
        official, death = values.get("official_date"), values.get("death_date")
        admission_changed = merged["admission_date"] != member.admission_date
        born_changed = merged["date_of_birth"] != member.date_of_birth

        def column_at_fault(key: str) -> str:
            """The record's dates clash: the fault is the date the row changes."""
            if key == "official_date" and admission_changed and member.official_date:
                return "Ngày vào Đảng"
            if key == "admission_date" and born_changed and not admission_changed:
                return "Ngày sinh"
            return HEADER_OF[key]

        _check_dates(
            {
                **merged,
                "official_date": member.official_date or official,
                "death_date": member.death_date or death,
            },
            today,
            column_at_fault,
        )
        if name_key(values["cell"]) != member.cell.name_key:
            raise _RowProblem(
                "Chi bộ",
                f"Đảng viên đang sinh hoạt ở {member.cell.name}: chuyển chi bộ trên trang đảng "
                "viên, không qua tệp nhập.",
            )
        facts = with_admission_date(self.facts[member.pk], merged["admission_date"])
        added = []  # the facts the row states
        culprit = "Ngày vào Đảng"  # the column at fault when a fact of the member's is refused
        entry, entry_date = first_entry(facts), values.get("entry_date")
        if entry_date and (entry.kind, entry.date) != (Kind.TRANSFERRED_IN, entry_date):
            # The member came by transfer (a register first imported without the column).
            if entry_date > today:
                raise _RowProblem(
                    "Ngày chuyển đến",
                    f"Ngày chuyển đến ({_d(entry_date)}) không được ở tương lai.",
                )
            transferred, _official_before = with_transfer_in(
                facts,
                entry_date=entry_date,
                official_date=member.official_date,
                key=NEW_FACT_KEY + 2,
            )
            facts, added = transferred[1:], [transferred[0]]
            changes.append("Ngày chuyển đến")
            culprit = "Ngày chuyển đến"
        if official and official != member.official_date:
            if member.official_date:
                raise _RowProblem(
                    "Ngày chính thức",
                    f"Khác ngày chính thức trong hồ sơ ({_d(member.official_date)}): sửa trên "
                    "trang đảng viên.",
                )
            added.append(Fact(Kind.MADE_OFFICIAL, official, member.cell_id, NEW_FACT_KEY))
            changes.append("Ngày chính thức")
        if death and death != member.death_date:
            if member.death_date:
                raise _RowProblem(
                    "Ngày từ trần",
                    f"Khác ngày từ trần trong hồ sơ ({_d(member.death_date)}): sửa trên trang "
                    "đảng viên.",
                )
            added.append(Fact(Kind.DIED, death, member.cell_id, NEW_FACT_KEY + 1))
            changes.append("Ngày từ trần")
        facts += added
        official_before = (
            None if any(f.kind == Kind.MADE_OFFICIAL for f in facts) else member.official_date
        )
        _check_facts(facts, set(added), merged["admission_date"], official_before, culprit)
        known = self.intervals[member.pk]
        new_intervals = [i for i in values.get("interruptions") or [] if i not in known]
        _check_intervals(
            [*known, *new_intervals], set(new_intervals), merged["admission_date"], today
        )
        if new_intervals:
            changes.append("Thời gian gián đoạn")
        held = self.held[member.pk]
        if any(m not in held for m in values.get("badges") or []):
            changes.append("Huy hiệu đã nhận")
        recorded = self.recorded[member.pk]
        new_disciplines = [d for d in values.get("disciplines") or [] if d not in recorded]
        _check_disciplines(
            {"disciplines": new_disciplines},
            merged["admission_date"],
            member.death_date or death,
            today,
        )
        if new_disciplines:
            changes.append("Kỷ luật")
        if values.get("seriously_ill") and not member.seriously_ill:
            changes.append("Bệnh nặng")
        plan.action = "update" if changes else "unchanged"
        plan.changes = changes


def _check_dates(values: dict, today: date, column_of=HEADER_OF.__getitem__) -> None:
    """The record's own dates (the rule of the member form and services) and the death date."""
    errors = check_member_dates(
        date_of_birth=values.get("date_of_birth"),
        admission_date=values["admission_date"],
        official_date=values.get("official_date"),
        today=today,
    )
    for key, message in errors.items():
        raise _RowProblem(column_of(key), message)
    death = values.get("death_date")
    if death:
        if death > today:
            raise _RowProblem("Ngày từ trần", f"Ngày từ trần ({_d(death)}) không được ở tương lai.")
        if values.get("date_of_birth") and death < values["date_of_birth"]:
            raise _RowProblem("Ngày từ trần", "Ngày từ trần trước ngày sinh.")


def _check_facts(
    facts, added: set, admission_date: date, official_before, culprit: str = "Ngày vào Đảng"
) -> None:
    """The member's facts with the row's, by the rules of the services; a refusal is reported
    under the column of the row's fact at fault, else under `culprit` (a member's own fact no
    longer fits the admission or transfer date the row corrects)."""
    try:
        replay(facts, admission_date=admission_date, official_before_facts=official_before)
    except RuleError as error:
        blamed = error.after if error.after in added else error.fact
        column = COLUMN_OF_FACT[blamed.kind] if blamed in added else culprit
        raise _RowProblem(column, str(error)) from error


def _check_intervals(intervals, added: set, admission_date: date, today: date) -> None:
    """A refusal of an interruption the row adds is reported under its column; of one already
    recorded, under "Ngày vào Đảng" (the admission date the row corrects no longer fits it)."""
    try:
        check_interruptions(intervals, admission_date=admission_date, today=today)
    except RuleError as error:
        column = "Thời gian gián đoạn" if error.interval in added else "Ngày vào Đảng"
        raise _RowProblem(column, str(error)) from error


def _check_disciplines(values: dict, admission_date: date, death: date | None, today: date):
    """The checks of the discipline service, for each discipline the row adds."""
    for _form, day in values.get("disciplines") or []:
        if day > today:
            message = f"Ngày quyết định kỷ luật {_d(day)} ở tương lai."
        elif day < admission_date:
            message = (
                f"Ngày quyết định kỷ luật {_d(day)} trước ngày vào Đảng ({_d(admission_date)})."
            )
        elif death and day > death:
            message = f"Ngày quyết định kỷ luật {_d(day)} sau ngày từ trần ({_d(death)})."
        else:
            continue
        raise _RowProblem("Kỷ luật", message)
