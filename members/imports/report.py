"""The rows that stop an import, as a workbook to fix the file with."""

from collections.abc import Iterable

from members.imports.columns import COLUMNS
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


# A filled example row of the template, one value per column of DOMAIN.md §8 (typed as text, so
# that a date stays dd/mm/yyyy when the office types over it).
EXAMPLE_ROW = {
    "Họ và tên": "Nguyễn Văn An",
    "Ngày sinh": "15/03/1960",
    "Giới tính": "Nam",
    "Dân tộc": "Kinh",
    "Quê quán": "Hà Nội",
    "Chi bộ": "Chi bộ 1",
    "Ngày vào Đảng": "19/05/1985",
    "Ngày chính thức": "19/05/1986",
    "Huy hiệu đã nhận": "30",
}


def import_template() -> Export:
    """A members file to fill in: every column the import reads, in the order of §8, and one
    example row to type over."""
    workbook = new_workbook()
    headers = list(COLUMNS)
    sheet = table_sheet(
        workbook, "Đảng viên", headers, widths=[max(14, len(h) + 4) for h in headers]
    )
    sheet.append([EXAMPLE_ROW.get(header, "") for header in headers])
    return xlsx_export(workbook, "mau-nhap-dang-vien.xlsx")
