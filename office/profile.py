"""The committee profile (DOMAIN.md §6): names, place, symbol, term and signer, dated."""

from datetime import date

from django.db import transaction

from vusta_party.models import CommitteeProfile

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
    "layout",
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
