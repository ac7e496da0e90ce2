from django import forms

from reports.documents import NARRATIVE_SECTIONS
from vusta_party.forms import DateInput


class DraftForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, title in NARRATIVE_SECTIONS:
            self.fields[key] = forms.CharField(
                label=title, required=False, widget=forms.Textarea(attrs={"rows": 4})
            )


class RangeForm(forms.Form):
    """A report of any range of days (DOMAIN.md §5)."""

    start = forms.DateField(label="Từ ngày", widget=DateInput(attrs={"class": "form-control"}))
    end = forms.DateField(label="Đến ngày", widget=DateInput(attrs={"class": "form-control"}))

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError("“Từ ngày” phải trước hoặc bằng “Đến ngày”.")
        return data
