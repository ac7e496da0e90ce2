"""Corrections of the dated tables the office keeps: badge rule versions, bonus coefficients and
base salaries. A row entered with a mistake is corrected or deleted here (the history keeps what
it was); a round already decided keeps the bonus it recorded."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ceremonies.forms import BadgeRulesForm, BaseSalaryForm, CoefficientForm
from ceremonies.models import BadgeRules, BaseSalary, BonusCoefficient

# address part -> (model, form, page listing the table)
TABLES = {
    "quy-dinh": (BadgeRules, BadgeRulesForm, "ceremonies:rules"),
    "he-so": (BonusCoefficient, CoefficientForm, "ceremonies:bonus_tables"),
    "luong-co-so": (BaseSalary, BaseSalaryForm, "ceremonies:bonus_tables"),
}


def _row(request, table: str, pk: int, action: str):
    if table not in TABLES:
        raise Http404
    model, form_class, listing = TABLES[table]
    if not request.user.has_perm(f"ceremonies.{action}_{model._meta.model_name}"):
        raise PermissionDenied
    return get_object_or_404(model, pk=pk), form_class, listing


def row_edit(request, table, pk):
    row, form_class, listing = _row(request, table, pk, "change")
    form = form_class(request.POST or None, instance=row)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Đã sửa: {row}.")
        return redirect(listing)
    return render(
        request,
        "simple_form.html",
        {"form": form, "title": f"Sửa: {row}", "cancel_url": reverse(listing)},
    )


@require_POST
@transaction.atomic
def row_delete(request, table, pk):
    row, _form_class, listing = _row(request, table, pk, "delete")
    if isinstance(row, BadgeRules) and BadgeRules.objects.count() == 1:
        messages.error(request, "Không xóa được quy định duy nhất: hãy sửa nó.")
        return redirect(listing)
    text = str(row)
    row.delete()
    messages.success(request, f"Đã xóa: {text}.")
    return redirect(listing)
