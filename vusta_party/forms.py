from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


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


def show_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form (by field where it names one)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)
