"""The commendation proposals as PDF, Word file and workbook."""

from ratings.streak_list import StreakList, streak_list_docx
from vusta_party.exports import DOCX, PDF, Export
from vusta_party.pdf import render_pdf
from vusta_party.spreadsheets import append_row, new_workbook, table_sheet, xlsx_export


def commendations_pdf(data: StreakList) -> Export:
    pdf = render_pdf("ratings/documents/commendations.html", {"list": data, "doc": data.doc})
    return Export(f"{data.filename_stem}.pdf", PDF, pdf)


def commendations_docx(data: StreakList) -> Export:
    return Export(f"{data.filename_stem}.docx", DOCX, streak_list_docx(data))


def commendations_xlsx(data: StreakList) -> Export:
    workbook = new_workbook()
    sheet = table_sheet(
        workbook,
        "Đề nghị khen thưởng",
        ["STT", "Đảng viên / chi bộ", "Chi bộ", f"Số năm liền HTXSNV đến {data.year}"],
        widths=[6, 32, 32, 16],
        doc=data.doc,
        title_lines=[data.title.upper(), data.subject],
    )
    for number, item in enumerate([*data.members, *data.cells], 1):
        append_row(sheet, [number, item.name, item.cell, item.years])
    return xlsx_export(workbook, f"{data.filename_stem}.xlsx")
