"""Journey: open Biểu 7-BTCTW from the reports, type a row the app does not hold, see it kept
with its percentage, and a wrong figure refused (issue 19)."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from reports.models import StatFormEntry

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROW = "1. Số thẻ đảng viên được phát cho đảng viên chính thức"


def test_type_a_row_of_the_statistical_form(signed_in_page, screenshot):
    page = signed_in_page
    year = timezone.localdate().year
    page.get_by_role("link", name="Báo cáo", exact=True).first.click()
    page.get_by_role("link", name="Biểu số 7-BTCTW: nghiệp vụ công tác đảng viên").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Biểu số 7-BTCTW: nghiệp vụ công tác đảng viên năm {year}"
    )

    page.get_by_label(f"{ROW} – kỳ này").fill("12")
    page.get_by_label(f"{ROW} – cùng kỳ năm trước").fill("8")
    page.get_by_label("2. Số thẻ đảng viên được cấp lại cho đảng viên do mất – kỳ này").fill("-1")
    page.get_by_role("button", name="Lưu số liệu nhập tay").click()

    expect(page.get_by_role("alert")).to_contain_text(
        "Chưa lưu: có số liệu chưa đúng, xem lời nhắn dưới ô nhập."
    )
    expect(page.locator('[data-row="cards_lost"]')).to_contain_text("Số liệu không được âm.")
    screenshot("refused")
    assert StatFormEntry.objects.count() == 0

    page.get_by_label("2. Số thẻ đảng viên được cấp lại cho đảng viên do mất – kỳ này").fill("")
    page.get_by_role("button", name="Lưu số liệu nhập tay").click()

    expect(page.get_by_role("alert")).to_contain_text("Đã lưu 2 số liệu nhập tay.")
    row = page.locator('[data-row="cards_issued"]')
    expect(row.locator(".app-statform-typed")).to_have_text("Nhập tay")
    expect(page.get_by_label(f"{ROW} – kỳ này")).to_have_value("12")
    expect(page.get_by_label(f"{ROW} – cùng kỳ năm trước")).to_have_value("8")
    expect(row.locator(".app-statform-percent")).to_have_text("150,0")
    screenshot("kept")
    assert sorted(StatFormEntry.objects.values_list("start__year", "row", "value")) == [
        (year - 1, "cards_issued", 8),
        (year, "cards_issued", 12),
    ]
