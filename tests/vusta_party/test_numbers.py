"""Numbers as staff type them: the Vietnamese decimal comma, thousands groups, a sane range."""

from decimal import Decimal

import pytest
from django import forms

from vusta_party.forms import AmountField, DecimalCommaField
from vusta_party.text import decimal_text, vietnamese_decimal, vietnamese_int


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("2,5", Decimal("2.5")),
        ("2.5", Decimal("2.5")),
        ("1,50", Decimal("1.50")),
        (" 15 ", Decimal("15")),
        ("1.234,5", Decimal("1234.5")),
        ("2,5,1", None),
        ("-1", None),
        ("2,", None),
        ("abc", None),
        ("1.2.3", None),
        ("٢,٥", None),
        ("", None),
    ],
)
def test_a_decimal_is_read_with_its_comma(typed, number):
    assert vietnamese_decimal(typed) == number


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("2.530.000", 2_530_000),
        ("2 530 000", 2_530_000),
        ("2530000", 2_530_000),
        ("2,5", None),
        ("2.53.000", None),
        ("1.000 000", None),
    ],
)
def test_a_sum_is_read_with_its_thousands_groups(typed, number):
    assert vietnamese_int(typed) == number


def test_a_decimal_is_written_with_its_comma():
    assert [decimal_text(Decimal("1.5")), decimal_text(Decimal("25"), 1)] == ["1,50", "25,0"]


class CoefficientOnly(forms.Form):
    coefficient = DecimalCommaField(
        label="Hệ số", min_value=Decimal("0.5"), max_value=Decimal("20")
    )
    amount = AmountField(label="Lương cơ sở", min_value=500_000, max_value=50_000_000)


def test_the_fields_take_vietnamese_numbers_and_show_them_so():
    form = CoefficientOnly({"coefficient": "2,5", "amount": "2.530.000"})

    assert form.is_valid()
    assert form.cleaned_data == {"coefficient": Decimal("2.5"), "amount": 2_530_000}
    shown = CoefficientOnly(initial={"coefficient": Decimal("1.50"), "amount": 2_340_000})
    assert 'value="1,50"' in str(shown["coefficient"])
    assert 'inputmode="decimal"' in str(shown["coefficient"])
    assert 'type="text"' in str(shown["coefficient"])
    assert 'value="2.340.000"' in str(shown["amount"])


def test_out_of_range_and_garbage_are_refused_in_vietnamese_and_kept_as_typed():
    form = CoefficientOnly({"coefficient": "25", "amount": "2,5"})

    assert form.errors == {
        "coefficient": ["Hệ số phải từ 0,5 đến 20."],
        "amount": ["Nhập số tiền bằng chữ số, ví dụ 2.530.000."],
    }
    assert 'value="2,5"' in str(form["amount"])
    assert CoefficientOnly({"coefficient": "x", "amount": "100"}).errors == {
        "coefficient": ["Nhập một số, phần thập phân sau dấu phẩy (ví dụ 2,5)."],
        "amount": ["Lương cơ sở phải từ 500.000 đến 50.000.000 đồng."],
    }
    assert CoefficientOnly({"coefficient": "2,555", "amount": "600000"}).errors == {
        "coefficient": ["Tối đa 2 chữ số sau dấu phẩy."]
    }
