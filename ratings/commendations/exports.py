"""A commendation's files."""

from ratings.commendations.documents import commendation_document
from ratings.commendations.word import commendation_docx
from ratings.models import Commendation
from vusta_party.exports import DOCX, PDF, Export
from vusta_party.pdf import render_pdf


def _stem(commendation: Commendation) -> str:
    kind = "quyet-dinh-khen-thuong" if commendation.level == "own" else "to-trinh-khen-thuong"
    number = f"-{commendation.number:02d}" if commendation.number else "-du-thao"
    return f"{kind}-{commendation.year.year}{number}"


def commendation_pdf(commendation: Commendation) -> Export:
    data = commendation_document(commendation)
    pdf = render_pdf("ratings/documents/commendation.html", {"data": data, "doc": data.doc})
    return Export(f"{_stem(commendation)}.pdf", PDF, pdf)


def commendation_word(commendation: Commendation) -> Export:
    """The same document as an editable Word file."""
    data = commendation_document(commendation)
    return Export(f"{_stem(commendation)}.docx", DOCX, commendation_docx(data))
