"""The rows that stop an import, as a workbook to fix the file with."""

from collections.abc import Iterable

from members.imports.plan import RowError
from vusta_party.exports import Export
from vusta_party.spreadsheets import new_workbook, table_sheet, xlsx_export


def error_report(file_name: str, errors: Iterable[RowError], file_error: str | None) -> Export:
    workbook = new_workbook()
    sheet = table_sheet(workbook, "Lỗi", ["Dòng", "Cột", "Giá trị", "Lỗi"], widths=[8, 22, 24, 70])
    if file_error:
        sheet.append(["", "", "", file_error])
    for error in errors:
        sheet.append([error.row, error.column, error.value, error.message])
    stem = file_name.rsplit(".", 1)[0]
    return xlsx_export(workbook, f"{stem}-loi.xlsx")
