"""The commendation proposals as PDF, Word file and workbook; the year page's lists as
workbooks."""

from members.models import Member
from ratings.models import RatingYear
from ratings.queries import CellProgress
from ratings.streak_list import StreakList, streak_list_docx
from vusta_party.exports import DOCX, PDF, Export
from vusta_party.pdf import render_pdf
from vusta_party.spreadsheets import (
    append_row,
    list_xlsx,
    new_workbook,
    table_sheet,
    xlsx_export,
)


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


def unrated_xlsx(year: RatingYear, members: list[Member]) -> Export:
    """The members not yet rated in the year, as the page lists them."""
    return list_xlsx(
        f"chua-xep-loai-{year.year}.xlsx",
        "Chưa xếp loại",
        ["STT", "Họ và tên", "Chi bộ", "Ngày vào Đảng", "Ngày chính thức"],
        [6, 30, 40, 14, 14],
        (
            [n, m.full_name, m.cell.name, m.admission_date, m.official_date]
            for n, m in enumerate(members, 1)
        ),
        heading=f"DANH SÁCH ĐẢNG VIÊN CHƯA XẾP LOẠI NĂM {year.year}",
    )


def year_cells_xlsx(year: RatingYear, rows: list[CellProgress]) -> Export:
    """The year page's cells: members to rate, rated, the cell's own rating."""
    return list_xlsx(
        f"xep-loai-chi-bo-{year.year}.xlsx",
        f"Năm {year.year}",
        ["STT", "Chi bộ", "Đảng viên", "Đã xếp loại", "Chi bộ tự xếp loại", "Tiêu biểu"],
        [6, 40, 11, 12, 18, 10],
        (
            [n, r.cell.name, r.to_rate, r.rated, r.level or "", "x" if r.exemplary else ""]
            for n, r in enumerate(rows, 1)
        ),
        heading=f"TIẾN ĐỘ XẾP LOẠI CHẤT LƯỢNG NĂM {year.year}",
    )
