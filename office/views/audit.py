"""Nhật ký: the audit trail (changes, downloads, account actions) and the sign-in log, read by
the committee office, and exported for an inspection."""

from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from office.audit import audit_log_rows, audit_sources, history_queryset
from office.audit_export import audit_export as audit_export_file
from office.models import AuditEvent
from vusta_party import clock
from vusta_party.exports import send
from vusta_party.forms import DateRangeForm
from vusta_party.pages import PAGE_SIZE, list_links, paginate, sort_of

READ = "office.read_audit_log"

EVENTS = "su-kien"  # the tab of downloads and account actions


# The logs' sortable columns ("?sort=" key -> fields; ties end with the row's order of entry).
EVENT_SORTS = {"thoi-gian": ("at",), "tai-khoan": ("username", "at")}
CHANGE_SORTS = {
    "thoi-gian": ("history_date", "history_id"),
    "tai-khoan": ("history_user__username", "history_date", "history_id"),
}
SIGN_IN_SORTS = {
    "thoi-gian": ("attempt_time",),
    "tai-khoan": ("username", "attempt_time"),
    "ip": ("ip_address", "attempt_time"),
}


@permission_required(READ, raise_exception=True)
def audit_log(request):
    """Changes to data by kind, or (loai=su-kien) downloads and account actions, newest first or
    in the sort asked for."""
    sources = dict(audit_sources())
    source = request.GET.get("loai", "member")
    if source == EVENTS:
        sort = sort_of(request.GET, EVENT_SORTS, default="-thoi-gian")
        page = paginate(AuditEvent.objects.order_by(*sort.order), request.GET)
        rows = page.object_list
    elif source in sources:
        sort = sort_of(request.GET, CHANGE_SORTS, default="-thoi-gian")
        page = paginate(history_queryset(source).order_by(*sort.order), request.GET)
        rows = audit_log_rows(source, page.object_list)
    else:
        raise Http404
    today = clock.today()
    return render(
        request,
        "office/audit_log.html",
        {
            "sources": sources,
            "source": source,
            "events": EVENTS,
            "page": page,
            "rows": rows,
            **list_links(request.GET, sort),
            "export_form": DateRangeForm(
                initial={"start": today.replace(month=1, day=1), "end": today}
            ),
        },
    )


@permission_required(READ, raise_exception=True)
def audit_export(request):
    form = DateRangeForm(request.GET)
    if not form.is_valid():
        errors = [e for field_errors in form.errors.values() for e in field_errors]
        messages.error(request, "Không xuất được nhật ký: " + " ".join(errors))
        return redirect("office:audit_log")
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    return send(audit_export_file(start, end))


@permission_required(READ, raise_exception=True)
def sign_in_log(request):
    """Sign-ins (django-axes AccessLog), newest first or in the sort asked for, and failed
    attempts per username and address."""
    sort = sort_of(request.GET, SIGN_IN_SORTS, default="-thoi-gian")
    page = paginate(AccessLog.objects.order_by(*sort.order), request.GET)
    locked_since = timezone.now() - settings.AXES_COOLOFF_TIME
    attempts = [
        {
            "attempt": attempt,
            "locked": attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT
            and attempt.attempt_time >= locked_since,
        }
        for attempt in AccessAttempt.objects.order_by("-attempt_time")[:PAGE_SIZE]
    ]
    return render(
        request,
        "office/sign_in_log.html",
        {
            "page": page,
            "attempts": attempts,
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            **list_links(request.GET, sort),
        },
    )


@require_POST
@permission_required(READ, raise_exception=True)
def sign_in_unlock(request, pk):
    attempt = get_object_or_404(AccessAttempt, pk=pk)
    attempt.delete()
    messages.success(
        request, f"Đã mở khóa đăng nhập cho tài khoản {attempt.username} từ {attempt.ip_address}."
    )
    return redirect("office:sign_in_log")
