"""Journeys: rate a cell by keyboard; draft, issue and download the half-year report."""

from datetime import date
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

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
def cell(transactional_db):
    cell = CellFactory(name="Chi bộ Hội Vật lý Việt Nam")
    for name in ("Nguyễn Thị Ánh", "Trần Văn Bình", "Lê Văn Cường"):
        make_member(
            cell=cell,
            full_name=name,
            admission_date=date(1996, 1, 1),
            official_date=date(1997, 1, 1),
        )
    return cell


def test_rate_a_cell_by_keyboard(signed_in_page, cell, screenshot):
    page = signed_in_page
    page.get_by_role("link", name="Xếp loại", exact=True).click()
    page.get_by_role("link", name="Chi bộ Hội Vật lý Việt Nam").click()

    first = page.get_by_label("Mức xếp loại của Nguyễn Thị Ánh")
    first.focus()
    first.select_option("HTXSNV")
    page.keyboard.press("Tab")
    page.keyboard.type("95")
    page.get_by_label("Mức xếp loại của Trần Văn Bình").select_option("HTTNV")
    page.get_by_label("Mức xếp loại của Lê Văn Cường").select_option("HTTNV")
    page.get_by_label("Chi bộ tự xếp loại").select_option("HTTNV")
    screenshot("grid")
    page.get_by_role("button", name="Lưu xếp loại").click()

    expect(page.locator(".alert-success")).to_have_text(
        "Đã lưu xếp loại 3 đảng viên của Chi bộ Hội Vật lý Việt Nam. Chi bộ tự xếp loại: HTTNV."
    )
    # 1 HTXSNV against 2 HTTNV: the quota (20%) allows none, and the save says so
    expect(page.locator("[role=alert].alert-warning")).to_have_text(
        "Cảnh báo: Chi bộ Hội Vật lý Việt Nam: 1 HTXSNV, vượt tỉ lệ cho phép 0 (tối đa theo tỉ "
        "lệ trên 2 HTTNV)."
    )
    expect(page.get_by_label("Điểm của Nguyễn Thị Ánh")).to_have_value("95")
    page.get_by_role("link", name=f"Xếp loại năm {timezone.localdate().year}").click()
    expect(page.locator(".app-rating-cells tbody tr").first.locator("td")).to_have_text(
        ["Chi bộ Hội Vật lý Việt Nam", "3", "3", "HTTNV"]
    )
    screenshot("year")


def test_draft_issue_and_download_the_half_year_report(signed_in_page, cell, screenshot):
    page = signed_in_page
    year = timezone.localdate().year - 1  # a period that is over: it may be issued
    page.get_by_role("link", name="Báo cáo", exact=True).click()
    page.get_by_role("link", name=f"6 tháng đầu năm {year}").first.click()

    page.get_by_label("Tình hình chung").fill("Sáu tháng đầu năm, Đảng bộ ổn định tổ chức.")
    page.get_by_role("button", name="Lưu bản thảo").click()
    expect(page.get_by_role("alert")).to_contain_text("Đã lưu bản thảo.")
    expect(page.frame_locator("iframe").locator(".doc-title")).to_have_text("Báo cáo")
    screenshot("draft")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Ban hành").click()
    expect(page.get_by_role("alert")).to_contain_text(
        f"Đã ban hành Số 01-BC/ĐU – Báo cáo 6 tháng đầu năm {year}."
    )

    page.locator("#main-nav").get_by_role("link", name="Báo cáo", exact=True).click()
    with page.expect_download() as download:
        page.locator(".app-issued").get_by_role("link", name="PDF").click()
    pdf = read_pdf(Path(download.value.path()).read_bytes())
    assert "Số 01-BC/ĐU" in pdf.flat_text
    assert "Sáu tháng đầu năm, Đảng bộ ổn định tổ chức." in pdf.flat_text
    screenshot("issued")
