from decimal import Decimal

from django import forms

from ceremonies.enums import ProposalKind
from ceremonies.models import BadgeRules, BaseSalary, BonusCoefficient, Round
from members.forms import CellChoiceField
from members.models import Badge, Organisation
from vusta_party import clock
from vusta_party.forms import AmountField, DateInput, DecimalCommaField, QuickSelect

WINDOWS = [(3, "3 tháng"), (6, "6 tháng"), (12, "12 tháng"), (24, "24 tháng")]


class OutlookForm(forms.Form):
    months = forms.TypedChoiceField(
        label="Trong vòng", choices=WINDOWS, coerce=int, initial=12, required=False
    )
    cell = CellChoiceField(
        label="Chi bộ",
        queryset=Organisation.objects.none(),
        required=False,
        empty_label="Tất cả chi bộ",
        widget=QuickSelect(attrs={"class": "form-select w-auto"}),
    )

    def __init__(self, *args, cells, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cell"].queryset = cells


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
        others = BadgeRules.objects.exclude(pk=self.instance.pk)  # a correction keeps its date
        if others.filter(valid_from=valid_from).exists():
            raise forms.ValidationError(
                "Đã có quy định áp dụng từ ngày này: chọn ngày khác (mỗi thay đổi là một phiên bản)."
            )
        if valid_from > clock.today().replace(year=clock.today().year + 2):
            raise forms.ValidationError("Ngày áp dụng quá xa trong tương lai.")
        return valid_from


class RoundForm(forms.Form):
    day = forms.DateField(label="Ngày trao tặng", widget=DateInput())
    occasion = forms.ChoiceField(label="Dịp", choices=[])
    title = forms.CharField(label="Tên đợt (không bắt buộc)", max_length=200, required=False)
    deadline = forms.DateField(
        label="Hạn nộp hồ sơ",
        widget=DateInput(),
        required=False,
        help_text="Mặc định 30 ngày trước.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["occasion"].choices = Round.Occasion.choices


class ExcludeForm(forms.Form):
    note = forms.CharField(label="Lý do không đề nghị", max_length=300, required=False)


class AddProposalForm(forms.Form):
    KINDS = [
        (ProposalKind.EARLY, "Tặng sớm (bệnh nặng)"),
        (ProposalKind.POSTHUMOUS, ProposalKind.POSTHUMOUS.label),
        (ProposalKind.POSTHUMOUS_EARLY, ProposalKind.POSTHUMOUS_EARLY.label),
        (ProposalKind.REGULAR, ProposalKind.REGULAR.label),
        (ProposalKind.REISSUE, "Cấp lại Huy hiệu bị mất"),
    ]

    member = forms.CharField(label="Đảng viên (số thẻ, hoặc họ tên)", max_length=100)
    kind = forms.ChoiceField(label="Loại", choices=KINDS)
    milestone = forms.TypedChoiceField(
        label="Huy hiệu (khi cấp lại)", coerce=int, required=False, empty_value=None, choices=[]
    )
    note = forms.CharField(
        label="Lý do / ghi chú (bệnh nặng: ghi xác nhận y tế)", max_length=300, required=False
    )
    old_badge_number = forms.CharField(label="Số Huy hiệu cũ", max_length=30, required=False)
    loss_statement = forms.CharField(
        label="Bản tường trình việc mất", max_length=300, required=False
    )

    def __init__(self, *args, milestones: frozenset[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["milestone"].choices = [("", "—")] + [
            (m, f"{m} năm") for m in sorted(milestones)
        ]


class SubmitForm(forms.Form):
    on = forms.DateField(label="Ngày gửi cấp trên", widget=DateInput())


class DecisionForm(forms.Form):
    decision_number = forms.CharField(label="Số quyết định", max_length=50)
    decision_date = forms.DateField(label="Ngày quyết định", widget=DateInput())
    decided_by = forms.CharField(label="Cấp quyết định", max_length=200, required=False)


class HoldForm(forms.Form):
    held_on = forms.DateField(label="Ngày tổ chức lễ", widget=DateInput())


class CorrectDatesForm(forms.Form):
    """The office corrects the date of a step entered wrongly, with a reason (audit trail)."""

    submitted_on = forms.DateField(label="Ngày gửi cấp trên", widget=DateInput(), required=False)
    decision_date = forms.DateField(label="Ngày quyết định", widget=DateInput(), required=False)
    reason = forms.CharField(
        label="Lý do sửa",
        max_length=100,
        error_messages={"required": "Hãy ghi lý do sửa ngày."},
    )

    def __init__(self, *args, round_=None, **kwargs):
        super().__init__(*args, **kwargs)
        if round_ is not None:
            if round_.decision_date is None:
                del self.fields["decision_date"]
            self.initial.setdefault("submitted_on", round_.submitted_on)
            self.initial.setdefault("decision_date", round_.decision_date)


class CancelForm(forms.Form):
    reason = forms.CharField(label="Lý do hủy", max_length=300)


# The bonus coefficients of the regulations run from 1,5 (30 years) to 15 (80 years); a value
# outside this range is a typing mistake, not a rule.
COEFFICIENT_RANGE = (Decimal("0.5"), Decimal("20"))
# The base salary (lương cơ sở) in đồng a month: 1.490.000 in 2019, 2.530.000 in 2026.
BASE_SALARY_RANGE = (500_000, 50_000_000)


class CoefficientForm(forms.ModelForm):
    coefficient = DecimalCommaField(
        label="Hệ số",
        min_value=COEFFICIENT_RANGE[0],
        max_value=COEFFICIENT_RANGE[1],
        help_text="Ví dụ 2,5 (dấu phẩy thập phân).",
    )

    class Meta:
        model = BonusCoefficient
        fields = ["milestone", "coefficient", "valid_from", "legal_basis"]
        widgets = {"valid_from": DateInput()}


class BaseSalaryForm(forms.ModelForm):
    amount = AmountField(
        label="Mức lương cơ sở (đồng/tháng)",
        min_value=BASE_SALARY_RANGE[0],
        max_value=BASE_SALARY_RANGE[1],
        help_text="Ví dụ 2.530.000.",
    )

    class Meta:
        model = BaseSalary
        fields = ["amount", "valid_from", "legal_basis", "verified"]
        widgets = {"valid_from": DateInput()}


class BadgeForm(forms.ModelForm):
    milestone = forms.TypedChoiceField(label="Huy hiệu", coerce=int, choices=[])

    class Meta:
        model = Badge
        fields = [
            "milestone",
            "kind",
            "decision_number",
            "decision_date",
            "awarded_on",
            "badge_number",
            "note",
        ]
        widgets = {"decision_date": DateInput(), "awarded_on": DateInput()}

    def __init__(self, *args, milestones: frozenset[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["milestone"].choices = [(m, f"{m} năm tuổi Đảng") for m in sorted(milestones)]

    def validate_unique(self):
        pass  # the service says which badge the member already holds
