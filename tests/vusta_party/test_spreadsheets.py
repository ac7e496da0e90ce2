"""The reader of uploads trusts no size a file declares, and counts what it reads (issue 16,
finding 3); the writer of exports keeps text as text (finding 2)."""

import io
import re
import tracemalloc
import zipfile
from datetime import date, datetime, time

import pytest
from openpyxl import Workbook, load_workbook

from tests.spreadsheets import csv_bytes, xlsx_bytes
from vusta_party import spreadsheets
from vusta_party.documents import Layout, PartyDocument
from vusta_party.spreadsheets import (
    MONEY_FORMAT,
    SpreadsheetError,
    append_row,
    format_column,
    new_workbook,
    read_table,
    table_sheet,
    xlsx_export,
)

HEADERS = ["Họ và tên", "Chi bộ"]
ROWS = [["Nguyễn Văn An", "Chi bộ A"], ["Trần Thị Bình", "Chi bộ B"]]


def with_sheet_xml(content: bytes, replace) -> bytes:
    source, target = io.BytesIO(content), io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for entry in old.infolist():
            data = old.read(entry)
            if entry.filename == "xl/worksheets/sheet1.xml":
                data = replace(data)
            new.writestr(entry.filename, data)
    return target.getvalue()


def declaring(ref: str) -> bytes:
    """A small workbook whose sheet claims to span `ref`."""
    return with_sheet_xml(
        xlsx_bytes(ROWS, headers=HEADERS),
        lambda xml: re.sub(
            rb'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{ref}"/>'.encode(), xml
        ),
    )


def test_a_sheet_that_lies_about_its_size_is_read_as_it_is_in_little_memory():
    content = declaring("A1:XFD200000")
    assert len(content) < 8 * 1024

    tracemalloc.start()
    try:
        table = read_table("danh-sach.xlsx", content)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert table == [HEADERS, *ROWS]
    assert peak < 20 * 1024 * 1024


def test_rows_are_as_wide_as_their_cells_not_as_the_declared_sheet(monkeypatch):
    monkeypatch.setattr(spreadsheets, "MAX_ROWS", 3)

    assert read_table("danh-sach.xlsx", declaring("A1:XFD9")) == [HEADERS, *ROWS]


def test_a_sheet_with_cells_far_to_the_right_is_refused_before_it_fills_memory():
    def far_cells(xml: bytes) -> bytes:
        rows = "".join(
            f'<row r="{n}"><c r="XFD{n}" t="inlineStr"><is><t>x</t></is></c></row>'
            for n in range(4, 2004)
        ).encode()
        return xml.replace(b"</sheetData>", rows + b"</sheetData>")

    content = with_sheet_xml(xlsx_bytes(ROWS, headers=HEADERS), far_cells)

    with pytest.raises(SpreadsheetError, match=r"^Tệp có quá 200 cột\.$"):
        read_table("danh-sach.xlsx", content)


def test_empty_cells_far_to_the_right_are_dropped():
    workbook = Workbook()
    workbook.active.append(HEADERS)
    workbook.active.cell(row=1, column=5000).value = None
    workbook.active.cell(row=1, column=5000).number_format = "0.00"  # an empty, styled cell
    buffer = io.BytesIO()
    workbook.save(buffer)

    (row,) = read_table("danh-sach.xlsx", buffer.getvalue())

    assert row[:2] == HEADERS
    assert len(row) == 200
    assert set(row[2:]) == {None}


def test_a_file_with_too_many_cells_is_refused(monkeypatch):
    monkeypatch.setattr(spreadsheets, "MAX_CELLS", 5)

    assert read_table("a.csv", csv_bytes(ROWS[:1], headers=HEADERS)) == [HEADERS, ROWS[0]]
    for name, make in (("a.csv", csv_bytes), ("a.xlsx", xlsx_bytes)):
        with pytest.raises(SpreadsheetError, match=r"^Tệp có quá 5 ô \(số dòng × số cột\)\.$"):
            read_table(name, make(ROWS, headers=HEADERS))


def test_a_csv_line_with_too_many_columns_is_refused():
    content = ("Họ và tên," + ",".join(["x"] * 250) + "\r\n").encode()

    with pytest.raises(SpreadsheetError, match=r"^Tệp có quá 200 cột\.$"):
        read_table("a.csv", content)


def test_running_out_of_memory_is_not_called_a_broken_file(monkeypatch):
    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(spreadsheets, "load_workbook", exhausted)

    with pytest.raises(MemoryError):
        read_table("danh-sach.xlsx", xlsx_bytes(ROWS, headers=HEADERS))


# --- writing -------------------------------------------------------------------------------


def saved(workbook) -> list[list[tuple]]:
    content = xlsx_export(workbook, "a.xlsx").content
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    return [[(c.value, c.data_type, c.quotePrefix) for c in row] for row in sheet.iter_rows()]


def test_text_that_looks_like_a_formula_is_written_as_quoted_text():
    workbook = new_workbook()
    sheet = table_sheet(workbook, "Danh sách", ["=Tiêu đề"])
    append_row(sheet, ["=1+1", "+84 912", "-5", "@A1", "#N/A", "Ghi\x07chú", 7, None, True])

    assert saved(workbook) == [
        [("=Tiêu đề", "s", True), *[(None, "n", False)] * 8],
        [
            ("=1+1", "s", True),
            ("+84 912", "s", True),
            ("-5", "s", True),
            ("@A1", "s", True),
            ("#N/A", "s", False),  # an error code typed as text stays text
            ("Ghichú", "s", False),  # a control character a workbook cannot hold is dropped
            (7, "n", False),
            (None, "n", False),
            (True, "b", False),
        ],
    ]


