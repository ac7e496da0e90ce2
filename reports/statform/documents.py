"""Biểu 7-BTCTW as printed (PDF, in the party document layout of its date) and as a workbook:
one data function, the same rows in both, the typed rows marked "Nhập tay"."""

from dataclasses import dataclass
from datetime import date

from django.template.loader import render_to_string
from openpyxl.styles import Alignment, Font

from reports.periods import Period
from reports.statform.queries import StatForm, statform
from vusta_party.documents import PartyDocument, party_document
from vusta_party.exports import PDF, Export
from vusta_party.pdf import html_to_pdf
from vusta_party.spreadsheets import append_row, new_workbook, xlsx_export

FORM_CODE = "Biểu số 7-BTCTW"
TITLE = "Thống kê về nghiệp vụ công tác đảng viên"
TYPED_MARK = "Nhập tay"
TYPED_NOTE = (
    "Dòng ghi “Nhập tay”: số liệu ứng dụng không quản lý, do Văn phòng Đảng ủy nhập; "
    "các dòng khác được tính từ sổ đảng viên, khen thưởng và Huy hiệu Đảng."
)
PERCENT_HEADING = "(%) kỳ này so với cùng kỳ năm trước"
NUMBERS = ("1", "2", "3", "4 (= 2 × 100 / 3)")
COMPILER = "Người lập biểu"
COMPILER_HINT = "(Ký, ghi rõ họ và tên; số điện thoại liên hệ)"


def _d(day: date) -> str:
    return day.strftime("%d/%m/%Y")


@dataclass(frozen=True)
class StatFormDocument:
    doc: PartyDocument
    form: StatForm

    @property
    def period_heading(self) -> str:
        """ "Năm 2025", "6 tháng đầu năm 2025", "Từ 01/03/2025 đến 31/05/2025"."""
        label = self.form.period.label
        return label[:1].upper() + label[1:]

    @property
    def periods_line(self) -> str:
        """ "Kỳ này: năm 2025 (từ 01/01/2025 đến 31/12/2025); cùng kỳ năm trước: …"."""
        now, before = self.form.period, self.form.previous
        return (
            f"Kỳ này: {now.label} (từ {_d(now.start)} đến {_d(now.end)}); cùng kỳ năm trước: "
            f"{before.label} (từ {_d(before.start)} đến {_d(before.end)})."
        )


def statform_document(period: Period, *, day: date) -> StatFormDocument:
    """The form of a period, with the header and signer of the committee profile in force on
    `day`, the day it is made."""
    return StatFormDocument(doc=party_document(day=day, type_code="BC"), form=statform(period))


def stem_of(period: Period) -> str:
    return f"bieu-7-btctw-{period.start:%Y%m%d}-{period.end:%Y%m%d}"


def statform_html(document: StatFormDocument) -> str:
    return render_to_string(
        "reports/documents/statform.html",
        {
            "data": document,
            "doc": document.doc,
            "typed_mark": TYPED_MARK,
            "note": TYPED_NOTE,
            "numbers": NUMBERS,
            "compiler": COMPILER,
            "compiler_hint": COMPILER_HINT,
        },
    )


def statform_pdf(document: StatFormDocument) -> Export:
    return Export(f"{stem_of(document.form.period)}.pdf", PDF, html_to_pdf(statform_html(document)))


def _figure(value: int | None):
    return "" if value is None else value


def statform_xlsx(document: StatFormDocument) -> Export:
    form = document.form
    workbook = new_workbook()
    sheet = workbook.create_sheet("Biểu 7-BTCTW")
    for column, width in zip("ABCDE", (70, 16, 18, 20, 12), strict=True):
        sheet.column_dimensions[column].width = width
    append_row(sheet, [document.doc.committee_name, "", "", FORM_CODE])
    append_row(sheet, [f"{TITLE.upper()} – {document.period_heading.upper()}"])
    append_row(
        sheet,
        [f"Kỳ này: {form.period.label}; cùng kỳ năm trước: {form.previous.label}"],
    )
    append_row(sheet, ["Tiêu chí", "Kỳ này", "Cùng kỳ năm trước", PERCENT_HEADING, "Ghi chú"])
    append_row(sheet, ["1", "2", "3", "4 (= 2 × 100 / 3)", ""])
    header_rows = (1, 2, 4, 5)
    for row in form.rows:
        append_row(
            sheet,
            [
                row.label,
                _figure(row.current),
                _figure(row.previous),
                row.percent,
                TYPED_MARK if row.typed else "",
            ],
        )
        if row.depth < 2:
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True, italic=row.depth == 1)
    for number in header_rows:
        for cell in sheet[number]:
            cell.font = Font(bold=True)
    for cells in sheet.iter_rows(min_row=4, min_col=2, max_col=4):
        for cell in cells:
            cell.alignment = Alignment(horizontal="center")
    append_row(sheet, [])
    append_row(sheet, [TYPED_NOTE])
    sheet.freeze_panes = "B6"
    return xlsx_export(workbook, f"{stem_of(form.period)}.xlsx")
