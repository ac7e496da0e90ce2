"""Badge numbers by line: each input names the member, milestone and kind; a paste or format
error saves nothing and keeps every number typed; a re-issued badge shows its new number."""

from datetime import date

import pytest
from django.urls import reverse

from ceremonies import services
from ceremonies.badge_numbers import NumberLine, line_label, read_pasted
from members import services as register
from members.models import Badge
from members.timeline import member_timeline
from tests.factories import MILESTONES, CellFactory, make_member
from tests.spreadsheets import table

ROUND_DAY = date(2026, 9, 2)
LINES = [
    NumberLine(pk=1, card="00012345", name="Nguyễn Thị Ánh", milestone=65, kind="early"),
    NumberLine(pk=2, card="00012345", name="Nguyễn Thị Ánh", milestone=60, kind="reissue"),
    NumberLine(pk=3, card="00012346", name="Đặng Văn Dũng", milestone=30, kind="regular"),
]


def test_a_line_is_named_by_its_milestone_and_kind():
    assert [line_label(milestone=x.milestone, kind=x.kind) for x in LINES] == [
        "65 năm · tặng sớm",
        "60 năm · cấp lại (4A)",
        "30 năm · tặng",
    ]


def test_pasted_rows_land_on_the_line_their_card_and_milestone_name():
    pasted = read_pasted("00012345\t65\tA1\n00012345;60 năm;A2\n\n00012346\tA3\n", LINES)

    assert pasted == read_pasted("00012346\tA3\n00012345\t60\tA2\n00012345\t65\tA1", LINES)
    assert (pasted.numbers, pasted.errors) == ({1: "A1", 2: "A2", 3: "A3"}, ())


def test_a_pasted_row_that_names_no_line_or_two_is_an_error_naming_it():
    pasted = read_pasted("00012345\tA1\n99999999\tX1\n00012346\n00012345\t70\tA9", LINES)

    assert pasted.numbers == {}
    assert pasted.errors == (
        "Dòng 1 (00012345 ⇥ A1): Nguyễn Thị Ánh có 2 dòng (65 năm · tặng sớm, 60 năm · cấp lại "
        "(4A)): ghi thêm mốc, ví dụ “số thẻ ⇥ 65 ⇥ số Huy hiệu”.",
        "Dòng 2 (99999999 ⇥ X1): không có số thẻ 99999999 trong đợt này.",
        "Dòng 3 (00012346): cần số thẻ đảng viên và số Huy hiệu.",
        "Dòng 4 (00012345 ⇥ 70 ⇥ A9): Nguyễn Thị Ánh không có Huy hiệu 70 năm trong đợt này.",
    )


@pytest.fixture
def decided(db):
    """A round deciding a 65-year badge given early to a member who also lost her 60-year one."""
    anh = make_member(
        cell=CellFactory(name="Chi bộ A"),
        full_name="Nguyễn Thị Ánh",
        party_card_number="00012345",
        admission_date=date(1962, 1, 1),
        official_date=date(1963, 1, 1),
    )
    register.badge_record(milestones=MILESTONES, member=anh, milestone=60, badge_number="B060001")
    anh.seriously_ill = True
    anh.seriously_ill_reason = "Bệnh nặng, có xác nhận của bệnh viện"
    anh.save()
    round_ = services.round_create(day=ROUND_DAY, occasion="0902")
    services.proposal_add(round_=round_, member=anh, kind="early")
    services.proposal_add(
        round_=round_,
        member=anh,
        kind="reissue",
        milestone=60,
        old_badge_number="B060001",
        loss_statement="Mất khi chuyển nhà",
    )
    services.round_lock(round_=round_, today=date(2026, 8, 1))
    services.round_submit(round_=round_, on=date(2026, 8, 2), today=date(2026, 8, 2))
    services.round_decide(
        round_=round_,
        decision_number="123-QĐ/ĐUK",
        decision_date=date(2026, 8, 20),
        today=date(2026, 8, 20),
    )
    return round_, anh


