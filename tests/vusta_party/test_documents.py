from datetime import date

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests.factories import CommitteeProfileFactory
from vusta_party.documents import document_number, party_document, place_date_line, unbroken_tail
from vusta_party.models import CommitteeProfile


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 12, 20), "Hà Nội, ngày 20 tháng 12 năm 2025"),
        (date(2026, 2, 5), "Hà Nội, ngày 05 tháng 02 năm 2026"),
        (date(2026, 1, 31), "Hà Nội, ngày 31 tháng 01 năm 2026"),
        (date(2026, 3, 1), "Hà Nội, ngày 01 tháng 3 năm 2026"),
        (date(2024, 2, 29), "Hà Nội, ngày 29 tháng 02 năm 2024"),
    ],
)
def test_place_date_line_pads_days_below_ten_and_months_one_and_two(day, expected):
    assert place_date_line(place="Hà Nội", day=day) == expected


def test_document_number_has_two_digits_type_and_symbol():
    assert document_number(sequence=5, type_code="TTr", symbol="ĐU") == "Số 05-TTr/ĐU"
    assert document_number(sequence=112, type_code="BC", symbol="ĐU") == "Số 112-BC/ĐU"


def test_document_number_without_sequence_leaves_a_blank_to_write_in():
    assert (
        document_number(sequence=None, type_code="CV", symbol="ĐU")
        == "Số \xa0\xa0\xa0\xa0\xa0\xa0-CV/ĐU"
    )


@pytest.mark.django_db
def test_party_document_uses_the_profile_in_force_on_its_date():
    CommitteeProfile.objects.all().delete()
    CommitteeProfileFactory(
        valid_from=date(2025, 2, 10), committee_name="ĐẢNG ỦY CŨ", signer_name="Lê Văn Cũ"
    )
    CommitteeProfileFactory(
        valid_from=date(2026, 1, 1), committee_name="ĐẢNG ỦY MỚI", signer_name="Phạm Thị Mới"
    )

    before = party_document(day=date(2025, 12, 31), type_code="BC", sequence=3)
    on_change = party_document(day=date(2026, 1, 1), type_code="BC", sequence=4)
    earlier_than_all = party_document(day=date(2020, 5, 19), type_code="BC")

    assert (before.committee_name, before.signer_name, before.number) == (
        "ĐẢNG ỦY CŨ",
        "Lê Văn Cũ",
        "Số 03-BC/ĐU",
    )
    assert (on_change.committee_name, on_change.signer_name) == ("ĐẢNG ỦY MỚI", "Phạm Thị Mới")
    assert earlier_than_all.committee_name == "ĐẢNG ỦY CŨ"


@pytest.mark.django_db
def test_party_document_without_any_profile_says_what_to_do():
    CommitteeProfile.objects.all().delete()

    with pytest.raises(ImproperlyConfigured, match="Chưa có thông tin cấp ủy"):
        party_document(day=date(2026, 1, 1), type_code="CV")


@pytest.mark.django_db
def test_the_first_user_profile_is_seeded_by_migration():
    profile = CommitteeProfile.objects.in_force(date(2026, 11, 22))

    assert profile.committee_name == "ĐẢNG ỦY LIÊN HIỆP CÁC HỘI KH&KT VIỆT NAM"
    assert profile.higher_committee_name == "ĐẢNG BỘ MẶT TRẬN TỔ QUỐC, CÁC ĐOÀN THỂ TRUNG ƯƠNG"
    assert (profile.document_symbol, profile.term_name) == ("ĐU", "2025–2030")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "ĐẢNG BỘ MẶT TRẬN TỔ QUỐC, CÁC ĐOÀN THỂ TRUNG ƯƠNG",
            "ĐẢNG BỘ MẶT TRẬN TỔ QUỐC, CÁC ĐOÀN THỂ TRUNG\xa0ƯƠNG",
        ),
        ("CHI BỘ HỘI VẬT LÝ", "CHI BỘ HỘI VẬT\xa0LÝ"),
        ("ĐẢNG ỦY", "ĐẢNG ỦY"),  # two words: nothing to keep apart from
        ("ĐẢNG", "ĐẢNG"),
    ],
)
def test_a_header_line_never_ends_on_one_syllable(name, expected):
    assert unbroken_tail(name) == expected
