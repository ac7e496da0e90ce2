"""Journeys of the register: add a member and find them; import a file, fix a bad row, import."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from members.party_age import add_months, add_years
from tests.factories import CellFactory, make_member
from tests.spreadsheets import xlsx_bytes

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
    make_member(cell=cell, full_name="Trần Văn Bình", citizen_id="001060000001")
    return cell


def test_add_a_member_and_find_them_without_diacritics(signed_in_page, register, screenshot):
    page = signed_in_page
    page.get_by_role("link", name="Đảng viên", exact=True).first.click()
    page.get_by_role("link", name="Thêm đảng viên").click()

    page.locator("#id_full_name").fill("Đặng Thị Ánh")
    page.get_by_label("Giới tính").select_option(label="Nữ")
    admitted = add_months(timezone.localdate(), -(50 * 12 + 6))  # 50 years and 6 months ago
    page.get_by_label("Ngày sinh").fill("29/02/1952")
    page.get_by_label("Chi bộ").select_option(label="Chi bộ Hội Vật lý Việt Nam")
    page.get_by_label("Ngày vào Đảng").fill(f"{admitted:%d/%m/%Y}")
    page.get_by_label("Ngày chính thức").fill(f"{add_years(admitted, 1):%d/%m/%Y}")
    page.get_by_role("button", name="Lưu").click()

    expect(page.get_by_role("alert")).to_contain_text("Đã thêm đảng viên Đặng Thị Ánh.")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Đặng Thị Ánh")
    expect(page.locator(".app-stat").first).to_have_text("50 năm 6 tháng")
    # The badge app's panel on the member page says what they have reached and not received,
    # once: the answer names the milestone and its date, so no line above repeats it.
    answer = page.locator(".app-eligibility-answer")
    expect(answer).to_contain_text("50 năm")
    expect(answer).to_contain_text(f"{add_years(admitted, 50):%d/%m/%Y}")
    expect(page.locator(".app-reached")).to_have_count(0)
    screenshot("member-page")

    page.get_by_role("link", name="Đảng viên", exact=True).first.click()
    page.get_by_role("searchbox").fill("dang thi anh")
    page.get_by_role("button", name="Lọc").click()
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first.locator("td").nth(1)).to_contain_text("Đặng Thị Ánh")
    expect(page.get_by_text("1 đảng viên", exact=True)).to_be_visible()
    screenshot("search")


def test_import_with_a_bad_row_then_fixed(signed_in_page, register, screenshot, tmp_path):
    page = signed_in_page
    good = [
        "Nguyễn Thị Hoa",
        "01/02/1960",
        "Nữ",
        None,
        "Huế",
        None,
        "Chi bộ Hội Vật lý Việt Nam",
        "03/02/1986",
        "03/02/1987",
        "00100001",
        None,
        None,
        "30; 40",
        None,
        None,
    ]
    bad = [
        "Lê Văn Cường",
        "01/01/1990",
        "Nam",
        None,
        "Hà Nội",
        None,
        "Chi bộ Hội Hóa học",
        "01/01/2005",
        None,
        None,
        None,
        None,
        None,
        None,
        None,
    ]
    path = tmp_path / "danh-sach.xlsx"
    path.write_bytes(xlsx_bytes([good, bad]))

    page.get_by_role("link", name="Đảng viên", exact=True).first.click()
    page.get_by_role("link", name="Nhập từ tệp").click()
    page.get_by_label("Tệp danh sách (.xlsx hoặc .csv)").set_input_files(str(path))
    page.get_by_role("button", name="Tải lên và xem trước").click()

    errors = page.locator(".app-import-errors tbody tr")
    expect(errors).to_have_count(1)
    expect(errors.first).to_contain_text(
        "Ngày vào Đảng (01/01/2005) khi chưa đủ 18 tuổi (sinh ngày 01/01/1990)."
    )
    expect(page.get_by_text("chưa nhập dòng nào")).to_be_visible()
    screenshot("preview-error")

    bad[7] = "01/01/2015"
    path.write_bytes(xlsx_bytes([good, bad]))
    page.get_by_role("link", name="Đảng viên", exact=True).first.click()
    page.get_by_role("link", name="Nhập từ tệp").click()
    page.get_by_label("Tệp danh sách (.xlsx hoặc .csv)").set_input_files(str(path))
    page.get_by_role("button", name="Tải lên và xem trước").click()
    expect(page.locator(".app-import-rows tbody tr")).to_have_text(
        [
            re.compile(r"2\s*Nguyễn Thị Hoa[\s\S]*Thêm mới"),
            re.compile(r"3\s*Lê Văn Cường[\s\S]*Thêm mới"),
        ]
    )
    expect(page.get_by_text("Sẽ tạo chi bộ mới: Chi bộ Hội Hóa học.")).to_be_visible()
    screenshot("preview-ok")
    page.get_by_role("button", name="Nhập 2 mới, cập nhật 0").click()

    expect(page.get_by_role("alert")).to_contain_text(
        "Đã nhập: 2 đảng viên mới, 0 cập nhật, 0 không đổi, 1 chi bộ mới."
    )
    page.get_by_role("link", name="Chi bộ", exact=True).click()
    expect(page.locator("table tbody tr")).to_have_count(2)
    screenshot("cells")
