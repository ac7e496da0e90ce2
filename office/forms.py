"""Forms of the office: user accounts, the committee profile, a letter of the committee."""

import re

from django import forms

from members.enums import OrganisationKind, Role
from members.models import Organisation
from office.profile import PROFILE_FIELDS
from vusta_party import clock
from vusta_party.forms import DateInput
from vusta_party.models import CommitteeProfile, DocumentLayout


class CellsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class AccountForm(forms.Form):
    """A user account's name, role and cells (the office manages accounts)."""

    full_name = forms.CharField(label="Họ và tên", max_length=150)
    email = forms.EmailField(label="Thư điện tử", required=False)
    role = forms.ChoiceField(label="Vai trò", choices=Role.choices)
    cells = CellsField(
        label="Chi bộ phụ trách (chỉ với bí thư chi bộ)",
        queryset=Organisation.objects.filter(kind=OrganisationKind.CELL).order_by("name_sort"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    is_active = forms.BooleanField(
        label="Đang hoạt động",
        required=False,
        initial=True,
        help_text="Bỏ chọn để khóa tài khoản: người dùng không đăng nhập được nữa.",
    )


class PasswordPairForm(forms.Form):
    password1 = forms.CharField(
        label="Mật khẩu",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="Ít nhất 10 ký tự, không toàn chữ số, không quá giống tên tài khoản.",
    )
    password2 = forms.CharField(
        label="Nhập lại mật khẩu",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", "Hai lần nhập mật khẩu không khớp.")
        return data


class AccountCreateForm(AccountForm, PasswordPairForm):
    username = forms.RegexField(
        label="Tên đăng nhập",
        max_length=150,
        regex=re.compile(r"^[\w.@+-]+$", re.ASCII),
        error_messages={"invalid": "Tên đăng nhập chỉ gồm chữ không dấu, số và . @ + - _"},
    )
    field_order = ["username", "full_name", "email", "role", "cells", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["is_active"]


class CommitteeProfileForm(forms.ModelForm):
    class Meta:
        model = CommitteeProfile
        fields = ["valid_from", *PROFILE_FIELDS]
        widgets = {"valid_from": DateInput(), "term_start": DateInput()}

    def clean_valid_from(self):
        valid_from = self.cleaned_data["valid_from"]
        if valid_from > clock.today():
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


class DocumentLayoutForm(forms.ModelForm):
    class Meta:
        model = DocumentLayout
        fields = [
            "name",
            "legal_basis",
            "verified",
            "margin_top",
            "margin_bottom",
            "margin_left",
            "margin_right",
            "subject_prefix",
            "recipients_underlined",
            "signer_title_bold",
        ]

    def clean(self):
        data = super().clean()
        for name in ("margin_top", "margin_bottom", "margin_left", "margin_right"):
            if data.get(name) is not None and not 5 <= data[name] <= 60:
                self.add_error(name, "Lề từ 5 đến 60 mm.")
        return data


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Tệp danh sách (.xlsx hoặc .csv)",
        help_text="Dòng 1 là tên cột: Họ và tên, Chi bộ, Ngày vào Đảng (bắt buộc) và các cột khác.",
    )
