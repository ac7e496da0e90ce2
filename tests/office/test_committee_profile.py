from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from vusta_party.models import CommitteeProfile, DocumentLayout

pytestmark = pytest.mark.django_db

FIELDS = {
    "higher_committee_name": "Đảng bộ Mặt trận Tổ quốc, các đoàn thể Trung ương",
    "committee_name": "đảng ủy  liên hiệp các hội KH&KT Việt Nam",
    "place_name": "Hà Nội",
    "document_symbol": "ĐU",
    "term_name": "2025–2030",
    "term_start": "22/07/2025",
    "signer_authority": "T/M Đảng ủy",
    "signer_title": "Bí thư",
    "signer_name": "Nguyễn Văn An",
}


@pytest.fixture
def form():
    """The committee profile form's fields, with the HD 36-HD/VPTW layout."""
    return {**FIELDS, "layout": DocumentLayout.objects.get(code="hd36-2018").pk}


def test_saving_from_a_new_date_adds_a_version_and_keeps_the_old_one(
    office_client, office_user, form
):
    response = office_client.post(
        reverse("office:committee_profile"), {**form, "valid_from": "01/01/2026"}, follow=True
    )

    assert "Đã lưu thông tin cấp ủy." in response.content.decode()
    versions = list(CommitteeProfile.objects.order_by("valid_from"))
    assert [v.valid_from for v in versions] == [date(2025, 2, 10), date(2026, 1, 1)]
    new = versions[-1]
    assert new.committee_name == "ĐẢNG ỦY LIÊN HIỆP CÁC HỘI KH&KT VIỆT NAM"
    assert new.signer_authority == "T/M ĐẢNG ỦY"
    assert (new.signer_title, new.signer_name) == ("BÍ THƯ", "Nguyễn Văn An")
    assert new.term_start == date(2025, 7, 22)
    assert new.created_by == office_user
    assert CommitteeProfile.objects.in_force(date(2025, 12, 31)).signer_name == ""


def test_saving_on_the_same_date_corrects_that_version(office_client, form):
    office_client.post(reverse("office:committee_profile"), {**form, "valid_from": "10/02/2025"})

    assert CommitteeProfile.objects.count() == 1
    assert CommitteeProfile.objects.get().signer_name == "Nguyễn Văn An"


def test_a_future_start_date_is_refused_and_nothing_changes(office_client, form):
    tomorrow = timezone.localdate().replace(year=timezone.localdate().year + 1)

    response = office_client.post(
        reverse("office:committee_profile"), {**form, "valid_from": tomorrow.strftime("%d/%m/%Y")}
    )

    assert "Ngày áp dụng không được ở tương lai." in response.content.decode()
    assert CommitteeProfile.objects.count() == 1


def test_a_date_in_the_wrong_format_gets_a_vietnamese_error(office_client, form):
    response = office_client.post(
        reverse("office:committee_profile"),
        {**form, "valid_from": "2026-13-01", "term_start": "31/02/2025"},
    )

    assert response.content.decode().count("Nhập một ngày hợp lệ.") == 2
    assert CommitteeProfile.objects.count() == 1


def test_the_form_shows_the_profile_in_force_and_its_history(office_client):
    response = office_client.get(reverse("office:committee_profile"))

    html = response.content.decode()
    assert 'value="ĐẢNG ỦY LIÊN HIỆP CÁC HỘI KH&amp;KT VIỆT NAM"' in html
    assert "<td>10/02/2025</td>" in html
    assert f'value="{timezone.localdate():%d/%m/%Y}"' in html


def test_users_without_the_permission_get_403(client, plain_user, form):
    client.force_login(plain_user)

    assert client.get(reverse("office:committee_profile")).status_code == 403
    assert client.post(reverse("office:committee_profile"), form).status_code == 403
    assert CommitteeProfile.objects.count() == 1
