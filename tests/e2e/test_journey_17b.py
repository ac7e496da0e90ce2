"""Journeys of issue 17 part B: the page after an import says what happened; the event form
shows the fields of its kind, keeps what was typed on an error, names what it recorded and what
a delete removes; the changed pages at 1280 and 390 pixels (saved under /tmp/17b/)."""

import re
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect

from members import services
from members.models import MembershipEvent
from tests.factories import CellFactory, make_member
from tests.spreadsheets import sheet

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SHOTS = Path("/tmp/17b")
DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}


def shoot(page, name: str) -> None:
    """The page at desktop and at phone width, whole."""
    SHOTS.mkdir(exist_ok=True)
    for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(size)
        page.screenshot(path=SHOTS / f"{name}-{label}.png", full_page=True)
    page.set_viewport_size(DESKTOP)


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.fixture
def register(transactional_db):
    cell = CellFactory(name="Chi bộ Hội Vật lý Việt Nam")
    CellFactory(name="Chi bộ Hội Khoa học Kỹ thuật Xây dựng Việt Nam")
    member = make_member(
        cell=cell,
        full_name="Trần Văn Bình",
        admission_date=date(1990, 5, 19),
        official_date=date(1991, 5, 19),
    )
    services.fact_record(member=member, kind=MembershipEvent.Kind.EXEMPTED, day=date(2020, 2, 1))
    return member


def test_the_page_after_an_import_says_what_happened(signed_in_page, register, tmp_path):
    page = signed_in_page
    name, content = sheet(
        {
            "Họ và tên": "Nguyễn Thị Hoa",
            "Chi bộ": "Chi bộ Hội Vật lý Việt Nam",
            "Ngày vào Đảng": "03/02/1986",
            "Ngày chính thức": "03/02/1987",
        },
        {
            "Họ và tên": "Lê Văn Cường",
            "Chi bộ": "Chi bộ Hội Vật lý Việt Nam",
            "Ngày vào Đảng": "01/01/2015",
            "Ngày chính thức": "01/01/2016",
        },
    )
    path = tmp_path / name
    path.write_bytes(content)

    page.goto("/dang-vien/nhap/")
    expect(page.get_by_role("link", name="Tải tệp mẫu (Excel)")).to_be_visible()
    page.get_by_label("Tệp danh sách (.xlsx hoặc .csv)").set_input_files(str(path))
    page.get_by_role("button", name="Tải lên và xem trước").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Xem trước tệp danh-sach.xlsx")
    page.get_by_role("button", name="Nhập 2 mới, cập nhật 0").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Kết quả nhập tệp danh-sach.xlsx")
    expect(page.get_by_role("alert")).to_contain_text(
        "Đã nhập: 2 đảng viên mới, 0 cập nhật, 0 không đổi, 0 chi bộ mới."
    )
    expect(page.locator(".app-import-summary .card")).to_have_text(
        [
            re.compile(r"2\s*dòng dữ liệu"),
            re.compile(r"2\s*đã thêm mới"),
            re.compile(r"0\s*đã cập nhật"),
            re.compile(r"0\s*không đổi"),
            re.compile(r"0\s*dòng lỗi"),
        ]
    )
    expect(page.locator(".app-import-rows tbody tr")).to_have_text(
        [
            re.compile(r"2\s*Nguyễn Thị Hoa[\s\S]*Đã thêm mới"),
            re.compile(r"3\s*Lê Văn Cường[\s\S]*Đã thêm mới"),
        ]
    )
    shoot(page, "import-result")
    page.get_by_role("link", name="Lê Văn Cường").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Lê Văn Cường")
    page.go_back()
    page.get_by_role("link", name="Nhập tệp khác").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nhập danh sách đảng viên từ tệp")


def test_the_event_form_shows_its_kind_keeps_what_was_typed_and_names_what_it_did(
    signed_in_page, register
):
    page = signed_in_page
    page.goto(f"/dang-vien/{register.pk}/")
    shoot(page, "member-page")
    page.get_by_role("link", name="Ghi sự kiện").click()

    kind = page.get_by_label("Sự kiện")
    expect(kind).to_have_value("exemption_ended")  # the member is exempt
    expect(page.get_by_label("Nơi chuyển đi / chuyển đến")).to_be_hidden()
    expect(page.locator("#div_id_cell")).to_be_hidden()
    kind.select_option(label="Chuyển sinh hoạt đi")
    expect(page.get_by_label("Nơi chuyển đi / chuyển đến")).to_be_visible()
    expect(page.locator("#div_id_cell")).to_be_hidden()
    kind.select_option(label="Từ trần")
    expect(page.get_by_label("Số quyết định / giấy giới thiệu")).to_be_hidden()
    kind.select_option(label="Chuyển sinh hoạt giữa các chi bộ")
    expect(page.locator("#div_id_cell")).to_be_visible()
    shoot(page, "event-form")

    kind.select_option(label="Chuyển sinh hoạt đi")
    page.locator("#id_day").fill("01/02/2024")
    page.get_by_label("Ghi chú").fill("Về hưu, chuyển về nơi cư trú")
    page.get_by_role("button", name="Ghi").click()
    expect(page.get_by_text("Hãy ghi nơi chuyển đi / chuyển đến.")).to_be_visible()
    expect(kind).to_have_value("transferred_out")
    expect(page.locator("#id_day")).to_have_value("01/02/2024")
    expect(page.get_by_label("Ghi chú")).to_have_value("Về hưu, chuyển về nơi cư trú")
    expect(page.get_by_label("Nơi chuyển đi / chuyển đến")).to_be_visible()
    page.get_by_label("Nơi chuyển đi / chuyển đến").fill("Đảng bộ phường Cầu Giấy")
    page.get_by_role("button", name="Ghi").click()

    expect(page.get_by_role("alert")).to_contain_text(
        "Đã ghi sự kiện Chuyển sinh hoạt đi ngày 01/02/2024."
    )
    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))
    page.get_by_role("button", name="Xóa sự kiện “Chuyển sinh hoạt đi” ngày 01/02/2024?").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Đã xóa sự kiện Chuyển sinh hoạt đi 01/02/2024."
    )
    assert questions == ["Xóa sự kiện “Chuyển sinh hoạt đi” ngày 01/02/2024?"]


def test_the_changed_pages_at_desktop_and_phone(signed_in_page, register):
    page = signed_in_page
    for number in range(12):
        make_member(
            cell=register.cell,
            full_name=f"Phạm Thị Thu {'ABCDEFGHIKLM'[number]}",
            admission_date=date(1996, 9, 1 + number),
            official_date=date(1997, 9, 1 + number),
        )
    for path, name in [
        ("/", "dashboard"),
        ("/dang-vien/", "member-list"),
        ("/huy-hieu/", "badge-page"),
        ("/nhat-ky/?loai=event", "audit-events"),
        ("/nhat-ky/", "audit-members"),
    ]:
        page.goto(path)
        shoot(page, name)
    page.goto("/dang-vien/")
    page.set_viewport_size(PHONE)
    assert no_sideways_scroll(page)
    page.set_viewport_size(DESKTOP)
    page.goto("/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Bỏ qua menu, đến nội dung chính")).to_be_focused()
    page.keyboard.press("Tab")
    page.screenshot(
        path=SHOTS / "navbar-focus.png", clip={"x": 0, "y": 0, "width": 640, "height": 80}
    )
