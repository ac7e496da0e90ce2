"""Issue 17 part C in the browser: the lists made sortable, paged and exported, and the round
page, at 1280 and at 390 pixels; on a phone no page scrolls sideways (the round's lines and the
member list stack as labelled cards). Screenshots under /tmp/17c/."""

from datetime import date
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ceremonies import services as rounds
from ceremonies.workflow import upcoming_occasions
from members.party_age import add_months, add_years
from ratings.models import RatingYear
from tests.factories import CellFactory, make_member

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SHOTS = Path("/tmp/17c")
DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def shoot(page, name: str) -> int:
    """The page at desktop and at phone width, whole; returns its width on the phone."""
    SHOTS.mkdir(exist_ok=True)
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=SHOTS / f"{name}-desktop.png", full_page=True)
    page.set_viewport_size(PHONE)
    width = page_width(page)
    page.screenshot(path=SHOTS / f"{name}-phone.png", full_page=True)
    page.set_viewport_size(DESKTOP)
    return width


@pytest.fixture
def register(transactional_db):
    physics = CellFactory(name="Chi bộ Hội Vật lý Việt Nam")
    building = CellFactory(name="Chi bộ Hội Khoa học Kỹ thuật Xây dựng Việt Nam")
    due = add_months(add_years(timezone.localdate(), -30), -1)  # 30 years reached a month ago
    for n, (name, cell) in enumerate(
        (
            ("Nguyễn Thị Ánh", physics),
            ("Phạm Văn Cường", building),
            ("Trần Quốc Bảo Long", building),
        )
    ):
        make_member(
            cell=cell,
            full_name=name,
            party_card_number=f"0001234{n}",
            admission_date=due,
            official_date=add_years(due, 1),
        )
    for n in range(8):
        make_member(
            cell=physics if n % 2 else building,
            full_name=f"Lê Văn Thành {n}",
            admission_date=date(2001 + n, 3, 1),
            official_date=date(2002 + n, 3, 1),
        )
    day, occasion = upcoming_occasions(timezone.localdate())[0]
    round_ = rounds.round_create(day=day, occasion=occasion)
    rounds.round_fill(round_=round_)
    RatingYear.objects.create(year=2025, late_admission_from=date(2025, 7, 1))
    return round_


def test_the_lists_and_the_round_page_fit_a_phone(signed_in_page, register):
    page = signed_in_page

    page.goto(f"/huy-hieu/dot/{register.pk}/")
    lines = page.locator(".app-round-lines tbody tr")
    expect(lines).to_have_count(3)
    assert shoot(page, "round") <= 390
    page.set_viewport_size(PHONE)
    # A line is a card: its cells one under another, each with its label.
    first = lines.first.locator("td")
    boxes = [first.nth(i).bounding_box() for i in range(3)]
    assert boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"]
    assert (
        page.evaluate(
            "getComputedStyle(document.querySelector('.app-round-lines td[data-label]'),"
            " '::before').content"
        )
        == '"Họ và tên: "'
    )
    page.set_viewport_size(DESKTOP)

    page.goto("/dang-vien/?sort=-vao-dang&per=25")
    expect(page.locator("table.app-stack tbody tr")).to_have_count(11)
    assert shoot(page, "member-list") <= 390

    widths = {}
    for name, url, check in (
        ("cells", "/chi-bo/?sort=-dang-vien", ".app-cells"),
        ("rounds", "/huy-hieu/dot/", ".app-rounds"),
        ("upcoming", "/huy-hieu/", ".app-outlook-due"),
        ("audit", "/nhat-ky/?loai=su-kien", ".app-audit-events"),
        ("sign-ins", "/nhat-ky-dang-nhap/", ".app-sign-ins"),
        ("accounts", "/nguoi-dung/", ".app-accounts"),
        ("rating-year", "/xep-loai/2025/", ".app-rating-cells"),
        ("unrated", "/xep-loai/2025/chua-xep-loai/?sort=chi-bo", ".app-unrated"),
    ):
        page.goto(url)
        expect(page.locator(check)).to_be_visible()
        widths[name] = shoot(page, name)
    assert widths == dict.fromkeys(widths, widths["cells"])
    assert widths["cells"] <= 390

    page.goto("/xep-loai/2025/chua-xep-loai/?sort=-vao-dang")
    expect(page.locator(".app-unrated tbody tr").first).to_contain_text("Lê Văn Thành 7")
    expect(page.get_by_text("11 đảng viên chưa xếp loại")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Xuất danh sách (Excel)").click()
    assert download.value.suggested_filename == "chua-xep-loai-2025.xlsx"
