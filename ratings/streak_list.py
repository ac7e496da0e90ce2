"""The list of the year's streaks proposed for commendation (members HTXSNV, cells tiêu biểu
in consecutive years, DOMAIN.md §4): one set of data for its PDF and its Word file."""

from dataclasses import dataclass
from datetime import date

from ratings.models import RatingYear
from ratings.queries import Streak
from vusta_party.documents import PartyDocument, party_document
from vusta_party.docx import LEFT, Cell, WordDocument

EMPTY = "Không có."


@dataclass(frozen=True)
class StreakList:
    doc: PartyDocument
    year: int
    threshold: int
    members: tuple[Streak, ...]
    cells: tuple[Streak, ...]
    title = "Danh sách đề nghị khen thưởng"
    member_part = "Đảng viên"
    cell_part = "Chi bộ"
    member_columns = ("STT", "Họ và tên", "Chi bộ", "Số năm liền HTXSNV")
    cell_columns = ("STT", "Chi bộ", "Số năm liền HTXSNV (tiêu biểu)")
    member_widths = (8, 36, 32, 24)  # per cent, in the Word file
    cell_widths = (8, 56, 36)

    @property
    def subject(self) -> str:
        return (
            f"Đảng viên, chi bộ {self.threshold} năm liền hoàn thành xuất sắc nhiệm vụ"
            f" (đến năm {self.year})"
        )

    @property
    def filename_stem(self) -> str:
        return f"de-nghi-khen-thuong-{self.year}"


def streak_list(
    year: RatingYear, members: list[Streak], cells: list[Streak], *, day: date
) -> StreakList:
    """The streaks of `year` (queries.streaks) as printed on `day`, in the profile then in force."""
    return StreakList(
        doc=party_document(day=day, type_code="DS"),
        year=year.year,
        threshold=year.streak_threshold,
        members=tuple(members),
        cells=tuple(cells),
    )


def streak_list_docx(data: StreakList) -> bytes:
    """The list as a Word file: the header (no number), the title, the members' and the cells'
    tables, the signature."""
    word = WordDocument(data.doc)
    word.header(number=False)
    word.title(data.title, data.subject)
    word.paragraph(data.member_part, bold=True, align=LEFT, indent=False, keep_with_next=True)
    word.table(
        data.member_columns,
        [
            (Cell(str(n), "center"), item.name, item.cell, Cell(str(item.years), "center"))
            for n, item in enumerate(data.members, 1)
        ]
        or [(Cell(EMPTY, "center"), "", "", "")],
        widths=data.member_widths,
    )
    word.paragraph(data.cell_part, bold=True, align=LEFT, indent=False, keep_with_next=True)
    word.table(
        data.cell_columns,
        [
            (Cell(str(n), "center"), item.name, Cell(str(item.years), "center"))
            for n, item in enumerate(data.cells, 1)
        ]
        or [(Cell(EMPTY, "center"), "", "")],
        widths=data.cell_widths,
    )
    word.closing()
    return word.to_bytes()
