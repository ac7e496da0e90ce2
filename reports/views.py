import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from members.access import members_for
from reports import services
from reports.dashboard import dashboard_data
from reports.exports import report_xlsx
from reports.forms import DraftForm
from reports.models import IssuedReport, ReportDraft
from reports.periods import Period
from vusta_party.pdf import html_to_pdf, pdf_response

KINDS = {"nam": Period.year, "6-thang": Period.first_half}


def _period(kind: str, year: int) -> Period:
    if kind not in KINDS or not 1930 <= year <= 2100:
        raise Http404("Không có kỳ báo cáo này.")
    return KINDS[kind](year)


def index(request):
    today = timezone.localdate()
    years = range(today.year, today.year - 5, -1)
    issued = IssuedReport.objects.select_related("issued_by").defer("pdf", "data")
    return render(request, "reports/index.html", {"years": years, "issued": issued})


@xframe_options_sameorigin  # the page previews the report in a frame of its own
def report(request, kind, year):
    """The report of a period: figures, tables and charts, the narrative draft, exports, issue."""
    period = _period(kind, year)
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
            return redirect("reports:report", kind=kind, year=year)
    members = members_for(request.user)
    document, html = services.render_report(period, members=members, draft=draft)
    output = request.GET.get("format")
    if output == "pdf":
        return pdf_response(html_to_pdf(html), filename=f"bao-cao-{kind}-{year}-ban-thao.pdf")
    if output == "html":
        return HttpResponse(html)
    if output == "json":
        response = HttpResponse(
            json.dumps(document.summary.contract(), ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="bao-cao-{kind}-{year}.json"'
        return response
    if output == "xlsx":
        return report_xlsx(document, filename=f"bao-cao-{kind}-{year}.xlsx")
    return render(
        request,
        "reports/report.html",
        {
            "period": period,
            "kind": kind,
            "year": year,
            "report": document,
            "form": form,
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
    if not request.user.has_perm("reports.add_issuedreport"):
        raise PermissionDenied
    period = _period(kind, year)
    issued = services.report_issue(period=period, user=request.user)
    messages.success(request, f"Đã ban hành {issued}.")
    return redirect("reports:report", kind=kind, year=year)


def issued_file(request, pk, ext):
    issued = get_object_or_404(IssuedReport, pk=pk)
    stem = f"bao-cao-{issued.number:02d}-{issued.start:%Y%m%d}-{issued.end:%Y%m%d}"
    if ext == "pdf":
        return pdf_response(bytes(issued.pdf), filename=f"{stem}.pdf", inline=False)
    if ext == "json":
        response = HttpResponse(
            json.dumps(issued.data, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{stem}.json"'
        return response
    raise Http404


def dashboard(request):
    """The home page: the next round and its candidates, milestones coming, probationary members
    due for recognition, the last issued report."""
    return render(
        request, "reports/dashboard.html", dashboard_data(request.user, timezone.localdate())
    )
