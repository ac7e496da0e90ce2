"""Vietnamese text: diacritic folding for search and the name sort key of DOMAIN.md §7.

Pure functions, no database. The sort key is a string of ASCII digits so that the database can
store it and order by it: a digits-only string sorts the same under SQLite's binary collation and
under any PostgreSQL locale, so the list order never depends on the server's locale.
"""

import re
import unicodedata
from decimal import Decimal, InvalidOperation

# The Vietnamese alphabet in dictionary order, with the Latin letters Vietnamese does not use
# (f, j, w, z: foreign names) placed where the Latin alphabet puts them.
ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"

# Combining marks that make a letter of its own (ă â ê ô ơ ư) rather than a tone.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}

# Tone marks in dictionary order: ngang (none), huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

_WHITESPACE = re.compile(r"\s+")

# Two digits per letter. "00" ends a part of the name and "01" a word inside it, so that a shorter
# name sorts before a longer one that starts the same way ("An" before "Anh").
_PART_SEPARATOR = "00"
_WORD_SEPARATOR = "01"
_DIGIT_CODES = {str(d): f"{d + 2:02d}" for d in range(10)}  # digits sort before letters
_LETTER_CODES = {letter: f"{index + 12:02d}" for index, letter in enumerate(ALPHABET)}
_OTHER_CODE = "99"
_TONE_SEPARATOR = "0"


def normalize_spaces(value: str) -> str:
    """Trim and collapse runs of whitespace to one space."""
    return _WHITESPACE.sub(" ", value).strip()


def nfc(value: str) -> str:
    """The text in Unicode NFC, the one form text is stored in (DOMAIN.md §8): "ệ" typed as
    e + two combining marks (NFD, as some keyboards and macOS files give it) becomes one letter."""
    return value if value.isascii() else unicodedata.normalize("NFC", value)


def name_key(value: str) -> str:
    """What makes two names the same name: case, spacing and Unicode form do not count,
    diacritics do ("Chi bộ  hội VẬT LÝ" is "Chi bộ Hội Vật lý", "Chi bộ Hồ" is not "Chi bộ Hổ")."""
    return nfc(unicodedata.normalize("NFD", normalize_spaces(value)).casefold())


def fold(value: str) -> str:
    """Lower-case, strip every diacritic and fold đ to d: "Đặng Thị Ánh" -> "dang thi anh"."""
    decomposed = unicodedata.normalize("NFD", value.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return normalize_spaces(stripped.replace("đ", "d"))


def _letters_and_tones(word: str) -> tuple[str, str]:
    """Split a word into its base letters (ă, â, đ... kept as letters) and its tone digits."""
    letters: list[str] = []
    tones: list[str] = []
    for char in unicodedata.normalize("NFC", word.casefold()):
        base, *marks = unicodedata.normalize("NFD", char)
        letter = unicodedata.normalize(
            "NFC", base + "".join(m for m in marks if m in _LETTER_MARKS)
        )
        letters.append(letter)
        tones.append(str(max((_TONES.get(m, 0) for m in marks), default=0)))
    return "".join(letters), "".join(tones)


def _encode_letters(letters: str) -> str:
    return "".join(
        _LETTER_CODES.get(letter) or _DIGIT_CODES.get(letter) or _OTHER_CODE for letter in letters
    )


def name_parts(full_name: str) -> tuple[str, str, str]:
    """(family name, middle names, given name) of a Vietnamese full name."""
    words = normalize_spaces(full_name).split(" ")
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


def name_sort_key(full_name: str) -> str:
    """The sort key of a full name as party offices order their lists (DOMAIN.md §7).

    Given name first, then middle names, then family name, each compared letter by letter in the
    Vietnamese alphabet (a ă â b c d đ e ê ...); tone marks only break ties, in dictionary order
    (ngang, huyền, hỏi, ngã, sắc, nặng), after every letter of the name has been compared.
    """
    family, middle, given = name_parts(full_name)
    primary: list[str] = []
    secondary: list[str] = []
    for part in (given, middle, family):
        split = [_letters_and_tones(word) for word in part.split(" ") if word]
        primary.append(_WORD_SEPARATOR.join(_encode_letters(letters) for letters, _ in split))
        secondary.append("".join(tones for _, tones in split))
    return _PART_SEPARATOR.join(primary) + _PART_SEPARATOR + _TONE_SEPARATOR.join(secondary)


def mask_tail(value: str | None, visible: int = 3) -> str | None:
    """A personal number with all but its last `visible` characters hidden: "•••••••••123".

    Short values are hidden whole, so a mask never shows most of a number."""
    if not value:
        return value
    value = str(value)
    shown = value[-visible:] if len(value) > 2 * visible else ""
    return "•" * (len(value) - len(shown)) + shown


def ascii_int(text) -> int | None:
    """The whole number written in plain digits 0-9, or None. `str.isdigit()` also says yes to
    "²" or "١٢", which `int()` refuses or reads as another number: every number staff type or a
    page posts is read through here."""
    text = str(text).strip()
    return int(text) if text.isascii() and text.isdigit() else None


# A decimal as staff type it: "2,5" (the Vietnamese comma), "2.5", "1.234,5" (dots group the
# thousands when a comma marks the decimals), "15".
_DECIMAL = re.compile(r"(?P<whole>\d+)(?:[.,](?P<fraction>\d+))?")
_GROUPED_DECIMAL = re.compile(r"(?P<whole>\d{1,3}(?:\.\d{3})+),(?P<fraction>\d+)")
# A whole number in đồng: "2.530.000", "2 530 000" or "2530000".
_GROUPED_INT = re.compile(r"\d{1,3}(?:([. ])\d{3})?(?:\1\d{3})*|\d+")


def vietnamese_decimal(text) -> Decimal | None:
    """The number staff typed, with a decimal comma or point ("2,5" and "2.5" are 2.5; "1,50" is
    1.50), or None when it is not a plain number (letters, two separators, a sign)."""
    text = str(text).strip().replace("\u00a0", "").replace(" ", "")
    if not text.isascii():
        return None
    found = _DECIMAL.fullmatch(text) or _GROUPED_DECIMAL.fullmatch(text)
    if found is None:
        return None
    whole = found["whole"].replace(".", "")
    try:
        return Decimal(f"{whole}.{found['fraction']}" if found["fraction"] else whole)
    except InvalidOperation:  # pragma: no cover -- the patterns admit digits only
        return None


def vietnamese_int(text) -> int | None:
    """A whole number typed with or without thousands groups ("2.530.000", "2 530 000"), or
    None ("2,5", letters, a group of other than three digits)."""
    text = str(text).strip().replace("\u00a0", " ")
    if not text.isascii() or _GROUPED_INT.fullmatch(text) is None:
        return None
    return int(text.replace(".", "").replace(" ", ""))


def decimal_text(value: Decimal, places: int = 2) -> str:
    """A decimal written the Vietnamese way with `places` decimals: 1.5 -> "1,50"."""
    return f"{value:.{places}f}".replace(".", ",")
