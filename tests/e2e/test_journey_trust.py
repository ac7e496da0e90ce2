"""Journeys of issue 17: typed work is never lost (the rating grid, the badge numbers) and the
dates of a round's steps are checked. Screenshots of the pages, desktop (1280) and phone (390),
go to test-artifacts/ and, for the lead's review, /tmp/17a/."""

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ceremonies import services
from members import services as register
from members.party_age import add_years
from tests.factories import MILESTONES, CellFactory, make_member

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
REVIEW = Path("/tmp/17a")
NAMES = ("Nguyễn Thị Ánh", "Trần Văn Bình", "Lê Văn Cường", "Phạm Thị Dung")


@pytest.fixture
def shots(page, screenshot):
    """shots("step"): the whole page at 1280 and at 390 px wide, copied to /tmp/17a/; each time
    the phone layout has no sideways scroll."""

    def take(step: str) -> None:
        REVIEW.mkdir(exist_ok=True)
        for width, name in ((1280, "desktop"), (390, "phone")):
            page.set_viewport_size({"width": width, "height": 900})
            path = screenshot(f"{step}-{name}")
            shutil.copy(path, REVIEW / f"{step}-{name}.png")
            if width == 390:
                assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.set_viewport_size({"width": 1366, "height": 900})

    return take


@pytest.fixture
def cell(transactional_db):
    cell = CellFactory(name="Chi bộ Hội Vật lý Việt Nam")
    for number, name in enumerate(NAMES):
        make_member(
            cell=cell,
            full_name=name,
            party_card_number=f"0001234{number}",
            admission_date=add_years(timezone.localdate(), -31),
            official_date=add_years(timezone.localdate(), -30),
        )
    return cell


def test_the_grid_keeps_every_value_and_warns_as_staff_type(signed_in_page, cell, shots):
    page = signed_in_page
    page.get_by_role("link", name="Xếp loại", exact=True).click()
    page.get_by_role("link", name="Chi bộ Hội Vật lý Việt Nam").click()
    typed = {
        "Nguyễn Thị Ánh": ("HTXSNV", "95"),
        "Trần Văn Bình": ("HTXSNV", "105"),
        "Lê Văn Cường": ("HTTNV", "85"),
        "Phạm Thị Dung": ("HTNV", "70"),
    }
    warnings = page.locator(".app-grid-warnings")
    expect(warnings).to_be_hidden()
    for name, (level, score) in typed.items():
        page.get_by_label(f"Mức xếp loại của {name}").select_option(level)
        page.get_by_label(f"Điểm của {name}").fill(score)
    page.get_by_label("Chi bộ tự xếp loại").select_option("HTTNV")

    # the quota, live: 2 HTXSNV against 1 HTTNV allow none
    expect(warnings).to_be_visible()
    expect(warnings.locator("li")).to_have_text(
        [
            "Chi bộ Hội Vật lý Việt Nam: 2 HTXSNV, vượt tỉ lệ cho phép 0 (tối đa theo tỉ lệ "
            "trên 1 HTTNV)."
        ]
    )
    page.get_by_role("button", name="Lưu xếp loại").click()

    expect(page.locator(".alert-danger")).to_contain_text(
        "Chưa lưu gì: 1 ô chưa đúng (tô đỏ bên dưới). Mọi giá trị đã nhập vẫn còn nguyên"
    )
    for name, (level, score) in typed.items():
        expect(page.get_by_label(f"Mức xếp loại của {name}")).to_have_value(level)
        expect(page.get_by_label(f"Điểm của {name}")).to_have_value(score)
    bad = page.get_by_label("Điểm của Trần Văn Bình")
    expect(bad).to_have_class("form-control form-control-sm app-score is-invalid")
    expect(page.locator(".invalid-feedback")).to_have_text(["Điểm là số nguyên từ 0 đến 100."])
    expect(page.get_by_label("Chi bộ tự xếp loại")).to_have_value("HTTNV")
    shots("grid-refused")

    bad.fill("90")
    page.get_by_label("Mức xếp loại của Trần Văn Bình").select_option("HTTNV")
    expect(warnings.locator("li")).to_have_text(
        [
            "Chi bộ Hội Vật lý Việt Nam: 1 HTXSNV, vượt tỉ lệ cho phép 0 (tối đa theo tỉ lệ "
            "trên 2 HTTNV)."
        ]
    )
    page.get_by_role("button", name="Lưu xếp loại").click()
    expect(page.locator(".alert-success")).to_have_text(
        "Đã lưu xếp loại 4 đảng viên của Chi bộ Hội Vật lý Việt Nam. Chi bộ tự xếp loại: HTTNV."
    )
    expect(page.locator(".alert-warning").first).to_contain_text("Cảnh báo: Chi bộ Hội Vật lý")
    shots("grid-saved")


