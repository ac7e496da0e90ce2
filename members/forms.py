import re

from django import forms

from members.enums import Sex, Status
from members.fact_kinds import default_fact_kind, fact_fields
from members.models import Discipline, Interruption, Member, MembershipEvent, Organisation
from members.services import EDITABLE_FIELDS, OVERRIDE_FIELDS
from vusta_party.forms import DateInput, QuickSelect

Kind = MembershipEvent.Kind
CCCD = re.compile(r"^\d{12}$")


class CellChoices(forms.models.ModelChoiceIterator):
    """A cell field's choices, (id, name) read as values: a large committee's 500 cells are
    listed on every page with a cell filter, and building a model for each costs more than the
    rest of such a list."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.queryset.values_list("pk", "name")


class CellChoiceField(forms.ModelChoiceField):
    iterator = CellChoices

    def label_from_instance(self, obj):
        return obj.name


class MemberForm(forms.ModelForm):
    """The member record; facts (status, cell changes, death...) are recorded separately."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Member
        fields = list(EDITABLE_FIELDS)
        widgets = {
            "date_of_birth": DateInput(),
            "admission_date": DateInput(),
            "party_age_start_override": DateInput(),
        }

    def __init__(self, *args, may_set_start=False, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        if not may_set_start:
            # The office's fields (§1) are shown, not offered; the service refuses them too.
            office_only = (
                [*OVERRIDE_FIELDS, "admission_date"] if self.instance.pk else OVERRIDE_FIELDS
            )
            for name in office_only:
                self.fields[name].disabled = True
                self.fields[name].help_text = "Do Văn phòng Đảng ủy ghi."

    def validate_unique(self):
        pass  # the service names the other member holding a CCCD or card number

    def clean_full_name(self):
        return " ".join(self.cleaned_data["full_name"].split())

    def clean_citizen_id(self):
        value = (self.cleaned_data.get("citizen_id") or "").strip()
        if value and not CCCD.match(value):
            raise forms.ValidationError("Số CCCD gồm đúng 12 chữ số.")
        return value or None

    def clean_party_card_number(self):
        return (self.cleaned_data.get("party_card_number") or "").strip() or None


class MemberCreateForm(MemberForm):
    ENTRY_CHOICES = [
        (Kind.ADMITTED, "Kết nạp tại Đảng bộ"),
        (Kind.TRANSFERRED_IN, "Chuyển sinh hoạt đến từ đơn vị khác"),
    ]

    cell = CellChoiceField(label="Chi bộ", queryset=Organisation.objects.none())
    official_date = forms.DateField(
        label="Ngày chính thức",
        required=False,
        widget=DateInput(),
        help_text="Để trống nếu là đảng viên dự bị.",
    )
    entry = forms.ChoiceField(
        label="Vào danh sách do", choices=ENTRY_CHOICES, initial=Kind.ADMITTED
    )
    entry_date = forms.DateField(
        label="Ngày chuyển đến", required=False, widget=DateInput(), help_text="Chỉ khi chuyển đến."
    )
    counterpart = forms.CharField(label="Chuyển đến từ", max_length=200, required=False)
    confirm_not_duplicate = forms.BooleanField(
        label="Tôi đã kiểm tra: đây là một người khác, không trùng hồ sơ", required=False
    )

    def __init__(self, *args, cells=None, **kwargs):
        super().__init__(*args, **kwargs)
        # A member is put into a cell that still exists.
        self.fields["cell"].queryset = (
            cells.live() if cells is not None else Organisation.objects.none()
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("entry") == Kind.TRANSFERRED_IN:
            if not cleaned.get("entry_date"):
                self.add_error("entry_date", "Hãy nhập ngày chuyển sinh hoạt đến.")
            if not cleaned.get("counterpart"):
                self.add_error("counterpart", "Hãy ghi nơi chuyển đến từ.")
        return cleaned


class FactForm(forms.Form):
    kind = forms.ChoiceField(
        label="Sự kiện",
        choices=[("", "— Chọn sự kiện —")]
        + [(k.value, k.label) for k in Kind if k != Kind.ADMITTED],
    )
    day = forms.DateField(label="Ngày", widget=DateInput())
    cell = CellChoiceField(
        label="Chi bộ",
        queryset=Organisation.objects.none(),
        required=False,
        help_text="Chi bộ mới: khi chuyển giữa các chi bộ, chuyển đến, kết nạp lại, khôi phục.",
    )
    counterpart = forms.CharField(
        label="Nơi chuyển đi / chuyển đến", max_length=200, required=False
    )
    decision_number = forms.CharField(
        label="Số quyết định / giấy giới thiệu", max_length=50, required=False
    )
    note = forms.CharField(label="Ghi chú", max_length=300, required=False)

    def __init__(self, *args, cells=None, member=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cell"].queryset = (
            cells.live() if cells is not None else Organisation.objects.none()
        )
        if member is not None:
            self.fields["kind"].initial = default_fact_kind(
                status=member.status, official=member.official_date is not None
            )

    def fact_values(self) -> dict:
        """The cleaned values of the fields the chosen kind takes (a hidden field typed into
        before the kind changed is not passed on)."""
        kind = self.cleaned_data["kind"]
        return {"kind": kind} | {name: self.cleaned_data.get(name) for name in fact_fields(kind)}

    @staticmethod
    def fields_of_kinds() -> dict[str, list[str]]:
        """For the page's script: the fields each kind shows."""
        return {k.value: list(fact_fields(k)) for k in Kind if k != Kind.ADMITTED}


class InterruptionForm(forms.ModelForm):
    class Meta:
        model = Interruption
        fields = ["start", "end", "reason", "note"]
        widgets = {"start": DateInput(), "end": DateInput()}


class DisciplineForm(forms.ModelForm):
    class Meta:
        model = Discipline
        fields = [
            "form",
            "decision_date",
            "decision_number",
            "issued_by",
            "reason",
            "correction_confirmed",
        ]
        widgets = {"decision_date": DateInput()}


class CellForm(forms.Form):
    name = forms.CharField(label="Tên chi bộ", max_length=200)
    parent = CellChoiceField(
        label="Trực thuộc",
        queryset=Organisation.objects.exclude(kind=Organisation.Kind.CELL),
        required=False,
        empty_label="Đảng bộ (trực thuộc trực tiếp)",
    )
    founded_on = forms.DateField(label="Ngày thành lập", required=False, widget=DateInput())


class BranchForm(forms.Form):
    name = forms.CharField(label="Tên đảng bộ bộ phận", max_length=200)
    founded_on = forms.DateField(label="Ngày thành lập", required=False, widget=DateInput())


class RenameForm(forms.Form):
    name = forms.CharField(label="Tên mới", max_length=200)
    valid_from = forms.DateField(label="Áp dụng từ ngày", widget=DateInput())


class CellMergeForm(forms.Form):
    into = CellChoiceField(label="Sáp nhập vào chi bộ", queryset=Organisation.objects.none())
    day = forms.DateField(
        label="Ngày sáp nhập",
        widget=DateInput(),
        help_text="Từ ngày này các đảng viên của chi bộ sinh hoạt ở chi bộ mới.",
    )
    decision_number = forms.CharField(label="Số quyết định", max_length=50, required=False)

    def __init__(self, *args, cell, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = (
            Organisation.objects.live().filter(kind=Organisation.Kind.CELL).exclude(pk=cell.pk)
        )


class CellDissolveForm(forms.Form):
    day = forms.DateField(
        label="Ngày giải thể", widget=DateInput(), help_text="Từ ngày này chi bộ không còn."
    )


class CellFoundedForm(forms.Form):
    founded_on = forms.DateField(
        label="Ngày thành lập",
        required=False,
        widget=DateInput(),
        help_text="Để trống nếu không rõ: chi bộ được tính từ ngày có đảng viên đầu tiên.",
    )


class MemberFilterForm(forms.Form):
    """Search and filters of the member list (GET)."""

    STATUS_CHOICES = [
        ("", "Đang trong danh sách"),
        ("probationary", "Đảng viên dự bị"),
        ("probation_due", "Dự bị đã đủ 12 tháng"),
        ("probation_overdue", "Dự bị quá 24 tháng"),
        *[(s.value, s.label) for s in Status],
        ("all", "Tất cả (kể cả đã ra khỏi danh sách)"),
    ]
    MILESTONE_CHOICES = [
        ("", "—"),
        ("3", "Trong 3 tháng tới"),
        ("6", "Trong 6 tháng tới"),
        ("12", "Trong 12 tháng tới"),
        ("24", "Trong 24 tháng tới"),
    ]

    q = forms.CharField(label="Tìm kiếm", required=False)
    cell = CellChoiceField(
        label="Chi bộ",
        queryset=Organisation.objects.none(),
        required=False,
        empty_label="Tất cả chi bộ",
        widget=QuickSelect,
    )
    status = forms.ChoiceField(
        label="Tình trạng", choices=STATUS_CHOICES, required=False, widget=QuickSelect
    )
    sex = forms.ChoiceField(
        label="Giới tính",
        choices=[("", "Tất cả"), *Sex.choices],
        required=False,
        widget=QuickSelect,
    )
    milestone = forms.ChoiceField(
        label="Sắp đến mốc Huy hiệu", choices=MILESTONE_CHOICES, required=False, widget=QuickSelect
    )

    def __init__(self, *args, cells=None, by_citizen_id=True, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("cell", "status", "sex", "milestone"):
            self.fields[name].widget.attrs["class"] = "form-select"
        self.fields["cell"].queryset = cells if cells is not None else Organisation.objects.none()
        self.fields["q"].widget.attrs["placeholder"] = (
            "Họ tên, số thẻ, số CCCD (không cần dấu)"
            if by_citizen_id
            else "Họ tên, số thẻ (không cần dấu)"
        )
