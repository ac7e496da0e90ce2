"""The documents of an award round (DOMAIN.md §3, §6): one data function each, returning a frozen
dataclass that one template renders for the screen and for print."""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from ceremonies.models import Proposal, Round
from vusta_party.documents import PartyDocument, party_document

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
        )
        for n, p in enumerate(ordered, 1)
    ]


def _note(proposal: Proposal) -> str:
    if proposal.kind == K.EARLY:
        return f"Tặng sớm: {proposal.note}" if proposal.note else "Tặng sớm"
    if proposal.kind == K.POSTHUMOUS_EARLY:
        return "Truy tặng sớm" + (f": {proposal.note}" if proposal.note else "")
    if proposal.kind == K.POSTHUMOUS and proposal.member.death_date:
        return f"Từ trần ngày {_d(proposal.member.death_date)}"
    if proposal.kind == K.REISSUE:
        return proposal.loss_statement
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
    """Tờ trình: the committee proposes the round's list to the higher committee."""

    doc: PartyDocument
    round_label: str
    round_date: date
    totals: Totals
    early: tuple[Line, ...]


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
