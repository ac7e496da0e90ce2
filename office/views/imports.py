"""The members import in the browser (DOMAIN.md §8): upload, preview with every row's outcome,
import, error report. The register's import engine (members/imports) is given the milestones a
badge held may be, which the badge app owns."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from ceremonies.milestones import known_milestones
from members.imports import (
    batch_check,
    batch_commit,
    batch_outcome,
    error_report,
    import_template,
    is_current,
)
from members.models import ImportBatch
from office.forms import ImportForm
from vusta_party.exports import send
from vusta_party.pages import paginate
from vusta_party.spreadsheets import upload_error

ERRORS_SHOWN = 200  # errors listed on the page; all of them are in the error report


@permission_required("members.import_members", raise_exception=True)
def import_upload(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        refused = upload_error(upload)
        if refused:
            form.add_error("file", refused)
        else:
            batch = ImportBatch.objects.create(
                file_name=upload.name, content=upload.read(), uploaded_by=request.user
            )
            batch_check(batch, milestones=known_milestones())
            return redirect("office:import_preview", pk=batch.pk)
    recent = ImportBatch.objects.select_related("uploaded_by").defer("content", "outcome")[:10]
    return render(request, "office/import_upload.html", {"form": form, "recent": recent})


@permission_required("members.import_members", raise_exception=True)
def import_preview(request, pk):
    """Every row's outcome, kept from the check (a GET reads no file); POST imports the file,
    or, with "check", checks it again against the register as it is now."""
    batch = get_object_or_404(
        ImportBatch.objects.select_related("uploaded_by").defer("content"), pk=pk
    )
    if request.method == "POST":
        if "check" in request.POST:
            batch_check(batch, milestones=known_milestones())
            messages.success(request, "Đã kiểm tra lại tệp với sổ đảng viên hiện nay.")
        else:
            _commit(request, batch)
        return redirect("office:import_preview", pk=batch.pk)
    outcome = batch_outcome(batch)
    return render(
        request,
        "office/import_preview.html",
        {
            "batch": batch,
            "outcome": outcome,
            "current": is_current(batch),
            "committed": batch.state == ImportBatch.State.COMMITTED,
            "page": paginate(outcome.rows, request.GET),
            "errors": outcome.errors[:ERRORS_SHOWN],
            "more_errors": max(outcome.error_count - ERRORS_SHOWN, 0),
        },
    )


def _commit(request, batch) -> None:
    try:
        summary = batch_commit(batch, milestones=known_milestones(), user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            f"Đã nhập: {summary['created']} đảng viên mới, {summary['updated']} cập nhật, "
            f"{summary['unchanged']} không đổi, {summary['new_cells']} chi bộ mới.",
        )


@permission_required("members.import_members", raise_exception=True)
def import_errors(request, pk):
    """The rows that stop the import, as a spreadsheet to fix the file with."""
    batch = get_object_or_404(ImportBatch.objects.defer("content"), pk=pk)
    outcome = batch_outcome(batch)
    return send(error_report(batch.file_name, outcome.errors.iterator(), outcome.file_error))


@permission_required("members.import_members", raise_exception=True)
def import_template_file(request):
    """A members file to fill in: the columns of the import and an example row."""
    return send(import_template())
