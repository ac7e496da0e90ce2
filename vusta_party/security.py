"""Page-level protections: the Content-Security-Policy header, the end of idle sessions, and the
address a request comes from.

The policy lets pages run only the app's own scripts, load only its own files, and not be framed
by another site or post forms elsewhere. Inline styles stay allowed: the report charts are SVG
drawings with style attributes.
"""

import ipaddress
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.utils.cache import add_never_cache_headers

LAST_SEEN = "last_seen"
TOUCH_EVERY = 60  # seconds: the session is written at most once a minute, not on every page

POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",  # the document previews frame the app's own pages
    )
)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", POLICY)
        return response


class NoStoreMiddleware:
    """Every page and file a signed-in user gets may hold members' personal data: no browser
    cache, shared computer or proxy keeps a copy (Cache-Control: no-store, private). The rule is
    simply every response to a signed-in user; static files (served before this, by whitenoise)
    and the sign-in page stay cacheable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated:
            add_never_cache_headers(response)
        return response


def now() -> float:
    return time.time()


def stamp_sign_in(sender, request, user, **kwargs) -> None:
    """A new session starts active (connected to user_logged_in in apps.py)."""
    if request is not None and hasattr(request, "session"):
        request.session[LAST_SEEN] = now()


class IdleSessionMiddleware:
    """Sign out a user whose session has been idle for SESSION_IDLE_MINUTES: confidential data
    should not stay open on an unattended office computer. (The session also ends after
    SESSION_COOKIE_AGE, or when the browser closes.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            moment = now()
            last_seen = request.session.get(LAST_SEEN)
            idle = settings.SESSION_IDLE_MINUTES * 60
            if last_seen is not None and moment - last_seen > idle:
                logout(request)
                messages.info(
                    request,
                    f"Phiên làm việc đã kết thúc sau {settings.SESSION_IDLE_MINUTES} phút"
                    " không thao tác. Hãy đăng nhập lại.",
                )
                return redirect_to_login(request.get_full_path())
            if last_seen is None or moment - last_seen >= TOUCH_EVERY:
                request.session[LAST_SEEN] = moment
        return self.get_response(request)


def client_address(request) -> str | None:
    """The address of the browser, for the sign-in lockout (django-axes calls this, see
    AXES_CLIENT_IP_CALLABLE) and the audit trail.

    Without trusted proxies (TRUSTED_PROXIES = 0) it is the address of the connection: a header
    anyone can send is never believed. Behind N proxies that each append the address they were
    reached from to X-Forwarded-For (nginx: `$proxy_add_x_forwarded_for`), it is the N-th address
    from the right, the one the outermost trusted proxy saw; what a browser put further left is
    ignored. A header shorter than N, or not an address there, gives the connection's address.
    """
    remote = request.META.get("REMOTE_ADDR") or None
    count = settings.TRUSTED_PROXIES
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < count:
        return remote
    try:
        return str(ipaddress.ip_address(forwarded[-count]))
    except ValueError:
        return remote
