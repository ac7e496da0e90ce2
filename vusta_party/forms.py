from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from vusta_party.models import CommitteeProfile


class DateInput(forms.DateInput):
    """A dd/mm/yyyy text box (the browser's own date picker would show the browser's locale)."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"placeholder": "dd/mm/yyyy", **(attrs or {})}, format="%d/%m/%Y")


class DateRangeForm(forms.Form):
    """From one day to another, both included (reports of a range, the audit trail export)."""

    start = forms.DateField(label="Từ ngày", widget=DateInput(attrs={"class": "form-control"}))
    end = forms.DateField(label="Đến ngày", widget=DateInput(attrs={"class": "form-control"}))

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError("“Từ ngày” phải trước hoặc bằng “Đến ngày”.")
        return data


class QuickSelect(forms.Select):
    """A select whose options are written directly rather than through a template each: the
    standard widget takes about 20 ms for the 500 cells of a large committee, on every list
    page. Plain options only (no groups)."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = {str(v) for v in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (key, mark_safe(" selected") if str(key) in selected else "", label)
                for key, label in self.choices
            ),
        )
        final = {**self.build_attrs(self.attrs, attrs), "name": name}
        return format_html("<select{}>{}</select>", flatatt(final), options)


class CommitteeProfileForm(forms.ModelForm):
    class Meta:
        model = CommitteeProfile
        fields = [
            "valid_from",
            "higher_committee_name",
            "committee_name",
            "higher_committee_text",
            "committee_text",
            "place_name",
            "document_symbol",
            "term_name",
            "term_start",
            "signer_authority",
            "signer_title",
            "signer_name",
        ]
        widgets = {"valid_from": DateInput(), "term_start": DateInput()}

    def clean_valid_from(self):
        valid_from = self.cleaned_data["valid_from"]
        if valid_from > timezone.localdate():
            raise forms.ValidationError("Ngày áp dụng không được ở tương lai.")
        return valid_from

    def clean(self):
        cleaned = super().clean()
        for name in ("higher_committee_name", "committee_name", "signer_authority", "signer_title"):
            if cleaned.get(name):
                cleaned[name] = " ".join(cleaned[name].split()).upper()
        return cleaned

    def validate_unique(self):
        # A version with the same start date is replaced, not duplicated (see the service).
        pass


class LetterForm(forms.Form):
    """The optional contents of a letter (công văn) of the committee."""

    subject = forms.CharField(label="Trích yếu (V/v)", max_length=200, required=False)
    addressee = forms.CharField(label="Kính gửi", max_length=200, required=False)
    body = forms.CharField(
        label="Nội dung",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Mỗi dòng là một đoạn. Để trống để in mẫu công văn có dòng kẻ để viết tay.",
    )
    recipients = forms.CharField(
        label="Nơi nhận",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Mỗi dòng một nơi nhận.",
    )

    @staticmethod
    def lines(text: str) -> tuple[str, ...]:
        return tuple(line.strip() for line in text.splitlines() if line.strip())


def show_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form (by field where it names one)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)
