"""Spreadsheets of the award rounds."""

from openpyxl import Workbook
from openpyxl.styles import Font

from ceremonies.documents import ProposalList
from members.exports import xlsx_response


def proposal_list_xlsx(data: ProposalList, *, filename: str):
    """A list 4-HHĐ, 4A-HHĐ or 4B-HHĐ with the columns of the printed form."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = data.code
    sheet.append([data.title])
    sheet.append([f"{data.round_label} – Mẫu {data.code}"])
    sheet.append(list(data.columns))
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for line in data.lines:
        row = [
            line.number,
            line.full_name,
            line.date_of_birth,
            line.hometown,
            line.admission_date,
            line.official_date,
            line.card,
            line.cell,
            line.badge_label,
            line.note,
        ]
        if data.code == "4A-HHĐ":
            row.insert(1, line.old_badge_number)
        sheet.append(row)
    return xlsx_response(workbook, filename)