@pytest.fixture
def decided(cell):
    """A round decided 10 days ago, dated 20 days ahead: a 30-year badge for three members, and
    the re-issue of the 30-year badge Nguyễn Thị Ánh received earlier and lost."""
    today = timezone.localdate()
    anh = cell.members.get(full_name="Nguyễn Thị Ánh")
    register.badge_record(milestones=MILESTONES, member=anh, milestone=30, badge_number="B030001")
    round_ = services.round_create(day=today + timedelta(days=20), occasion="other")
    services.round_fill(round_=round_)
    services.proposal_add(
        round_=round_,
        member=anh,
        kind="reissue",
        milestone=30,
        old_badge_number="B030001",
        loss_statement="Mất khi chuyển nhà",
    )
    services.round_lock(round_=round_, today=today - timedelta(days=30))
    services.round_submit(round_=round_, on=today - timedelta(days=25))
    services.round_decide(
        round_=round_, decision_number="15-QĐ/ĐUK", decision_date=today - timedelta(days=10)
    )
    return round_


def test_a_paste_error_keeps_every_badge_number_typed(signed_in_page, decided, shots):
    page = signed_in_page
    page.goto(f"/huy-hieu/dot/{decided.pk}/")
    page.get_by_label("Số Huy hiệu của Trần Văn Bình · 30 năm · tặng").fill("A030002")
    page.get_by_label("Số Huy hiệu của Nguyễn Thị Ánh · 30 năm · cấp lại (4A)").fill("C030009")
    page.get_by_label("Dán từ bảng tính").fill("00012342\tA030003\n99999999\tA030004")
    page.get_by_role("button", name="Ghi số Huy hiệu").click()

    expect(page.locator(".alert-danger")).to_have_text(
        "Chưa ghi số nào: Dòng 2 (99999999 ⇥ A030004): không có số thẻ 99999999 trong đợt "
        "này. Các số đã gõ vẫn còn bên dưới."
    )
    expect(page.get_by_label("Số Huy hiệu của Trần Văn Bình · 30 năm · tặng")).to_have_value(
        "A030002"
    )
    expect(
        page.get_by_label("Số Huy hiệu của Nguyễn Thị Ánh · 30 năm · cấp lại (4A)")
    ).to_have_value("C030009")
    expect(page.get_by_label("Dán từ bảng tính")).to_have_value(
        "00012342\tA030003\n99999999\tA030004"
    )
    shots("numbers-refused")

    page.get_by_label("Dán từ bảng tính").fill("00012342\tA030003")
    page.get_by_role("button", name="Ghi số Huy hiệu").click()
    expect(page.locator(".alert-success")).to_have_text("Đã ghi 3 số Huy hiệu.")
    page.get_by_role("link", name="xem").click()
    expect(page.locator(".doc-table-list")).to_contain_text("C030009")
    expect(page.locator(".doc-table-list")).to_contain_text("Cấp lại, số cũ B030001")


