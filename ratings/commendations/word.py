"""A commendation's decision or tờ trình, and its list, as a Word file from the data of its PDF
(ratings/commendations/documents.py)."""

from ratings.commendations.documents import CommendationDocument
from vusta_party.docx import CENTER, LEFT, Cell, WordDocument


def commendation_docx(data: CommendationDocument) -> bytes:
    word = WordDocument(data.doc)
    word.header()
    word.title(data.kind, data.subject)
    if data.own:
        word.paragraph(data.doc.committee_name, bold=True, caps=True, align=CENTER)
        for text in data.grounds:
            word.paragraph(text)
        word.paragraph("Quyết định:", bold=True, caps=True, align=CENTER)
        for label, text in data.articles:
            word.runs(((f"{label} ", True), (text, False)))
    else:
        word.paragraph(data.addressee, indent=False, align=CENTER)
        for text in data.grounds:
            word.paragraph(text)
    word.closing()
    word.page_break()
    word.title(data.annex_title)
    word.paragraph(data.annex_ref, italic=True, align=CENTER, indent=False)
    if data.cell_lines:
        word.paragraph(data.cell_part, bold=True, align=LEFT, indent=False, keep_with_next=True)
        word.table(
            data.cell_columns,
            [(Cell(str(line.number), "center"), line.name, line.title) for line in data.cell_lines],
            widths=data.cell_widths,
        )
    if data.member_lines:
        word.paragraph(data.member_part, bold=True, align=LEFT, indent=False, keep_with_next=True)
        word.table(
            data.member_columns,
            [
                (Cell(str(line.number), "center"), line.name, line.cell, line.title)
                for line in data.member_lines
            ],
            widths=data.member_widths,
        )
    word.paragraph(data.total_line, indent=False)
    return word.to_bytes()
