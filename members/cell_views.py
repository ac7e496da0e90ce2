"""Pages of the cells as dated facts (DOMAIN.md §5): the founding date, a merger into another
cell (its members move that day), a dissolution. Merges were common in the 2025 reorganisation."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render

from members import services
from members.access import cells_for
from members.forms import CellDissolveForm, CellFoundedForm, CellMergeForm
from vusta_party.forms import show_errors


def _cell_or_404(request, pk):
    cell = cells_for(request.user).filter(pk=pk).select_related("merged_into").first()
    if cell is None:
        raise Http404("Không tìm thấy chi bộ.")
    return cell


def _cell_form(request, form, save, title, intro=""):
    if request.method == "POST" and form.is_valid():
        try:
            done = save(form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("members:cell_list")
    return render(request, "simple_form.html", {"form": form, "title": title, "intro": intro})


@permission_required("members.change_organisation", raise_exception=True)
def cell_merge(request, pk):
    cell = _cell_or_404(request, pk)

    def save(data):
        moved = services.cell_merge(cell=cell, user=request.user, **data)
        return f"Đã sáp nhập {cell.name} vào {data['into'].name}: {moved} đảng viên chuyển sang."

    return _cell_form(
        request,
        CellMergeForm(request.POST or None, cell=cell),
        save,
        f"Sáp nhập {cell.name}",
        "Mọi đảng viên đang sinh hoạt ở chi bộ vào ngày sáp nhập được chuyển sang chi bộ mới từ "
        "ngày đó (ghi vào quá trình của từng người); từ ngày đó chi bộ không còn. Báo cáo các kỳ "
        "trước ngày sáp nhập không đổi.",
    )


@permission_required("members.change_organisation", raise_exception=True)
def cell_dissolve(request, pk):
    cell = _cell_or_404(request, pk)

    def save(data):
        services.cell_dissolve(cell=cell, user=request.user, **data)
        return f"Đã ghi {cell.name} giải thể từ ngày {data['day']:%d/%m/%Y}."

    return _cell_form(
        request,
        CellDissolveForm(request.POST or None),
        save,
        f"Giải thể {cell.name}",
        "Chỉ giải thể được chi bộ không còn đảng viên sinh hoạt vào ngày đó; nếu còn, hãy sáp "
        "nhập chi bộ vào chi bộ khác.",
    )


@permission_required("members.change_organisation", raise_exception=True)
def cell_founded(request, pk):
    cell = _cell_or_404(request, pk)

    def save(data):
        services.cell_set_founded(cell=cell, user=request.user, **data)
        if data["founded_on"] is None:
            return f"Đã xóa ngày thành lập của {cell.name}."
        return f"Đã ghi ngày thành lập {cell.name}: {data['founded_on']:%d/%m/%Y}."

    return _cell_form(
        request,
        CellFoundedForm(request.POST or None, initial={"founded_on": cell.founded_on}),
        save,
        f"Ngày thành lập {cell.name}",
    )
