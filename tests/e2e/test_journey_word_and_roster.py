"""Journeys of issue 18c: the ceremony roster of a large round made in the background with its
state on the page; the Word files offered beside the PDFs (an issued report, the letter, the
streaks proposed for commendation). Desktop and phone screenshots of each page."""

import io
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from ceremonies import exports
from ceremonies import services as rounds
from ratings import services as ratings
from reports import services as reports
from reports.periods import Period
from tests.factories import CellFactory, make_member

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def large_round(transactional_db, monkeypatch):
    """A round of three lines, "large" from two on: its roster is made in the background."""
    monkeypatch.setattr(exports, "BACKGROUND_LINES", 2)
    cell = CellFactory(name="Chi bộ Hội Vật lý")
    for name in ("Nguyễn Thị Ánh", "Trần Văn Bình", "Lê Văn Cường"):
        make_member(
            cell=cell,
            full_name=name,
            admission_date=date(1976, 5, 1),
            official_date=date(1977, 5, 1),
        )
    round_ = rounds.round_create(day=date(2026, 9, 2), occasion="0902")
    rounds.round_fill(round_=round_)
    return round_


def both(page, screenshot, step):
    """The page as it is, on a desktop and on a phone."""
    page.set_viewport_size(DESKTOP)
    screenshot(f"{step}-desktop")
    page.set_viewport_size(PHONE)
    screenshot(f"{step}-phone")
    page.set_viewport_size(DESKTOP)


def test_the_roster_of_a_large_round_is_made_in_the_background(
    signed_in_page, large_round, screenshot
):
    page = signed_in_page
    page.goto(f"/huy-hieu/dot/{large_round.pk}/van-ban/danh-sach-trao-tang.pdf")
    expect(page.get_by_text("Danh sách có 3 dòng: tệp PDF được tạo nền.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Danh sách đảng viên được trao tặng Huy hiệu Đảng: Tặng đợt 2/9/2026"
    )
    both(page, screenshot, "offer")
    page.get_by_role("button", name="Tạo tệp PDF").click()

    expect(page.get_by_text("Đang chờ tạo tài liệu…")).to_be_visible()
    expect(page.get_by_role("link", name="Mở tài liệu PDF")).to_be_hidden()
    both(page, screenshot, "queued")
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO())

    link = page.get_by_role("link", name="Mở tài liệu PDF")
    expect(link).to_be_visible(timeout=30_000)  # the page polls every 2 s
    expect(page.get_by_role("progressbar")).to_have_text("100 %")
    both(page, screenshot, "ready")
    response = page.request.get(link.get_attribute("href"))
    assert (response.status, response.headers["content-type"]) == (200, "application/pdf")
    # Asked again, nothing changed: the kept file at once.
    again = page.request.get(f"/huy-hieu/dot/{large_round.pk}/van-ban/danh-sach-trao-tang.pdf")
    assert again.body() == response.body()


def test_the_word_files_are_offered_beside_the_pdfs(signed_in_page, transactional_db, screenshot):
    page = signed_in_page
    cell = CellFactory(name="Chi bộ A")
    make_member(
        cell=cell,
        full_name="Nguyễn Văn An",
        admission_date=date(2010, 1, 1),
        official_date=date(2011, 1, 1),
    )
    ratings.rating_year(2025)
    issued = reports.report_issue(
        period=Period.year(2025), user=get_user_model().objects.get(username="demo")
    )

    page.goto("/bao-cao/nam/2025/")
    expect(page.locator(".app-report-state")).to_have_text("Đã ban hành")
    word = page.get_by_role("link", name=f"{issued.document_number} (Word)")
    expect(word).to_be_visible()
    both(page, screenshot, "issued-report")
    response = page.request.get(word.get_attribute("href"))
    assert response.headers["content-type"].endswith("wordprocessingml.document")
    assert response.body() == bytes(issued.docx)

    page.goto("/van-ban/cong-van/")
    expect(page.get_by_role("button", name="Tải Word")).to_be_visible()
    both(page, screenshot, "letter")

    page.goto("/xep-loai/2025/khen-thuong/")
    word = page.get_by_role("link", name="Word", exact=True)
    expect(word).to_be_visible()
    both(page, screenshot, "streaks")
    response = page.request.get(page.url + word.get_attribute("href"))  # "?format=docx"
    assert response.headers["content-disposition"] == (
        'attachment; filename="de-nghi-khen-thuong-2025.docx"'
    )
