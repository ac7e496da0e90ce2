"""Today's date, in the committee's time zone: the one place the app asks for it.

Code calls `clock.today()` (through the module, so tests can set the day with the `today`
fixture); pure rules never ask: they take the date as an argument.
"""

from datetime import date, datetime

from django.utils import timezone


def today() -> date:
    return timezone.localdate()


def local_day(moment: datetime) -> date:
    """The committee's day of a moment (a stored timestamp)."""
    return timezone.localtime(moment).date()
