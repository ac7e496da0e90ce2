"""The page shown when django-axes refuses a sign-in (AXES_LOCKOUT_CALLABLE)."""

from axes.helpers import get_client_username
from django.conf import settings
from django.shortcuts import render


def lockout_response(request, credentials=None):
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {
        "username": get_client_username(request, credentials) or "",
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": minutes,
    }
    return render(request, "registration/locked_out.html", context, status=429)
