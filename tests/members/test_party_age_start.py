"""The start of party age and the admission date are the office's (issue 16, finding 5; DOMAIN
§1): a cell secretary cannot make a member born in 1998 a 65-year candidate, nor move the
admission fact; the office's override is checked."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from members import services
from members.models import Member
from tests.factories import CellFactory, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    return make_member(
        cell=CellFactory(name="Chi bộ A"),
        full_name="Lê Thị Hương",
        sex="F",
        date_of_birth=date(1998, 5, 31),
        admission_date=date(2020, 3, 2),
        official_date=date(2021, 3, 2),
    )


@pytest.fixture
def secretary(make_user, member):
    return make_user("secretary", cells=[member.cell])


def edit_form(member, **changes):
    return {
        "full_name": member.full_name,
        "sex": member.sex,
        "ethnicity": "Kinh",
        "date_of_birth": f"{member.date_of_birth:%d/%m/%Y}",
        "admission_date": f"{member.admission_date:%d/%m/%Y}",
        "version": member.version,
        **changes,
    }


def test_a_secretarys_form_does_not_take_the_override_or_the_admission_date(
    client, secretary, member
):
    client.force_login(secretary)
    url = reverse("members:member_edit", args=[member.pk])

    page = client.get(url)
    response = client.post(
        url,
        edit_form(
            member,
            hometown="Nam Định",
            admission_date="02/03/2019",
            party_age_start_override="01/01/1960",
            party_age_override_reason="Quyết định riêng",
        ),
    )

    form = page.context["form"]
    assert [name for name, field in form.fields.items() if field.disabled] == [
        "admission_date",
        "party_age_start_override",
        "party_age_override_reason",
        "party_age_override_basis",
    ]
    assert response.status_code == 302
    saved = Member.objects.get(pk=member.pk)
    assert (saved.hometown, saved.admission_date, saved.party_age_start_override) == (
        "Nam Định",
        date(2020, 3, 2),
        None,
    )
    assert saved.party_age_start == date(2020, 3, 2)
    assert list(saved.events.values_list("kind", "date")) == [
        ("admitted", date(2020, 3, 2)),
        ("made_official", date(2021, 3, 2)),
    ]


def test_the_service_refuses_the_offices_fields_from_a_secretary(secretary, member):
    with pytest.raises(ValidationError) as error:
        services.member_update(
            member=member,
            values={
                "admission_date": date(2019, 3, 2),
                "party_age_start_override": date(1960, 1, 1),
                "party_age_override_reason": "Quyết định riêng",
            },
            expected_version=member.version,
            user=secretary,
        )

    assert error.value.message_dict == {
        "admission_date": ["Chỉ Văn phòng Đảng ủy được sửa ngày vào Đảng."],
        "party_age_start_override": [
            "Chỉ Văn phòng Đảng ủy được ghi ngày tính tuổi Đảng xác nhận riêng."
        ],
        "party_age_override_reason": [
            "Chỉ Văn phòng Đảng ủy được ghi ngày tính tuổi Đảng xác nhận riêng."
        ],
    }
    assert Member.objects.get(pk=member.pk).party_age_start == date(2020, 3, 2)


def test_a_secretary_may_still_edit_the_rest_and_add_members_with_their_admission_date(
    client, secretary, member
):
    client.force_login(secretary)

    response = client.post(
        reverse("members:member_create"),
        {
            "full_name": "Đỗ Văn Nam",
            "sex": "M",
            "ethnicity": "Kinh",
            "date_of_birth": "01/01/1990",
            "admission_date": "01/03/2015",
            "official_date": "01/03/2016",
            "entry": "admitted",
            "cell": member.cell.pk,
            "party_age_start_override": "01/01/1960",
            "party_age_override_reason": "Quyết định riêng",
        },
    )

    assert response.status_code == 302
    added = Member.objects.get(full_name="Đỗ Văn Nam")
    assert (added.admission_date, added.party_age_start_override, added.party_age_start) == (
        date(2015, 3, 1),
        None,
        date(2015, 3, 1),
    )


def test_the_offices_override_is_checked_against_the_birth_date(office_client, member):
    response = office_client.post(
        reverse("members:member_edit", args=[member.pk]),
        edit_form(
            member, party_age_start_override="01/01/1960", party_age_override_reason="Quyết định"
        ),
    )

    assert response.context["form"].errors == {
        "party_age_start_override": [
            "Ngày tính tuổi Đảng (01/01/1960) khi chưa đủ 16 tuổi (sinh ngày 31/05/1998)."
        ]
    }
    assert Member.objects.get(pk=member.pk).party_age_start_override is None


def test_the_office_sets_a_sound_override(office_client, member):
    response = office_client.post(
        reverse("members:member_edit", args=[member.pk]),
        edit_form(
            member,
            party_age_start_override="01/06/2019",
            party_age_override_reason="Quyết định công nhận lại",
        ),
    )

    assert response.status_code == 302
    assert Member.objects.get(pk=member.pk).party_age_start == date(2019, 6, 1)
