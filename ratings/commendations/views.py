"""Pages of commendations: draft one from a locked year, edit its list, issue or submit it,
record the higher committee's decision, print it."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from members.access import cells_for, members_for, sees_whole_register
from members.models import Organisation
from members.queries import find_member
from ratings import queries as rating_queries
from ratings.commendations import exports, queries, services
from ratings.commendations.forms import DatedForm, DecisionForm, DraftForm, LineForm
from ratings.enums import CommendationLevel, CommendationState
from ratings.models import Commendation, CommendationLine
from vusta_party import clock
from vusta_party.documents import signer_warning
from vusta_party.exports import send
from vusta_party.text import name_key

MANAGE = "ratings.add_commendation"


@require_POST
@permission_required(MANAGE, raise_exception=True)
def commendation_create(request, year: int):
    form = DraftForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Hãy chọn cấp và hình thức khen thưởng.")
        return redirect("ratings:commendations", year=year)
    try:
        commendation = services.commendation_draft(
            year=rating_queries.year_or_unsaved(year), user=request.user, **form.cleaned_data
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("ratings:commendations", year=year)
    messages.success(
        request, f"Đã lập {commendation} với {commendation.lines.count()} chi bộ, đảng viên."
    )
    return redirect("ratings:commendation_detail", pk=commendation.pk)


def commendation_detail(request, pk):
    commendation = get_object_or_404(Commendation.objects.select_related("year"), pk=pk)
    lines = queries.lines_of(commendation)
    if not sees_whole_register(request.user):
        # A cell secretary sees the lines of their cells only.
        cells = set(cells_for(request.user).values_list("pk", flat=True))
        lines = [line for line in lines if line.rated_cell.pk in cells]
    today = clock.today()
    return render(
        request,
        "ratings/commendations/detail.html",
        {
            "commendation": commendation,
            "lines": lines,
            "counts": queries.counts(lines),
            "can_manage": request.user.has_perm(MANAGE),
            "draft": commendation.state == CommendationState.DRAFT,
            "own": commendation.level == CommendationLevel.OWN,
            "line_form": LineForm(),
            "dated_form": DatedForm(initial={"on": today}),
            "decision_form": DecisionForm(initial={"on": today}),
            "signer_warning": signer_warning(today)
            if commendation.state == CommendationState.DRAFT and request.user.has_perm(MANAGE)
            else "",
        },
    )


def _back(request, commendation, text=None, error=None):
    if error is not None:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, text)
    return redirect("ratings:commendation_detail", pk=commendation.pk)


@require_POST
@permission_required(MANAGE, raise_exception=True)
def line_add(request, pk):
    commendation = get_object_or_404(Commendation, pk=pk)
    form = LineForm(request.POST)
    if not form.is_valid():
        return _back(
            request, commendation, error=ValidationError("Hãy nhập đảng viên hoặc chi bộ.")
        )
    who = form.cleaned_data["who"]
    cell = (
        cells_for(request.user).filter(kind=Organisation.Kind.CELL, name_key=name_key(who)).first()
    )
    try:
        member = None if cell else find_member(members_for(request.user), who)
        line = services.commendation_line_add(
            commendation=commendation,
            member=member,
            cell=cell,
            title=form.cleaned_data["title"],
            user=request.user,
        )
    except ValidationError as error:
        return _back(request, commendation, error=error)
    return _back(request, commendation, f"Đã thêm vào danh sách: {line.member or line.cell}.")


@require_POST
@permission_required(MANAGE, raise_exception=True)
def line_remove(request, pk, line_pk):
    line = get_object_or_404(CommendationLine, commendation_id=pk, pk=line_pk)
    try:
        services.commendation_line_remove(line=line, user=request.user)
    except ValidationError as error:
        return _back(request, line.commendation, error=error)
    return _back(request, line.commendation, f"Đã bỏ khỏi danh sách: {line.member or line.cell}.")


@require_POST
@permission_required(MANAGE, raise_exception=True)
def commendation_action(request, pk, action):
    commendation = get_object_or_404(Commendation, pk=pk)
    try:
        if action == "xoa":
            year = commendation.year.year
            services.commendation_delete(commendation=commendation, user=request.user)
            messages.success(request, f"Đã xóa bản dự thảo {commendation}.")
            return redirect("ratings:commendations", year=year)
        if action in ("ban-hanh", "trinh"):
            form = DatedForm(request.POST)
            if not form.is_valid():
                raise ValidationError("Hãy nhập ngày văn bản (dd/mm/yyyy).")
            run = (
                services.commendation_issue
                if action == "ban-hanh"
                else services.commendation_submit
            )
            done = run(commendation=commendation, on=form.cleaned_data["on"], user=request.user)
            what = "quyết định" if action == "ban-hanh" else "tờ trình"
            return _back(
                request,
                done,
                f"Đã ban hành {what} số {done.number:02d} ngày {done.dated:%d/%m/%Y}.",
            )
        if action == "quyet-dinh":
            form = DecisionForm(request.POST)
            if not form.is_valid():
                raise ValidationError("Hãy nhập số và ngày quyết định (dd/mm/yyyy) của cấp trên.")
            done = services.commendation_record_decision(
                commendation=commendation, user=request.user, **form.cleaned_data
            )
            return _back(request, done, f"Đã ghi quyết định {done.decision_number} của cấp trên.")
    except ValidationError as error:
        return _back(request, commendation, error=error)
    return _back(request, commendation, error=ValidationError("Thao tác không hợp lệ."))


def commendation_document(request, pk, ext):
    """The decision or the tờ trình with its list: the committee's document, for those who read
    the whole register (a cell secretary sees their cells' lines on the page)."""
    commendation = get_object_or_404(Commendation.objects.select_related("year"), pk=pk)
    if ext not in ("pdf", "docx"):
        raise Http404("Không có định dạng này.")
    if not sees_whole_register(request.user):
        raise PermissionDenied
    if ext == "docx":
        return send(exports.commendation_word(commendation))
    return send(exports.commendation_pdf(commendation))
