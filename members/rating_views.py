"""Pages of the yearly ratings: the year, a cell's grid, locking, commendation proposals."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from members import rating_services as ratings
from members.access import cells_for
from members.exports import xlsx_response
from members.imports import upload_error
from members.models import ON_ROLLS, CellRating, RatingLevel
from vusta_party.documents import party_document
from vusta_party.pdf import pdf_response, render_pdf


def _year_number(year: int) -> int:
    if not 1990 <= year <= timezone.localdate().year + 1:
        raise Http404("Không có năm xếp loại này.")
    return year


def rating_index(request, year: int | None = None):
    year = ratings.rating_year(_year_number(year or timezone.localdate().year))
    cells = cells_for(request.user).annotate(
        to_rate=Count("members", filter=Q(members__status__in=ON_ROLLS))
    )
    rated = dict(
        year.member_ratings.values_list("cell_id")
        .annotate(n=Count("id"))
        .values_list("cell_id", "n")
    )
    cell_levels = dict(CellRating.objects.filter(year=year).values_list("cell_id", "level"))
    can_lock = request.user.has_perm("members.change_ratingyear")
    return render(
        request,
        "members/rating_index.html",
        {
            "year": year,
            "rows": [(cell, rated.get(cell.pk, 0), cell_levels.get(cell.pk)) for cell in cells],
            "checks": ratings.year_checks(year) if can_lock else None,
            "can_lock": can_lock,
            "years": range(timezone.localdate().year, timezone.localdate().year - 6, -1),
        },
    )


@require_POST
@permission_required("members.change_ratingyear", raise_exception=True)
def rating_lock(request, year: int):
    year_obj = ratings.rating_year(_year_number(year))
    try:
        ratings.year_lock(
            year=year_obj, user=request.user, accept_warnings=bool(request.POST.get("accept"))
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Đã khóa xếp loại năm {year}.")
    return redirect("members:rating_year", year=year)


def rating_grid(request, year: int, cell_pk: int):
    year_obj = ratings.rating_year(_year_number(year))
    cell = cells_for(request.user).filter(pk=cell_pk).first()
    if cell is None:
        raise Http404("Không tìm thấy chi bộ.")
    rows = ratings.grid(year=year_obj, cell=cell)
    if request.method == "POST":
        if not request.user.has_perm("members.add_memberrating"):
            raise PermissionDenied
        levels = {}
        for row in rows:
            level = request.POST.get(f"level-{row.member.pk}", "")
            score = request.POST.get(f"score-{row.member.pk}", "").strip()
            if row.not_rated and not level:
                continue
            levels[row.member.pk] = (level, int(score) if score.isdigit() else None)
        cell_score = request.POST.get("cell_score", "").strip()
        try:
            saved = ratings.ratings_save(
                year=year_obj,
                cell=cell,
                levels=levels,
                cell_level=request.POST.get("cell_level", ""),
                cell_score=int(cell_score) if cell_score.isdigit() else None,
                user=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Đã lưu xếp loại {saved} đảng viên của {cell.name}.")
            return redirect("members:rating_grid", year=year, cell_pk=cell.pk)
    cell_rating = CellRating.objects.filter(year=year_obj, cell=cell).first()
    return render(
        request,
        "members/rating_grid.html",
        {
            "year": year_obj,
            "cell": cell,
            "rows": rows,
            "levels": RatingLevel.choices,
            "cell_rating": cell_rating,
        },
    )


def commendation_list(request, year: int):
    year_obj = ratings.rating_year(_year_number(year))
    members, cells = ratings.commendations(up_to=year_obj.year, threshold=year_obj.streak_threshold)
    allowed = set(cells_for(request.user).values_list("name", flat=True))
    members = [m for m in members if m.cell in allowed]
    cells = [c for c in cells if c.cell in allowed]
    context = {"year": year_obj, "members": members, "cells": cells}
    output = request.GET.get("format")
    if output == "pdf":
        context["doc"] = party_document(day=timezone.localdate(), type_code="DS")
        return pdf_response(
            render_pdf("documents/commendations.html", context),
            filename=f"de-nghi-khen-thuong-{year}.pdf",
        )
    if output == "xlsx":
        from openpyxl import Workbook  # noqa: PLC0415 -- only for this export

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Đề nghị khen thưởng")
        sheet.append(["STT", "Đảng viên / chi bộ", "Chi bộ", f"Số năm liền HTXSNV đến {year}"])
        for number, item in enumerate([*members, *cells], 1):
            sheet.append([number, item.name, item.cell, item.years])
        return xlsx_response(workbook, f"de-nghi-khen-thuong-{year}.xlsx")
    return render(request, "members/commendations.html", context)


@require_POST
@permission_required("members.change_ratingyear", raise_exception=True)
def rating_import(request):
    """Past years' ratings from a spreadsheet (office only)."""
    if "file" not in request.FILES:
        messages.error(request, "Hãy chọn tệp xếp loại.")
        return redirect("members:rating_index")
    upload = request.FILES["file"]
    refused = upload_error(upload)
    if refused:
        messages.error(request, "Chưa nhập gì. " + refused)
        return redirect("members:rating_index")
    try:
        counts = ratings.ratings_import(
            upload.name, upload.read(), lock_years=bool(request.POST.get("lock")), user=request.user
        )
    except ValidationError as error:
        messages.error(request, "Chưa nhập gì. " + " ".join(error.messages[:30]))
    else:
        messages.success(
            request,
            f"Đã nhập xếp loại của {counts['members']} đảng viên và {counts['cells']} chi bộ trong {counts['years']} năm.",
        )
    return redirect("members:rating_index")
