"""Import pages: upload, preview with every row's outcome, commit, error report."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from members.forms import ImportForm
from members.imports import commit_import, error_report, plan_import
from members.models import ImportBatch
from vusta_party.exports import send
from vusta_party.spreadsheets import SpreadsheetError, upload_error


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
            return redirect("members:import_preview", pk=batch.pk)
    recent = ImportBatch.objects.select_related("uploaded_by").defer("content")[:10]
    return render(request, "members/import_upload.html", {"form": form, "recent": recent})


def _plan(batch):
    try:
        return plan_import(batch.file_name, bytes(batch.content)), None
    except SpreadsheetError as error:
        return None, str(error)


@permission_required("members.import_members", raise_exception=True)
def import_preview(request, pk):
    batch = get_object_or_404(ImportBatch, pk=pk)
    plan, file_error = _plan(batch)
    if request.method == "POST" and batch.state == ImportBatch.State.PREVIEWED and plan:
        try:
            # The members and the batch's state are written together, or not at all.
            with transaction.atomic():
                summary = commit_import(plan, user=request.user)
                batch.state = ImportBatch.State.COMMITTED
                batch.committed_at = timezone.now()
                batch.summary = summary
                batch.save(update_fields=["state", "committed_at", "summary"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                f"Đã nhập: {summary['created']} đảng viên mới, {summary['updated']} cập nhật, "
                f"{summary['unchanged']} không đổi, {summary['new_cells']} chi bộ mới.",
            )
            return redirect("members:import_preview", pk=batch.pk)
    counts = (
        {action: plan.count(action) for action in ("create", "update", "unchanged")} if plan else {}
    )
    return render(
        request,
        "members/import_preview.html",
        {
            "batch": batch,
            "plan": plan,
            "file_error": file_error,
            "created": counts.get("create", 0),
            "updated": counts.get("update", 0),
            "unchanged": counts.get("unchanged", 0),
        },
    )


@permission_required("members.import_members", raise_exception=True)
def import_errors(request, pk):
    """The rows that stop the import, as a spreadsheet to fix the file with."""
    batch = get_object_or_404(ImportBatch, pk=pk)
    plan, file_error = _plan(batch)
    return send(error_report(batch.file_name, plan, file_error))
