from django import forms
from django.utils import timezone

from ceremonies.models import BadgeRules
from vusta_party.forms import DateInput

WINDOWS = [(3, "3 tháng"), (6, "6 tháng"), (12, "12 tháng"), (24, "24 tháng")]


class OutlookForm(forms.Form):
    months = forms.TypedChoiceField(
        label="Trong vòng", choices=WINDOWS, coerce=int, initial=12, required=False
    )


class ExplainForm(forms.Form):
    on = forms.DateField(label="Xét tại ngày", widget=DateInput(), required=False)


class BadgeRulesForm(forms.ModelForm):
    class Meta:
        model = BadgeRules
        fields = [
            "valid_from",
            "milestones",
            "early_months_low",
            "early_split",
            "early_months_high",
            "posthumous_early_months",
            "reprimand_delay_months",
            "warning_delay_months",
            "removal_delay_months",
            "legal_basis",
        ]
        widgets = {"valid_from": DateInput()}

    def clean_valid_from(self):
        valid_from = self.cleaned_data["valid_from"]
        if BadgeRules.objects.filter(valid_from=valid_from).exists():
            raise forms.ValidationError(
                "Đã có quy định áp dụng từ ngày này: chọn ngày khác (mỗi thay đổi là một phiên bản)."
            )
        if valid_from > timezone.localdate().replace(year=timezone.localdate().year + 2):
            raise forms.ValidationError("Ngày áp dụng quá xa trong tương lai.")
        return valid_from
