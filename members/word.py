"""The members register (sổ danh sách đảng viên, form 7-HSĐV) as a Word file, from the rows and the
party document parts its PDF prints (members/exports.py: register_rows)."""

from django.db.models import QuerySet

from members.exports import REGISTER_HEADERS, register_rows
from members.models import Member
from vusta_party import clock
from vusta_party.documents import party_document
from vusta_party.docx import Cell, WordDocument
from vusta_party.exports import DOCX, Export

# Per cent of the landscape text width, STT first (the 14 columns of the form).
WIDTHS = (4, 11, 8, 8, 9, 8, 7, 9, 5, 7, 7, 5, 6, 6)


def register_docx(queryset: QuerySet[Member], *, title_suffix: str = "") -> Export:
    today = clock.today()
    word = WordDocument(party_document(day=today, type_code="DS"), landscape=True)
    word.header(number=False)
    word.title("Sổ danh sách đảng viên", title_suffix)
    rows = register_rows(queryset)
    groups = {
        index: row.cell
        for index, row in enumerate(rows)
        if index == 0 or rows[index - 1].cell != row.cell
    }
    word.table(
        REGISTER_HEADERS,
        [(Cell(str(row.number), "center"), *row.cells) for row in rows]
        or [("Không có đảng viên.", *[""] * (len(REGISTER_HEADERS) - 1))],
        widths=WIDTHS,
        size=8,
        group_rows=groups,
    )
    return Export(f"so-danh-sach-dang-vien-{today:%Y%m%d}.docx", DOCX, word.to_bytes())
