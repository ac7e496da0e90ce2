"""Layout profiles (DOMAIN.md §6): each document takes the profile in force on its own date."""

from datetime import date

import pytest
from django.urls import reverse

from office.letter import letter as office_letter
from office.letter import letter_pdf
from tests.factories import CommitteeProfileFactory, layout
from tests.pdf_utils import read_pdf, text_bounds_mm
from vusta_party.documents import party_document
from vusta_party.models import CommitteeProfile

pytestmark = pytest.mark.django_db
HD05_FROM = date(2026, 5, 27)
LONG = (
    "Thực hiện Hướng dẫn của Ban Thường vụ Đảng ủy cấp trên về việc xét tặng Huy hiệu Đảng "
    "nhân dịp các ngày lễ lớn trong năm, Đảng ủy đề nghị các chi bộ trực thuộc rà soát danh "
    "sách đảng viên đủ tuổi Đảng, lập hồ sơ đề nghị và gửi về Văn phòng Đảng ủy đúng hạn."
)


@pytest.fixture
def two_profiles():
    CommitteeProfile.objects.all().delete()
    CommitteeProfileFactory(valid_from=date(2025, 2, 10), layout=layout("hd36-2018"))
    CommitteeProfileFactory(valid_from=HD05_FROM, layout=layout("hd05-2026"))


def letter(day: date) -> bytes:
    data = office_letter(
        day=day,
        subject="xét tặng Huy hiệu Đảng",
        addressee="",
        paragraphs=[LONG] * 3,
        recipients=("Như trên", "Lưu Văn phòng"),
    )
    return letter_pdf(data).content


def test_a_document_takes_the_layout_of_the_profile_in_force_on_its_date(two_profiles):
    before = party_document(day=date(2026, 5, 26), type_code="CV").layout
    after = party_document(day=HD05_FROM, type_code="CV").layout

    assert (before.code, before.margin_top, before.margin_left, before.subject_prefix) == (
        "hd36-2018",
        25,
        35,
        "V/v",
    )
    assert (after.code, after.margin_top, after.margin_left, after.subject_prefix) == (
        "hd05-2026",
        20,
        30,
        "Về việc",
    )
    assert (before.signer_title_bold, after.signer_title_bold) == (True, False)


@pytest.mark.slow
def test_the_printed_margins_and_subject_follow_the_layout(two_profiles):
    hd36, hd05 = letter(date(2026, 5, 26)), letter(HD05_FROM)

    left36, top36 = text_bounds_mm(hd36)
    left05, top05 = text_bounds_mm(hd05)
    assert (left36, left05) == (35.0, 30.0)  # the left margins, where the body lines start
    assert round(top36 - top05, 1) == 5.0  # 25 mm against 20 mm from the top
    assert "V/v xét tặng Huy hiệu Đảng" in read_pdf(hd36).flat_text
    assert "Về việc xét tặng Huy hiệu Đảng" in read_pdf(hd05).flat_text


def test_the_office_corrects_a_layout_profile_and_confirms_it(office_client):
    hd05 = layout("hd05-2026")
    fields = {
        "name": hd05.name,
        "legal_basis": "Hướng dẫn 05-HD/VPTW ngày 27/5/2026 (đã đối chiếu bản gốc)",
        "verified": "on",
        "margin_top": "20",
        "margin_bottom": "20",
        "margin_left": "30",
        "margin_right": "15",
        "subject_prefix": "Về việc",
        "recipients_underlined": "on",
    }

    refused = office_client.post(
        reverse("office:layout_edit", args=[hd05.pk]), {**fields, "margin_left": "90"}
    )
    office_client.post(reverse("office:layout_edit", args=[hd05.pk]), fields)

    assert refused.context["form"].errors == {"margin_left": ["Lề từ 5 đến 60 mm."]}
    hd05.refresh_from_db()
    assert (hd05.verified, hd05.legal_basis) == (
        True,
        "Hướng dẫn 05-HD/VPTW ngày 27/5/2026 (đã đối chiếu bản gốc)",
    )
    assert hd05.history.latest().history_user.username == "vanphong"
