"""Writes of Biểu 7-BTCTW: the figures staff type for a period and for the same period last year."""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from reports.models import StatFormEntry
from reports.periods import Period, period_error
from reports.statform.rules import MAX_TYPED, typed_keys
from vusta_party import clock

SAVED_MEANWHILE = "Số liệu vừa được người khác lưu cùng lúc: hãy tải lại trang rồi nhập lại."


@transaction.atomic
def statform_entries_save(*, figures: Mapping[Period, Mapping[str, int | None]], user=None) -> int:
    """Keep what staff typed: for each period, each typed row's figure (None: not typed, the
    figure kept is removed). Only typed rows; every change in the audit trail. Returns how many
    figures changed."""
    keys = typed_keys()
    today = clock.today()
    for period, values in figures.items():
        if error := period_error(period, today=today):
            raise ValidationError(error)
        if unknown := sorted(set(values) - keys):
            raise ValidationError(f"Dòng không nhập tay được: {', '.join(unknown)}.")
        for value in values.values():
            if value is not None and not 0 <= value <= MAX_TYPED:
                raise ValidationError(f"Số liệu phải từ 0 đến {MAX_TYPED:,}.".replace(",", "."))
    changed = 0
    for period, values in figures.items():
        kept = {
            entry.row: entry
            for entry in StatFormEntry.objects.select_for_update().filter(
                kind=period.kind, start=period.start, end=period.end, row__in=list(values)
            )
        }
        for row, value in values.items():
            entry = kept.get(row)
            if entry is not None and value is None:
                entry._history_user = user
                entry.delete()
            elif entry is None and value is not None:
                entry = StatFormEntry(
                    kind=period.kind, start=period.start, end=period.end, row=row, value=value
                )
            elif entry is None or entry.value == value:
                continue
            else:
                entry.value = value
            if value is not None:
                entry.updated_by = user
                entry._history_user = user
                try:
                    with transaction.atomic():
                        entry.save()
                except IntegrityError as error:  # typed by someone else at the same moment
                    raise ValidationError(SAVED_MEANWHILE) from error
            changed += 1
    return changed
