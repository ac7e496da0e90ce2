"""CCCD and phone are shown whole only to those who keep the member's record."""

from datetime import date

import pytest
from django.urls import reverse

from members import services
from tests.factories import CellFactory, make_member

pytestmark = pytest.mark.django_db

CCCD, PHONE = "001150000123", "0901234567"
MASKED_CCCD, MASKED_PHONE = "•••••••••123", "•••••••567"


@pytest.fixture
def member():
    member = make_member(
        cell=CellFactory(name="Chi bộ A"),
        full_name="Nguyễn Thị Ánh",
        admission_date=date(1996, 1, 1),
        official_date=date(1997, 1, 1),
        citizen_id="001150000999",
    )
    # A change, so the member's page shows the old and new CCCD in its history.
    return services.member_update(
        member=member,
        values={"citizen_id": CCCD, "phone": PHONE},
        expected_version=member.version,
    )


@pytest.mark.parametrize(
    ("role", "whole"),
    [("office", True), ("secretary", True), ("standing", False), ("viewer", False)],
)
def test_the_member_page_masks_cccd_and_phone_for_roles_that_do_not_keep_the_record(
    client, make_user, member, role, whole
):
    client.force_login(make_user(role, cells=[member.cell] if role == "secretary" else []))
    page = client.get(reverse("members:member_detail", args=[member.pk])).content.decode()

    if whole:
        assert f'<dd class="col-7">{CCCD}</dd>' in page
        assert f'<dd class="col-7">{PHONE}</dd>' in page
        assert "001150000999 → 001150000123" in page
    else:
        assert f'<dd class="col-7">{MASKED_CCCD}</dd>' in page
        assert f'<dd class="col-7">{MASKED_PHONE}</dd>' in page
        assert "•••••••••999 → •••••••••123" in page
        for number in (CCCD, PHONE, "001150000999"):
            assert number not in page


@pytest.mark.parametrize(
    ("role", "found"),
    [("office", ["Nguyễn Thị Ánh"]), ("standing", []), ("viewer", [])],
)
def test_only_roles_that_see_the_cccd_find_a_member_by_it(client, make_user, member, role, found):
    services.member_update(
        member=member, values={"party_card_number": "12345678"}, expected_version=member.version
    )
    client.force_login(make_user(role))

    by_cccd = client.get(reverse("members:member_list"), {"q": CCCD})
    by_card = client.get(reverse("members:member_list"), {"q": "12345678"})
    by_name = client.get(reverse("members:member_list"), {"q": "nguyen thi anh"})

    assert [m.full_name for m in by_cccd.context["page"]] == found
    assert [m.full_name for m in by_card.context["page"]] == ["Nguyễn Thị Ánh"]
    assert [m.full_name for m in by_name.context["page"]] == ["Nguyễn Thị Ánh"]
