"""The files of a report: the PDF, the figures as JSON, the statistics tables as a workbook."""

import json

from reports.documents import ReportDocument
from reports.models import IssuedReport
from reports.word import report_docx
from vusta_party.exports import DOCX, JSON, PDF, Export
from vusta_party.pdf import html_to_pdf
from vusta_party.spreadsheets import (
    MONEY_FORMAT,
    PERCENT_FORMAT,
    append_row,
    format_column,
    new_workbook,
    table_sheet,
    xlsx_export,
)


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


def issued_docx(issued: IssuedReport, content: bytes) -> Export:
    return Export(f"{issued_stem(issued)}.docx", DOCX, content)


def issued_json(issued: IssuedReport) -> Export:
    return Export(f"{issued_stem(issued)}.json", JSON, _json(issued.data))


def report_xlsx(report: ReportDocument, *, stem: str) -> Export:
    """The statistics tables of a report, a sheet each, set up for printing under the committee's
    header (or, for some cells only, under the cells' names)."""
    summary = report.summary
    label = summary.period.label
    scope = [f"Các chi bộ: {report.scope}"] if report.scope else []
    workbook = new_workbook()

    def sheet(title: str, heading: str, headers: list[str], widths: list[int]):
        return table_sheet(
            workbook,
            title,
            headers,
            widths,
            doc=report.doc,
            title_lines=[heading.upper(), label, *scope],
        )

    figures = sheet(
        "Số liệu",
        "Số liệu đảng viên",
        ["Chỉ tiêu", label, report.previous_label, "Tăng, giảm", "%"],
        [40, 16, 16, 12, 10],
    )
    for row in report.comparison:
        append_row(figures, [row.label, row.current, row.previous, row.difference, row.percent])
    format_column(figures, 4, PERCENT_FORMAT)
    cells = sheet(
        "Theo chi bộ",
        "Đảng viên theo chi bộ",
        ["STT", "Chi bộ", "Đầu kỳ", "Tăng", "Giảm", "Cuối kỳ", "Nữ", "Dự bị"],
        [6, 36, 9, 8, 8, 9, 8, 8],
    )
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
    badges = sheet(
        "Huy hiệu Đảng",
        "Huy hiệu Đảng đã tặng",
        [
            "Huy hiệu",
            "Tặng",
            "Tặng sớm",
            "Truy tặng",
            "Truy tặng sớm",
            "Cộng",
            "Tiền thưởng (đồng)",
        ],
        [12, 8, 9, 9, 10, 8, 18],
    )
    for row in summary.badges:
        append_row(badges, [f"{row.milestone} năm", *row.by_kind, row.total, row.bonus])
    format_column(badges, 6, MONEY_FORMAT)
    ages = sheet(
        "Độ tuổi", "Đảng viên theo độ tuổi", ["Độ tuổi", "Đầu kỳ", "Cuối kỳ"], [20, 12, 12]
    )
    for (band, start), (_band, end) in zip(
        summary.start.age_bands, summary.end.age_bands, strict=True
    ):
        append_row(ages, [band, start, end])
    return xlsx_export(workbook, f"{stem}.xlsx")
