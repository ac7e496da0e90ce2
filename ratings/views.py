"""Pages of the yearly ratings: the year, a cell's grid, locking, commendation proposals."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from members.access import cells_for, check_may_export, member_or_404, members_for
from ratings import exports, queries, services
from ratings.commendations import queries as commendation_queries
from ratings.commendations.forms import DraftForm
from ratings.forms import ExemplaryCellsForm, RatingImportForm, grid_forms
from ratings.rules import DISCIPLINE_MESSAGE, DISCIPLINED_LEVEL, QUOTA_MESSAGE
from ratings.streak_list import streak_list
from vusta_party import clock
from vusta_party.exports import send
from vusta_party.pages import list_links, paginate, sort_of
from vusta_party.spreadsheets import upload_error

YEARS_SHOWN = 6


def _year(year: int):
    if not services.FIRST_YEAR <= year <= clock.today().year + 1:
        raise Http404("Không có năm xếp loại này.")
    return queries.year_or_unsaved(year)


def rating_index(request, year: int | None = None):
    today = clock.today()
    year = _year(year or today.year)
    sort = sort_of(request.GET, queries.YEAR_CELL_SORTS, default="ten")
    rows = queries.year_progress(request.user, year, order=sort.order)
    if request.GET.get("format") == "xlsx":
        check_may_export(request.user)
        return send(exports.year_cells_xlsx(year, rows))
    can_lock = request.user.has_perm("ratings.change_ratingyear")
    excellent = queries.excellent_cells(year) if can_lock else []
    return render(
        request,
        "ratings/rating_index.html",
        {
            **list_links(request.GET, sort),
            "year": year,
            "rows": rows,
            "unrated": len(queries.unrated_members(members_for(request.user), year)),
            "checks": queries.year_checks(year) if can_lock else None,
            "can_lock": can_lock,
            "exemplary_form": ExemplaryCellsForm(
                ratings=excellent,
                initial={
                    "cells": [str(r.cell_id) for r in excellent if r.exemplary],
                    "cap": year.exemplary_cap,
                },
            ),
            "excellent": excellent,
            "years": range(today.year, today.year - YEARS_SHOWN, -1),
            "import_form": RatingImportForm(),
        },
    )


@require_POST
@permission_required("ratings.change_ratingyear", raise_exception=True)
def rating_lock(request, year: int):
    try:
        services.year_lock(
            year=_year(year), user=request.user, accept_warnings=bool(request.POST.get("accept"))
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Đã khóa xếp loại năm {year}.")
    return redirect("ratings:rating_year", year=year)


def rating_grid(request, year: int, cell_pk: int):
    year_obj = _year(year)
    cell = cells_for(request.user).filter(pk=cell_pk).first()
    if cell is None:
        raise Http404("Không tìm thấy chi bộ.")
    rows = queries.grid(year=year_obj, cell=cell)
    data = request.POST if request.method == "POST" else None
    if data is not None and not request.user.has_perm("ratings.add_memberrating"):
        raise PermissionDenied
    pairs, cell_form = grid_forms(rows, data, queries.cell_rating(year=year_obj, cell=cell))
    if data is not None:
        saved = _save_grid(request, year_obj, cell, pairs, cell_form)
        if saved is not None:
            return saved
    return render(
        request,
        "ratings/rating_grid.html",
        {
            "year": year_obj,
            "cell": cell,
            "pairs": pairs,
            "cell_form": cell_form,
            # The warnings of the levels on the page; the page's script redoes them as staff type.
            "warnings": services.grid_warnings(
                year=year_obj,
                cell=cell,
                rows=[row for row, form in pairs if form is not None],
                levels={row.member.pk: form.known_level for row, form in pairs if form},
            ),
            "quota_message": QUOTA_MESSAGE,
            "discipline_message": DISCIPLINE_MESSAGE,
            "discipline_level": DISCIPLINED_LEVEL,
        },
    )


def _save_grid(request, year, cell, pairs, cell_form):
    """Save a posted grid, or say what is wrong and keep every value typed (None)."""
    forms = [form for _row, form in pairs if form is not None]
    if not all(form.is_valid() for form in [*forms, cell_form]):
        return _grid_refused(request, forms, cell_form)
    try:
        result = services.ratings_save(
            year=year,
            cell=cell,
            levels={
                row.member.pk: (form.cleaned_data["level"], form.cleaned_data["score"])
                for row, form in pairs
                if form is not None
            },
            cell_level=cell_form.cleaned_data["level"],
            cell_score=cell_form.cleaned_data["score"],
            user=request.user,
        )
    except ValidationError as error:
        by_member = {str(row.member.pk): form for row, form in pairs if form is not None}
        by_member["cell"] = cell_form
        for key, texts in getattr(error, "message_dict", {"": error.messages}).items():
            if key in by_member:
                by_member[key].add_error("level", texts)
            else:
                cell_form.add_error(None, texts)
        return _grid_refused(request, forms, cell_form)
    if result.nothing:
        messages.warning(
            request, "Chưa lưu gì: chưa chọn mức xếp loại cho đảng viên nào, cũng như cho chi bộ."
        )
        return None
    parts = []
    if result.rated:
        parts.append(f"Đã lưu xếp loại {result.rated} đảng viên của {cell.name}")
    if result.removed:
        parts.append(
            f"{'đã' if parts else 'Đã'} bỏ xếp loại {result.removed} đảng viên "
            f"{'' if parts else f'của {cell.name} '}không được chọn mức"
        )
    if not parts:
        parts.append(f"Chưa xếp loại đảng viên nào của {cell.name}")
    text = ", ".join(parts) + "."
    if result.cell_rated:
        text += f" Chi bộ tự xếp loại: {cell_form.cleaned_data['level']}."
    messages.success(request, text)
    for warning in result.warnings:
        messages.warning(request, "Cảnh báo: " + warning)
    return redirect("ratings:rating_grid", year=year.year, cell_pk=cell.pk)


def _grid_refused(request, forms, cell_form):
    bad = sum(len(form.errors) for form in [*forms, cell_form])
    messages.error(
        request,
        f"Chưa lưu gì: {bad} ô chưa đúng (tô đỏ bên dưới). Mọi giá trị đã nhập vẫn còn nguyên; "
        "sửa các ô đó rồi lưu lại.",
    )


@require_POST
@permission_required("ratings.change_ratingyear", raise_exception=True)
def exemplary_cells(request, year: int):
    """The committee's tiêu biểu marks of a year's cells rated HTXSNV, with its cap."""
    year_obj = _year(year)
    form = ExemplaryCellsForm(request.POST, ratings=queries.excellent_cells(year_obj))
    if not form.is_valid():
        messages.error(request, "Chưa lưu: " + " ".join(m for e in form.errors.values() for m in e))
        return redirect("ratings:rating_year", year=year)
    try:
        marked = services.exemplary_cells_save(
            year=year_obj,
            cell_ids={int(pk) for pk in form.cleaned_data["cells"]},
            cap=form.cleaned_data["cap"],
            user=request.user,
        )
    except ValidationError as error:
        messages.error(request, "Chưa lưu: " + " ".join(error.messages))
    else:
        messages.success(request, f"Đã công nhận {marked} chi bộ tiêu biểu năm {year}.")
    return redirect("ratings:rating_year", year=year)


def unrated_list(request, year: int):
    """The members on the user's rolls not yet rated in the year who should be: sortable, in
    pages, and as a workbook in the same sort."""
    year_obj = _year(year)
    sort = sort_of(request.GET, queries.UNRATED_SORTS, default="ten")
    members = queries.unrated_members(members_for(request.user).order_by(*sort.order), year_obj)
    if request.GET.get("format") == "xlsx":
        check_may_export(request.user)
        return send(exports.unrated_xlsx(year_obj, members))
    return render(
        request,
        "ratings/unrated.html",
        {"year": year_obj, "page": paginate(members, request.GET), **list_links(request.GET, sort)},
    )


def commendation_list(request, year: int):
    """The year's commendations: the committee's decisions and the proposals to the higher
    committee drafted from it, and the streaks of the year (§4, §4b)."""
    year_obj = _year(year)
    members, cells = queries.streaks(
        request.user, up_to=year_obj.year, threshold=year_obj.streak_threshold
    )
    output = request.GET.get("format")
    files = {
        "pdf": exports.commendations_pdf,
        "docx": exports.commendations_docx,
        "xlsx": exports.commendations_xlsx,
    }
    if output in files:
        return send(files[output](streak_list(year_obj, members, cells, day=clock.today())))
    return render(
        request,
        "ratings/commendations.html",
        {
            "year": year_obj,
            "members": members,
            "cells": cells,
            "commendations": commendation_queries.of_year(year_obj),
            "can_manage": request.user.has_perm("ratings.add_commendation"),
            "draft_form": DraftForm(),
        },
    )


def member_panel(request, pk):
    """A member's ratings and recorded commendations, shown on the member's page."""
    member = member_or_404(request.user, pk)
    return render(
        request,
        "ratings/member_panel.html",
        {
            "ratings": queries.member_ratings(member),
            "commendations": commendation_queries.recorded_for(member=member),
        },
    )


def cell_panel(request, pk):
    """A cell's own ratings (with its tiêu biểu years) and recorded commendations, shown on the
    cell's page."""
    cell = cells_for(request.user).filter(pk=pk).first()
    if cell is None:
        raise Http404("Không tìm thấy chi bộ.")
    return render(
        request,
        "ratings/cell_panel.html",
        {
            "ratings": queries.cell_ratings(cell),
            "commendations": commendation_queries.recorded_for(cell=cell),
        },
    )


@require_POST
@permission_required("ratings.change_ratingyear", raise_exception=True)
def rating_import(request):
    """Past years' ratings from a spreadsheet (office only)."""
    form = RatingImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Hãy chọn tệp xếp loại.")
        return redirect("ratings:rating_index")
    upload = form.cleaned_data["file"]
    refused = upload_error(upload)
    if refused:
        messages.error(request, "Chưa nhập gì. " + refused)
        return redirect("ratings:rating_index")
    try:
        counts = services.ratings_import(
            upload.name, upload.read(), lock_years=form.cleaned_data["lock"], user=request.user
        )
    except ValidationError as error:
        messages.error(request, "Chưa nhập gì. " + " ".join(error.messages[:30]))
    else:
        messages.success(
            request,
            f"Đã nhập xếp loại của {counts['members']} đảng viên và {counts['cells']} chi bộ "
            f"trong {counts['years']} năm.",
        )
    return redirect("ratings:rating_index")
