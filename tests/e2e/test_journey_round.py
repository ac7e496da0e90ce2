"""Journey: a round from the suggested occasion to the printed roster."""

from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from members.party_age import add_months, add_years
from tests.factories import CellFactory, make_member
from tests.pdf_utils import read_pdf

# Each journey starts as a fresh install: the rows the migrations seed come back after the
# previous journey's flush (serialized rollback).
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def register(transactional_db):
    cell = CellFactory(name="Chi bộ Hội Vật lý Việt Nam")
    admitted = add_months(add_years(timezone.localdate(), -30), -1)  # 30 years reached a month ago
    make_member(
        cell=cell,
        full_name="Nguyễn Thị Ánh",
        sex="F",
        party_card_number="00012345",
        admission_date=admitted,
        official_date=add_years(admitted, 1),
    )
    make_member(
        cell=cell,
        full_name="Phạm Văn Cường",
        party_card_number="00012346",
        admission_date=admitted,
        official_date=add_years(admitted, 1),
    )
    return cell


def test_round_from_list_to_roster(signed_in_page, register, screenshot):
    page = signed_in_page
    asked = []  # the irreversible steps ask first, saying what they will do
    page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    page.get_by_role("link", name="Huy hiệu Đảng", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Huy hiệu Đảng: sắp đến hạn")
    expect(page.locator(".app-next-round")).to_contain_text("2 đảng viên đủ điều kiện.")
    screenshot("upcoming")
    page.get_by_role("link", name="Đợt tặng").click()
    page.locator(".app-suggestions form").first.get_by_role("button", name="Tạo đợt").click()

    expect(page.get_by_role("alert")).to_contain_text("với 2 đảng viên đủ điều kiện")
    rows = page.locator(".app-round-lines tbody tr")
    expect(rows).to_have_count(2)
    rows.filter(has_text="Phạm Văn Cường").get_by_placeholder("Lý do không đề nghị").fill(
        "Chưa nộp tờ khai"
    )
    rows.filter(has_text="Phạm Văn Cường").get_by_role("button", name="Loại").click()
    expect(page.locator(".app-excluded")).to_contain_text("Chưa nộp tờ khai")
    screenshot("draft")

    page.get_by_role("button", name="Chốt danh sách").click()
    expect(page.locator(".app-round-state")).to_have_text("Đã chốt danh sách")
    assert asked == [
        "Chốt danh sách 1 đảng viên: sẽ cấp số tờ trình 01-TTr/ĐU. Muốn sửa danh sách sau đó "
        "phải mở lại. Chốt danh sách?"
    ]
    with page.expect_download() as download:
        page.locator("li", has_text="Danh sách 4-HHĐ:").get_by_role(
            "link", name="PDF", exact=True
        ).click()
    pdf = read_pdf(Path(download.value.path()).read_bytes())
    assert "Nguyễn Thị Ánh" in pdf.flat_text
    assert "Phạm Văn Cường" not in pdf.flat_text

    page.get_by_role("button", name="Đã trình cấp trên").click()
    page.get_by_label("Số quyết định").fill("15-QĐ/ĐUK")
    page.get_by_label("Ngày quyết định").fill(timezone.localdate().strftime("%d/%m/%Y"))
    page.get_by_role("button", name="Ghi quyết định").click()
    expect(page.locator(".alert-success")).to_contain_text("Đã ghi quyết định")
    # The base salary of 01/07/2026 ships unchecked against its text: the office is told.
    expect(page.locator(".alert-warning")).to_contain_text(
        "Tiền thưởng tính theo mức lương cơ sở 2.530.000 đồng từ 01/07/2026, chưa đối chiếu"
    )
    page.get_by_label("Số Huy hiệu của Nguyễn Thị Ánh").fill("A012345")
    page.get_by_role("button", name="Ghi số Huy hiệu").click()
    expect(page.get_by_role("alert")).to_contain_text("Đã ghi 1 số Huy hiệu.")
    expect(page.locator(".app-round-totals tbody tr").last.locator("td")).to_have_text(
        ["Cộng Huy hiệu tặng", "1", "3.795.000"]
    )
    screenshot("decided")

    page.get_by_role("link", name="xem").click()
    expect(page.locator(".doc-title")).to_have_text(
        "Danh sách đảng viên được trao tặng Huy hiệu Đảng"
    )
    expect(page.locator(".doc-table-list")).to_contain_text("A012345")
    screenshot("roster")
