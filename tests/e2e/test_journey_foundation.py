"""Journey: sign in, look at the frame, set the committee profile, preview a letter, sign out."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import CommitteeProfileFactory
from vusta_party.models import CommitteeProfile

# Each journey starts as a fresh install: the rows the migrations seed come back after the
# previous journey's flush (serialized rollback).
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def profile(transactional_db):
    CommitteeProfile.objects.all().delete()  # the one of the factory instead of the seeded one
    return CommitteeProfileFactory(signer_name="")


def test_sign_in_shows_the_vietnamese_frame(page, demo_user, profile, screenshot):
    page.goto("/")

    expect(page).to_have_url(re.compile(r"/tai-khoan/login/\?next=/$"))
    expect(page.get_by_role("heading", name="Quản lý đảng viên")).to_be_visible()
    screenshot("login")
    page.get_by_label("Tên đăng nhập").fill("demo")
    page.get_by_label("Mật khẩu").fill("sai-mat-khau")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("alert")).to_have_text(
        "Tên đăng nhập hoặc mật khẩu không đúng. Xin nhập lại."
    )
    page.get_by_label("Tên đăng nhập").fill(demo_user[0])
    page.get_by_label("Mật khẩu").fill(demo_user[1])
    page.get_by_role("button", name="Đăng nhập").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Xin chào, Văn phòng Đảng ủy")
    nav = page.locator("#main-nav .navbar-nav").first
    expect(nav.locator(".nav-link")).to_have_text(
        ["Đảng viên", "Chi bộ", "Huy hiệu Đảng", "Xếp loại", "Báo cáo"]
    )
    expect(page.locator(".app-committee")).to_have_text("ĐẢNG ỦY LIÊN HIỆP CÁC HỘI KH&KT VIỆT NAM")
    screenshot("home")

    page.get_by_role("button", name="Văn phòng Đảng ủy").click()
    page.get_by_role("link", name="Nhật ký đăng nhập").click()
    # The wrong password was cleared by the successful sign-in that followed it.
    expect(page.locator("table").first.locator("tbody")).to_have_text("Không có lần nhập sai nào.")
    sign_ins = page.locator("table").nth(1).locator("tbody tr")
    expect(sign_ins).to_have_count(1)
    expect(sign_ins.locator("td").nth(2)).to_have_text("demo")
    expect(sign_ins.locator("td").nth(3)).to_have_text("127.0.0.1")
    screenshot("sign-in-log")


def test_office_sets_the_signer_and_previews_a_letter(signed_in_page, profile, screenshot):
    page = signed_in_page

    page.get_by_role("button", name="Văn phòng Đảng ủy").click()
    page.get_by_role("link", name="Thông tin cấp ủy").click()
    expect(page.get_by_label("Tên cấp ủy ban hành")).to_have_value(
        "ĐẢNG ỦY LIÊN HIỆP CÁC HỘI KH&KT VIỆT NAM"
    )
    page.get_by_label("Áp dụng từ ngày").fill("10/02/2025")
    page.get_by_label("Họ và tên người ký").fill("Nguyễn Thị Ánh")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("alert")).to_contain_text("Đã lưu thông tin cấp ủy.")
    expect(page.locator("table").first.locator("tbody tr")).to_have_count(1)
    screenshot("profile")

    page.get_by_role("button", name="Văn phòng Đảng ủy").click()
    page.get_by_role("link", name="Văn bản mẫu").click()
    page.get_by_label("Trích yếu (V/v)").fill("mời họp chi bộ tháng 12")
    page.get_by_role("button", name="Xem trước").click()
    letter = page.frame_locator("iframe")
    expect(letter.locator(".doc-party")).to_have_text("ĐẢNG CỘNG SẢN VIỆT NAM")
    expect(letter.locator(".doc-subject-line")).to_have_text("V/v mời họp chi bộ tháng 12")
    expect(letter.locator(".doc-signature-name")).to_have_text("Nguyễn Thị Ánh")
    screenshot("letter")

    page.get_by_role("button", name="Văn phòng Đảng ủy").click()
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page).to_have_url(re.compile(r"/tai-khoan/login/$"))