def test_a_cell_written_without_the_writer_still_leaves_as_text():
    workbook = new_workbook()
    sheet = workbook.create_sheet("Lỗi")
    sheet.append(['=HYPERLINK("http://x")', 3])

    assert saved(workbook) == [[('=HYPERLINK("http://x")', "s", True), (3, "n", False)]]


# --- lists set up for printing ---------------------------------------------------------------

# A workbook holds wall-clock values without a zone: a date cell reads back as midnight.
BORN_AT = datetime.combine(date(1956, 2, 29), time.min)
MOMENT = datetime.combine(date(2026, 12, 31), time(23, 59, 58))
DOC = PartyDocument(
    higher_committee_name="ĐẢNG BỘ CẤP TRÊN",
    committee_name="ĐẢNG ỦY CƠ QUAN",
    number="Số       -DS/ĐU",
    place_date="Hà Nội, ngày 29 tháng 02 năm 2028",
    signer_authority="T/M ĐẢNG ỦY",
    signer_title="BÍ THƯ",
    signer_name="",
    recipients=(),
    layout=Layout("HD36", 25, 25, 35, 15, "V/v", True, True),
)


def printed_list(**options):
    workbook = new_workbook()
    sheet = table_sheet(
        workbook,
        "Danh sách",
        ["STT", "Họ và tên", "Ngày sinh", "Tiền thưởng (đồng)"],
        [6, 30, 12, 18],
        **options,
    )
    append_row(sheet, [1, "Nguyễn Thị Ánh", date(1956, 2, 29), 3795000])
    append_row(sheet, [2, "Trần Văn Bình", None, None])
    format_column(sheet, 3, MONEY_FORMAT)
    content = xlsx_export(workbook, "a.xlsx").content
    return load_workbook(io.BytesIO(content))["Danh sách"]


def test_a_list_prints_under_the_committee_header_with_its_title_and_a_repeated_header_row():
    sheet = printed_list(
        doc=DOC, title_lines=["DANH SÁCH ĐẢNG VIÊN", "Lập ngày 29/02/2028"], landscape=True
    )

    assert list(sheet.iter_rows(max_row=9, values_only=True)) == [
        ("ĐẢNG BỘ CẤP TRÊN", None, "ĐẢNG CỘNG SẢN VIỆT NAM", None),
        ("ĐẢNG ỦY CƠ QUAN", None, "Hà Nội, ngày 29 tháng 02 năm 2028", None),
        (None, None, None, None),
        ("DANH SÁCH ĐẢNG VIÊN", None, None, None),
        ("Lập ngày 29/02/2028", None, None, None),
        (None, None, None, None),
        ("STT", "Họ và tên", "Ngày sinh", "Tiền thưởng (đồng)"),
        (1, "Nguyễn Thị Ánh", BORN_AT, 3795000),
        (2, "Trần Văn Bình", None, None),
    ]
    assert sorted(str(merged) for merged in sheet.merged_cells.ranges) == [
        "A1:B1",
        "A2:B2",
        "A4:D4",
        "A5:D5",
        "C1:D1",
        "C2:D2",
    ]
    assert (sheet["C1"].font.b, sheet["A2"].font.b, sheet["C2"].font.i, sheet["A4"].font.b) == (
        True,
        True,
        True,
        True,
    )
    assert [sheet.column_dimensions[c].width for c in "ABCD"] == [6, 30, 12, 18]
    assert (sheet.freeze_panes, sheet.print_title_rows) == ("A8", "$7:$7")
    assert [cell.font.b for cell in sheet[7]] == [True] * 4
    setup = sheet.page_setup
    assert (setup.paperSize, setup.orientation, setup.fitToWidth, setup.fitToHeight) == (
        9,
        "landscape",
        1,
        0,
    )
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert sheet.oddFooter.center.text == "Trang &P/&N"


def test_a_list_has_borders_around_its_table_and_dates_shown_dd_mm_yyyy():
    sheet = printed_list(doc=DOC)

    top = 4  # committee header, a blank row, then the table
    borders = {
        (cell.coordinate, cell.border.left.style, cell.border.bottom.style)
        for row in sheet.iter_rows(min_row=top, max_row=top + 2)
        for cell in row
    }
    assert borders == {(f"{c}{r}", "thin", "thin") for c in "ABCD" for r in (4, 5, 6)}
    assert sheet["A2"].border.left.style is None  # the header above the table has none
    born = sheet["C5"]
    assert (born.is_date, born.number_format, born.value) == (
        True,
        "dd/mm/yyyy",
        BORN_AT,
    )
    assert (sheet["D5"].data_type, sheet["D5"].number_format) == ("n", "#,##0")
    assert sheet.page_setup.orientation == "portrait"


def test_a_list_without_a_header_starts_with_its_table():
    sheet = printed_list()

    assert next(sheet.iter_rows(values_only=True)) == (
        "STT",
        "Họ và tên",
        "Ngày sinh",
        "Tiền thưởng (đồng)",
    )
    assert (sheet.freeze_panes, sheet.print_title_rows) == ("A2", "$1:$1")


def test_a_moment_is_a_date_and_time_cell():
    workbook = new_workbook()
    sheet = table_sheet(workbook, "Nhật ký", ["Thời gian"])
    append_row(sheet, [MOMENT])

    cell = load_workbook(io.BytesIO(xlsx_export(workbook, "a.xlsx").content))["Nhật ký"]["A2"]
    assert (cell.value, cell.number_format) == (
        MOMENT,
        "dd/mm/yyyy hh:mm:ss",
    )
