from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from vusta_party.text import decimal_text, vietnamese_decimal, vietnamese_int


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


class DecimalCommaField(forms.DecimalField):
    """A decimal number typed the Vietnamese way: "2,5" is two and a half ("2.5" too), and a
    value is shown with its comma ("1,50"). A plain text box (a browser's number box reads the
    comma by the browser's locale, and may drop it: "2,5" became 25), within a range the
    regulation makes sane, with Vietnamese errors. Every decimal staff type goes through it."""

    widget = forms.TextInput

    def __init__(
        self, *, min_value: Decimal, max_value: Decimal, decimal_places: int = 2, **kwargs
    ):
        self.places = decimal_places
        bounds = f"từ {_plain(min_value)} đến {_plain(max_value)}"
        kwargs.setdefault("max_digits", None)
        super().__init__(
            min_value=min_value, max_value=max_value, decimal_places=decimal_places, **kwargs
        )
        # Field.run_validators gives a validator's error the message of its code here.
        self.error_messages.update(
            min_value=f"{self.label or 'Giá trị'} phải {bounds}.",
            max_value=f"{self.label or 'Giá trị'} phải {bounds}.",
            invalid="Nhập một số, phần thập phân sau dấu phẩy (ví dụ 2,5).",
            max_decimal_places=f"Tối đa {decimal_places} chữ số sau dấu phẩy.",
        )

    def widget_attrs(self, widget):
        return {"inputmode": "decimal", "autocomplete": "off"}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        number = vietnamese_decimal(value)
        if number is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return number

    def prepare_value(self, value):
        if isinstance(value, (Decimal, int, float)) and not isinstance(value, bool):
            return decimal_text(Decimal(str(value)), self.places)
        return value


class AmountField(forms.IntegerField):
    """A sum in đồng typed with or without its thousands groups ("2.530.000"), shown with them,
    within a sane range, with Vietnamese errors."""

    widget = forms.TextInput

    def __init__(self, *, min_value: int, max_value: int, **kwargs):
        super().__init__(min_value=min_value, max_value=max_value, **kwargs)
        bounds = f"từ {_grouped(min_value)} đến {_grouped(max_value)} đồng"
        self.error_messages.update(
            min_value=f"{self.label or 'Số tiền'} phải {bounds}.",
            max_value=f"{self.label or 'Số tiền'} phải {bounds}.",
            invalid="Nhập số tiền bằng chữ số, ví dụ 2.530.000.",
        )

    def widget_attrs(self, widget):
        return {"inputmode": "numeric", "autocomplete": "off"}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int):
            return value
        number = vietnamese_int(value)
        if number is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return number

    def prepare_value(self, value):
        return _grouped(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _plain(value: Decimal) -> str:
    return f"{value.normalize():f}".replace(".", ",")


def _grouped(value: int) -> str:
    return f"{value:,}".replace(",", ".")


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
