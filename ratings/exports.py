"""The commendation proposals as PDF and as a workbook."""

from ratings.models import RatingYear
from ratings.queries import Streak
from vusta_party import clock
from vusta_party.documents import party_document
from vusta_party.exports import PDF, Export
from vusta_party.pdf import render_pdf
from vusta_party.spreadsheets import append_row, new_workbook, table_sheet, xlsx_export


def commendations_pdf(year: RatingYear, members: list[Streak], cells: list[Streak]) -> Export:
    context = {
        "year": year,
        "members": members,
        "cells": cells,
        "doc": party_document(day=clock.today(), type_code="DS"),
    }
    return Export(
        f"de-nghi-khen-thuong-{year.year}.pdf",
        PDF,
        render_pdf("ratings/documents/commendations.html", context),
    )


def commendations_xlsx(year: RatingYear, members: list[Streak], cells: list[Streak]) -> Export:
    today = clock.today()
    workbook = new_workbook()
    sheet = table_sheet(
        workbook,
        "Đề nghị khen thưởng",
        ["STT", "Đảng viên / chi bộ", "Chi bộ", f"Số năm liền HTXSNV đến {year.year}"],
        widths=[6, 32, 32, 16],
        doc=party_document(day=today, type_code="DS"),
        title_lines=[
            "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
            f"Đảng viên, chi bộ {year.streak_threshold} năm liền hoàn thành xuất sắc nhiệm vụ"
            f" (đến năm {year.year})",
        ],
    )
    for number, item in enumerate([*members, *cells], 1):
        append_row(sheet, [number, item.name, item.cell, item.years])
    return xlsx_export(workbook, f"de-nghi-khen-thuong-{year.year}.xlsx")
