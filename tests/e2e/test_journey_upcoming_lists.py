"""The upcoming page in the browser: its three lists (due, early, deferred) are paged apart, a
list's page link returns to that list, and the other lists keep their page. Screenshot under
/tmp/upcoming/."""

from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from members.party_age import add_months, add_years
from tests.factories import CellFactory, make_member

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SHOTS = Path("/tmp/upcoming")


@pytest.fixture
def register(transactional_db):
    today = timezone.localdate()
    cell = CellFactory(name="Chi bộ Hội Vật lý Việt Nam")
    for n in range(30):  # seriously ill, 40 years within the year: may be proposed early
        ill = make_member(
            cell=cell,
            full_name=f"Lê Văn Ốm {n:02d}",
            admission_date=add_months(add_years(today, -40), 6),
            official_date=add_months(add_years(today, -39), 6),
        )
        ill.seriously_ill, ill.seriously_ill_reason = True, "Ung thư"
        ill.save()
    for n in range(27):  # held: deferred
        held = make_member(
            cell=cell,
            full_name=f"Phạm Thị Hoãn {n:02d}",
            admission_date=add_years(today, -46),
            official_date=add_years(today, -45),
        )
        held.on_hold, held.hold_reason = True, "Đang xác minh đơn thư"
        held.save()


def test_the_early_and_deferred_lists_are_paged_apart(signed_in_page, register):
    page = signed_in_page
    page.goto("/huy-hieu/?per=25")
    early = page.locator(".app-outlook-early tbody tr")
    deferred = page.locator(".app-outlook-deferred tbody tr")
    expect(early).to_have_count(25)
    expect(deferred).to_have_count(25)

    page.locator("#tang-som ~ nav").first.get_by_role("link", name="2", exact=True).click()

    expect(early).to_have_count(5)
    expect(early.first.locator("td").first).to_have_text("26")
    expect(early.first).to_contain_text("Lê Văn Ốm 25")
    expect(deferred).to_have_count(25)  # the deferred list keeps its first page
    assert page.url.endswith("?per=25&early=2#tang-som")
    # The page returns to the early list, not to the top.
    expect(page.locator("#tang-som")).to_be_in_viewport()
    expect(page.get_by_role("heading", name="Huy hiệu Đảng: sắp đến hạn")).not_to_be_in_viewport()

    page.locator("#tam-hoan ~ nav").first.get_by_role("link", name="2", exact=True).click()
    expect(deferred).to_have_count(2)
    expect(deferred.first).to_contain_text("Phạm Thị Hoãn 25")
    expect(early).to_have_count(5)  # the early list keeps its second page
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / "upcoming-lists.png", full_page=True)
