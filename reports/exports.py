"""The files of a report: the PDF, the figures as JSON, the statistics tables as a workbook."""

import json

from openpyxl.styles import Font

from reports.documents import ReportDocument
from reports.models import IssuedReport
from reports.word import report_docx
from vusta_party.exports import DOCX, JSON, PDF, Export
from vusta_party.pdf import html_to_pdf
from vusta_party.spreadsheets import append_row, new_workbook, xlsx_export


def _json(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


def draft_pdf(html: str, *, stem: str) -> Export:
    return Export(f"{stem}-ban-thao.pdf", PDF, html_to_pdf(html))


def draft_docx(report: ReportDocument, *, stem: str) -> Export:
    """The report as an editable Word file, from the data of its PDF."""
    return Export(f"{stem}-ban-thao.docx", DOCX, report_docx(report))


def report_json(report: ReportDocument, *, stem: str) -> Export:
    return Export(f"{stem}.json", JSON, _json(report.summary.contract()))


def issued_stem(issued: IssuedReport) -> str:
    return f"bao-cao-{issued.number:02d}-{issued.start:%Y%m%d}-{issued.end:%Y%m%d}"


def issued_pdf(issued: IssuedReport) -> Export:
    return Export(f"{issued_stem(issued)}.pdf", PDF, bytes(issued.pdf))


def issued_json(issued: IssuedReport) -> Export:
    return Export(f"{issued_stem(issued)}.json", JSON, _json(issued.data))


def report_xlsx(report: ReportDocument, *, stem: str) -> Export:
    summary = report.summary
    workbook = new_workbook()
    figures = workbook.create_sheet("Số liệu")
    append_row(figures, [f"Số liệu đảng viên {summary.period.label}"])
    append_row(
        figures, ["Chỉ tiêu", summary.period.label, report.previous_label, "Tăng, giảm", "%"]
    )
    for row in report.comparison:
        append_row(figures, [row.label, row.current, row.previous, row.difference, row.percent])
    cells = workbook.create_sheet("Theo chi bộ")
    append_row(cells, ["STT", "Chi bộ", "Đầu kỳ", "Tăng", "Giảm", "Cuối kỳ", "Nữ", "Dự bị"])
    for number, row in enumerate(summary.cells, 1):
        append_row(
            cells,
            [
                number,
                row.name,
                row.start,
                row.gained,
                row.lost,
                row.end,
                row.women_end,
                row.probationary_end,
            ],
        )
    badges = workbook.create_sheet("Huy hiệu Đảng")
    append_row(
        badges,
        [
            "Huy hiệu",
            "Tặng",
            "Tặng sớm",
            "Truy tặng",
            "Truy tặng sớm",
            "Cộng",
            "Tiền thưởng (đồng)",
        ],
    )
    for row in summary.badges:
        append_row(badges, [f"{row.milestone} năm", *row.by_kind, row.total, row.bonus])
    ages = workbook.create_sheet("Độ tuổi")
    append_row(ages, ["Độ tuổi", "Đầu kỳ", "Cuối kỳ"])
    for (label, start), (_label, end) in zip(
        summary.start.age_bands, summary.end.age_bands, strict=True
    ):
        append_row(ages, [label, start, end])
    for sheet in workbook.worksheets:
        for cell in sheet[2 if sheet is figures else 1]:
            cell.font = Font(bold=True)
    return xlsx_export(workbook, f"{stem}.xlsx")
