"""Journey of access: the office adds a cell secretary, who then sees only their own cell."""

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.factories import CellFactory, make_member

# Each journey starts as a fresh install: the rows the migrations seed come back after the
# previous journey's flush (serialized rollback).
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "Bi-thu-chi-bo-2026"


@pytest.fixture
def cells(transactional_db):
    own, other = CellFactory(name="Chi bộ Hội Hóa học"), CellFactory(name="Chi bộ Hội Tin học")
    make_member(cell=own, full_name="Nguyễn Văn An", citizen_id="001060000001")
    make_member(cell=other, full_name="Trần Văn Bình", citizen_id="001060000002")
    return own, other


def test_office_adds_a_secretary_who_sees_only_their_cell(signed_in_page, cells, screenshot):
    page = signed_in_page
    page.get_by_role("button", name="Văn phòng Đảng ủy").click()
    page.get_by_role("link", name="Người dùng").click()
    page.get_by_role("link", name="Thêm người dùng").click()
    page.get_by_label("Tên đăng nhập").fill("bithu.hoahoc")
    page.get_by_label("Họ và tên").fill("Lê Thị Hoa")
    page.get_by_label("Vai trò").select_option(label="Bí thư chi bộ")
    page.get_by_label("Chi bộ phụ trách").select_option(label="Chi bộ Hội Hóa học")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Lưu").click()

    expect(page.get_by_role("alert")).to_contain_text("Đã tạo tài khoản bithu.hoahoc.")
    row = page.locator("table.app-accounts tbody tr", has_text="bithu.hoahoc")
    expect(row.locator("td")).to_have_text(
        [
            "bithu.hoahoc",
            "Lê Thị Hoa",
            "Bí thư chi bộ",
            "Chi bộ Hội Hóa học",
            "Chưa đăng nhập",
            "Đang hoạt động",
            "Sửa Đặt mật khẩu",
        ],
        use_inner_text=True,
    )
    screenshot("accounts")

    page.get_by_role("button", name="Văn phòng Đảng ủy").click()
    page.get_by_role("button", name="Đăng xuất").click()
    page.get_by_label("Tên đăng nhập").fill("bithu.hoahoc")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_role("link", name="Đảng viên", exact=True).first.click()

    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Nguyễn Văn An")
    expect(page.get_by_role("link", name="Người dùng")).to_have_count(0)
    screenshot("secretary-list")


def test_office_reads_downloads_in_the_log_and_exports_it_for_an_inspection(
    signed_in_page, cells, screenshot
):
    page = signed_in_page
    page.get_by_role("link", name="Đảng viên", exact=True).first.click()
    with page.expect_download() as listed:
        page.get_by_role("link", name="Xuất danh sách (Excel)").click()
    assert listed.value.suggested_filename.endswith(".xlsx")

    page.get_by_role("button", name="Văn phòng Đảng ủy").click()
    page.get_by_role("link", name="Nhật ký thay đổi").click()
    page.get_by_label("Xem").select_option(label="Tải xuống, tài khoản người dùng")
    page.get_by_role("button", name="Xem", exact=True).click()
    row = page.locator("table.app-audit-events tbody tr").first
    expect(row.locator("td").nth(1)).to_have_text("demo")
    expect(row.locator("td").nth(3)).to_have_text("Tải xuống")
    expect(row.locator("td").nth(4)).to_have_text(listed.value.suggested_filename)
    screenshot("downloads")

    with page.expect_download() as exported:
        page.get_by_role("button", name="Xuất Excel cho kiểm tra").click()
    workbook = load_workbook(io.BytesIO(Path(exported.value.path()).read_bytes()))
    assert workbook.sheetnames == [
        "Thay đổi dữ liệu",
        "Tải xuống, tài khoản",
        "Đăng nhập",
        "Đăng nhập sai",
    ]
    downloads = [row[4] for row in workbook["Tải xuống, tài khoản"].iter_rows(values_only=True)]
    assert downloads == ["Nội dung", listed.value.suggested_filename]
    sign_ins = [row[2] for row in workbook["Đăng nhập"].iter_rows(min_row=2, values_only=True)]
    assert sign_ins == ["demo"]
