"""Spreadsheets: reading uploaded tables (.xlsx, .csv) and writing workbooks.

Every upload (members, past ratings) is read by `read_table()`; every list of an export is a
`table_sheet()` (set up for printing: committee header, title, widths, frozen and repeated header
row, A4 fitted to the width), every row is written by `append_row()` (a date is a date cell shown
dd/mm/yyyy) and every workbook leaves by `xlsx_export()` (which draws the tables' borders), so the
limits and the format are the same everywhere.

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
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties

from vusta_party.exports import XLSX, Export

if TYPE_CHECKING:  # the documents module reads models: not imported before the apps are ready
    from vusta_party.documents import PartyDocument

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


# Number formats: Excel shows a date cell as the office writes dates, whatever the computer's
# locale, and money with thousands separators.
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm:ss"
MONEY_FORMAT = "#,##0"
PERCENT_FORMAT = "0.0"  # a figure already in percent (-25.0 for -25 %)

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


def _cell(sheet, value):
    if isinstance(value, str):
        return _text_cell(sheet, value)
    if isinstance(value, date):  # a datetime is a date too
        cell = Cell(sheet, value=value)
        cell.number_format = DATETIME_FORMAT if isinstance(value, datetime) else DATE_FORMAT
        return cell
    return value


def append_row(sheet, values) -> None:
    """Write one row of an export: numbers and booleans as themselves, dates as date cells shown
    dd/mm/yyyy, text as text."""
    sheet.append([_cell(sheet, v) for v in values])


THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="E7E6E6")
CENTRED = Alignment(horizontal="center", vertical="center", wrap_text=True)
TOP_WRAPPED = Alignment(vertical="top", wrap_text=True)
# Margins of the printed page, in inches (openpyxl's unit): about 15 mm, 20 mm on the left.
MARGINS = PageMargins(left=0.8, right=0.6, top=0.6, bottom=0.7, header=0.3, footer=0.3)


def _committee_lines(sheet, doc: "PartyDocument", width: int) -> None:
    """The party document header on two rows: the committees on the left, the Party's name and
    the place and date on the right, each half of the table's width."""
    left = max(1, width // 2)
    rows = (
        (doc.higher_committee_name, Font(), "ĐẢNG CỘNG SẢN VIỆT NAM", Font(bold=True)),
        (doc.committee_name, Font(bold=True), doc.place_date, Font(italic=True)),
    )
    for left_text, left_font, right_text, right_font in rows:
        append_row(sheet, [left_text, *[None] * (left - 1), right_text])
        row = sheet.max_row
        for column, font in ((1, left_font), (left + 1, right_font)):
            cell = sheet.cell(row, column)
            cell.font = font
            cell.alignment = CENTRED
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=left)
        if width > left + 1:
            sheet.merge_cells(start_row=row, start_column=left + 1, end_row=row, end_column=width)


def _title_lines(sheet, lines: Sequence[str], width: int) -> None:
    for number, line in enumerate(lines):
        append_row(sheet, [line])
        row = sheet.max_row
        cell = sheet.cell(row, 1)
        cell.font = Font(bold=number == 0, size=13 if number == 0 else 11)
        cell.alignment = CENTRED
        if width > 1:
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def table_sheet(
    workbook: Workbook,
    title: str,
    headers: list[str],
    widths: Sequence[float] = (),
    *,
    doc: "PartyDocument | None" = None,
    title_lines: Sequence[str] = (),
    landscape: bool = False,
):
    """A sheet holding one table, set up for printing: the committee header of `doc` and the
    title lines above it (first page only), then the bold header row, frozen on screen and
    repeated on every printed page; A4 in the orientation given, fitted to the page width, page
    numbers in the footer. `xlsx_export()` draws the table's borders."""
    sheet = workbook.create_sheet(title)
    width = len(headers)
    for index, column_width in enumerate(widths):
        sheet.column_dimensions[column_letter(index)].width = column_width
    if doc is not None:
        _committee_lines(sheet, doc, width)
        append_row(sheet, [])
    if title_lines:
        _title_lines(sheet, title_lines, width)
        append_row(sheet, [])
    top = sheet._current_row + 1  # an appended empty row leaves no cell: max_row misses it
    sheet.append([_text_cell(sheet, header) for header in headers])
    for cell in sheet[top]:
        cell.font = Font(bold=True)
        cell.alignment = CENTRED
        cell.fill = HEADER_FILL
    sheet.freeze_panes = f"A{top + 1}"
    sheet.print_title_rows = f"{top}:{top}"
    page = sheet.page_setup
    page.paperSize = sheet.PAPERSIZE_A4
    page.orientation = "landscape" if landscape else "portrait"
    page.fitToWidth = 1
    page.fitToHeight = 0  # as many pages as the rows need
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.page_margins = MARGINS
    sheet.oddFooter.center.text = "Trang &P/&N"
    return sheet


def header_row(sheet) -> int | None:
    """The row of a table sheet's header (its repeated title row), or None for another sheet."""
    titles = sheet.print_title_rows
    if not titles:
        return None
    return int(titles.split(":")[0].replace("$", ""))


def format_column(sheet, column: int, number_format: str) -> None:
    """Give the cells of a table's column (0-based) below its header a number format."""
    first = header_row(sheet) + 1
    for (cell,) in sheet.iter_rows(
        min_row=first, max_row=max(first, sheet.max_row), min_col=column + 1, max_col=column + 1
    ):
        if cell.value is not None:
            cell.number_format = number_format


def _draw_table(sheet) -> None:
    """Borders around every cell of the table, text at the top of its cell and wrapped."""
    top = header_row(sheet)
    if top is None:
        return
    width = len([cell for cell in sheet[top] if cell.value is not None])
    for row in sheet.iter_rows(min_row=top, max_row=sheet.max_row, max_col=width):
        for cell in row:
            cell.border = BORDER
            if cell.row > top:
                cell.alignment = TOP_WRAPPED


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
        _draw_table(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return Export(filename, XLSX, buffer.getvalue())


def list_xlsx(
    filename: str,
    title: str,
    headers: list[str],
    widths: Sequence[float],
    rows,
    *,
    heading: str,
    landscape: bool = False,
    number_formats: dict[int, str] | None = None,
) -> Export:
    """A workbook of one on-screen list (every row, in the screen's filter and sort): one table
    sheet under the committee's header in force today, `heading` and "Lập ngày dd/mm/yyyy" above
    it, its rows (columns of `number_formats`, 0-based, in their format), its borders."""
    from vusta_party import clock  # noqa: PLC0415 -- reads the settings, ready at call time
    from vusta_party.documents import party_document  # noqa: PLC0415 -- see TYPE_CHECKING

    today = clock.today()
    workbook = new_workbook()
    sheet = table_sheet(
        workbook,
        title,
        headers,
        widths,
        doc=party_document(day=today, type_code="DS"),
        title_lines=[heading, f"Lập ngày {today:%d/%m/%Y}"],
        landscape=landscape,
    )
    for row in rows:
        append_row(sheet, row)
    for column, number_format in (number_formats or {}).items():
        format_column(sheet, column, number_format)
    return xlsx_export(workbook, filename)