def test_each_number_input_names_its_line(office_client, decided):
    round_, _anh = decided
    early, reissue = round_.proposals.get(kind="early"), round_.proposals.get(kind="reissue")

    html = office_client.get(reverse("ceremonies:round_detail", args=[round_.pk])).content.decode()

    assert f'name="number-{early.pk}" value=""' in html
    assert 'aria-label="Số Huy hiệu của Nguyễn Thị Ánh · 65 năm · tặng sớm"' in html
    assert 'aria-label="Số Huy hiệu của Nguyễn Thị Ánh · 60 năm · cấp lại (4A)"' in html
    assert f'name="number-{reissue.pk}" value=""' in html


def test_a_paste_error_saves_nothing_and_keeps_every_number_typed(office_client, decided):
    round_, _anh = decided
    early, reissue = round_.proposals.get(kind="early"), round_.proposals.get(kind="reissue")

    response = office_client.post(
        reverse("ceremonies:badge_numbers", args=[round_.pk]),
        {f"number-{early.pk}": "A650001", f"number-{reissue.pk}": "", "pasted": "00012345\tC1"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [
        "Chưa ghi số nào: Dòng 1 (00012345 ⇥ C1): Nguyễn Thị Ánh có 2 dòng (65 năm · tặng sớm, "
        "60 năm · cấp lại (4A)): ghi thêm mốc, ví dụ “số thẻ ⇥ 65 ⇥ số Huy hiệu”. Các số đã gõ "
        "vẫn còn bên dưới."
    ]
    assert f'name="number-{early.pk}" value="A650001"' in html
    assert ">00012345\tC1</textarea>" in html
    assert set(round_.proposals.values_list("badge_number", flat=True)) == {""}


def test_a_number_held_by_another_badge_saves_nothing_and_keeps_the_numbers(office_client, decided):
    round_, _anh = decided
    early, reissue = round_.proposals.get(kind="early"), round_.proposals.get(kind="reissue")
    other = make_member(cell=CellFactory(name="Chi bộ B"), full_name="Lê Văn Cường")
    register.badge_record(milestones=MILESTONES, member=other, milestone=30, badge_number="X1")

    response = office_client.post(
        reverse("ceremonies:badge_numbers", args=[round_.pk]),
        {f"number-{early.pk}": "A650001", f"number-{reissue.pk}": "X1"},
    )

    html = response.content.decode()
    assert f'name="number-{early.pk}" value="A650001"' in html
    assert f'name="number-{reissue.pk}" value="X1"' in html
    assert set(round_.proposals.values_list("badge_number", flat=True)) == {""}
    assert Badge.objects.get(member__full_name="Nguyễn Thị Ánh", milestone=65).badge_number == ""


def test_the_re_issued_badge_carries_its_new_number_to_the_member_page(office_client, decided):
    round_, anh = decided

    office_client.post(
        reverse("ceremonies:badge_numbers", args=[round_.pk]),
        {"pasted": "00012345\t65\tA650001\n00012345\t60\tC600002"},
    )

    badges = {b.milestone: (b.badge_number, b.note) for b in anh.badges.all()}
    assert badges[65][0] == "A650001"
    assert badges[60] == (
        "C600002",
        "Cấp lại theo Quyết định số 123-QĐ/ĐUK ngày 20/08/2026 (mất số cũ B060001)",
    )
    entries = [e for e in member_timeline(anh) if e.category == "badge"]
    assert [e.detail for e in entries if "60 năm" in e.title] == [
        "Số huy hiệu C600002 · Cấp lại theo Quyết định số 123-QĐ/ĐUK ngày 20/08/2026 "
        "(mất số cũ B060001)"
    ]
    sheet = office_client.get(reverse("ceremonies:round_document", args=[round_.pk, "4a", "xlsx"]))
    _header, rows = table(sheet.content)
    assert (rows[0][1], rows[0][2], rows[0][-1]) == (
        "B060001",
        "Nguyễn Thị Ánh",
        "Mất khi chuyển nhà; cấp lại số C600002",
    )
    services.round_cancel(round_=round_, reason="Quyết định bị thu hồi")
    assert anh.badges.get(milestone=60).note == ""
    assert anh.badges.get(milestone=60).badge_number == "B060001"
