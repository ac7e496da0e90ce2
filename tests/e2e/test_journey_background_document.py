"""Journey of a long document (issue 18): the register PDF of a large register is offered, made
in the background while its page shows the state, and its link appears when it is ready."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from members import exports
from tests.factories import CellFactory, make_member

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def large(transactional_db, monkeypatch):
    monkeypatch.setattr(exports, "BACKGROUND_ROWS", 1)  # "large" from two members on
    cell = CellFactory(name="Chi bộ Hội Vật lý")
    for name in ("Nguyễn Thị Ánh", "Trần Văn Bình", "Lê Văn Cường"):
        make_member(cell=cell, full_name=name)


def test_the_register_pdf_is_made_in_the_background_with_its_state_on_the_page(
    signed_in_page, large, screenshot
):
    page = signed_in_page
    page.goto("/dang-vien/so-danh-sach/?format=pdf")
    expect(page.get_by_text("Sổ có 3 đảng viên: tệp PDF được tạo nền.")).to_be_visible()
    page.get_by_role("button", name="Tạo tệp PDF").click()

    expect(page.get_by_text("Đang chờ tạo tài liệu…")).to_be_visible()
    expect(page.get_by_role("link", name="Mở tài liệu PDF")).to_be_hidden()
    screenshot("queued")
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO())

    link = page.get_by_role("link", name="Mở tài liệu PDF")
    expect(link).to_be_visible(timeout=30_000)  # the page polls every 2 s
    expect(page.get_by_text("Tài liệu đã tạo xong.")).to_be_visible()
    expect(page.get_by_role("progressbar")).to_have_text("100 %")
    screenshot("ready")
    response = page.request.get(link.get_attribute("href"))
    assert (response.status, response.headers["content-type"]) == (200, "application/pdf")
    assert response.body().startswith(b"%PDF-")
