"""The page of Biểu 7-BTCTW: a period's form with the typed rows editable, its PDF and workbook.
The form is the committee's: the office, the standing committee and viewers open it; a cell
secretary does not."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render

from members.access import sees_whole_register
from reports.periods import CUSTOM, FIRST_HALF, YEAR, Period, period_error
from reports.statform import documents
from reports.statform.forms import StatFormEntriesForm
from reports.statform.queries import statform
from reports.statform.services import statform_entries_save
from reports.statform.word import statform_word
from reports.views import KINDS, _period, _range
from vusta_party import clock
from vusta_party.exports import send
from vusta_party.forms import DateRangeForm, show_errors

KINDS_BY_PERIOD = {YEAR: "nam", FIRST_HALF: "6-thang"}


def _allowed(request) -> None:
    if not sees_whole_register(request.user):
        raise PermissionDenied


def index(request):
    """Choose a period: a year or a first half (the `kind` and `year` asked), or a range."""
    _allowed(request)
    today = clock.today()
    kind, year = request.GET.get("kind", "nam"), request.GET.get("year", "")
    if kind in KINDS and year.isdigit():
        return redirect("reports:statform", kind=kind, year=int(year))
    form = DateRangeForm(request.GET or None)
    if form.is_valid():
        data = form.cleaned_data
        error = period_error(Period(data["start"], data["end"], CUSTOM), today=today)
        if error is None:
            return redirect("reports:statform_range", start=data["start"], end=data["end"])
        form.add_error(None, error)
    elif not request.GET:
        return redirect("reports:statform", kind="nam", year=today.year)
    return render(
        request,
        "reports/statform_index.html",
        {"range_form": form, "years": _years(today), "kind": "nam"},
    )


def _years(today):
    return range(today.year, today.year - 6, -1)


def year_form(request, kind, year):
    return _page(request, _period(kind, year))


def range_form(request, start, end):
    return _page(request, _range(start, end))


def _page(request, period: Period):
    _allowed(request)
    output = request.GET.get("format")
    if output in ("pdf", "docx", "xlsx"):
        document = documents.statform_document(period, day=clock.today())
        if output == "pdf":
            return send(documents.statform_pdf(document))
        if output == "docx":
            return send(statform_word(document))
        return send(documents.statform_xlsx(document))
    form_data = statform(period)
    can_edit = request.user.has_perm("reports.change_statformentry")
    entries = StatFormEntriesForm(request.POST or None, statform=form_data) if can_edit else None
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if entries.is_valid():
            try:
                changed = statform_entries_save(figures=entries.figures(), user=request.user)
            except ValidationError as error:
                show_errors(entries, error)
            else:
                messages.success(request, f"Đã lưu {changed} số liệu nhập tay.")
                return redirect(request.path)
        messages.error(request, "Chưa lưu: có số liệu chưa đúng, xem lời nhắn dưới ô nhập.")
    today = clock.today()
    pairs = entries.bound_pairs() if entries else {}
    return render(
        request,
        "reports/statform.html",
        {
            "form": form_data,
            "entries": entries,
            "lines": [(row, pairs.get(row.key)) for row in form_data.rows],
            "years": _years(today),
            "typed_mark": documents.TYPED_MARK,
            "note": documents.TYPED_NOTE,
            "kind": KINDS_BY_PERIOD.get(period.kind, ""),
            "range_form": DateRangeForm(
                initial={"start": period.start, "end": period.end}
                if period.kind == CUSTOM
                else None
            ),
        },
    )
