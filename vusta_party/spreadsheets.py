"""Spreadsheets: reading uploaded tables (.xlsx, .csv) and writing workbooks.

Every upload (members, past ratings) is read by `read_table()`; every row of an export is written
by `append_row()` and every workbook leaves by `xlsx_export()`, so the limits and the format are
the same everywhere.

Reading never trusts what a file says of itself: an .xlsx declares its sheet's size
(`<dimension ref="A1:XFD200000"/>`), and openpyxl would pad every row to it; the reader ignores
the declaration and counts rows, columns and cells as it reads them.

Writing keeps typed text as text: a name, a note, a browser string from a failed sign-in that
begins with `=`, `+`, `-` or `@` is a string cell marked with Excel's quote prefix, never a
formula (OWASP "CSV injection"), and characters a workbook cannot hold are dropped.
"""

import csv
import io
import zipfile

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Font

from vusta_party.exports import XLSX, Export

# Limits that keep a hostile or broken file from exhausting the server: the upload itself, the
# XML inside an .xlsx (a zip that could expand a thousandfold), and the rows read.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_XLSX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ROWS = 200_000
MAX_COLUMNS = 200
# Rows × columns as read (each row as wide as its last cell): about 40 MB of row lists at most.
MAX_CELLS = 5_000_000
EXTENSIONS = (".xlsx", ".csv")


class SpreadsheetError(ValueError):
    """The file as a whole cannot be read (format, size); the message is for the user."""


def upload_error(upload) -> str | None:
    """Why an uploaded spreadsheet is refused before it is read, or None."""
    if not upload.name.lower().endswith(EXTENSIONS):
        return "Chỉ nhận tệp .xlsx hoặc .csv."
    if upload.size > MAX_UPLOAD_BYTES:
        return f"Tệp lớn hơn {MAX_UPLOAD_BYTES // (1024 * 1024)} MB."
    return None


def _too_many(limit: int, what: str) -> SpreadsheetError:
    return SpreadsheetError(f"Tệp có quá {limit:,} {what}.".replace(",", "."))


def _capped(rows):
    """The rows, counted as they are read, so that a file is refused past MAX_ROWS rows,
    MAX_COLUMNS columns holding data or MAX_CELLS cells read before it is all in memory.
    Empty cells beyond MAX_COLUMNS are dropped."""
    read = 0
    for number, row in enumerate(rows, start=1):
        if number > MAX_ROWS:
            raise _too_many(MAX_ROWS, "dòng")
        read += len(row)
        if read > MAX_CELLS:
            raise _too_many(MAX_CELLS, "ô (số dòng × số cột)")
        if len(row) > MAX_COLUMNS:
            beyond = row[MAX_COLUMNS:]
            if beyond.count(None) + beyond.count("") != len(beyond):
                raise _too_many(MAX_COLUMNS, "cột")
            row = row[:MAX_COLUMNS]
        yield list(row)


def _xlsx_rows(content: bytes) -> list[list]:
    broken = "Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc sai định dạng."
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(entry.file_size for entry in archive.infolist())
    except zipfile.BadZipFile as error:
        raise SpreadsheetError(broken) from error
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise SpreadsheetError("Tệp Excel giải nén ra quá lớn: hãy chia nhỏ tệp.")
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            # The declared size is the file's word, not a fact: without it, each row is as wide
            # as its own last cell and no empty rows are made up after the last one.
            sheet.reset_dimensions()
            return list(_capped(sheet.iter_rows(values_only=True)))
        finally:
            workbook.close()
    except (SpreadsheetError, MemoryError):
        raise
    except Exception as error:  # openpyxl and defusedxml raise many kinds on a bad file
        raise SpreadsheetError(broken) from error


DELIMITERS = (",", ";", "\t")


def csv_delimiter(text: str) -> str:
    """The separator of a CSV file: the one used most in its first line outside quotes (the
    header row). Guessing from the whole text is misled by the data: a comma file whose cells
    read "30; 40" has more semicolons than commas in its rows, but not in its header."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in text.lstrip("\r\n"):
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "\r\n":
            break
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def read_table(filename: str, content: bytes) -> list[list]:
    """The cells of the first sheet (.xlsx) or of a UTF-8 CSV (with or without BOM, separated by
    commas or semicolons), every row in its place: a blank row is an empty row, so that row
    numbers are the spreadsheet's. openpyxl parses the XML through defusedxml (a requirement),
    which refuses entity expansion."""
    name = filename.lower()
    if name.endswith(".xlsx"):
        return _xlsx_rows(content)
    if name.endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise SpreadsheetError("Tệp CSV phải được lưu với bảng mã UTF-8.") from error
        try:
            return list(_capped(csv.reader(io.StringIO(text), delimiter=csv_delimiter(text))))
        except csv.Error as error:
            raise SpreadsheetError(f"Tệp CSV sai định dạng: {error}.") from error
    raise SpreadsheetError("Chỉ nhận tệp .xlsx hoặc .csv.")


# --- writing -------------------------------------------------------------------------------


def column_letter(index: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA"."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


# Text that a spreadsheet program would read as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@")


def as_text(cell) -> None:
    """Make a cell holding text a plain string cell: openpyxl types "=..." as a formula and
    "#N/A" as an error; quote-prefixed, Excel shows "=1+1" as typed, even after an edit."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
        if cell.value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True


def _text_cell(sheet, value):
    cell = Cell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
    as_text(cell)
    return cell


def append_row(sheet, values) -> None:
    """Write one row of an export: numbers, dates and booleans as themselves, text as text."""
    sheet.append([_text_cell(sheet, v) if isinstance(v, str) else v for v in values])


def table_sheet(workbook: Workbook, title: str, headers: list[str], widths: list[int] = ()):
    """A sheet that starts with a bold, frozen header row (and the given column widths)."""
    sheet = workbook.create_sheet(title)
    for index, width in enumerate(widths):
        sheet.column_dimensions[column_letter(index)].width = width
    append_row(sheet, headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    return sheet


def new_workbook() -> Workbook:
    """A workbook with no sheet yet (sheets are added with `table_sheet()` or create_sheet)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    return workbook


def xlsx_export(workbook: Workbook, filename: str) -> Export:
    """The one way out of every workbook: no text cell leaves as a formula, even one written
    without `append_row()`."""
    for sheet in workbook.worksheets:
        for cell in sheet._cells.values():  # the cells written (iter_rows would add empty ones)
            as_text(cell)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return Export(filename, XLSX, buffer.getvalue())
