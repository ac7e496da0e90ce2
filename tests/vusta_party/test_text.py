import pytest

from vusta_party.text import fold, mask_tail, name_key, name_parts, name_sort_key, nfc


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Đặng Thị Ánh", "dang thi anh"),
        ("NGUYỄN THỊ ÁNH", "nguyen thi anh"),
        ("  Lê   Ân ", "le an"),
        ("Trương Vĩnh Ký", "truong vinh ky"),
        ("Ưng Hoàng Phúc", "ung hoang phuc"),
        ("Đỗ Mười", "do muoi"),
        ("Nguyễn Văn An", "nguyen van an"),
    ],
)
def test_fold_strips_diacritics_case_and_d_stroke(value, expected):
    assert fold(value) == expected


def test_fold_makes_an_unaccented_query_find_accented_names():
    names = ["Đặng Thị Ánh", "Nguyễn Văn An", "Lê Ân", "Trần Đăng Khoa"]

    found = [name for name in names if fold("dang") in fold(name)]

    assert found == ["Đặng Thị Ánh", "Trần Đăng Khoa"]


def test_fold_treats_precomposed_and_decomposed_input_alike():
    decomposed = "Nguye\u0302\u0303n Thi\u0323 A\u0301nh"

    assert fold(decomposed) == fold("Nguyễn Thị Ánh") == "nguyen thi anh"


def test_name_parts_splits_family_middle_and_given_names():
    assert name_parts("Nguyễn Thị Minh Khai") == ("Nguyễn", "Thị Minh", "Khai")
    assert name_parts("Lê Ân") == ("Lê", "", "Ân")
    assert name_parts("Ân") == ("", "", "Ân")


def test_name_order_from_the_issue_an_anh_an_circumflex():
    names = ["Lê Ân", "Đặng Thị Ánh", "Nguyễn Văn An"]

    assert sorted(names, key=name_sort_key) == ["Nguyễn Văn An", "Đặng Thị Ánh", "Lê Ân"]


def test_name_order_compares_given_then_middle_then_family_name():
    names = ["Trần Văn Bình", "Nguyễn Văn Bình", "Lê Bình", "Phạm Thị Bình", "Vũ An"]

    assert sorted(names, key=name_sort_key) == [
        "Vũ An",
        "Lê Bình",  # no middle name sorts first
        "Phạm Thị Bình",  # Thị before Văn
        "Nguyễn Văn Bình",  # same given and middle names: Nguyễn before Trần
        "Trần Văn Bình",
    ]


def test_name_order_follows_the_vietnamese_alphabet():
    # a ă â b c d đ e ê ... o ô ơ ... u ư
    names = ["Lê Ơn", "Lê Ôn", "Lê On", "Lê Đức", "Lê Dung", "Lê Ưng", "Lê Ung", "Lê Ăn", "Lê Ân"]

    assert sorted(names, key=name_sort_key) == [
        "Lê Ăn",
        "Lê Ân",
        "Lê Dung",
        "Lê Đức",
        "Lê On",
        "Lê Ôn",
        "Lê Ơn",
        "Lê Ung",
        "Lê Ưng",
    ]


def test_name_order_breaks_ties_on_tone_marks_in_dictionary_order():
    # ngang, huyền, hỏi, ngã, sắc, nặng
    names = ["Lý Ạnh", "Lý Ánh", "Lý Ãnh", "Lý Ảnh", "Lý Ành", "Lý Anh"]

    assert sorted(names, key=name_sort_key) == [
        "Lý Anh",
        "Lý Ành",
        "Lý Ảnh",
        "Lý Ãnh",
        "Lý Ánh",
        "Lý Ạnh",
    ]


def test_tone_marks_only_break_ties_after_all_letters():
    # "Án" has a tone but fewer letters than "Anh": letters decide first.
    assert sorted(["Lê Anh", "Lê Án"], key=name_sort_key) == ["Lê Án", "Lê Anh"]
    # Same letters: the tone of the family name still counts, after the given names.
    assert sorted(["Lê Văn Hà", "Lệ Văn Hà", "Lê Văn Ha"], key=name_sort_key) == [
        "Lê Văn Ha",
        "Lê Văn Hà",
        "Lệ Văn Hà",
    ]


def test_sort_key_ignores_case_and_spacing():
    assert name_sort_key("NGUYỄN  VĂN AN") == name_sort_key("Nguyễn Văn An")


def test_sort_key_is_digits_only_so_any_database_collation_agrees():
    key = name_sort_key("Đặng Thị Ánh-Hồng O'Neil 2")

    assert key.isdigit()


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("001150000123", "•••••••••123"),
        ("0901234567", "•••••••567"),
        ("1234567", "••••567"),
        ("123456", "••••••"),  # too short to show any of it
        ("", ""),
        (None, None),
    ],
)
def test_mask_tail_hides_all_but_the_last_digits(value, masked):
    assert mask_tail(value) == masked


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("Chi bộ Hội Vật lý", "chi bộ  HỘI VẬT LÝ ", True),
        ("Chi bộ Hội Vật lý", "Chi bo\u0323\u0302 Ho\u0323\u0302i Va\u0323\u0302t ly\u0301", True),
        ("Chi bộ Hội Vật lý", "Chi\u00a0bộ Hội\tVật lý", True),
        ("Chi bộ Hồ Tây", "Chi bộ Hổ Tây", False),  # diacritics make another name
        ("Chi bộ Hội Vật lý", "Chi bo Hoi Vat ly", False),
    ],
)
def test_name_key_ignores_case_spacing_and_unicode_form_but_not_diacritics(one, other, same):
    assert (name_key(one) == name_key(other)) is same


def test_nfc_composes_decomposed_text_and_keeps_ascii_as_it_is():
    decomposed = "Nguye\u0302\u0303n Thi\u0323 A\u0301nh"

    assert nfc(decomposed) == "Nguyễn Thị Ánh"
    assert len(nfc(decomposed)) == 14
    assert nfc("Chi bo A") == "Chi bo A"
