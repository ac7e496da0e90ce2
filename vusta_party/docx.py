"""Word documents (.docx) in the party document layout (DOMAIN.md §6), built with python-docx.

Every printed document also exists as an editable Word file built from the same data as its PDF
(the frozen dataclass of its data function). `WordDocument` lays out the parts every party
document shares, in the layout profile of the `PartyDocument` it is given: the two-column header
(the higher committee, the issuing committee in bold, the asterisk and the number on the left;
"ĐẢNG CỘNG SẢN VIỆT NAM" bold and underlined, the place and date in italics on the right), the
title, tables whose header row repeats on every page and whose rows never split, and the closing
("Nơi nhận" and the signature block) kept together with the last lines of the body. The font is
Times New Roman, which Word has; the PDF keeps the shipped Tinos (its metric twin).
"""

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from vusta_party.documents import PartyDocument
from vusta_party.exports import DOCX, Export

FONT = "Times New Roman"
PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
A4 = (Mm(210), Mm(297))
# The left margin of a landscape list, as templates/documents/_layout.html prints it.
LANDSCAPE_LEFT_MM = 20

CENTER = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY


@dataclass(frozen=True)
class Cell:
    """A table cell with its own alignment or weight (a plain str is a left-aligned cell)."""

    text: str
    align: str = "left"  # left, center, right
    bold: bool = False


_ALIGN = {"left": LEFT, "center": CENTER, "right": RIGHT}


def _set_fonts(run_or_style_font, size: float | None = None) -> None:
    run_or_style_font.name = FONT
    if size is not None:
        run_or_style_font.size = Pt(size)


def _east_asian(element) -> None:
    """Times New Roman for every script of a run or style (Vietnamese reads as Latin, but Word
    takes the east-Asian and complex-script fonts for some characters)."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for key in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(key), FONT)


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _row_flag(row, flag: str) -> None:
    """w:tblHeader (the row repeats at the top of every page) or w:cantSplit (never split)."""
    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement(f"w:{flag}")
    element.set(qn("w:val"), "true")
    tr_pr.append(element)


def _mark_size(paragraph, size: float) -> None:
    """The size of a paragraph's mark: an empty table cell is as high as its written ones (not
    a line of the 14 pt body)."""
    ppr = paragraph._p.get_or_add_pPr()
    rpr = OxmlElement("w:rPr")
    for tag in ("w:sz", "w:szCs"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), str(int(size * 2)))
        rpr.append(element)
    ppr.append(rpr)


# The elements of a paragraph's properties that come after its borders (the schema's order).
_AFTER_BORDERS = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def _page_field(paragraph) -> None:
    """A PAGE field: Word and LibreOffice show the page's number."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), ("end", None)):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)


