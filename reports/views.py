from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from members.access import cells_for, members_for, sees_whole_register
from reports import exports, services
from reports.dashboard import dashboard_data
from reports.forms import DraftForm
from reports.models import IssuedReport, ReportDraft
from reports.periods import CUSTOM, Period, issue_error, period_error
from vusta_party import clock
from vusta_party.documents import signer_warning
from vusta_party.exports import send
from vusta_party.forms import DateRangeForm

KINDS = {"nam": Period.year, "6-thang": Period.first_half}


def _checked(period: Period) -> Period:
    if period_error(period, today=clock.today()):
        raise Http404("Không có kỳ báo cáo này.")
    return period


def _period(kind: str, year: int) -> Period:
    if kind not in KINDS or not 1930 <= year <= 9999:
        raise Http404("Không có kỳ báo cáo này.")
    return _checked(KINDS[kind](year))


def _range(start: str, end: str) -> Period:
    """A custom range from its address (ISO dates)."""
    try:
        period = Period(date.fromisoformat(start), date.fromisoformat(end), CUSTOM)
    except ValueError as error:
        raise Http404("Không có kỳ báo cáo này.") from error
    return _checked(period)


def index(request):
    today = clock.today()
    form = DateRangeForm(request.GET or None)
    if form.is_valid():
        data = form.cleaned_data
        error = period_error(Period(data["start"], data["end"], CUSTOM), today=today)
        if error is None:
            return redirect("reports:range_report", start=data["start"], end=data["end"])
        form.add_error(None, error)
    years = range(today.year, today.year - 5, -1)
    issued = (
        IssuedReport.objects.select_related("issued_by").defer("pdf", "docx", "data")
        if sees_whole_register(request.user)
        else None
    )
    return render(
        request, "reports/index.html", {"years": years, "issued": issued, "range_form": form}
    )


def _scope(user) -> tuple:
    """(members, cells, name of the cells) a user's report counts: None, None, "" for the whole
    committee; a cell secretary's cells otherwise (README, Roles)."""
    if sees_whole_register(user):
        return None, None, ""
    cells = cells_for(user).order_by("name_sort", "id")
    return members_for(user), cells, ", ".join(c.name for c in cells) or "(chưa giao chi bộ nào)"


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
    """A period's report: figures, tables and charts, the narrative draft, exports, issue. A cell
    secretary sees the figures of their cells, as a table of theirs, not the committee's report."""
    members, cells, scope = _scope(request.user)
    can_edit = not scope and request.user.has_perm("reports.change_reportdraft")
    draft = (
        None
        if scope
        else ReportDraft.objects.filter(
            kind=period.kind, start=period.start, end=period.end
        ).first()
    )
    form = None
    if can_edit:
        form = DraftForm(
            request.POST or None,
            initial={k: getattr(draft, k) for k in DraftForm().fields} if draft else None,
        )
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid():
            services.draft_save(period=period, values=form.cleaned_data, user=request.user)
            messages.success(request, "Đã lưu bản thảo.")
            return redirect(request.path)
    document, html = services.render_report(
        period, members=members, cells=cells, scope=scope, draft=draft
    )
    output = request.GET.get("format")
    if output == "pdf":
        return send(exports.draft_pdf(html, stem=stem))
    if output == "html":
        return HttpResponse(html)
    if output == "docx":
        if scope:
            raise Http404("Bảng số liệu của chi bộ không có bản Word.")
        return send(exports.draft_docx(document, stem=stem))
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
            "issued": list(
                IssuedReport.objects.filter(kind=period.kind, start=period.start, end=period.end)
                .select_related("issued_by")
                .defer("pdf", "docx", "data")
            )
            if not scope
            else None,
            "can_issue": not scope and request.user.has_perm("reports.add_issuedreport"),
            "not_yet": issue_error(period, today=clock.today()),
            "signer_warning": signer_warning(clock.today())
            if not scope and request.user.has_perm("reports.add_issuedreport")
            else "",
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
    try:
        issued = services.report_issue(period=period, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Đã ban hành {issued}.")
    return redirect(report_url)


@xframe_options_sameorigin  # the report's page shows the issued PDF in a frame (?xem=1)
def issued_file(request, pk, ext):
    """An issued report: a document of the committee, not shown to a cell secretary."""
    if not sees_whole_register(request.user):
        raise Http404("Không tìm thấy báo cáo.")
    issued = get_object_or_404(IssuedReport, pk=pk)
    if ext == "pdf":
        return send(exports.issued_pdf(issued), inline=request.GET.get("xem") == "1")
    if ext == "json":
        return send(exports.issued_json(issued))
    if ext == "docx":
        content = services.issued_report_docx(issued)
        if content is None:
            messages.error(
                request,
                f"{issued.document_number} được ban hành trước khi có bản Word, và số liệu của kỳ"
                " đã thay đổi từ đó: bản Word không còn đúng với văn bản đã ban hành. Văn bản là"
                " tệp PDF đã ban hành.",
            )
            return redirect("reports:index")
        return send(exports.issued_docx(issued, content))
    raise Http404


def dashboard(request):
    """The home page: the next round and its candidates, milestones coming, probationary members
    due for recognition, the last issued report."""
    return render(request, "reports/dashboard.html", dashboard_data(request.user, clock.today()))
