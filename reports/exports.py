"""The statistics tables of a report as a spreadsheet."""

from openpyxl import Workbook
from openpyxl.styles import Font

from members.exports import xlsx_response
from reports.documents import ReportDocument


def report_xlsx(report: ReportDocument, *, filename: str):
    summary = report.summary
    workbook = Workbook()
    figures = workbook.active
    figures.title = "Số liệu"
    figures.append([f"Số liệu đảng viên {summary.period.label}"])
    figures.append(["Chỉ tiêu", summary.period.label, report.previous_label, "Tăng, giảm", "%"])
    for row in report.comparison:
        figures.append([row.label, row.current, row.previous, row.difference, row.percent])
    cells = workbook.create_sheet("Theo chi bộ")
    cells.append(["STT", "Chi bộ", "Đầu kỳ", "Tăng", "Giảm", "Cuối kỳ", "Nữ", "Dự bị"])
    for number, row in enumerate(summary.cells, 1):
        cells.append(
            [
                number,
                row.name,
                row.start,
                row.gained,
                row.lost,
                row.end,
                row.women_end,
                row.probationary_end,
            ]
        )
    badges = workbook.create_sheet("Huy hiệu Đảng")
    badges.append(
        ["Huy hiệu", "Tặng", "Tặng sớm", "Truy tặng", "Truy tặng sớm", "Cộng", "Tiền thưởng (đồng)"]
    )
    for row in summary.badges:
        badges.append([f"{row.milestone} năm", *row.by_kind, row.total, row.bonus])
    ages = workbook.create_sheet("Độ tuổi")
    ages.append(["Độ tuổi", "Đầu kỳ", "Cuối kỳ"])
    for (label, start), (_label, end) in zip(
        summary.start.age_bands, summary.end.age_bands, strict=True
    ):
        ages.append([label, start, end])
    for sheet in workbook.worksheets:
        for cell in sheet[2 if sheet is figures else 1]:
            cell.font = Font(bold=True)
    return xlsx_response(workbook, filename)