class WordDocument:
    """One Word document in the layout profile of `doc` (margins, the "Nơi nhận" underline, the
    weight of the signer's title). Portrait A4 unless `landscape`; page numbers at the top
    centre from page 2."""

    def __init__(self, doc: PartyDocument, *, landscape: bool = False):
        self.doc = doc
        self.document = Document()
        style = self.document.styles["Normal"]
        _set_fonts(style.font, 14)
        _east_asian(style.element)
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.space_before = Pt(0)
        style.paragraph_format.line_spacing = 1.1
        self._section(self.document.sections[0], landscape=landscape)

    def _section(self, section, *, landscape: bool) -> None:
        layout = self.doc.layout
        width, height = A4
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (height, width) if landscape else (width, height)
        section.top_margin = Mm(layout.margin_top)
        section.bottom_margin = Mm(layout.margin_bottom)
        section.left_margin = Mm(LANDSCAPE_LEFT_MM if landscape else layout.margin_left)
        section.right_margin = Mm(layout.margin_right)
        section.header_distance = Mm(10)
        section.different_first_page_header_footer = True
        header = section.header
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0]
        paragraph.alignment = CENTER
        _page_field(paragraph)
        section.first_page_header.is_linked_to_previous = False

    @property
    def text_width(self):
        section = self.document.sections[-1]
        return section.page_width - section.left_margin - section.right_margin

    # --- paragraphs --------------------------------------------------------------------------

    def paragraph(
        self,
        text: str = "",
        *,
        size: float = 14,
        bold: bool = False,
        italic: bool = False,
        underline: bool = False,
        caps: bool = False,
        align=JUSTIFY,
        indent: bool = True,
        space_after: float = 3,
        keep_with_next: bool = False,
        container=None,
    ):
        """A paragraph of running text (first line indented 10 mm, as document.css)."""
        target = container if container is not None else self.document
        if container is not None and len(container.paragraphs) == 1 and not container.text:
            paragraph = container.paragraphs[0]  # a new table cell's own empty paragraph
        else:
            paragraph = target.add_paragraph()
        paragraph.alignment = align
        fmt = paragraph.paragraph_format
        fmt.space_after = Pt(space_after)
        fmt.keep_with_next = keep_with_next
        if indent and align in (JUSTIFY, LEFT):
            fmt.first_line_indent = Mm(10)
        if text:
            run = paragraph.add_run(text.upper() if caps else text)
            run.font.size = Pt(size)
            run.bold = bold
            run.italic = italic
            run.underline = underline
        return paragraph

    def runs(self, parts: Sequence[tuple[str, bool]], *, indent: bool = True, align=JUSTIFY):
        """A paragraph of (text, bold) parts: "cho **3** đồng chí"."""
        paragraph = self.paragraph(indent=indent, align=align)
        for text, bold in parts:
            run = paragraph.add_run(text)
            run.bold = bold
        return paragraph

    def heading(self, text: str):
        """A numbered section of a report ("1. Tình hình chung"): bold, kept with what follows."""
        return self.paragraph(text, bold=True, indent=False, align=LEFT, keep_with_next=True)

    def ruled_lines(self, count: int) -> None:
        """Lines to write on by hand (a blank letter), 7 mm apart, as the PDF's .doc-fill."""
        for _ in range(count):
            paragraph = self.paragraph(indent=False, align=LEFT, space_after=0)
            paragraph.paragraph_format.line_spacing = Mm(7)
            # Word draws one border round paragraphs bordered alike: "between" rules the
            # lines inside it, "bottom" the last.
            borders = OxmlElement("w:pBdr")
            for edge in ("bottom", "between"):
                line = OxmlElement(f"w:{edge}")
                for key, value in (("val", "single"), ("sz", "4"), ("space", "1")):
                    line.set(qn(f"w:{key}"), value)
                line.set(qn("w:color"), "777777")
                borders.append(line)
            paragraph._p.get_or_add_pPr().insert_element_before(borders, *_AFTER_BORDERS)

    def picture(self, image: bytes, *, description: str, share: float = 100) -> None:
        """An image (a chart as PNG) centred at `share` per cent of the text width, kept on one
        page; `description` is its alternative text (what the image shows, in words)."""
        paragraph = self.paragraph(align=CENTER, indent=False, space_after=6)
        paragraph.paragraph_format.keep_together = True
        shape = paragraph.add_run().add_picture(
            io.BytesIO(image), width=int(self.text_width * share / 100)
        )
        shape._inline.docPr.set("descr", description)

    def page_break(self) -> None:
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def new_section(self, *, landscape: bool = False, restart_numbering: bool = False) -> None:
        """A new page in a section of its own; with `restart_numbering`, its pages count from 1
        (each 6-HHĐ declaration is a document of its own)."""
        from docx.enum.section import WD_SECTION  # noqa: PLC0415 -- used here only

        section = self.document.add_section(WD_SECTION.NEW_PAGE)
        self._section(section, landscape=landscape)
        if restart_numbering:
            number_type = section._sectPr.find(qn("w:pgNumType"))
            if number_type is None:  # a new section copies the one before it
                number_type = OxmlElement("w:pgNumType")
                section._sectPr.append(number_type)
            number_type.set(qn("w:start"), "1")

    # --- the party header, the title ---------------------------------------------------------

    def header(
        self,
        *,
        left: Sequence[tuple[str, bool]] | None = None,
        number: bool = True,
        subject_line: str = "",
        right: Sequence[tuple[str, bool]] | None = None,
        place_date: bool = True,
        left_size: float = 14,
        party: bool = True,
    ) -> None:
        """The two-column party header. `left` replaces the committee lines with (text, bold)
        pairs (a cell's declaration); `right` adds lines under the party's name ("Mẫu 4-HHĐ");
        without `party`, the right column holds only those lines (a statistical form's code)."""
        table = self.document.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        _no_borders(table)
        half = int(self.text_width / 2)
        left_cell, right_cell = table.rows[0].cells
        left_cell.width = right_cell.width = half
        lines = (
            left
            if left is not None
            else ((self.doc.higher_committee_header, False), (self.doc.committee_header, True))
        )
        for text, bold in lines:
            self.paragraph(
                text.upper(),
                size=left_size,
                bold=bold,
                align=CENTER,
                space_after=0,
                container=left_cell,
            )
        self.paragraph("*", align=CENTER, space_after=0, container=left_cell)
        if number:
            self.paragraph(self.doc.number, align=CENTER, space_after=0, container=left_cell)
        if subject_line:
            self.paragraph(
                subject_line, size=12, italic=True, align=CENTER, space_after=0, container=left_cell
            )
        if party:
            self.paragraph(
                PARTY, size=15, bold=True, underline=True, align=CENTER, container=right_cell
            )
        for text, italic in right or ():
            self.paragraph(text, size=12, italic=italic, align=CENTER, container=right_cell)
        if place_date:
            self.paragraph(
                self.doc.place_date, italic=True, align=CENTER, container=right_cell, space_after=0
            )
        self.paragraph(space_after=6)

    def title(self, kind: str, subject: str = "") -> None:
        """ "TỜ TRÌNH" (bold, caps, 16 pt) and its subject (bold, 14 pt), centred."""
        self.paragraph(kind, size=16, bold=True, caps=True, align=CENTER, space_after=0)
        if subject:
            self.paragraph(subject, bold=True, align=CENTER, space_after=0)
        self.paragraph("—————", align=CENTER, space_after=6)

    # --- tables ------------------------------------------------------------------------------

    def table(
        self,
        columns: Sequence[str],
        rows: Iterable[Sequence[str | Cell]],
        *,
        widths: Sequence[float] | None = None,
        size: float = 12,
        group_rows: dict[int, str] | None = None,
    ):
        """A bordered table whose header row repeats on every page and whose rows never split;
        `widths` are per cent of the text width, as the PDF's <colgroup>. `group_rows` puts a bold row spanning every column before the row of that index
        ("Huy hiệu 50 năm tuổi Đảng" in a roster)."""
        table = self.document.add_table(rows=1, cols=len(columns))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        head = table.rows[0]
        _row_flag(head, "tblHeader")
        _row_flag(head, "cantSplit")
        for cell, text in zip(head.cells, columns, strict=True):
            self.paragraph(text, size=size, bold=True, align=CENTER, space_after=0, container=cell)
        for index, values in enumerate(rows):
            if group_rows and index in group_rows:
                row = table.add_row()
                _row_flag(row, "cantSplit")
                merged = row.cells[0].merge(row.cells[-1])
                self.paragraph(
                    group_rows[index],
                    size=size,
                    bold=True,
                    align=LEFT,
                    indent=False,
                    space_after=0,
                    keep_with_next=True,  # never the last row of a page
                    container=merged,
                )
            row = table.add_row()
            _row_flag(row, "cantSplit")
            for cell, value in zip(row.cells, values, strict=True):
                value = value if isinstance(value, Cell) else Cell(value)
                paragraph = self.paragraph(
                    value.text,
                    size=size,
                    bold=value.bold,
                    align=_ALIGN[value.align],
                    indent=False,
                    space_after=0,
                    container=cell,
                )
                if not value.text:
                    _mark_size(paragraph, size)
        if widths:
            table.autofit = False
            emus = [int(self.text_width * share / 100) for share in widths]
            for column, width in zip(table.columns, emus, strict=True):
                column.width = width  # the grid, which LibreOffice reads
            for row in table.rows:
                for cell, width in zip(row.cells, emus, strict=False):
                    cell.width = width
        self.paragraph(space_after=3)
        return table

    # --- the closing -------------------------------------------------------------------------

    def keep_last_lines(self, count: int = 2) -> None:
        """The last `count` lines of the body (paragraphs, or the rows of a table it ends with)
        stay on the page of the closing, so that no page holds only "Nơi nhận" and the
        signature."""
        from docx.table import Table  # noqa: PLC0415 -- used here only
        from docx.text.paragraph import Paragraph  # noqa: PLC0415

        seen = 0
        for block in reversed(list(self.document.iter_inner_content())):
            if isinstance(block, Paragraph):
                block.paragraph_format.keep_with_next = True
                seen += bool(block.text.strip())
            elif isinstance(block, Table):
                for row in block.rows[-count:]:
                    for cell in row.cells:
                        for paragraph in cell.paragraphs:
                            paragraph.paragraph_format.keep_with_next = True
                return
            if seen >= count:
                return

    def closing_table(self):
        """The closing's two columns, without borders, never split across pages."""
        self.keep_last_lines()
        table = self.document.add_table(rows=1, cols=2)
        table.autofit = False
        _no_borders(table)
        _row_flag(table.rows[0], "cantSplit")
        for cell in table.rows[0].cells:
            cell.width = int(self.text_width / 2)
        return table

    def closing(self, *, recipients: bool = True, signer: bool = True) -> None:
        """ "Nơi nhận:" on the left, the signature block on the right, kept together and with
        the last lines of the body."""
        left, right = self.closing_table().rows[0].cells
        layout = self.doc.layout
        if recipients and self.doc.recipients:
            self.paragraph(
                "Nơi nhận:",
                bold=True,
                italic=True,
                underline=layout.recipients_underlined,
                align=LEFT,
                indent=False,
                space_after=0,
                keep_with_next=True,
                container=left,
            )
            last = len(self.doc.recipients) - 1
            for n, recipient in enumerate(self.doc.recipients):
                self.paragraph(
                    f"- {recipient}{'.' if n == last else ','}",
                    size=12,
                    align=LEFT,
                    indent=False,
                    space_after=0,
                    keep_with_next=n != last,
                    container=left,
                )
        if signer:
            self.signature(right)

    def signature(
        self,
        container,
        *,
        authority: str | None = None,
        title: str | None = None,
        name: str | None = None,
        hint: str = "",
    ):
        """The signature block: "T/M ĐẢNG ỦY", "BÍ THƯ" (bold unless the layout says not), a
        hint in italics ("(Ký, ghi rõ họ tên)"), the space to sign, the signer's name in bold."""
        layout = self.doc.layout
        authority = self.doc.signer_authority if authority is None else authority
        title = self.doc.signer_title if title is None else title
        name = self.doc.signer_name if name is None else name
        if authority:
            self.paragraph(
                authority,
                bold=True,
                caps=True,
                align=CENTER,
                space_after=0,
                keep_with_next=True,
                container=container,
            )
        if title:
            self.paragraph(
                title,
                bold=layout.signer_title_bold,
                caps=True,
                align=CENTER,
                space_after=0,
                keep_with_next=True,
                container=container,
            )
        if hint:
            self.paragraph(
                hint,
                size=12,
                italic=True,
                align=CENTER,
                space_after=0,
                keep_with_next=True,
                container=container,
            )
        for _ in range(4):
            self.paragraph(align=CENTER, space_after=0, keep_with_next=True, container=container)
        self.paragraph(name, bold=True, align=CENTER, space_after=0, container=container)

    # --- the file ----------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()

    def export(self, filename: str) -> Export:
        return Export(filename, DOCX, self.to_bytes())
