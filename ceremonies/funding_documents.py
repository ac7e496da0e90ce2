"""The funding as a party document (DOMAIN.md §4b, §6) and as a workbook: one data function per
document, the same rows for the PDF, the page and the sheet."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from openpyxl.styles import Font

from ceremonies.funding import Estimate, FundingLine, Settlement
from vusta_party.documents import PartyDocument, party_document
from vusta_party.exports import PDF, Export
from vusta_party.money import amount_in_words, format_money, format_number
from vusta_party.pdf import render_pdf
from vusta_party.spreadsheets import append_row, new_workbook, xlsx_export

ESTIMATE, SETTLEMENT = "du-toan", "quyet-toan"
KINDS = (ESTIMATE, SETTLEMENT)
RECIPIENTS = ("Ban Thường vụ cấp ủy cấp trên (để báo cáo)", "Lưu Văn phòng Đảng ủy")
COLUMNS = (
    "STT",
    "Huy hiệu",
    "Số đảng viên",
    "Hệ số",
    "Lương cơ sở (đồng)",
    "Mức thưởng (đồng/người)",
    "Thành tiền (đồng)",
)
NO_RATE = "chưa có"
EARLY_HEADING = "Trường hợp đề nghị tặng sớm (bệnh nặng), tính riêng"


def _d(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _n(value: int | Decimal | None) -> str:
    return NO_RATE if value is None else format_number(value)


@dataclass(frozen=True)
class Row:
    """One printed line: a milestone of a round, or the total of a round (`subtotal`)."""

    number: str
    label: str
    count: int
    coefficient: str
    base_salary: str
    amount: str
    total: str
    subtotal: bool = False
    # coefficient, base salary, amount, total as numbers, for the workbook (None: none)
    values: tuple = (None, None, None, None)


@dataclass(frozen=True)
class Group:
    title: str  # "Đợt 03/02/2026 – Kỷ niệm ngày thành lập Đảng (3/2)"
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Sum:
    count: int
    total: int

    @property
    def money(self) -> str:
        return format_money(self.total)

    @property
    def number(self) -> str:
        return format_number(self.total)

    @property
    def words(self) -> str:
        return amount_in_words(self.total)


@dataclass(frozen=True)
class FundingDocument:
    doc: PartyDocument
    kind: str  # ESTIMATE or SETTLEMENT
    label: str  # "năm 2026"
    intro: str
    groups: tuple[Group, ...]
    total: Sum
    early_groups: tuple[Group, ...]  # the estimate's early cases, apart
    early: Sum
    overall: Sum  # the estimate with its early cases; the settlement's total
    notes: tuple[str, ...]
    by_milestone: tuple[tuple[int, int, int], ...] = ()  # (milestone, badges, money)

    @property
    def by_milestone_text(self) -> str:
        """ "55 năm: 1 Huy hiệu, 8.855.000 đ; 30 năm: 3 Huy hiệu, 10.815.000 đ"."""
        return "; ".join(
            f"{m} năm: {n} Huy hiệu, {format_money(total)}" for m, n, total in self.by_milestone
        )

    early_heading = EARLY_HEADING

    @property
    def total_sentence(self) -> str:
        return f"Tổng cộng: {self.total.count} Huy hiệu, {self.total.money} (bằng chữ: {self.total.words})."

    @property
    def early_sentence(self) -> str:
        return (
            f"Cộng tặng sớm: {self.early.count} Huy hiệu, {self.early.money} "
            f"(bằng chữ: {self.early.words})."
        )

    @property
    def overall_sentence(self) -> tuple[str, str]:
        """The total with the early cases: (the part in bold, the rest)."""
        return (
            f"Tổng kinh phí đề nghị, kể cả tặng sớm: {self.overall.money}",
            f" (bằng chữ: {self.overall.words}).",
        )

    @property
    def subject(self) -> str:
        what = "Dự toán" if self.kind == ESTIMATE else "Quyết toán"
        return f"{what} kinh phí tiền thưởng Huy hiệu Đảng {self.label}"

    @property
    def estimate(self) -> bool:
        return self.kind == ESTIMATE


def _rows(lines: tuple[FundingLine, ...], *, with_early: bool) -> list[Row]:
    rows = []
    for number, line in enumerate(lines, 1):
        label = f"Huy hiệu {line.milestone} năm"
        if with_early and line.early:
            label += f" (trong đó {line.early} tặng sớm)"
        rows.append(
            Row(
                number=str(number),
                label=label,
                count=line.count,
                coefficient=_n(line.coefficient),
                base_salary=_n(line.base_salary),
                amount=_n(line.amount),
                total=_n(line.total),
                values=(line.coefficient, line.base_salary, line.amount, line.total),
            )
        )
    return rows


def _subtotal(title: str, count: int, total: int) -> Row:
    return Row("", title, count, "", "", "", format_number(total), True, (None, None, None, total))


def estimate_document(estimate: Estimate, *, committee: str = "") -> FundingDocument:
    doc = party_document(day=estimate.made_on, type_code="BC", recipients=RECIPIENTS)
    groups, early_groups = [], []
    for r in estimate.rounds:
        title = f"Đợt {_d(r.day)} – {r.occasion}"
        if r.lines:
            groups.append(
                Group(
                    title,
                    (
                        *_rows(r.lines, with_early=False),
                        _subtotal(f"Cộng đợt {_d(r.day)}", r.count, r.total),
                    ),
                )
            )
        if r.early:
            early_groups.append(
                Group(
                    title,
                    (
                        *_rows(r.early, with_early=False),
                        _subtotal(f"Cộng đợt {_d(r.day)}", r.early_count, r.early_total),
                    ),
                )
            )
    notes = [m.text for m in estimate.missing]
    notes += [
        f"Chưa có mức lương cơ sở áp dụng ngày {_d(day)}: đợt này chưa tính tiền thưởng."
        for day in estimate.no_salary
    ]
    notes += [
        f"Mức lương cơ sở {format_money(amount)} chưa đối chiếu văn bản gốc."
        for amount in estimate.unverified_salaries
    ]
    if estimate.passed:
        notes.append(
            "Các đợt đã qua ("
            + ", ".join(_d(day) for day in estimate.passed)
            + ") không tính trong dự toán: xem quyết toán."
        )
    whom = committee or doc.committee_text
    return FundingDocument(
        doc=doc,
        kind=ESTIMATE,
        label=f"năm {estimate.year}",
        intro=(
            f"Căn cứ danh sách đảng viên đến ngày {_d(estimate.made_on)}, số đảng viên đến "
            f"hạn được đề nghị tặng Huy hiệu Đảng tại các đợt năm {estimate.year} và mức tiền "
            f"thưởng kèm theo Huy hiệu (hệ số × mức lương cơ sở áp dụng tại ngày trao tặng), "
            f"{whom} dự toán kinh phí tiền thưởng Huy hiệu Đảng năm {estimate.year} như sau:"
        ),
        groups=tuple(groups),
        total=Sum(estimate.count, estimate.total),
        early_groups=tuple(early_groups),
        early=Sum(estimate.early_count, estimate.early_total),
        overall=Sum(estimate.count + estimate.early_count, estimate.total + estimate.early_total),
        notes=tuple(notes),
        by_milestone=estimate.by_milestone,
    )


def settlement_document(
    settlement: Settlement, *, made_on: date, committee: str = ""
) -> FundingDocument:
    doc = party_document(day=made_on, type_code="BC", recipients=RECIPIENTS)
    groups = tuple(
        Group(
            f"Đợt {_d(r.day)} – {r.decision}",
            (
                *_rows(r.lines, with_early=True),
                _subtotal(f"Cộng đợt {_d(r.day)}", r.count, r.total),
            ),
        )
        for r in settlement.rounds
    )
    notes = []
    if settlement.outside:
        parts = ", ".join(f"{m} năm: {n}" for m, n in settlement.outside)
        notes.append(
            f"Ngoài các đợt trên, {settlement.outside_count} Huy hiệu ({parts}) được ghi nhận "
            "ngoài các đợt tặng của ứng dụng, không có số liệu tiền thưởng."
        )
    whom = committee or doc.committee_text
    total = Sum(settlement.count, settlement.total)
    return FundingDocument(
        doc=doc,
        kind=SETTLEMENT,
        label=settlement.label,
        intro=(
            f"Từ ngày {_d(settlement.start)} đến ngày {_d(settlement.end)}, cấp có thẩm quyền "
            f"đã quyết định tặng Huy hiệu Đảng cho đảng viên của {whom} qua "
            f"{len(settlement.rounds)} đợt; tiền thưởng kèm theo Huy hiệu (theo hệ số và mức "
            "lương cơ sở tại ngày quyết định) như sau:"
        ),
        groups=groups,
        total=total,
        early_groups=(),
        early=Sum(0, 0),
        overall=total,
        notes=tuple(notes),
        by_milestone=settlement.by_milestone,
    )


TEMPLATE = "ceremonies/documents/funding.html"


def funding_pdf(data: FundingDocument, *, stem: str) -> Export:
    return Export(f"{stem}.pdf", PDF, render_pdf(TEMPLATE, {"data": data, "doc": data.doc}))


def funding_xlsx(data: FundingDocument, *, stem: str) -> Export:
    """The same rows as a workbook: numbers as numbers (an empty cell where there is no rate)."""
    workbook = new_workbook()
    sheet = workbook.create_sheet("Dự toán" if data.estimate else "Quyết toán")
    append_row(sheet, [data.subject])
    append_row(sheet, ["Đợt", *COLUMNS[1:]])
    for cell in sheet[2]:
        cell.font = Font(bold=True)

    def write(groups):
        for group in groups:
            for row in group.rows:
                coefficient, salary, amount, total = row.values
                append_row(
                    sheet,
                    [
                        group.title,
                        row.label,
                        row.count,
                        None if coefficient is None else float(coefficient),
                        salary,
                        amount,
                        total,
                    ],
                )
                if row.subtotal:
                    for cell in sheet[sheet.max_row]:
                        cell.font = Font(bold=True)

    write(data.groups)
    append_row(sheet, ["Tổng cộng", "", data.total.count, None, None, None, data.total.total])
    if data.early_groups:
        append_row(sheet, ["Trường hợp tặng sớm (tính riêng)"])
        write(data.early_groups)
        append_row(
            sheet, ["Cộng tặng sớm", "", data.early.count, None, None, None, data.early.total]
        )
        append_row(
            sheet,
            ["Tổng kinh phí", "", data.overall.count, None, None, None, data.overall.total],
        )
    for note in data.notes:
        append_row(sheet, [note])
    return xlsx_export(workbook, f"{stem}.xlsx")
