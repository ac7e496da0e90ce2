from django import forms

from reports.documents import NARRATIVE_SECTIONS


class DraftForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, title in NARRATIVE_SECTIONS:
            self.fields[key] = forms.CharField(
                label=title, required=False, widget=forms.Textarea(attrs={"rows": 4})
            )
