"""Journey: from the badge page to next year's bonus funding, its PDF read back."""

from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from members.party_age import add_months, add_years
from tests.factories import CellFactory, make_member
from tests.pdf_utils import read_pdf

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def register(transactional_db):
    cell = CellFactory(name="Chi bộ Hội Vật lý Việt Nam")
    today = timezone.localdate()
    # 30 years on the first of March next year: the round of 19/5, 1.5 × 2,530,000 đồng.
    admitted = add_years(today.replace(month=3, day=1), -29)
    make_member(
        cell=cell,
        full_name="Nguyễn Thị Ánh",
        sex="F",
        admission_date=admitted,
        official_date=add_months(admitted, 12),
    )
    return today.year + 1


def test_next_years_funding_from_the_badge_page(signed_in_page, register, screenshot, tmp_path):
    year = register
    page = signed_in_page
    page.get_by_role("link", name="Huy hiệu Đảng", exact=True).click()
    page.get_by_role("link", name="Kinh phí tiền thưởng").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Kinh phí tiền thưởng Huy hiệu Đảng năm {year}"
    )
    section = page.locator(".app-funding-estimate")
    expect(section).to_contain_text(f"Đợt 19/05/{year} – Kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh")
    expect(section.locator(".app-funding-total").first).to_have_text(
        "Tổng cộng: 1 Huy hiệu, 3.795.000 đ (Ba triệu bảy trăm chín mươi lăm nghìn đồng)."
    )
    screenshot("estimate")

    with page.expect_download() as download:
        section.get_by_role("link", name="PDF").click()
    path = Path(tmp_path) / "du-toan.pdf"
    download.value.save_as(path)
    pdf = read_pdf(path.read_bytes())
    assert f"Dự toán kinh phí tiền thưởng Huy hiệu Đảng năm {year}" in pdf.flat_text
    assert "Tổng cộng: 1 Huy hiệu, 3.795.000 đ (bằng chữ: Ba triệu bảy trăm chín mươi lăm" in (
        pdf.flat_text
    )
    assert pdf.embedded_font_families == {"Tinos"}

    page.get_by_label("Năm").fill(str(year - 1))
    page.get_by_role("button", name="Xem").click()
    expect(page.locator(".app-funding-settlement h2")).to_have_text(
        f"Quyết toán kinh phí tiền thưởng Huy hiệu Đảng năm {year - 1} "
        f"(đến ngày {timezone.localdate():%d/%m/%Y})"
    )
    screenshot("settlement")
