"""What a commendation prints (DOMAIN.md §4b, §6): the committee's decision and its list, or the
tờ trình to the higher committee and its list. One data function, for the PDF and the Word file."""

from dataclasses import dataclass
from datetime import date

from ratings.commendations.queries import DECISION_TYPE, SUBMISSION_TYPE, counts, lines_of
from ratings.enums import CommendationLevel
from ratings.models import Commendation
from vusta_party import clock
from vusta_party.documents import PartyDocument, party_document


@dataclass(frozen=True)
class ListLine:
    number: int
    name: str  # the member's name, or the cell's
    cell: str  # the member's cell ("" for a cell)
    title: str


@dataclass(frozen=True)
class CommendationDocument:
    doc: PartyDocument
    own: bool  # the committee's decision; else a tờ trình to the higher committee
    form: str  # "Giấy khen"
    year: int
    reason: str
    cells: int
    members: int
    lines: tuple[ListLine, ...]
    dated: date
    draft: bool  # not issued yet: printed as a draft, without its number
    threshold: int  # years of a streak, for a proposal

    @property
    def cell_lines(self) -> tuple[ListLine, ...]:
        return tuple(line for line in self.lines if not line.cell)

    @property
    def member_lines(self) -> tuple[ListLine, ...]:
        return tuple(line for line in self.lines if line.cell)

    @property
    def whom(self) -> str:
        """ "2 chi bộ và 3 đảng viên" (an empty part left out)."""
        parts = [
            f"{self.cells} chi bộ" if self.cells else "",
            f"{self.members} đảng viên" if self.members else "",
        ]
        return " và ".join(part for part in parts if part)

    @property
    def subject(self) -> str:
        if self.own:
            return f"Về việc khen thưởng tổ chức đảng, đảng viên năm {self.year}"
        return (
            f"Về việc đề nghị tặng {self.form} cho tổ chức đảng, đảng viên "
            f"{self.threshold} năm liền hoàn thành xuất sắc nhiệm vụ (đến năm {self.year})"
        )

    @property
    def reason_in_text(self) -> str:
        """The reason as it reads after the list of whom ("… 3 đảng viên đã có thành tích …"):
        a capital first letter lowered unless it begins an abbreviation ("HTXSNV")."""
        reason = self.reason.rstrip(". ")
        if len(reason) > 1 and reason[0].isupper() and not reason[1].isupper():
            return reason[0].lower() + reason[1:]
        return reason

    @property
    def number_in_text(self) -> str:
        """ "số 01-QĐ/ĐU", as the number reads inside a sentence."""
        return "s" + self.doc.number[1:]

    @property
    def kind(self) -> str:
        return "Quyết định" if self.own else "Tờ trình"

    @property
    def addressee(self) -> str:
        return f"Kính gửi: Ban Thường vụ {self.doc.higher_committee_text}"

    @property
    def grounds(self) -> tuple[str, ...]:
        """The paragraphs before "Quyết định:" (a decision) or the proposal's paragraphs."""
        doc = self.doc
        if self.own:
            return (
                "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
                f"Căn cứ Quy chế làm việc của {doc.committee_text};",
                "Căn cứ kết quả kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng "
                f"viên năm {self.year};",
                "Xét đề nghị của Văn phòng Đảng ủy,",
            )
        return (
            "Căn cứ Điều lệ Đảng Cộng sản Việt Nam và các quy định, hướng dẫn về công tác thi "
            "đua, khen thưởng trong Đảng; căn cứ kết quả kiểm điểm, đánh giá, xếp loại chất "
            f"lượng tổ chức đảng và đảng viên các năm đến năm {self.year},",
            f"{doc.committee_text} kính trình Ban Thường vụ xem xét, tặng {self.form} của Ban "
            f"Thường vụ {doc.higher_committee_text} cho {self.whom} {self.reason_in_text} (có "
            "danh sách kèm theo).",
            f"{doc.committee_text} kính trình Ban Thường vụ xem xét, quyết định.",
        )

    @property
    def articles(self) -> tuple[tuple[str, str], ...]:
        """A decision's articles: ("Điều 1.", text)."""
        return (
            (
                "Điều 1.",
                f"Tặng {self.form} của {self.doc.committee_text} cho {self.whom} "
                f"{self.reason_in_text} (có danh sách kèm theo).",
            ),
            (
                "Điều 2.",
                "Văn phòng Đảng ủy, các chi bộ trực thuộc và các đồng chí có tên tại Điều 1 chịu "
                "trách nhiệm thi hành Quyết định này.",
            ),
        )

    @property
    def annex_title(self) -> str:
        return "Danh sách khen thưởng" if self.own else "Danh sách đề nghị khen thưởng"

    @property
    def annex_ref(self) -> str:
        return (
            f"(Kèm theo {self.kind} {self.number_in_text}, {self.dated_text} của "
            f"{self.doc.committee_text})"
        )

    @property
    def cell_part(self) -> str:
        return f"I. Tập thể: {self.cells} chi bộ"

    @property
    def member_part(self) -> str:
        return f"{'II' if self.cell_lines else 'I'}. Cá nhân: {self.members} đảng viên"

    @property
    def total_line(self) -> str:
        return f"Danh sách có {self.whom}."

    cell_columns = ("STT", "Tên chi bộ", "Thành tích")
    cell_widths = (9, 36, 55)
    member_columns = ("STT", "Họ và tên", "Chi bộ", "Thành tích")
    member_widths = (9, 27, 24, 40)

    @property
    def dated_text(self) -> str:
        """ "ngày 20/12/2025" (the list's reference line); "ngày ..." on an unissued draft."""
        return "ngày   /   /    " if self.draft else f"ngày {self.dated:%d/%m/%Y}"


def commendation_document(commendation: Commendation) -> CommendationDocument:
    lines = lines_of(commendation)
    found = counts(lines)
    own = commendation.level == CommendationLevel.OWN
    day = commendation.dated or clock.today()
    doc = party_document(
        day=day,
        type_code=DECISION_TYPE if own else SUBMISSION_TYPE,
        sequence=commendation.number,
        recipients=("Như Điều 2", "Lưu Văn phòng Đảng ủy")
        if own
        else ("Như trên", "Lưu Văn phòng Đảng ủy"),
    )
    return CommendationDocument(
        doc=doc,
        own=own,
        form=commendation.get_form_display(),
        year=commendation.year.year,
        reason=commendation.reason,
        cells=found.cells,
        members=found.members,
        lines=(
            *(
                ListLine(number=n, name=line.cell.name_on(day), cell="", title=line.title)
                for n, line in enumerate((line for line in lines if line.cell_id), 1)
            ),
            *(
                ListLine(
                    number=n,
                    name=line.member.full_name,
                    cell=line.rated_cell.name_on(day),
                    title=line.title,
                )
                for n, line in enumerate((line for line in lines if line.member_id), 1)
            ),
        ),
        dated=day,
        draft=commendation.number is None,
        threshold=commendation.year.streak_threshold,
    )
