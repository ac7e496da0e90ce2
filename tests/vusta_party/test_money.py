from decimal import Decimal

import pytest

from vusta_party.money import amount_in_words, format_money, format_number


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (58_500_000, "58.500.000 đ"),
        (0, "0 đ"),
        (950, "950 đ"),
        (2_340_000, "2.340.000 đ"),
        (1_234_567_890, "1.234.567.890 đ"),
        (-3_510_000, "−3.510.000 đ"),
    ],
)
def test_format_money_puts_dots_between_thousands(amount, text):
    assert format_money(amount) == text


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (58_500_000, "Năm mươi tám triệu năm trăm nghìn đồng"),
        (0, "Không đồng"),
        (5, "Năm đồng"),
        (10, "Mười đồng"),
        (11, "Mười một đồng"),
        (15, "Mười lăm đồng"),
        (21, "Hai mươi mốt đồng"),
        (24, "Hai mươi bốn đồng"),
        (25, "Hai mươi lăm đồng"),
        (40, "Bốn mươi đồng"),
        (105, "Một trăm linh năm đồng"),
        (110, "Một trăm mười đồng"),
        (2_340_000, "Hai triệu ba trăm bốn mươi nghìn đồng"),
        (3_510_000, "Ba triệu năm trăm mười nghìn đồng"),
        (3_795_000, "Ba triệu bảy trăm chín mươi lăm nghìn đồng"),
        (1_005_000, "Một triệu không trăm linh năm nghìn đồng"),
        (1_000_001, "Một triệu không trăm linh một đồng"),
        (20_015_000, "Hai mươi triệu không trăm mười lăm nghìn đồng"),
        (1_000_000_000, "Một tỷ đồng"),
        (1_000_000_005, "Một tỷ không trăm linh năm đồng"),
        (12_650_500_000, "Mười hai tỷ sáu trăm năm mươi triệu năm trăm nghìn đồng"),
        (2_000_000_000_000, "Hai nghìn tỷ đồng"),
    ],
)
def test_amount_in_words_reads_as_vietnamese_documents_write_it(amount, words):
    assert amount_in_words(amount) == words


def test_amount_in_words_refuses_a_negative_amount():
    with pytest.raises(ValueError, match="0 and more"):
        amount_in_words(-1)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("1.50"), "1,5"),
        (Decimal("2.00"), "2"),
        (Decimal("100.00"), "100"),
        (Decimal("1234.25"), "1.234,25"),
        (2_340_000, "2.340.000"),
        (0, "0"),
    ],
)
def test_format_number_writes_the_decimal_comma_and_no_trailing_zeros(value, text):
    assert format_number(value) == text
