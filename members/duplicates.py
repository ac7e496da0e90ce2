"""Who may already be on the register as the same person: the one duplicate check of the member
forms, scoped so that it never names a member the user may not see.

The check itself looks at the whole register (a CCCD or a card number is unique in the whole
committee), but a member outside the user's scope (`members_for`) is described, never named: a
cell secretary typing a CCCD learns that it is taken, not by whom.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from members.access import members_for
from members.models import Member
from vusta_party.text import fold

OUTSIDE = "một đảng viên ngoài các chi bộ đồng chí phụ trách (hãy liên hệ Văn phòng Đảng ủy)"


@dataclass(frozen=True)
class Duplicate:
    """A member that may be the same person, and why."""

    member: Member | None  # None when the user may not see them
    same_citizen_id: bool
    same_card: bool

    @property
    def description(self) -> str:
        return f"đảng viên {self.member.full_name}" if self.member else OUTSIDE


def duplicates(
    user,
    *,
    full_name: str = "",
    date_of_birth: date | None = None,
    citizen_id: str | None = None,
    card: str | None = None,
    exclude_pk: int | None = None,
) -> list[Duplicate]:
    """Members with the same CCCD, the same card number, or the same name (ignoring case and
    diacritics) and date of birth, in name order. `user` None is the command line: it sees all.
    Two queries."""
    condition = Q(pk__in=[])
    if citizen_id:
        condition |= Q(citizen_id=citizen_id)
    if card:
        condition |= Q(party_card_number=card)
    if date_of_birth and full_name:
        condition |= Q(date_of_birth=date_of_birth)
    found = Member.objects.filter(condition).exclude(pk=exclude_pk).select_related("cell")
    folded = fold(full_name) if full_name else None
    found = [
        member
        for member in found.in_name_order()
        if (citizen_id and member.citizen_id == citizen_id)
        or (card and member.party_card_number == card)
        or (folded and fold(member.full_name) == folded)
    ]
    visible = (
        {m.pk for m in found}
        if user is None
        else set(
            members_for(user).filter(pk__in=[m.pk for m in found]).values_list("pk", flat=True)
        )
    )
    return [
        Duplicate(
            member=member if member.pk in visible else None,
            same_citizen_id=bool(citizen_id) and member.citizen_id == citizen_id,
            same_card=bool(card) and member.party_card_number == card,
        )
        for member in found
    ]


def unique_id_errors(
    user, *, citizen_id: str | None, card: str | None, exclude_pk: int | None = None
) -> dict[str, str]:
    """The form errors of a CCCD or card number another member holds (field -> message)."""
    errors = {}
    for found in duplicates(user, citizen_id=citizen_id, card=card, exclude_pk=exclude_pk):
        if found.same_citizen_id and "citizen_id" not in errors:
            errors["citizen_id"] = f"Số CCCD {citizen_id} đã có ở {found.description}."
        if found.same_card and "party_card_number" not in errors:
            errors["party_card_number"] = f"Số thẻ đảng viên {card} đã có ở {found.description}."
    return errors
