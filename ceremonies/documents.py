"""The documents of an award round (DOMAIN.md §3, §6): one data function each, returning a frozen
dataclass that one template renders for the screen and for print."""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from ceremonies.models import Proposal, Round
from vusta_party.documents import PartyDocument, party_document, unbroken_tail

K = Proposal.Kind
# Which kinds go on which list (§3): 4-HHĐ regular and early, 4A-HHĐ re-issue, 4B-HHĐ posthumous.
LISTS = {
    "4": ("4-HHĐ", "DANH SÁCH ĐẢNG VIÊN ĐỀ NGHỊ TẶNG HUY HIỆU ĐẢNG", (K.REGULAR, K.EARLY)),
    "4a": ("4A-HHĐ", "DANH SÁCH ĐẢNG VIÊN ĐỀ NGHỊ CẤP LẠI HUY HIỆU ĐẢNG BỊ MẤT", (K.REISSUE,)),
    "4b": (
        "4B-HHĐ",
        "DANH SÁCH ĐẢNG VIÊN ĐỀ NGHỊ TRUY TẶNG HUY HIỆU ĐẢNG",
        (K.POSTHUMOUS, K.POSTHUMOUS_EARLY),
    ),
}
LIST_COLUMNS = [
    "STT",
    "Họ và tên",
    "Ngày sinh",
    "Quê quán",
    "Ngày vào Đảng",
    "Ngày chính thức",
    "Số thẻ đảng viên",
    "Chi bộ",
    "Loại huy hiệu",
    "Ghi chú",
]


