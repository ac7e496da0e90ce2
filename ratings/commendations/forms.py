from django import forms

from ratings.enums import CommendationForm, CommendationLevel
from vusta_party.forms import DateInput


class DraftForm(forms.Form):
    level = forms.ChoiceField(label="Cấp khen thưởng", choices=CommendationLevel.choices)
    form = forms.ChoiceField(label="Hình thức", choices=CommendationForm.choices)
    reason = forms.CharField(
        label="Lý do, thành tích",
        max_length=300,
        required=False,
        help_text="Để trống: lý do theo kết quả xếp loại của năm.",
    )


class LineForm(forms.Form):
    who = forms.CharField(label="Đảng viên (số thẻ hoặc họ tên) hoặc tên chi bộ", max_length=200)
    title = forms.CharField(label="Thành tích", max_length=300, required=False)


class DatedForm(forms.Form):
    on = forms.DateField(label="Ngày văn bản", widget=DateInput())


class DecisionForm(forms.Form):
    number = forms.CharField(label="Số quyết định của cấp trên", max_length=50)
    on = forms.DateField(label="Ngày quyết định", widget=DateInput())
    decided_by = forms.CharField(label="Cấp quyết định", max_length=200, required=False)