def test_the_dates_of_a_round_are_checked(signed_in_page, cell, shots):
    page = signed_in_page
    today = timezone.localdate()
    round_ = services.round_create(day=today + timedelta(days=40), occasion="other")
    services.round_fill(round_=round_)
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    page.goto(f"/huy-hieu/dot/{round_.pk}/")
    shots("round-draft")

    page.get_by_role("button", name="Chốt danh sách").click()
    expect(page.locator(".app-round-state")).to_have_text("Đã chốt danh sách")
    assert asked == [
        "Chốt danh sách 4 đảng viên: sẽ cấp số tờ trình 01-TTr/ĐU. Muốn sửa danh sách sau đó "
        "phải mở lại. Chốt danh sách?"
    ]
    tomorrow = today + timedelta(days=1)
    page.get_by_label("Ngày gửi cấp trên").fill(f"{tomorrow:%d/%m/%Y}")
    page.get_by_role("button", name="Đã trình cấp trên").click()
    expect(page.locator(".alert-danger")).to_have_text(
        f"Ngày gửi cấp trên {tomorrow:%d/%m/%Y} sau hôm nay ({today:%d/%m/%Y}): chỉ ghi việc đã "
        "diễn ra."
    )
    expect(page.locator(".app-round-state")).to_have_text("Đã chốt danh sách")
    page.get_by_label("Ngày gửi cấp trên").fill(f"{today:%d/%m/%Y}")
    page.get_by_role("button", name="Đã trình cấp trên").click()
    expect(page.locator(".app-round-state")).to_have_text("Đã trình cấp trên")

    yesterday = today - timedelta(days=1)
    page.get_by_label("Số quyết định").fill("15-QĐ/ĐUK")
    page.get_by_label("Ngày quyết định").fill(f"{yesterday:%d/%m/%Y}")
    page.get_by_role("button", name="Ghi quyết định").click()
    expect(page.locator(".alert-danger")).to_have_text(
        f"Ngày quyết định {yesterday:%d/%m/%Y} trước ngày gửi cấp trên ({today:%d/%m/%Y})."
    )
    page.get_by_label("Số quyết định").fill("15-QĐ/ĐUK")
    page.get_by_label("Ngày quyết định").fill(f"{today:%d/%m/%Y}")
    page.get_by_role("button", name="Ghi quyết định").click()
    expect(page.locator(".app-round-state")).to_have_text("Đã có quyết định")

    # the ceremony is 40 days away: the form offers today, and a later day is refused
    page.get_by_label("Ngày tổ chức lễ").fill(f"{round_.date:%d/%m/%Y}")
    page.get_by_role("button", name="Đã tổ chức lễ trao tặng").click()
    expect(page.locator(".alert-danger")).to_contain_text(
        f"Ngày tổ chức lễ {round_.date:%d/%m/%Y} sau hôm nay"
    )
    expect(page.locator(".app-round-state")).to_have_text("Đã có quyết định")
    assert asked[-1] == (
        "Đã tổ chức lễ: các Huy hiệu được ghi là đã trao vào ngày tổ chức lễ, đợt tặng chuyển "
        "sang “Đã trao tặng” và không hủy được nữa. Tiếp tục?"
    )
    page.get_by_text("Sửa ngày đã ghi sai").click()
    shots("round-decided")


def test_a_coefficient_typed_with_a_comma_is_two_and_a_half(signed_in_page, shots):
    page = signed_in_page
    page.goto("/huy-hieu/tien-thuong/")
    form = page.locator("form").filter(has=page.get_by_label("Hệ số"))
    form.get_by_label("Huy hiệu (năm)").fill("45")
    form.get_by_label("Hệ số").fill("25")
    form.get_by_label("Áp dụng từ ngày").fill("01/01/2026")
    form.get_by_role("button", name="Ghi").click()
    expect(page.locator(".invalid-feedback")).to_have_text(["Hệ số phải từ 0,5 đến 20."])
    expect(page.get_by_label("Hệ số")).to_have_value("25")

    page.get_by_label("Hệ số").fill("2,5")
    page.locator("form").filter(has=page.get_by_label("Hệ số")).get_by_role(
        "button", name="Ghi"
    ).click()
    expect(page.locator(".alert-success")).to_have_text(
        "Đã ghi Huy hiệu 45 năm: hệ số 2,50 từ 01/01/2026."
    )
    expect(page.locator(".app-coefficients tbody tr").filter(has_text="45 năm")).to_contain_text(
        "2,50"
    )
    shots("bonus-tables")
