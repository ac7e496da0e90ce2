"""A member's history on one line of time: facts, interruptions, disciplines and badges."""

from dataclasses import dataclass
from datetime import date

from members.models import Member, MembershipEvent

ENTRY_KINDS = {MembershipEvent.Kind.ADMITTED, MembershipEvent.Kind.TRANSFERRED_IN}


@dataclass(frozen=True)
class TimelineEntry:
    day: date | None
    title: str
    detail: str
    category: str  # event, interruption, discipline, badge
    object_id: int
    deletable: bool = False  # a fact or interruption staff may remove if entered by mistake
    question: str = ""  # what the delete button asks, naming the entry


def _join(*parts: str) -> str:
    return " · ".join(part for part in parts if part)


def member_timeline(member: Member) -> list[TimelineEntry]:
    """Everything dated about a member, oldest first (uses the member's prefetched relations)."""
    entries = [
        TimelineEntry(
            e.date,
            e.get_kind_display(),
            _join(
                e.cell.name, e.counterpart, e.decision_number and f"Số {e.decision_number}", e.note
            ),
            "event",
            e.pk,
            deletable=e.kind not in ENTRY_KINDS,
            question=f"Xóa sự kiện “{e.get_kind_display()}” ngày {e.date:%d/%m/%Y}?",
        )
        for e in member.events.all()
    ]
    entries += [
        TimelineEntry(
            i.start,
            f"Gián đoạn đến {i.end:%d/%m/%Y} ({i.days} ngày)",
            _join(i.get_reason_display(), i.note),
            "interruption",
            i.pk,
            deletable=True,
            question=f"Xóa thời gian gián đoạn từ {i.start:%d/%m/%Y} đến {i.end:%d/%m/%Y}?",
        )
        for i in member.interruptions.all()
    ]
    entries += [
        TimelineEntry(
            d.decision_date,
            f"Kỷ luật: {d.get_form_display()}",
            _join(
                d.decision_number and f"Số {d.decision_number}",
                d.issued_by,
                d.reason,
                "Chi bộ đã xác nhận sửa chữa" if d.correction_confirmed else "",
            ),
            "discipline",
            d.pk,
        )
        for d in member.disciplines.all()
    ]
    entries += [
        TimelineEntry(
            b.decision_date or b.awarded_on,
            f"{b.get_kind_display()} Huy hiệu {b.milestone} năm tuổi Đảng",
            _join(
                b.decision_number and f"Quyết định số {b.decision_number}",
                b.badge_number and f"Số huy hiệu {b.badge_number}",
                b.note,
            ),
            "badge",
            b.pk,
        )
        for b in member.badges.all()
    ]
    return sorted(entries, key=lambda entry: (entry.day or date.max, entry.category))
