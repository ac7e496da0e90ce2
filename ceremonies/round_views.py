"""Pages of the award rounds: list, a round with its actions, its documents."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ceremonies import documents, exports, services, tasks
from ceremonies.badge_numbers import NumberLine, line_label, read_pasted
from ceremonies.forms import (
    AddProposalForm,
    CancelForm,
    CorrectDatesForm,
    DecisionForm,
    ExcludeForm,
    HoldForm,
    RoundForm,
    SubmitForm,
)
from ceremonies.milestones import known_milestones
from ceremonies.models import BaseSalary, Round, rules_on
from ceremonies.queries import ROUND_LIST_SORTS, deferred_at, rounds_with_totals
from ceremonies.workflow import STEP_LABELS, upcoming_occasions
from members.access import check_may_export, members_for, scope_key
from members.models import Member
from members.queries import find_member
from vusta_party import clock
from vusta_party.documents import next_number_text, signer_warning
from vusta_party.exports import send
from vusta_party.kept_views import BackgroundPdf, page_context
from vusta_party.models import KeptDocument
from vusta_party.pages import list_links, paginate, sort_of
from vusta_party.text import ascii_int


def _scope(request):
    """The members whose lines this user may see: all for the committee, a secretary's cells."""
    return members_for(request.user)


def round_list(request):
    sort = sort_of(request.GET, ROUND_LIST_SORTS, default="-ngay")
    rounds = rounds_with_totals(_scope(request)).order_by(*sort.order)
    if request.GET.get("format") == "xlsx":
        check_may_export(request.user)
        return send(exports.round_list_xlsx(rounds))
    taken = set(Round.objects.exclude(state=Round.State.CANCELLED).values_list("date", flat=True))
    suggestions = [
        (day, Round.Occasion(code).label)
        for day, code in upcoming_occasions(clock.today())
        if day not in taken
    ]
    form = RoundForm(request.POST or None)
    if request.method == "POST":
        if not request.user.has_perm("ceremonies.add_round"):
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                round_ = services.round_create(
                    day=data["day"],
                    occasion=data["occasion"],
                    title=data["title"],
                    deadline=data["deadline"],
                    user=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                added = services.round_fill(round_=round_, user=request.user)
                messages.success(request, f"Đã tạo {round_} với {added} đảng viên đủ điều kiện.")
                return redirect("ceremonies:round_detail", pk=round_.pk)
    return render(
        request,
        "ceremonies/round_list.html",
        {
            "page": (page := paginate(rounds, request.GET)),
            "rounds": page.object_list,
            "suggestions": suggestions,
            "form": form,
            **list_links(request.GET, sort),
        },
    )


def round_detail(request, pk):
    return _detail_page(request, get_object_or_404(Round, pk=pk))


def _detail_page(request, round_, *, typed: dict[int, str] | None = None, pasted: str = ""):
    """The round's page; after a refused entry of badge numbers, with every number typed and
    the pasted text kept as they were (`typed`: line pk -> number)."""
    lines = list(
        round_.proposals.filter(member__in=_scope(request))
        .select_related("member", "member__cell")
        .order_by("member__cell__name_sort", "-milestone", "member__name_sort")
    )
    for line in lines:
        line.label = line_label(milestone=line.milestone, kind=line.kind)
        line.typed = (typed or {}).get(line.pk, line.badge_number)
    roster = (
        documents.roster(round_, _scope(request))
        if round_.state in (Round.State.DECIDED, Round.State.HELD)
        else None
    )
    deferred = (
        deferred_at(
            _scope(request),
            on=round_.date,
            rules=rules_on(round_.date),
            proposed=services.proposed_elsewhere(round_),
        )
        if round_.state != Round.State.CANCELLED
        else []
    )
    return render(
        request,
        "ceremonies/round_detail.html",
        {
            "round": round_,
            "lines": lines,
            "pasted": pasted,
            "counts": {
                "included": sum(1 for line in lines if line.included),
                "excluded": sum(1 for line in lines if not line.included),
            },
            "roster": roster,
            "deferred": deferred,
            "add_form": AddProposalForm(milestones=known_milestones().values),
            "submit_form": SubmitForm(initial={"on": clock.today()}),
            "decision_form": DecisionForm(),
            "hold_form": HoldForm(initial={"held_on": min(round_.date, clock.today())}),
            "cancel_form": CancelForm(),
            "correct_form": CorrectDatesForm(round_=round_) if round_.submitted_on else None,
            "confirm": _confirmations(round_, lines),
            "can_propose": request.user.has_perm("ceremonies.propose_round"),
            "can_manage": request.user.has_perm("ceremonies.lock_round"),
            # before the tờ trình is numbered: its signature block needs the signer's name
            "signer_warning": signer_warning(round_.submission_date or clock.today())
            if round_.state in (Round.State.DRAFT, Round.State.LOCKED)
            and request.user.has_perm("ceremonies.lock_round")
            else "",
        },
    )


def _confirmations(round_, lines) -> dict[str, str]:
    """What each irreversible step of the round will do, said before staff confirm it."""
    included = sum(1 for line in lines if line.included)
    if round_.submission_number:
        number = f"giữ số tờ trình đã cấp {round_.submission_number:02d}-TTr"
    else:
        number = "sẽ cấp số tờ trình " + next_number_text(
            type_code=services.SUBMISSION_TYPE, day=clock.today()
        )
    return {
        "lock": f"Chốt danh sách {included} đảng viên: {number}. Muốn sửa danh sách sau đó phải "
        "mở lại. Chốt danh sách?",
        "submit": "Ghi đã trình cấp trên: danh sách không mở lại được nữa. Tiếp tục?",
        "decide": f"Ghi quyết định: {included} đảng viên được ghi nhận Huy hiệu và tiền thưởng "
        "theo ngày quyết định; không hoàn tác được (chỉ có thể hủy đợt). Tiếp tục?",
        "hold": "Đã tổ chức lễ: các Huy hiệu được ghi là đã trao vào ngày tổ chức lễ, đợt tặng "
        "chuyển sang “Đã trao tặng” và không hủy được nữa. Tiếp tục?",
        "cancel": "Hủy đợt tặng này? Các đảng viên được trả về để xét ở đợt khác"
        + (
            "; các Huy hiệu quyết định đã ghi sẽ bị thu hồi khỏi hồ sơ"
            if round_.state == Round.State.DECIDED
            else ""
        )
        + ". Không hoàn tác được.",
    }


def _done(request, round_, text):
    messages.success(request, text)
    return redirect("ceremonies:round_detail", pk=round_.pk)


def _refused(request, round_, error):
    messages.error(request, " ".join(error.messages))
    return redirect("ceremonies:round_detail", pk=round_.pk)


@require_POST
@permission_required("ceremonies.propose_round", raise_exception=True)
def round_fill(request, pk):
    round_ = get_object_or_404(Round, pk=pk)
    try:
        added = services.round_fill(round_=round_, members=_scope(request), user=request.user)
    except ValidationError as error:
        return _refused(request, round_, error)
    return _done(request, round_, f"Đã thêm {added} đảng viên đủ điều kiện.")


@require_POST
@permission_required("ceremonies.propose_round", raise_exception=True)
def proposal_toggle(request, pk, line_pk):
    round_ = get_object_or_404(Round, pk=pk)
    line = get_object_or_404(round_.proposals.filter(member__in=_scope(request)), pk=line_pk)
    form = ExcludeForm(request.POST)
    form.is_valid()
    put_back = not line.included  # the action taken, read before the service changes the line
    try:
        services.proposal_set_included(
            proposal=line,
            included=put_back,
            note=form.cleaned_data.get("note", ""),
            user=request.user,
        )
    except ValidationError as error:
        return _refused(request, round_, error)
    if put_back:
        return _done(request, round_, f"Đã đưa lại vào danh sách đề nghị: {line.member}.")
    return _done(
        request, round_, f"Đã loại khỏi danh sách đề nghị: {line.member} (lý do: {line.note})."
    )


def _find_member(request, text: str) -> Member:
    return find_member(_scope(request), text)


@require_POST
@permission_required("ceremonies.propose_round", raise_exception=True)
def proposal_add(request, pk):
    round_ = get_object_or_404(Round, pk=pk)
    form = AddProposalForm(request.POST, milestones=known_milestones().values)
    if not form.is_valid():
        return _refused(
            request, round_, ValidationError("Thông tin chưa đủ: hãy nhập đảng viên và loại.")
        )
    data = form.cleaned_data
    try:
        line = services.proposal_add(
            round_=round_,
            member=_find_member(request, data["member"]),
            kind=data["kind"],
            milestone=data["milestone"],
            note=data["note"],
            old_badge_number=data["old_badge_number"],
            loss_statement=data["loss_statement"],
            user=request.user,
        )
    except ValidationError as error:
        return _refused(request, round_, error)
    return _done(request, round_, f"Đã thêm {line}.")


ACTIONS = {
    "lock": (None, lambda r, d, u: services.round_lock(round_=r, user=u), "Đã chốt danh sách."),
    "reopen": (
        None,
        lambda r, d, u: services.round_reopen(round_=r, user=u),
        "Đã mở lại danh sách.",
    ),
    "submit": (
        SubmitForm,
        lambda r, d, u: services.round_submit(round_=r, on=d["on"], user=u),
        "Đã ghi ngày trình cấp trên.",
    ),
    "decide": (
        DecisionForm,
        lambda r, d, u: services.round_decide(round_=r, user=u, **d),
        "Đã ghi quyết định, Huy hiệu và tiền thưởng của từng đảng viên.",
    ),
    "hold": (HoldForm, None, "Đã ghi nhận lễ trao tặng."),
    "cancel": (
        CancelForm,
        lambda r, d, u: services.round_cancel(round_=r, user=u, **d),
        "Đã hủy đợt tặng.",
    ),
}


@require_POST
@permission_required("ceremonies.lock_round", raise_exception=True)
def round_action(request, pk, action):
    round_ = get_object_or_404(Round, pk=pk)
    if action not in ACTIONS:
        raise PermissionDenied
    form_class, run, text = ACTIONS[action]
    data = {}
    if form_class is not None:
        form = form_class(request.POST)
        if not form.is_valid():
            errors = [e for field_errors in form.errors.values() for e in field_errors]
            return _refused(request, round_, ValidationError(errors))
        data = form.cleaned_data
    try:
        if action == "hold":
            at_home = {ascii_int(v) for v in request.POST.getlist("at_home")} - {None}
            services.round_hold(
                round_=round_, held_on=data["held_on"], at_home=at_home, user=request.user
            )
        else:
            run(round_, data, request.user)
    except ValidationError as error:
        return _refused(request, round_, error)
    if action == "decide":
        salary = BaseSalary.objects.in_force(data["decision_date"])
        if salary is not None and not salary.verified:
            messages.warning(
                request,
                f"Tiền thưởng tính theo mức lương cơ sở {salary}, chưa đối chiếu văn bản gốc: "
                "hãy đối chiếu (Huy hiệu Đảng → Tiền thưởng) trước khi chi.",
            )
    return _done(request, round_, text)


@require_POST
@permission_required("ceremonies.lock_round", raise_exception=True)
def round_correct(request, pk):
    """The office corrects the submission or decision date entered wrongly, with a reason."""
    round_ = get_object_or_404(Round, pk=pk)
    form = CorrectDatesForm(request.POST, round_=round_)
    if not form.is_valid():
        errors = [e for field_errors in form.errors.values() for e in field_errors]
        return _refused(request, round_, ValidationError(errors))
    dates = {
        step: form.cleaned_data[step]
        for step in ("submitted_on", "decision_date")
        if form.cleaned_data.get(step)
    }
    try:
        changed = services.round_correct_dates(
            round_=round_, dates=dates, reason=form.cleaned_data["reason"], user=request.user
        )
    except ValidationError as error:
        return _refused(request, round_, error)
    if not changed:
        messages.info(request, "Các ngày không thay đổi: chưa sửa gì.")
        return redirect("ceremonies:round_detail", pk=round_.pk)
    round_.refresh_from_db()
    said = [f"{STEP_LABELS[step]} thành {getattr(round_, step):%d/%m/%Y}" for step in changed]
    return _done(request, round_, "Đã sửa " + ", ".join(said) + ".")


@require_POST
@permission_required("ceremonies.lock_round", raise_exception=True)
def badge_numbers(request, pk):
    """Badge numbers typed per line, or pasted from a spreadsheet (card number, [milestone,]
    badge number). Anything wrong saves nothing and keeps every number typed on the page."""
    round_ = get_object_or_404(Round, pk=pk)
    lines = list(round_.proposals.filter(included=True).select_related("member"))
    typed = {
        line.pk: request.POST[f"number-{line.pk}"].strip()
        for line in lines
        if f"number-{line.pk}" in request.POST
    }
    pasted_text = request.POST.get("pasted", "")
    pasted = read_pasted(
        pasted_text,
        [
            NumberLine(
                pk=line.pk,
                card=line.member.party_card_number or "",
                name=line.member.full_name,
                milestone=line.milestone,
                kind=line.kind,
            )
            for line in lines
        ],
    )
    if pasted.errors:
        messages.error(
            request,
            "Chưa ghi số nào: " + " ".join(pasted.errors[:10]) + " Các số đã gõ vẫn còn bên dưới.",
        )
        return _detail_page(request, round_, typed=typed, pasted=pasted_text)
    numbers = typed | pasted.numbers
    try:
        changed = services.round_set_badge_numbers(
            round_=round_, numbers=numbers, user=request.user
        )
    except ValidationError as error:
        messages.error(
            request, "Chưa ghi số nào: " + " ".join(error.messages) + " Các số đã gõ vẫn còn."
        )
        return _detail_page(request, round_, typed=numbers, pasted=pasted_text)
    return _done(request, round_, f"Đã ghi {changed} số Huy hiệu.")


# --- documents ------------------------------------------------------------------------------


def document(request, pk, name, ext):
    """Every document as PDF and Word: tờ trình, lists 4/4a/4b (also XLSX), 6-HHĐ forms, roster
    (also HTML), signatures."""
    round_ = get_object_or_404(Round, pk=pk)
    if name not in exports.DOCUMENTS or ext not in ("html", "pdf", "xlsx", "docx"):
        raise PermissionDenied
    # The committee's letter counts every cell's members: the office's document only.
    if name == exports.SUBMISSION and not request.user.has_perm("ceremonies.lock_round"):
        raise PermissionDenied
    scope = _scope(request)
    if name == exports.ROSTER and ext == "pdf":
        return _roster_pdf(request, round_, scope)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])
    if ext == "xlsx":
        if name not in documents.LISTS:
            raise PermissionDenied
        return send(exports.proposal_list_xlsx(round_, name, scope))
    if ext == "docx":
        return send(exports.document_docx(round_, name, scope))
    if ext == "html":
        template, context = exports.document_page(round_, name, scope)
        files = {
            ext: reverse("ceremonies:round_document", args=[round_.pk, name, ext])
            for ext in ("pdf", "docx")
        }
        back = reverse("ceremonies:round_detail", args=[round_.pk])
        context["screen"] = {"back": back, "back_label": str(round_), **files}
        return render(request, template, context)
    return send(exports.document_pdf(round_, name, scope), inline=False)