def _d(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def round_label(round_: Round) -> str:
    return f"Tặng đợt {round_.date.day}/{round_.date.month}/{round_.date.year}"


@dataclass(frozen=True)
class Line:
    """One member on a list, roster or form, with everything the documents print."""

    number: int
    proposal_id: int
    full_name: str
    sex: str
    date_of_birth: str
    hometown: str
    admission_date: str
    official_date: str
    card: str
    cell: str
    milestone: int
    kind: str
    kind_label: str
    badge_label: str  # "Huy hiệu 30 năm tuổi Đảng"
    note: str
    old_badge_number: str
    badge_number: str
    bonus: int | None
    at_home: bool
    # The dates themselves, for a workbook's date cells (the fields above are as printed).
    born: date | None = None
    admitted: date | None = None
    official: date | None = None
    death_date: str = ""

    @property
    def posthumous(self) -> bool:
        return self.kind in (K.POSTHUMOUS, K.POSTHUMOUS_EARLY)

    @property
    def roster_note(self) -> str:
        """The roster's Ghi chú: a re-issue names the lost badge; "Trao tại nhà"."""
        parts = [f"Cấp lại, số cũ {self.old_badge_number}"] if self.kind == K.REISSUE else []
        if self.at_home:
            parts.append("Trao tại nhà")
        return "; ".join(parts)

    @property
    def milestone_label(self) -> str:
        """ "30 năm", "40 năm (truy tặng)": the badge column of the signature sheet."""
        if self.kind == K.REGULAR:
            return f"{self.milestone} năm"
        old = f", số cũ {self.old_badge_number}" if self.kind == K.REISSUE else ""
        return f"{self.milestone} năm ({self.kind_label.lower()}{old})"


def _lines(proposals) -> list[Line]:
    """Lines in roster order: highest milestone first, then cell, then Vietnamese name order."""
    ordered = sorted(
        proposals,
        key=lambda p: (-p.milestone, p.member.cell.name_sort, p.member.name_sort, p.member_id),
    )
    return [
        Line(
            number=n,
            proposal_id=p.pk,
            full_name=p.member.full_name,
            sex=p.member.get_sex_display(),
            date_of_birth=_d(p.member.date_of_birth),
            hometown=p.member.hometown,
            admission_date=_d(p.member.admission_date),
            official_date=_d(p.member.official_date),
            card=p.member.party_card_number or "",
            cell=p.member.cell.name,
            milestone=p.milestone,
            kind=p.kind,
            kind_label=p.get_kind_display(),
            badge_label=f"Huy hiệu {p.milestone} năm tuổi Đảng",
            note=_note(p),
            old_badge_number=p.old_badge_number,
            badge_number=p.badge_number,
            bonus=p.bonus,
            at_home=p.presented_at_home,
            born=p.member.date_of_birth,
            admitted=p.member.admission_date,
            official=p.member.official_date,
            death_date=_d(p.member.death_date),
        )
        for n, p in enumerate(ordered, 1)
    ]


def _note(proposal: Proposal) -> str:
    """Ghi chú: every posthumous line reads "Từ trần ngày …", an early one adds "truy tặng sớm"."""
    if proposal.kind == K.EARLY:
        return f"Tặng sớm: {proposal.note}" if proposal.note else "Tặng sớm"
    if proposal.kind in (K.POSTHUMOUS, K.POSTHUMOUS_EARLY):
        parts = [f"Từ trần ngày {_d(proposal.member.death_date)}"]
        if proposal.kind == K.POSTHUMOUS_EARLY:
            parts.append("truy tặng sớm")
        if proposal.note:
            parts.append(proposal.note)
        return "; ".join(parts)
    if proposal.kind == K.REISSUE:
        # after the decision the list, and its spreadsheet, carry the new number too
        new = f"cấp lại số {proposal.badge_number}" if proposal.badge_number else ""
        return "; ".join(part for part in (proposal.loss_statement, new) if part)
    return proposal.note


def included(round_: Round, members: QuerySet | None = None) -> QuerySet[Proposal]:
    """The included lines of a round (of the given members, for a scoped user)."""
    queryset = round_.proposals.filter(included=True).select_related("member", "member__cell")
    if members is not None:
        queryset = queryset.filter(member__in=members)
    return queryset


@dataclass(frozen=True)
class ProposalList:
    code: str  # 4-HHĐ, 4A-HHĐ, 4B-HHĐ
    title: str
    round_label: str
    columns: tuple[str, ...]
    lines: tuple[Line, ...]
    doc: PartyDocument

    @property
    def widths(self) -> tuple[int, ...]:
        """Column widths in per cent, the same in the PDF and the Word file."""
        if self.code == "4A-HHĐ":
            return (5, 8, 15, 8, 10, 8, 8, 8, 11, 9, 10)
        return (5, 16, 8, 11, 8, 8, 8, 13, 11, 12)

    @property
    def total_line(self) -> str:
        return f"Danh sách có {len(self.lines)} đồng chí."


def proposal_list(round_: Round, key: str, members=None) -> ProposalList:
    code, title, kinds = LISTS[key]
    columns = list(LIST_COLUMNS)
    if key == "4a":
        columns.insert(1, "Số Huy hiệu cũ")
    return ProposalList(
        code=code,
        title=title,
        round_label=round_label(round_),
        columns=tuple(columns),
        lines=tuple(_lines(included(round_, members).filter(kind__in=kinds))),
        doc=party_document(day=round_.submission_date or round_.date, type_code="DS"),
    )


@dataclass(frozen=True)
class MilestoneTotal:
    milestone: int
    count: int
    early: int
    posthumous: int
    bonus: int


@dataclass(frozen=True)
class Totals:
    by_milestone: tuple[MilestoneTotal, ...]
    count: int
    reissued: int
    bonus: int


def totals(lines: list[Line]) -> Totals:
    awards = [line for line in lines if line.kind != K.REISSUE]
    counts = Counter(line.milestone for line in awards)
    rows = tuple(
        MilestoneTotal(
            milestone=m,
            count=counts[m],
            early=sum(1 for line in awards if line.milestone == m and line.kind == K.EARLY),
            posthumous=sum(
                1
                for line in awards
                if line.milestone == m and line.kind in (K.POSTHUMOUS, K.POSTHUMOUS_EARLY)
            ),
            bonus=sum(line.bonus or 0 for line in awards if line.milestone == m),
        )
        for m in sorted(counts, reverse=True)
    )
    return Totals(
        by_milestone=rows,
        count=len(awards),
        reissued=len(lines) - len(awards),
        bonus=sum(row.bonus for row in rows),
    )


@dataclass(frozen=True)
class Submission:
    """Tờ trình: the committee proposes the round's list to the higher committee. Its sentences
    are here, so that the PDF and the Word file read the same words."""

    doc: PartyDocument
    round_label: str
    round_date: date
    totals: Totals
    early: tuple[Line, ...]
    columns = ("Loại Huy hiệu", "Số đảng viên", "Trong đó tặng sớm", "Trong đó truy tặng")

    @property
    def subject(self) -> str:
        day = self.round_date
        return f"Về việc đề nghị tặng Huy hiệu Đảng đợt {day.day}/{day.month}/{day.year}"

    @property
    def addressee(self) -> str:
        return f"Kính gửi: Ban Thường vụ {self.doc.higher_committee_text}"

    @property
    def opening(self) -> tuple[tuple[str, bool], ...]:
        """The first paragraph as (text, bold) parts: the counts are printed bold."""
        parts = [
            (
                "Căn cứ Điều lệ Đảng và các quy định, hướng dẫn của Trung ương về việc xét tặng "
                "Huy hiệu Đảng; căn cứ đề nghị của các chi bộ trực thuộc, "
                f"{self.doc.committee_text} kính trình Ban Thường vụ xem xét, quyết định tặng "
                f"Huy hiệu Đảng nhân dịp {self.round_date:%d/%m/%Y} cho ",
                False,
            ),
            (str(self.totals.count), True),
            (" đồng chí đảng viên", False),
        ]
        if self.totals.reissued:
            parts += [
                (" và cấp lại Huy hiệu Đảng cho ", False),
                (str(self.totals.reissued), True),
                (" đồng chí bị mất Huy hiệu", False),
            ]
        return (*parts, (", cụ thể:", False))

    @property
    def early_lines(self) -> tuple[str, ...]:
        return tuple(
            f"- Đồng chí {line.full_name} ({line.cell}), Huy hiệu {line.milestone} năm: "
            f"{line.note}."
            for line in self.early
        )

    @property
    def closing_sentence(self) -> str:
        return f"{self.doc.committee_text} kính trình Ban Thường vụ xem xét, quyết định."


def submission(round_: Round) -> Submission:
    lines = _lines(included(round_))
    doc = party_document(
        day=round_.submission_date or round_.date,
        type_code="TTr",
        sequence=round_.submission_number,
        recipients=("Như trên", "Lưu Văn phòng Đảng ủy"),
    )
    return Submission(
        doc=doc,
        round_label=round_label(round_),
        round_date=round_.date,
        totals=totals(lines),
        early=tuple(line for line in lines if line.kind == K.EARLY),
    )


@dataclass(frozen=True)
class Roster:
    """The ceremony roster in programme order, with totals of badges and bonus money."""

    doc: PartyDocument
    round_label: str
    decision: str
    lines: tuple[Line, ...]
    totals: Totals
    title = "Danh sách đảng viên được trao tặng Huy hiệu Đảng"
    columns = (
        "STT",
        "Họ và tên",
        "Năm sinh",
        "Chi bộ",
        "Ngày vào Đảng",
        "Loại Huy hiệu",
        "Số Huy hiệu",
        "Tiền thưởng (đồng)",
        "Ghi chú",
    )
    widths = (5, 20, 6, 17, 9, 15, 8, 10, 10)  # per cent, in the PDF and the Word file
    total_columns = ("Loại Huy hiệu", "Số đảng viên", "Tiền thưởng (đồng)")
    signature_title = "Sổ tặng Huy hiệu Đảng – ký nhận"
    signature_columns = (
        "STT",
        "Họ và tên",
        "Chi bộ",
        "Loại Huy hiệu",
        "Số Huy hiệu",
        "Ngày nhận",
        "Ký nhận",
    )
    signature_widths = (5, 22, 20, 15, 11, 11, 16)

    @property
    def subject(self) -> str:
        return self.round_label + (f" ({self.decision})" if self.decision else "")


def roster(round_: Round, members=None) -> Roster:
    """Every badge the ceremony presents: the awards and the re-issued badges (4A-HHĐ, with their
    new number and the one lost), so the roster and the signature sheet carry them both."""
    lines = _lines(included(round_, members))
    decision = (
        f"Quyết định số {round_.decision_number} ngày {_d(round_.decision_date)}"
        + (f" của {round_.decided_by}" if round_.decided_by else "")
        if round_.decision_number
        else ""
    )
    return Roster(
        doc=party_document(day=round_.date, type_code="DS"),
        round_label=round_label(round_),
        decision=decision,
        lines=tuple(lines),
        totals=totals(lines),
    )


def _cell_addressee(cell: str) -> str:
    """ "Kính gửi: Chi ủy chi bộ Hội Vật lý": the cell's name without its own "Chi bộ"."""
    rest = cell[len("Chi bộ ") :] if cell.casefold().startswith("chi bộ ") else cell
    return f"Kính gửi: Chi ủy chi bộ {rest}"


@dataclass(frozen=True)
class Declaration:
    """One 6-HHĐ declaration: a document of its own, issued by the member's cell."""

    line: Line
    committee_name: str
    cell_name: str  # in capitals, as the header prints it

    @property
    def award(self) -> str:
        return "truy tặng" if self.line.posthumous else "tặng"

    @property
    def subject(self) -> str:
        return f"Đề nghị {self.award} Huy hiệu {self.line.milestone} năm tuổi Đảng"

    @property
    def addressee(self) -> str:
        return _cell_addressee(self.line.cell)

    @property
    def facts(self) -> tuple[str, ...]:
        """The lines the declarant fills or checks, in the form's order."""
        line = self.line
        rows = [
            f"Họ và tên: {line.full_name}    Giới tính: {line.sex}    "
            f"Ngày sinh: {line.date_of_birth}",
            f"Quê quán: {line.hometown}",
            f"Ngày vào Đảng: {line.admission_date}    Ngày chính thức: {line.official_date}",
            f"Số thẻ đảng viên: {line.card}    Sinh hoạt tại: {line.cell}",
        ]
        if line.posthumous:
            rows.append(f"Từ trần ngày: {line.death_date}")
        if line.note and not line.posthumous:
            rows.append(f"Ghi chú: {line.note}")
        return tuple(rows)

    @property
    def pledge(self) -> str:
        who = (
            "Tôi là thân nhân của đồng chí, xin cam đoan"
            if self.line.posthumous
            else ("Tôi xin cam đoan")
        )
        return (
            f"{who} những lời khai trên là đúng sự thật. Đề nghị chi bộ xem xét, đề nghị cấp "
            f"trên {self.award} Huy hiệu Đảng."
        )

    @property
    def signer(self) -> str:
        return "Thân nhân người khai" if self.line.posthumous else "Người khai"

    @property
    def signer_hint(self) -> str:
        """Under the signer: a relative writes their own name; a member's is printed."""
        return "(Ký, ghi rõ họ tên và quan hệ với đảng viên)" if self.line.posthumous else ""

    @property
    def signer_name(self) -> str:
        return "" if self.line.posthumous else self.line.full_name


@dataclass(frozen=True)
class Declarations:
    doc: PartyDocument
    items: tuple[Declaration, ...]
    blank_lines: int = 8
    history_prompt = "Quá trình hoạt động và những thay đổi về đảng tịch (nếu có):"
    cell_confirmation = "Xác nhận của chi ủy chi bộ"


def declarations(round_: Round, members=None) -> Declarations:
    """The 6-HHĐ declaration of every member proposed for a badge (4-HHĐ, then 4B-HHĐ)."""
    living = proposal_list(round_, "4", members)
    posthumous = proposal_list(round_, "4b", members)
    return Declarations(
        doc=living.doc,
        items=tuple(
            Declaration(
                line=line,
                committee_name=living.doc.committee_header,
                cell_name=unbroken_tail(line.cell.upper()),
            )
            for line in living.lines + posthumous.lines
        ),
    )
