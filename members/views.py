from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from members import exports, queries, services, tasks
from members.access import (
    cells_for,
    check_may_export,
    member_or_404,
    members_for,
    scope_key,
    sees_personal_numbers,
)
from members.duplicates import duplicates
from members.forms import (
    BranchForm,
    CellForm,
    DisciplineForm,
    FactForm,
    InterruptionForm,
    MemberCreateForm,
    MemberFilterForm,
    MemberForm,
    RenameForm,
)
from members.models import Interruption, Organisation
from members.party_age import party_age
from members.permissions import SET_PARTY_AGE_START
from members.queries import cells_with_counts, party_years_today
from members.rules import probation_state
from members.timeline import member_timeline
from members.word import register_docx
from vusta_party import clock
from vusta_party.exports import send
from vusta_party.forms import show_errors
from vusta_party.history import audit_rows
from vusta_party.kept_views import BackgroundPdf, page_context
from vusta_party.models import KeptDocument
from vusta_party.pages import list_links, paginate, sort_of
from vusta_party.text import ascii_int, mask_tail

# Shown masked to roles that do not keep members' records (access.sees_personal_numbers).
PERSONAL_NUMBER_FIELDS = frozenset({"citizen_id", "phone"})


def member_list(request):
    today = clock.today()
    by_citizen_id = sees_personal_numbers(request.user)
    form = MemberFilterForm(
        request.GET or None, cells=cells_for(request.user), by_citizen_id=by_citizen_id
    )
    if request.GET.get("milestone"):
        # Who reaches a milestone soon is a badge question: the badge app's page answers it
        # (the filter's old address keeps working).
        return redirect(f"{reverse('ceremonies:index')}?{_outlook_query(request.GET)}")
    sort = sort_of(request.GET, queries.MEMBER_LIST_SORTS, default="ten")
    members = queries.member_list(
        request.user, form.cleaned_data if form.is_valid() else {}, today=today
    ).order_by(*sort.order)
    if request.GET.get("format") == "xlsx":
        check_may_export(request.user)
        return send(exports.member_list_xlsx(members))
    page = paginate(queries.ListPages(members), request.GET)
    table = [_list_row(member, today) for member in page.object_list]
    return render(
        request,
        "members/member_list.html",
        {
            "form": form,
            "page": page,
            "table": table,
            **list_links(request.GET, sort),
        },
    )


def _outlook_query(query) -> str:
    """The upcoming-milestones page's query for the member list's old milestone filter."""
    kept = {"months": query.get("milestone")} | (
        {"cell": query["cell"]} if query.get("cell") else {}
    )
    return urlencode(kept)


def _probation(member, today):
    if not member.on_rolls:
        return None
    return probation_state(
        admission_date=member.admission_date, official_date=member.official_date, on=today
    )


def _list_row(member, today):
    return {
        "member": member,
        "party_years": party_years_today(member, today),
        "probation": _probation(member, today),
    }


def member_detail(request, pk):
    member = queries.member_page(request.user, pk)
    today = clock.today()
    # Party age stops at death, or when the member left this committee's rolls.
    age_on = member.death_date or member.left_rolls_on or today
    age = party_age(
        start=member.party_age_start,
        on=age_on,
        interrupted_days=member.interrupted_days,
        official=member.is_official,
    )
    may_see_personal = sees_personal_numbers(request.user)
    masked = frozenset() if may_see_personal else PERSONAL_NUMBER_FIELDS
    return render(
        request,
        "members/member_detail.html",
        {
            "member": member,
            "citizen_id": member.citizen_id if may_see_personal else mask_tail(member.citizen_id),
            "phone": member.phone if may_see_personal else mask_tail(member.phone),
            "age": age,
            "age_on": age_on if age_on != today else None,
            "probation": _probation(member, today),
            "timeline": member_timeline(member),
            "changes": audit_rows(member.history.select_related("history_user")[:50], masked),
            "can_edit": request.user.has_perm("members.change_member"),
            "can_record": request.user.has_perm("members.add_membershipevent"),
        },
    )


@permission_required("members.add_member", raise_exception=True)
def member_create(request):
    cells = cells_for(request.user)
    form = MemberCreateForm(
        request.POST or None,
        cells=cells,
        may_set_start=request.user.has_perm(SET_PARTY_AGE_START),
    )
    found = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        found = duplicates(
            request.user,
            full_name=data["full_name"],
            date_of_birth=data.get("date_of_birth"),
            citizen_id=data.get("citizen_id"),
            card=data.get("party_card_number"),
        )
        if found and not data.get("confirm_not_duplicate"):
            form.add_error(
                None,
                "Có thể trùng với đảng viên đã có (xem danh sách bên dưới). "
                "Nếu đúng là người khác, hãy đánh dấu ô xác nhận rồi lưu lại.",
            )
        else:
            try:
                member = services.member_create(
                    values={
                        name: data[name]
                        for name in (*services.EDITABLE_FIELDS, "official_date")
                        if name in data
                    },
                    cell=data["cell"],
                    entry=data["entry"],
                    entry_date=data.get("entry_date"),
                    counterpart=data.get("counterpart", ""),
                    user=request.user,
                )
            except ValidationError as error:
                show_errors(form, error)
            else:
                messages.success(request, f"Đã thêm đảng viên {member.full_name}.")
                return redirect("members:member_detail", pk=member.pk)
    return render(
        request,
        "members/member_form.html",
        {"form": form, "duplicates": found, "creating": True},
    )


