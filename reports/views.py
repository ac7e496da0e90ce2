from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from members.access import members_for
from reports import exports, services
from reports.dashboard import dashboard_data
from reports.forms import DraftForm
from reports.models import IssuedReport, ReportDraft
from reports.periods import CUSTOM, Period
from vusta_party import clock
from vusta_party.exports import send
from vusta_party.forms import DateRangeForm

KINDS = {"nam": Period.year, "6-thang": Period.first_half}


def _period(kind: str, year: int) -> Period:
    if kind not in KINDS or not 1930 <= year <= 2100:
        raise Http404("Không có kỳ báo cáo này.")
    return KINDS[kind](year)


def _range(start: str, end: str) -> Period:
    """A custom range from its address (ISO dates)."""
    try:
        return Period(date.fromisoformat(start), date.fromisoformat(end), CUSTOM)
    except ValueError as error:
        raise Http404("Không có kỳ báo cáo này.") from error


def index(request):
    today = clock.today()
    form = DateRangeForm(request.GET or None)
    if form.is_valid():
        data = form.cleaned_data
        return redirect("reports:range_report", start=data["start"], end=data["end"])
    years = range(today.year, today.year - 5, -1)
    issued = IssuedReport.objects.select_related("issued_by").defer("pdf", "data")
    return render(
        request, "reports/index.html", {"years": years, "issued": issued, "range_form": form}
    )


@xframe_options_sameorigin  # the page previews the report in a frame of its own
def report(request, kind, year):
    """The report of a year or a first half."""
    return _report_page(
        request,
        _period(kind, year),
        stem=f"bao-cao-{kind}-{year}",
        issue_url=reverse("reports:issue", args=[kind, year]),
    )


@xframe_options_sameorigin
def range_report(request, start, end):
    """The report of any range of days (DOMAIN.md §5)."""
    period = _range(start, end)
    return _report_page(
        request,
        period,
        stem=f"bao-cao-{period.start:%Y%m%d}-{period.end:%Y%m%d}",
        issue_url=reverse("reports:range_issue", args=[start, end]),
    )


def _report_page(request, period: Period, *, stem: str, issue_url: str):
    """A period's report: figures, tables and charts, the narrative draft, exports, issue."""
    draft = ReportDraft.objects.filter(kind=period.kind, start=period.start, end=period.end).first()
    form = DraftForm(
        request.POST or None,
        initial={k: getattr(draft, k) for k in DraftForm().fields} if draft else None,
    )
    if request.method == "POST":
        if not request.user.has_perm("reports.change_reportdraft"):
            raise PermissionDenied
        if form.is_valid():
            services.draft_save(period=period, values=form.cleaned_data, user=request.user)
            messages.success(request, "Đã lưu bản thảo.")
            return redirect(request.path)
    members = members_for(request.user)
    document, html = services.render_report(period, members=members, draft=draft)
    output = request.GET.get("format")
    if output == "pdf":
        return send(exports.draft_pdf(html, stem=stem))
    if output == "html":
        return HttpResponse(html)
    if output == "json":
        return send(exports.report_json(document, stem=stem))
    if output == "xlsx":
        return send(exports.report_xlsx(document, stem=stem))
    return render(
        request,
        "reports/report.html",
        {
            "period": period,
            "report": document,
            "form": form,
            "issue_url": issue_url,
            "issued": IssuedReport.objects.filter(
                kind=period.kind, start=period.start, end=period.end
            )
            .select_related("issued_by")
            .defer("pdf", "data"),
            "can_issue": request.user.has_perm("reports.add_issuedreport"),
        },
    )


@require_POST
def issue(request, kind, year):
    return _issue(request, _period(kind, year), reverse("reports:report", args=[kind, year]))


@require_POST
def range_issue(request, start, end):
    return _issue(request, _range(start, end), reverse("reports:range_report", args=[start, end]))


def _issue(request, period: Period, report_url: str):
    if not request.user.has_perm("reports.add_issuedreport"):
        raise PermissionDenied
    issued = services.report_issue(period=period, user=request.user)
    messages.success(request, f"Đã ban hành {issued}.")
    return redirect(report_url)


def issued_file(request, pk, ext):
    issued = get_object_or_404(IssuedReport, pk=pk)
    if ext == "pdf":
        return send(exports.issued_pdf(issued), inline=False)
    if ext == "json":
        return send(exports.issued_json(issued))
    raise Http404


def dashboard(request):
    """The home page: the next round and its candidates, milestones coming, probationary members
    due for recognition, the last issued report."""
    return render(request, "reports/dashboard.html", dashboard_data(request.user, clock.today()))
