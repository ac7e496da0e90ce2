"""Biểu 7-BTCTW as a Word file, from the same data as its PDF (reports/statform/documents.py),
in the party layout of vusta_party/docx.py: the committee's header with the form's code, the
rows with their typed ones marked, the compiler's and the signer's blocks."""

from reports.statform.documents import (
    COMPILER,
    COMPILER_HINT,
    FORM_CODE,
    NUMBERS,
    PERCENT_HEADING,
    TITLE,
    TYPED_MARK,
    TYPED_NOTE,
    StatFormDocument,
    stem_of,
)
from vusta_party.docx import CENTER, LEFT, Cell, WordDocument
from vusta_party.exports import DOCX, Export

COLUMNS = ("Tiêu chí", "Kỳ này", "Cùng kỳ năm trước", PERCENT_HEADING)
WIDTHS = (64, 9, 12, 15)


def _figure(value: int | None) -> Cell:
    return Cell("" if value is None else str(value), "center")


def statform_docx(document: StatFormDocument) -> bytes:
    doc = document.doc
    word = WordDocument(doc)
    word.header(
        left=((doc.higher_committee_name, False), (doc.committee_name, True)),
        number=False,
        right=((FORM_CODE, False),),
        place_date=False,
        party=False,
    )
    word.title(TITLE, document.period_heading)
    word.paragraph(document.periods_line, size=12, italic=True, align=CENTER)
    rows = [tuple(Cell(number, "center") for number in NUMBERS)]
    for row in document.form.rows:
        label = f"{row.label} ({TYPED_MARK})" if row.typed else row.label
        rows.append(
            (
                Cell(label, bold=row.depth < 2),
                _figure(row.current),
                _figure(row.previous),
                Cell(row.percent, "center"),
            )
        )
    word.table(COLUMNS, rows, widths=WIDTHS, size=10)  # as document.css
    word.paragraph(TYPED_NOTE, size=11, italic=True, indent=False, align=LEFT)
    left, right = word.closing_table().rows[0].cells
    word.paragraph(align=CENTER, space_after=0, container=left)
    word.signature(left, authority="", title=COMPILER, name="", hint=COMPILER_HINT)
    word.paragraph(doc.place_date, italic=True, align=CENTER, space_after=0, container=right)
    word.signature(right)
    return word.to_bytes()


def statform_word(document: StatFormDocument) -> Export:
    return Export(f"{stem_of(document.form.period)}.docx", DOCX, statform_docx(document))
