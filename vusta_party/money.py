"""Amounts of money as Vietnamese documents write them: "58.500.000 đ" and, in words, "Năm mươi
tám triệu năm trăm nghìn đồng". Pure."""

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
# Groups of three digits, from the lowest; a number of a billion and more repeats "tỷ"
# ("một nghìn tỷ"), as Vietnamese reads it.
GROUPS = ("", "nghìn", "triệu")


def format_money(amount: int) -> str:
    """58500000 -> "58.500.000 đ" (dots between thousands, as Vietnamese writes numbers)."""
    sign = "−" if amount < 0 else ""
    return f"{sign}{abs(amount):,} đ".replace(",", ".")


def _three(number: int, *, leading: bool) -> list[str]:
    """The words of 0–999 inside a larger number: a group after the leading one keeps its zero
    hundreds and a lone unit after zero tens ("không trăm linh năm")."""
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or not leading:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append("linh")
            words.append(DIGITS[units])
        return words
    words += ["mười"] if tens == 1 else [DIGITS[tens], "mươi"]
    if units == 1 and tens > 1:
        words.append("mốt")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(DIGITS[units])
    return words


def _below_billion(number: int, *, leading: bool) -> list[str]:
    groups = []
    while number:
        number, group = divmod(number, 1000)
        groups.append(group)
    words: list[str] = []
    top = len(groups) - 1
    for index in range(top, -1, -1):
        group = groups[index]
        if not group:
            continue
        words += _three(group, leading=leading and index == top)
        if GROUPS[index]:
            words.append(GROUPS[index])
    return words


def _words(number: int, *, leading: bool = True) -> list[str]:
    billions, rest = divmod(number, 1_000_000_000)
    words: list[str] = []
    if billions:
        words += [*_words(billions, leading=leading), "tỷ"]
    if rest:
        words += _below_billion(rest, leading=leading and not billions)
    return words


def amount_in_words(amount: int) -> str:
    """58500000 -> "Năm mươi tám triệu năm trăm nghìn đồng"; 0 -> "Không đồng"."""
    if amount < 0:
        raise ValueError("amount_in_words reads amounts of 0 and more")
    text = " ".join([*(_words(amount) or [DIGITS[0]]), "đồng"])
    return text[0].upper() + text[1:]


def format_number(value) -> str:
    """A number as Vietnamese writes it: dots between thousands, the decimal comma, no trailing
    zeros (Decimal("1.50") -> "1,5", Decimal("2.00") -> "2", 2340000 -> "2.340.000")."""
    text = f"{value:,f}" if not isinstance(value, int) else f"{value:,}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")
