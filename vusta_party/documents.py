"""The parts every party document prints (DOMAIN.md §6), in the layout profile in force.

`party_document()` gathers them into one frozen dataclass that `templates/documents/base.html`
renders; a printed document adds its title, body and recipients.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ImproperlyConfigured

from vusta_party.models import CommitteeProfile, DocumentCounter

# Width of the blank left for a number written by hand on an unnumbered draft.
_BLANK_NUMBER = "\u00a0" * 6


def place_date_line(*, place: str, day: date) -> str:
    """ "Hà Nội, ngày 05 tháng 02 năm 2026": days below 10 and months 1 and 2 take a leading zero."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def document_number(*, sequence: int | None, type_code: str, symbol: str) -> str:
    """ "Số 05-TTr/ĐU"; without a sequence, a blank to fill in by hand ("Số       -CV/ĐU")."""
    number = _BLANK_NUMBER if sequence is None else f"{sequence:02d}"
    return f"Số {number}-{type_code}/{symbol}"


def sentence_case(name: str) -> str:
    """ "ĐẢNG ỦY CƠ QUAN" -> "Đảng ủy cơ quan": a fallback when no running-text name is set."""
    lowered = name.lower()
    return lowered[:1].upper() + lowered[1:]


@dataclass(frozen=True)
class Layout:
    """What a layout profile changes in a printed document (vusta_party.models.DocumentLayout)."""

    code: str
    margin_top: int  # mm
    margin_bottom: int
    margin_left: int
    margin_right: int
    subject_prefix: str  # "V/v" or "Về việc"
    recipients_underlined: bool
    signer_title_bold: bool


def layout_of(profile: CommitteeProfile) -> Layout:
    row = profile.layout
    return Layout(
        row.code,
        row.margin_top,
        row.margin_bottom,
        row.margin_left,
        row.margin_right,
        row.subject_prefix,
        row.recipients_underlined,
        row.signer_title_bold,
    )


@dataclass(frozen=True)
class PartyDocument:
    """Header, number, date line and signature block of one document."""

    higher_committee_name: str
    committee_name: str
    number: str
    place_date: str
    signer_authority: str
    signer_title: str
    signer_name: str
    recipients: tuple[str, ...]
    layout: Layout
    higher_committee_text: str = ""  # the names as written in a sentence
    committee_text: str = ""


def party_document(
    *,
    day: date,
    type_code: str,
    sequence: int | None = None,
    recipients: tuple[str, ...] = (),
) -> PartyDocument:
    """The document parts from the committee profile in force on `day`, in the layout profile
    that committee profile chose."""
    profile = CommitteeProfile.objects.select_related("layout").in_force(
        day, earliest_before_first=True
    )
    if profile is None:
        raise ImproperlyConfigured(
            f"Chưa có thông tin cấp ủy áp dụng cho ngày {day:%d/%m/%Y}: "
            "hãy nhập thông tin cấp ủy trước khi in văn bản."
        )
    return PartyDocument(
        higher_committee_name=profile.higher_committee_name,
        committee_name=profile.committee_name,
        number=document_number(
            sequence=sequence, type_code=type_code, symbol=profile.document_symbol
        ),
        place_date=place_date_line(place=profile.place_name, day=day),
        signer_authority=profile.signer_authority,
        signer_title=profile.signer_title,
        signer_name=profile.signer_name,
        recipients=recipients,
        higher_committee_text=profile.higher_committee_text
        or sentence_case(profile.higher_committee_name),
        committee_text=profile.committee_text or sentence_case(profile.committee_name),
        layout=layout_of(profile),
    )


def next_number_text(*, type_code: str, day: date) -> str:
    """The number the next document of a type dated `day` will take ("01-TTr/ĐU"), read
    without taking it: what a confirmation tells staff before they issue."""
    profile = CommitteeProfile.objects.in_force(day, earliest_before_first=True)
    term = profile.term_name if profile else ""
    last = (
        DocumentCounter.objects.filter(type_code=type_code, term_name=term)
        .values_list("last_number", flat=True)
        .first()
    )
    symbol = profile.document_symbol if profile else ""
    return f"{(last or 0) + 1:02d}-{type_code}/{symbol}"
