"""Writes of the base app: the register of document numbers."""

from datetime import date

from django.db import transaction

from vusta_party.models import CommitteeProfile, DocumentCounter


def _term_on(day: date) -> str:
    profile = CommitteeProfile.objects.in_force(day, earliest_before_first=True)
    return profile.term_name if profile else ""


def coming_document_number(*, type_code: str, day: date) -> tuple[int, str]:
    """The number `next_document_number` would take now, read without taking it or locking:
    for a document printed before its number is taken (see `reports.services.report_issue`)."""
    term = _term_on(day)
    last = (
        DocumentCounter.objects.filter(type_code=type_code, term_name=term)
        .values_list("last_number", flat=True)
        .first()
    )
    return (last or 0) + 1, term


@transaction.atomic
def next_document_number(*, type_code: str, day: date) -> tuple[int, str]:
    """Take the next number of a document type in the term in force on `day`.

    Returns (number, term name). The counter row is locked, so two documents issued at once never
    share a number.
    """
    term = _term_on(day)
    DocumentCounter.objects.get_or_create(type_code=type_code, term_name=term)
    counter = DocumentCounter.objects.select_for_update().get(type_code=type_code, term_name=term)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number, term