# --- the ceremony roster of a large round, made in the background ---------------------------

ROSTER_PDF = BackgroundPdf(
    kind=exports.ROSTER_PDF,
    enqueue=tasks.make_roster_pdf.enqueue,
    page="ceremonies:roster_document",
    url_args=lambda params: [params["round"]],
)


def _roster_pdf(request, round_: Round, scope):
    """The roster PDF: printed in the request for a round of fewer than BACKGROUND_LINES lines,
    else made in the background and kept until its data changes (vusta_party/kept_views.py)."""
    data = documents.roster(round_, scope)
    if len(data.lines) < exports.BACKGROUND_LINES:
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET"])
        return send(exports.roster_pdf(round_, data), inline=False)
    return ROSTER_PDF.respond(
        request,
        params=exports.roster_pdf_params(round_, scope_key(request.user)),
        data_version=exports.roster_pdf_version(data),
        page=_roster_page(round_, len(data.lines)),
    )


def _roster_page(round_: Round, count: int | None = None) -> dict:
    return page_context(
        title=f"Danh sách trao tặng – {documents.round_label(round_)}, PDF",
        heading=f"Danh sách đảng viên được trao tặng Huy hiệu Đảng: {documents.round_label(round_)}",
        back_url=reverse("ceremonies:round_detail", args=[round_.pk]),
        back_label=str(round_),
        size=f"Danh sách có {intcomma(count)} dòng" if count is not None else "",
        request_url=reverse("ceremonies:round_document", args=[round_.pk, exports.ROSTER, "pdf"]),
    )


def _roster_document_or_404(request, pk, document) -> tuple[Round, KeptDocument]:
    """A roster PDF of the background of this round, asked by a user of the same scope (the
    roster lists the lines the asker could see)."""
    scope = list(scope_key(request.user))
    kept = ROSTER_PDF.document_or_404(
        document, allowed=lambda params: params == {"round": pk, "scope": scope}
    )
    return get_object_or_404(Round, pk=pk), kept


def roster_document(request, pk, document):
    """The page of a roster PDF being made: its progress, then its link."""
    round_, kept = _roster_document_or_404(request, pk, document)
    return ROSTER_PDF.page_view(request, kept, _roster_page(round_))


def roster_document_status(request, pk, document):
    _round, kept = _roster_document_or_404(request, pk, document)
    return ROSTER_PDF.status_view(kept)


def roster_document_file(request, pk, document):
    _round, kept = _roster_document_or_404(request, pk, document)
    return ROSTER_PDF.file_view(kept)
