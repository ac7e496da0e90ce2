"""The duplicate check of the member forms never names a member outside the user's cells (issue
16, finding 1): a cell secretary learns that a CCCD or a card number is taken, not by whom."""

from datetime import date

import pytest
from django.urls import reverse

from members.models import Member
from tests.factories import CellFactory, make_member

pytestmark = pytest.mark.django_db

OUTSIDE = "một đảng viên ngoài các chi bộ đồng chí phụ trách (hãy liên hệ Văn phòng Đảng ủy)"
FORM = {
    "full_name": "Phạm Văn Cường",
    "sex": "M",
    "date_of_birth": "12/03/1965",
    "ethnicity": "Kinh",
    "admission_date": "01/03/2005",
    "official_date": "01/03/2006",
    "entry": "admitted",
}


@pytest.fixture
def cells():
    a, b = CellFactory(name="Chi bộ A"), CellFactory(name="Chi bộ B")
    mine = make_member(cell=a, full_name="Nguyễn Văn An", citizen_id="001090000001")
    theirs = make_member(
        cell=b,
        full_name="Trần Đức Ánh",
        date_of_birth=date(1965, 3, 12),
        citizen_id="001075000002",
        party_card_number="01234567",
    )
    return a, b, mine, theirs


@pytest.fixture
def secretary_client(client, make_user, cells):
    client.force_login(make_user("secretary", cells=[cells[0]]))
    return client


def test_adding_a_member_with_another_cells_cccd_does_not_name_its_holder(secretary_client, cells):
    a, *_ = cells

    response = secretary_client.post(
        reverse("members:member_create"),
        {**FORM, "cell": a.pk, "citizen_id": "001075000002", "confirm_not_duplicate": "on"},
    )

    assert response.context["form"].errors == {
        "citizen_id": [f"Số CCCD 001075000002 đã có ở {OUTSIDE}."]
    }
    assert "Trần Đức Ánh" not in response.content.decode()
    assert Member.objects.count() == 2


def test_editing_in_another_cells_card_number_does_not_name_its_holder(secretary_client, cells):
    *_, mine, _theirs = cells

    response = secretary_client.post(
        reverse("members:member_edit", args=[mine.pk]),
        {
            **FORM,
            "full_name": "Nguyễn Văn An",
            "admission_date": "19/05/1990",
            "date_of_birth": "19/05/1965",
            "party_card_number": "01234567",
            "version": mine.version,
        },
    )

    assert response.context["form"].errors == {
        "party_card_number": [f"Số thẻ đảng viên 01234567 đã có ở {OUTSIDE}."]
    }
    assert "Trần Đức Ánh" not in response.content.decode()
    mine.refresh_from_db()
    assert mine.party_card_number is None


def test_the_duplicate_warning_does_not_name_another_cells_member(secretary_client, cells):
    a, *_ = cells

    response = secretary_client.post(
        reverse("members:member_create"), {**FORM, "full_name": "TRAN DUC ANH", "cell": a.pk}
    )

    content = response.content.decode()
    assert "Có thể trùng với đảng viên đã có" in content
    assert f"<li>{OUTSIDE[0].upper()}{OUTSIDE[1:]}.</li>" in content
    assert "Trần Đức Ánh" not in content
    assert "001075000002" not in content
    assert [(d.member, d.same_citizen_id) for d in response.context["duplicates"]] == [
        (None, False)
    ]


def test_the_office_is_told_who_holds_the_number(office_client, cells):
    a, *_ = cells

    response = office_client.post(
        reverse("members:member_create"),
        {**FORM, "cell": a.pk, "citizen_id": "001075000002", "confirm_not_duplicate": "on"},
    )

    assert response.context["form"].errors == {
        "citizen_id": ["Số CCCD 001075000002 đã có ở đảng viên Trần Đức Ánh."]
    }
    assert "Trần Đức Ánh</a>, sinh 12/03/1965, Chi bộ B" in response.content.decode()


def test_a_secretary_is_told_who_holds_the_number_in_their_own_cell(secretary_client, cells):
    a, *_ = cells

    response = secretary_client.post(
        reverse("members:member_create"),
        {**FORM, "cell": a.pk, "citizen_id": "001090000001", "confirm_not_duplicate": "on"},
    )

    assert response.context["form"].errors == {
        "citizen_id": ["Số CCCD 001090000001 đã có ở đảng viên Nguyễn Văn An."]
    }
