"""The funding document (estimate or settlement) as a Word file, from the same data as its PDF
(ceremonies/funding_documents.py), in the party layout of vusta_party/docx.py."""

from ceremonies.funding_documents import COLUMNS, FundingDocument, Group, Sum
from vusta_party.docx import LEFT, Cell, WordDocument
from vusta_party.exports import DOCX, Export

WIDTHS = (8, 26, 10, 9, 15, 16, 16)
EMPTY = "Không có trường hợp nào."


def _table(word: WordDocument, groups: tuple[Group, ...], total: Sum, total_label: str) -> None:
    rows, group_rows = [], {}
    for group in groups:
        group_rows[len(rows)] = group.title
        for row in group.rows:
            if row.subtotal:
                rows.append(
                    (
                        "",
                        row.label,
                        Cell(str(row.count), "right"),
                        "",
                        "",
                        "",
                        Cell(row.total, "right"),
                    )
                )
            else:
                rows.append(
                    (
                        Cell(row.number, "center"),
                        row.label,
                        Cell(str(row.count), "right"),
                        Cell(row.coefficient, "right"),
                        Cell(row.base_salary, "right"),
                        Cell(row.amount, "right"),
                        Cell(row.total, "right"),
                    )
                )
    if not groups:
        rows.append((Cell(EMPTY, "center"), "", "", "", "", "", ""))
    rows.append(
        (
            "",
            Cell(total_label, bold=True),
            Cell(str(total.count), "right", True),
            "",
            "",
            "",
            Cell(total.number, "right", True),
        )
    )
    word.table(COLUMNS, rows, widths=WIDTHS, size=12, group_rows=group_rows)


def funding_docx(data: FundingDocument) -> bytes:
    word = WordDocument(data.doc)
    word.header()
    word.title("Báo cáo", data.subject)
    word.paragraph(data.intro)
    _table(word, data.groups, data.total, "Tổng cộng")
    word.paragraph(data.total_sentence)
    if data.by_milestone:
        word.paragraph(f"Theo mốc Huy hiệu: {data.by_milestone_text}.")
    if data.early_groups:
        word.heading(data.early_heading)
        _table(word, data.early_groups, data.early, "Cộng tặng sớm")
        word.paragraph(data.early_sentence)
        bold, rest = data.overall_sentence
        word.runs(((bold, True), (rest, False)))
    if data.notes:
        word.paragraph("Ghi chú:", italic=True, indent=False, align=LEFT)
        for note in data.notes:
            word.paragraph(f"- {note}", indent=False)
    word.closing()
    return word.to_bytes()


def funding_word(data: FundingDocument, *, stem: str) -> Export:
    return Export(f"{stem}.docx", DOCX, funding_docx(data))
