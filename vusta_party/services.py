"""Writes of the base app."""

from datetime import date

from django.db import transaction

from vusta_party.models import CommitteeProfile, DocumentCounter

PROFILE_FIELDS = (
    "higher_committee_name",
    "committee_name",
    "higher_committee_text",
    "committee_text",
    "place_name",
    "document_symbol",
    "term_name",
    "term_start",
    "signer_authority",
    "signer_title",
    "signer_name",
)


@transaction.atomic
def committee_profile_save(*, valid_from: date, values: dict, user) -> CommitteeProfile:
    """Record the committee profile in force from `valid_from`.

    A version that starts on the same day is corrected in place; any other date adds a version,
    so documents dated earlier keep printing the names that were in force then.
    """
    profile, _ = CommitteeProfile.objects.update_or_create(
        valid_from=valid_from,
        defaults={**{name: values[name] for name in PROFILE_FIELDS}, "created_by": user},
    )
    return profile


@transaction.atomic
def next_document_number(*, type_code: str, day: date) -> tuple[int, str]:
    """Take the next number of a document type in the term in force on `day`.

    Returns (number, term name). The counter row is locked, so two documents issued at once never
    share a number.
    """
    profile = CommitteeProfile.objects.in_force(day)
    term = profile.term_name if profile else ""
    DocumentCounter.objects.get_or_create(type_code=type_code, term_name=term)
    counter = DocumentCounter.objects.select_for_update().get(type_code=type_code, term_name=term)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number, term
