"""Text is stored in Unicode NFC (DOMAIN.md §8), whatever way it came in: a form, an import, a
command, the admin. Every model's text fields are normalised just before a save, so that no
entry point can forget it; bulk writes (the import, the demo register) normalise their own text.
"""

from django.db import models

from vusta_party.text import nfc

TEXT_FIELDS = (models.CharField, models.TextField)


def store_text_in_nfc(sender, instance, raw=False, **kwargs) -> None:
    """pre_save: every text field of the instance in NFC (a restored row is kept as it was)."""
    if raw:
        return
    for field in sender._meta.concrete_fields:
        if isinstance(field, TEXT_FIELDS):
            value = getattr(instance, field.attname)
            if isinstance(value, str) and not value.isascii():
                setattr(instance, field.attname, nfc(value))
