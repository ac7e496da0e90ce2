"""The documents of an award round as Word files, from the same data as their PDFs
(ceremonies/documents.py), in the party layout of vusta_party/docx.py."""

from ceremonies.documents import Submission
from vusta_party.docx import CENTER, Cell, WordDocument


def _money(value: int | None) -> str:
    """ "7.590.000", as the PDF prints it (humanize's intcomma in Vietnamese)."""
    return "" if value is None else f"{value:,}".replace(",", ".")


def submission_docx(sub: Submission) -> bytes:
    word = WordDocument(sub.doc)
    word.header()
    word.title("Tờ trình", sub.subject)
    word.paragraph(sub.addressee, indent=False, align=CENTER)
    word.runs(sub.opening)
    rows = [
        (
            f"Huy hiệu {row.milestone} năm tuổi Đảng",
            Cell(str(row.count), "right"),
            Cell(str(row.early), "right"),
            Cell(str(row.posthumous), "right"),
        )
        for row in sub.totals.by_milestone
    ]
    rows.append((Cell("Cộng", bold=True), Cell(str(sub.totals.count), "right", True), "", ""))
    word.table(sub.columns, rows, widths_mm=(70, 30, 30, 30))
    if sub.early:
        word.paragraph("Các trường hợp đề nghị tặng sớm do bệnh nặng:")
        for text in sub.early_lines:
            word.paragraph(text, indent=False)
    word.paragraph("(Có danh sách và hồ sơ kèm theo.)")
    word.paragraph(sub.closing_sentence)
    word.closing()
    return word.to_bytes()
