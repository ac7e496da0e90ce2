"""Building member spreadsheets in tests."""

import io

from openpyxl import Workbook, load_workbook

from vusta_party.spreadsheets import header_row

HEADERS = [
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Dân tộc",
    "Quê quán",
    "Số CCCD",
    "Chi bộ",
    "Ngày vào Đảng",
    "Ngày chính thức",
    "Số thẻ đảng viên",
    "Ngày từ trần",
    "Thời gian gián đoạn",
    "Huy hiệu đã nhận",
    "Kỷ luật",
    "Bệnh nặng",
]


def xlsx_bytes(rows, headers=HEADERS) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows, headers=HEADERS, bom=True) -> bytes:
    lines = [",".join(headers)] + [
        ",".join("" if v is None else str(v) for v in row) for row in rows
    ]
    text = "\r\n".join(lines) + "\r\n"
    return ("\ufeff" if bom else "").encode() + text.encode("utf-8")


def sheet(*rows, name="danh-sach.xlsx") -> tuple[str, bytes]:
    """A members file from rows given as {header: value} (None: a blank row), with the headers
    the rows use, in the order they first appear."""
    headers = list(dict.fromkeys(header for row in rows if row for header in row))
    table = [[row.get(header) for header in headers] if row else [] for row in rows]
    if name.endswith(".csv"):
        return name, csv_bytes(table, headers)
    return name, xlsx_bytes(table, headers)


def table(content: bytes, sheet_name: str | None = None) -> tuple[tuple, list[tuple]]:
    """The header and the rows of an exported table (a sheet of `table_sheet()`): the header is
    the sheet's repeated title row, the rows are the values below it."""
    workbook = load_workbook(io.BytesIO(content))
    sheet = workbook[sheet_name] if sheet_name else workbook.worksheets[0]
    top = header_row(sheet)
    rows = list(sheet.iter_rows(min_row=top, values_only=True))
    return rows[0], rows[1:]