@permission_required("members.change_member", raise_exception=True)
def member_edit(request, pk):
    member = member_or_404(request.user, pk)
    form = MemberForm(
        request.POST or None,
        instance=member,
        may_set_start=request.user.has_perm(SET_PARTY_AGE_START),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.member_update(
                member=member,
                values={name: form.cleaned_data[name] for name in services.EDITABLE_FIELDS},
                expected_version=form.cleaned_data.get("version") or 0,
                user=request.user,
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, "Đã lưu hồ sơ đảng viên.")
            return redirect("members:member_detail", pk=member.pk)
    return render(request, "members/member_form.html", {"form": form, "member": member})


def member_action(request, pk, make_form, save, title, extra=None):
    """A small form on a member (a fact, an interruption, a discipline): GET shows it, POST
    saves it with `save(member, form)`, which says what it recorded."""
    member = member_or_404(request.user, pk)
    form = make_form(member)
    if request.method == "POST" and form.is_valid():
        try:
            done = save(member, form)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("members:member_detail", pk=member.pk)
    return render(
        request,
        "members/member_action.html",
        {"form": form, "member": member, "title": title, **(extra or {})},
    )


@permission_required("members.add_membershipevent", raise_exception=True)
def fact_create(request, pk):
    def make_form(member):
        return FactForm(request.POST or None, cells=cells_for(request.user), member=member)

    def save(member, form):
        values = form.fact_values()
        event = services.fact_record(
            member=member,
            kind=values.pop("kind"),
            day=values.pop("day"),
            cell=values.pop("cell", None),
            user=request.user,
            **{name: value or "" for name, value in values.items()},
        )
        return f"Đã ghi sự kiện {event.get_kind_display()} ngày {event.date:%d/%m/%Y}."

    return member_action(
        request,
        pk,
        make_form,
        save,
        "Ghi sự kiện đảng tịch",
        {"fact_fields": FactForm.fields_of_kinds()},
    )


@permission_required("members.add_interruption", raise_exception=True)
def interruption_create(request, pk):
    def save(member, form):
        interruption = services.interruption_add(
            member=member, user=request.user, **form.cleaned_data
        )
        return f"Đã thêm thời gian gián đoạn {interruption}."

    return member_action(
        request,
        pk,
        lambda member: InterruptionForm(request.POST or None),
        save,
        "Thêm thời gian gián đoạn",
    )


@permission_required("members.add_discipline", raise_exception=True)
def discipline_create(request, pk):
    def save(member, form):
        discipline = services.discipline_record(
            member=member, user=request.user, **form.cleaned_data
        )
        return f"Đã ghi kỷ luật {discipline.get_form_display()} ngày {discipline.decision_date:%d/%m/%Y}."

    return member_action(
        request,
        pk,
        lambda member: DisciplineForm(request.POST or None),
        save,
        "Ghi kỷ luật",
    )


@require_POST
@permission_required("members.delete_membershipevent", raise_exception=True)
def fact_delete(request, pk, event_pk):
    member = member_or_404(request.user, pk)
    event = get_object_or_404(member.events, pk=event_pk)
    try:
        services.fact_delete(event=event, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Đã xóa sự kiện {event}.")
    return redirect("members:member_detail", pk=member.pk)


@require_POST
@permission_required("members.delete_interruption", raise_exception=True)
def interruption_delete(request, pk, interruption_pk):
    member = member_or_404(request.user, pk)
    interruption = get_object_or_404(Interruption, member=member, pk=interruption_pk)
    services.interruption_delete(interruption=interruption, user=request.user)
    messages.success(request, f"Đã xóa thời gian gián đoạn {interruption}.")
    return redirect("members:member_detail", pk=member.pk)


# --- cells ---------------------------------------------------------------------------------


def cell_list(request):
    sort = sort_of(request.GET, queries.CELL_LIST_SORTS, default="ten")
    cells = list(
        cells_with_counts(cells_for(request.user).select_related("merged_into")).order_by(
            *sort.order
        )
    )
    if request.GET.get("format") == "xlsx":
        check_may_export(request.user)
        return send(exports.cell_list_xlsx(cells))
    page = paginate(cells, request.GET)
    return render(
        request,
        "members/cell_list.html",
        {
            "cells": page.object_list,
            "page": page,
            "totals": queries.cell_totals(cells),
            **list_links(request.GET, sort),
        },
    )


def _cell_or_404(request, pk):
    pk = ascii_int(pk)
    cell = cells_for(request.user).filter(pk=pk).first() if pk is not None else None
    if cell is None:
        raise Http404("Không tìm thấy chi bộ.")
    return cell


@permission_required("members.add_organisation", raise_exception=True)
def cell_create(request):
    form = CellForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cell = services.cell_create(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, f"Đã thêm {cell.name}.")
            return redirect("members:cell_list")
    return render(request, "simple_form.html", {"form": form, "title": "Thêm chi bộ"})


@permission_required("members.add_organisation", raise_exception=True)
def branch_create(request):
    form = BranchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            branch = services.branch_create(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request, f"Đã thêm {branch.name}: có thể chọn khi thêm chi bộ trực thuộc."
            )
            return redirect("members:cell_list")
    return render(request, "simple_form.html", {"form": form, "title": "Thêm đảng bộ bộ phận"})


@permission_required("members.change_organisation", raise_exception=True)
def cell_rename(request, pk):
    cell = _cell_or_404(request, pk)
    form = RenameForm(request.POST or None, initial={"name": cell.name})
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_rename(organisation=cell, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, f"Đã đổi tên thành {cell.name}.")
            return redirect("members:cell_list")
    return render(
        request,
        "simple_form.html",
        {"form": form, "title": f"Đổi tên {cell.name}", "former_names": cell.former_names.all()},
    )


def cell_detail(request, pk):
    """A cell's page: its facts, its names, its members' counts; the ratings app adds its ratings
    and commendations (an included panel)."""
    found = _cell_or_404(request, pk)
    cell = (
        cells_with_counts(Organisation.objects.filter(pk=found.pk))
        .select_related("merged_into")
        .prefetch_related("former_names")
        .get()
    )
    return render(request, "members/cell_detail.html", {"cell": cell})


@permission_required("members.export_members", raise_exception=True)
def register_export(request):
    """The members register (7-HSĐV) of the user's scope, optionally one cell: XLSX, PDF or Word.
    The PDF of a large register is made in the background: a GET sends the one kept for the data
    as it is, or shows the one being made, or offers to make it; the POST of that offer queues it
    (once: a second POST finds the first)."""
    queryset = members_for(request.user)
    title = ""
    cell = None
    cell_id = request.GET.get("cell")
    if cell_id:
        cell = _cell_or_404(request, cell_id)
        queryset = queryset.filter(cell=cell)
        title = cell.name
    pdf = request.GET.get("format") == "pdf"
    if request.method not in ("GET", "HEAD") and not pdf:
        return HttpResponseNotAllowed(["GET"])
    if not pdf:
        if request.GET.get("format") == "docx":
            return send(register_docx(queryset, title_suffix=title))
        return send(exports.register_xlsx(queryset))
    count = queryset.count()
    if count <= exports.BACKGROUND_ROWS:
        return send(exports.register_pdf(queryset, title_suffix=title))
    return REGISTER_PDF.respond(
        request,
        params=exports.register_pdf_params(scope_key(request.user), cell),
        data_version=exports.register_pdf_version(),
        page=_register_page(title, cell.pk if cell else None, count),
    )


REGISTER_PDF = BackgroundPdf(
    kind=exports.REGISTER_PDF,
    enqueue=tasks.make_register_pdf.enqueue,
    page="members:register_document",
)


def _register_page(title: str, cell_id: int | None, count: int | None = None) -> dict:
    query = {"format": "pdf"} | ({"cell": cell_id} if cell_id else {})
    return page_context(
        title="Sổ danh sách đảng viên (7-HSĐV), PDF",
        heading="Sổ danh sách đảng viên (7-HSĐV)" + (f": {title}" if title else ""),
        back_url=reverse("members:member_list"),
        back_label="Đảng viên",
        size=f"Sổ có {intcomma(count)} đảng viên" if count is not None else "",
        request_url=f"{reverse('members:register_export')}?{urlencode(query)}",
    )


def _register_document_or_404(request, pk) -> KeptDocument:
    """A register PDF of the background that this user asked for or may read: the same scope,
    since the PDF lists the members the asker could see."""
    scope = list(scope_key(request.user))
    return REGISTER_PDF.document_or_404(pk, allowed=lambda params: params["scope"] == scope)


@permission_required("members.export_members", raise_exception=True)
def register_document(request, pk):
    """The page of a register PDF being made: its progress, then its link."""
    document = _register_document_or_404(request, pk)
    page = _register_page(document.params["title"], document.params["cell"])
    return REGISTER_PDF.page_view(request, document, page)


@permission_required("members.export_members", raise_exception=True)
def register_document_status(request, pk):
    """The state of a register PDF being made, for the page to poll (JSON)."""
    return REGISTER_PDF.status_view(_register_document_or_404(request, pk))


@permission_required("members.export_members", raise_exception=True)
def register_document_file(request, pk):
    return REGISTER_PDF.file_view(_register_document_or_404(request, pk))
