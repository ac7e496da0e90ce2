"""The committee profile, a letter of the committee, and a user's own password change."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ImproperlyConfigured
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_sameorigin

from office.audit_events import record
from office.forms import CommitteeProfileForm, DocumentLayoutForm, LetterForm
from office.letter import TEMPLATE, letter, letter_context, letter_docx, letter_pdf
from office.models import AuditEvent
from office.profile import PROFILE_FIELDS, committee_profile_save
from vusta_party import clock
from vusta_party.exports import send
from vusta_party.models import CommitteeProfile, DocumentLayout


@permission_required("vusta_party.change_committeeprofile", raise_exception=True)
def committee_profile(request):
    current = CommitteeProfile.objects.in_force(clock.today(), earliest_before_first=True)
    if request.method == "POST":
        form = CommitteeProfileForm(request.POST)
        if form.is_valid():
            committee_profile_save(
                valid_from=form.cleaned_data["valid_from"],
                values={name: form.cleaned_data[name] for name in PROFILE_FIELDS},
                user=request.user,
            )
            messages.success(request, "Đã lưu thông tin cấp ủy.")
            return redirect("office:committee_profile")
    else:
        initial = {"valid_from": clock.today()}
        if current:
            initial |= {name: getattr(current, name) for name in PROFILE_FIELDS}
        form = CommitteeProfileForm(initial=initial)
    history = CommitteeProfile.objects.select_related("created_by", "layout")
    return render(
        request,
        "office/committee_profile.html",
        {
            "form": form,
            "current": current,
            "history": history,
            "layouts": DocumentLayout.objects.all(),
            "can_edit_layouts": request.user.has_perm("vusta_party.change_documentlayout"),
        },
    )


@permission_required("vusta_party.change_documentlayout", raise_exception=True)
def layout_edit(request, pk):
    """Correct a layout profile (margins, subject line, styles), with its legal basis; the change
    history keeps what it was."""
    layout = get_object_or_404(DocumentLayout, pk=pk)
    form = DocumentLayoutForm(request.POST or None, instance=layout)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Đã sửa thể thức {layout}.")
        return redirect("office:committee_profile")
    return render(
        request,
        "simple_form.html",
        {
            "form": form,
            "title": f"Sửa thể thức: {layout}",
            "cancel_url": reverse("office:committee_profile"),
        },
    )


@xframe_options_sameorigin  # the page previews the letter in a frame of its own
@permission_required("vusta_party.print_letter", raise_exception=True)
def sample_document(request):
    """A letter of the committee (công văn), blank or filled in, as HTML, PDF and Word: the
    office's."""
    form = LetterForm(request.GET or None)
    typed = form.cleaned_data if form.is_valid() else {}
    try:
        data = letter(
            day=clock.today(),
            subject=typed.get("subject", ""),
            addressee=typed.get("addressee", ""),
            paragraphs=LetterForm.lines(typed.get("body", "")),
            recipients=LetterForm.lines(typed.get("recipients", "")),
        )
    except ImproperlyConfigured as error:
        messages.error(request, str(error))
        return redirect("reports:dashboard")
    context = letter_context(data)
    if request.GET.get("format") == "pdf":
        return send(letter_pdf(data))
    if request.GET.get("format") == "docx":
        return send(letter_docx(data))
    if request.GET.get("format") == "html":
        return render(request, TEMPLATE, context)
    return render(request, "office/sample_document.html", {"form": form, **context})


class PasswordChangeView(auth_views.PasswordChangeView):
    """A user changes their own password; the audit trail records it (not the password)."""

    def form_valid(self, form):
        form.user.skip_history_when_saving = True  # the history never holds passwords
        response = super().form_valid(form)
        record(
            self.request,
            AuditEvent.Action.ACCOUNT,
            f"{self.request.user.get_username()}: tự đổi mật khẩu",
        )
        return response
