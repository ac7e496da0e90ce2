"""A letter of the committee (công văn), blank or filled in: one set of data for its PDF, its
page and its Word file."""

from dataclasses import dataclass
from datetime import date

from vusta_party.documents import PartyDocument, party_document
from vusta_party.docx import CENTER, WordDocument
from vusta_party.exports import DOCX, PDF, Export
from vusta_party.pdf import render_pdf

# Ruled lines printed on a blank letter, for writing by hand.
BLANK_LETTER_LINES = 14
TEMPLATE = "office/documents/letter.html"
BLANK_SUBJECT = "……………………………………"
BLANK_ADDRESSEE = "……………………………………………………"


@dataclass(frozen=True)
class Letter:
    doc: PartyDocument
    day: date
    subject: str
    addressee: str
    paragraphs: tuple[str, ...]  # none: a blank letter, with ruled lines to write on
    blank_lines: int = BLANK_LETTER_LINES

    @property
    def subject_line(self) -> str:
        """ "V/v mời họp chi bộ", under the number (the layout's prefix)."""
        return f"{self.doc.layout.subject_prefix} {self.subject or BLANK_SUBJECT}"

    @property
    def addressee_line(self) -> str:
        return f"Kính gửi: {self.addressee or BLANK_ADDRESSEE}"

    @property
    def filename_stem(self) -> str:
        return f"cong-van-{self.day:%Y%m%d}"


def letter(
    *, day: date, subject: str, addressee: str, paragraphs: tuple[str, ...], recipients
) -> Letter:
    """The letter dated `day` in the committee profile and layout in force that day."""
    return Letter(
        doc=party_document(day=day, type_code="CV", recipients=tuple(recipients)),
        day=day,
        subject=subject,
        addressee=addressee,
        paragraphs=tuple(paragraphs),
    )


def letter_context(data: Letter) -> dict:
    return {"doc": data.doc, "letter": data, "blank_lines": range(data.blank_lines)}


def letter_pdf(data: Letter) -> Export:
    return Export(f"{data.filename_stem}.pdf", PDF, render_pdf(TEMPLATE, letter_context(data)))


def letter_docx(data: Letter) -> Export:
    """The letter as an editable Word file: the header with the number and the subject under
    it, "Kính gửi", its paragraphs (or the ruled lines of a blank one), Nơi nhận, signature."""
    word = WordDocument(data.doc)
    word.header(subject_line=data.subject_line)
    word.paragraph(data.addressee_line, indent=False, align=CENTER, space_after=6)
    for text in data.paragraphs:
        word.paragraph(text)
    if not data.paragraphs:
        word.ruled_lines(data.blank_lines)
    word.closing()
    return Export(f"{data.filename_stem}.docx", DOCX, word.to_bytes())
