import io
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from ceremonies import services
from ceremonies.models import Round
from members.models import Member
from members.party_age import add_years
from tests.factories import make_member
from tests.pdf_utils import read_pdf
from tests.spreadsheets import table
from vusta_party import clock

pytestmark = pytest.mark.django_db
ROUND_DAY = date(2026, 9, 2)
TODAY = date(2026, 8, 1)


def pdf(client, round_, name):
    response = client.get(reverse("ceremonies:round_document", args=[round_.pk, name, "pdf"]))
    assert response["Content-Type"] == "application/pdf"
    return read_pdf(response.content)


@pytest.mark.slow
def test_list_4_hhd_has_the_header_the_members_and_the_form_columns(office_client, decided_round):
    document = pdf(office_client, decided_round, "4")

    text = document.flat_text
    assert document.embedded_font_families == {"Tinos"}
    assert document.page_sizes[0] == (841.89, 595.28)
    for expected in [
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "ĐẢNG ỦY LIÊN HIỆP CÁC HỘI KH&KT VIỆT NAM",
        "Mẫu 4-HHĐ",
        "DANH SÁCH ĐẢNG VIÊN ĐỀ NGHỊ TẶNG HUY HIỆU ĐẢNG",
        "Tặng đợt 2/9/2026",
        "1 Nguyễn Thị Ánh 28/02/1950 Cao Bằng 01/05/1976 01/05/1977 00012345 Chi bộ Hội Vật lý Huy hiệu 50 năm tuổi Đảng",
        "2 Đặng Văn Dũng",
        "Huy hiệu 30 năm tuổi Đảng",
        "Danh sách có 2 đồng chí.",
    ]:
        assert expected in text, expected
    assert "Lê Văn Bình" not in text
    assert "Trần Thị Cúc" not in text


@pytest.mark.slow
def test_list_4b_is_posthumous_and_4a_carries_the_old_badge_number(office_client, decided_round):
    posthumous = pdf(office_client, decided_round, "4b").flat_text
    reissue = pdf(office_client, decided_round, "4a").flat_text

    assert "DANH SÁCH ĐẢNG VIÊN ĐỀ NGHỊ TRUY TẶNG HUY HIỆU ĐẢNG" in posthumous
    assert "Lê Văn Bình" in posthumous
    assert "Từ trần ngày 01/05/2025; truy tặng sớm" in posthumous
    assert "Mẫu 4A-HHĐ" in reissue
    assert "1 B054321 Trần Thị Cúc" in reissue
    assert "Mất khi chuyển nhà" in reissue


@pytest.mark.slow
def test_the_submission_letter_is_numbered_and_counts_the_badges(office_client, decided_round):
    text = pdf(office_client, decided_round, "to-trinh").flat_text

    for expected in [
        "Số 01-TTr/ĐU",
        "TỜ TRÌNH",
        "Về việc đề nghị tặng Huy hiệu Đảng đợt 2/9/2026",
        "Kính gửi: Ban Thường vụ Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương",
        "Đảng ủy Liên hiệp các Hội KH&KT Việt Nam kính trình Ban Thường vụ xem xét, quyết định.",
        "cho 3 đồng chí đảng viên và cấp lại Huy hiệu Đảng cho 1 đồng chí",
        "Huy hiệu 50 năm tuổi Đảng 1 0 0",
        "Huy hiệu 40 năm tuổi Đảng 1 0 1",
        "Huy hiệu 30 năm tuổi Đảng 1 0 0",
        "Cộng 3",
        "Hà Nội, ngày 01 tháng 8 năm 2026",
    ]:
        assert expected in text, expected


@pytest.mark.slow
def test_the_roster_is_in_programme_order_with_totals_of_badges_and_bonus(
    office_client, decided_round
):
    reissue = decided_round.proposals.get(kind="reissue")
    services.round_set_badge_numbers(round_=decided_round, numbers={reissue.pk: "C777001"})
    text = pdf(office_client, decided_round, "danh-sach-trao-tang").flat_text
    signatures = pdf(office_client, decided_round, "so-ky-nhan").flat_text

    order = [text.index(name) for name in ("Nguyễn Thị Ánh", "Lê Văn Bình", "Đặng Văn Dũng")]
    assert order == sorted(order)  # 50, then 40 (posthumous), then 30 years
    # the re-issued badge is presented too, with its new number and the one lost
    assert (
        "2 Trần Thị Cúc 1955 Chi bộ Hội Hóa học 01/01/1980 Cấp lại (bị mất) Huy hiệu 40 năm "
        "C777001 Cấp lại, số cũ B054321"
    ) in text
    assert "Cấp lại Huy hiệu bị mất 1" in text
    assert (
        "2 Trần Thị Cúc Chi bộ Hội Hóa học 40 năm (cấp lại (bị mất), số cũ B054321) C777001"
    ) in signatures
    for expected in [
        "Quyết định số 123-QĐ/ĐUK ngày 20/08/2026 của Ban Thường vụ Đảng ủy cấp trên",
        "Huy hiệu 50 năm tuổi Đảng 1 7.590.000",
        "Huy hiệu 40 năm tuổi Đảng 1 5.060.000",
        "Huy hiệu 30 năm tuổi Đảng 1 3.795.000",
        "Tổng cộng 3 16.445.000",
    ]:
        assert expected in text, expected


@pytest.mark.slow
def test_long_lists_repeat_the_table_header_on_every_page(office_client, cells):
    physics, _ = cells
    for n in range(45):
        make_member(
            cell=physics,
            full_name=f"Nguyễn Văn Thứ{n:02d}",
            admission_date=date(1996, 1, 1),
            official_date=date(1997, 1, 1),
        )
    round_ = services.round_create(day=ROUND_DAY, occasion="0902")
    services.round_fill(round_=round_)

    document = pdf(office_client, round_, "4")

    assert len(document.pages) >= 3
    for page in document.pages:
        words = " ".join(page.split())  # header cells wrap their text
        assert "Họ và tên" in words
        assert "Số thẻ đảng viên" in words


@pytest.mark.slow
def test_declarations_6_hhd_one_page_per_member(office_client, decided_round):
    document = pdf(office_client, decided_round, "to-khai")

    assert len(document.pages) == 3
    assert "Đề nghị tặng Huy hiệu 50 năm tuổi Đảng" in document.pages[0]
    assert "Nguyễn Thị Ánh" in document.pages[0]
    assert "Đề nghị truy tặng Huy hiệu 40 năm tuổi Đảng" in document.pages[2]
    first, posthumous = (
        " ".join(page.replace("\xa0", " ").split()) for page in document.pages[::2]
    )
    assert first.startswith(
        "ĐẢNG ỦY LIÊN HIỆP CÁC HỘI KH&KT VIỆT NAM CHI BỘ HỘI VẬT LÝ * ĐẢNG CỘNG SẢN VIỆT NAM"
    )
    assert "Kính gửi: Chi ủy chi bộ Hội Vật lý Họ và tên" in first
    assert "Từ trần ngày: 01/05/2025" in posthumous
    assert "THÂN NHÂN NGƯỜI KHAI (Ký, ghi rõ họ tên và quan hệ với đảng viên)" in posthumous
    # each declaration is numbered on its own: no page carries the file's page number
    assert [page.split()[-1] for page in document.pages] != ["2", "3"]
    assert all(not page.rstrip().endswith(("\n2", "\n3")) for page in document.pages)


def test_a_member_in_an_open_round_is_no_longer_listed_as_coming(office_client, cells):
    today = timezone.localdate()
    soon = add_years(today, -30)
    make_member(
        cell=cells[0],
        full_name="Nguyễn Văn An",
        admission_date=soon,
        official_date=add_years(soon, 1),
    )
    before = office_client.get(reverse("ceremonies:index"), {"months": 24}).context["outlook"]
    round_ = services.round_create(day=add_years(today, 1), occasion="other")
    services.round_fill(round_=round_)

    after = office_client.get(reverse("ceremonies:index"), {"months": 24}).context["outlook"]

    assert before.candidates_now + len(before.due) == 1
    assert (after.candidates_now, list(after.due)) == (0, [])


def test_list_xlsx_has_the_form_columns(office_client, decided_round):
    response = office_client.get(
        reverse("ceremonies:round_document", args=[decided_round.pk, "4a", "xlsx"])
    )

    header, rows = table(response.content)
    assert header == (
        "STT",
        "Số Huy hiệu cũ",
        "Họ và tên",
        "Ngày sinh",
        "Quê quán",
        "Ngày vào Đảng",
        "Ngày chính thức",
        "Số thẻ đảng viên",
        "Chi bộ",
        "Loại huy hiệu",
        "Ghi chú",
    )
    assert rows[0][:3] == (1, "B054321", "Trần Thị Cúc")


def test_list_xlsx_prints_on_landscape_a4_with_real_dates(office_client, decided_round):
    response = office_client.get(
        reverse("ceremonies:round_document", args=[decided_round.pk, "4", "xlsx"])
    )

    sheet = load_workbook(io.BytesIO(response.content))["4-HHĐ"]
    assert [sheet.cell(row, 1).value for row in (1, 2, 4, 5)] == [
        "ĐẢNG BỘ MẶT TRẬN TỔ QUỐC, CÁC ĐOÀN THỂ TRUNG ƯƠNG",
        "ĐẢNG ỦY LIÊN HIỆP CÁC HỘI KH&KT VIỆT NAM",
        "DANH SÁCH ĐẢNG VIÊN ĐỀ NGHỊ TẶNG HUY HIỆU ĐẢNG",
        "Tặng đợt 2/9/2026 – Mẫu 4-HHĐ",
    ]
    assert (sheet.freeze_panes, sheet.print_title_rows) == ("A8", "$7:$7")
    ánh = next(row for row in sheet.iter_rows(min_row=8) if row[1].value == "Nguyễn Thị Ánh")
    born, admitted, official = ánh[2], ánh[4], ánh[5]
    assert [(c.value.date(), c.number_format) for c in (born, admitted, official)] == [
        (date(1950, 2, 28), "dd/mm/yyyy"),
        (date(1976, 5, 1), "dd/mm/yyyy"),
        (date(1977, 5, 1), "dd/mm/yyyy"),
    ]
    assert [sheet.column_dimensions[c].width for c in "ABCDEFGHIJ"] == [
        6,
        24,
        12,
        22,
        13,
        13,
        13,
        26,
        22,
        26,
    ]
    setup = sheet.page_setup
    assert (setup.paperSize, setup.orientation, setup.fitToWidth, setup.fitToHeight) == (
        9,
        "landscape",
        1,
        0,
    )


def test_office_creates_a_round_from_a_suggested_occasion(office_client, cells):
    make_member(
        cell=cells[0],
        full_name="Nguyễn Văn An",
        admission_date=date(1990, 1, 1),
        official_date=date(1991, 1, 1),
    )
    suggestion = office_client.get(reverse("ceremonies:round_list")).context["suggestions"][0]

    response = office_client.post(
        reverse("ceremonies:round_list"),
        {"day": suggestion[0].strftime("%d/%m/%Y"), "occasion": suggestion[0].strftime("%m%d")},
        follow=True,
    )

    round_ = Round.objects.get()
    assert (round_.date, round_.state) == (suggestion[0], "draft")
    assert "với 1 đảng viên đủ điều kiện" in response.content.decode()


def test_the_office_walks_a_round_through_its_states(office_client, cells, monkeypatch):
    make_member(
        cell=cells[0],
        full_name="Nguyễn Văn An",
        party_card_number="00011111",
        admission_date=date(1996, 1, 1),
        official_date=date(1997, 1, 1),
    )
    round_ = services.round_create(day=ROUND_DAY, occasion="0902")
    services.round_fill(round_=round_)
    url = lambda action: reverse("ceremonies:round_action", args=[round_.pk, action])  # noqa: E731
    monkeypatch.setattr(clock, "today", lambda: date(2026, 8, 1))

    office_client.post(url("lock"))
    refused = office_client.post(
        url("decide"), {"decision_number": "1", "decision_date": "20/08/2026"}, follow=True
    )
    monkeypatch.setattr(clock, "today", lambda: date(2026, 9, 2))
    office_client.post(url("submit"), {"on": "02/08/2026"})
    office_client.post(url("decide"), {"decision_number": "1-QĐ", "decision_date": "20/08/2026"})
    office_client.post(
        reverse("ceremonies:badge_numbers", args=[round_.pk]), {"pasted": "00011111\tA123456"}
    )
    line = round_.proposals.get()
    office_client.post(url("hold"), {"held_on": "02/09/2026", "at_home": [line.pk]})

    assert "Không thể ghi quyết định: đợt tặng đã chốt danh sách." in refused.content.decode()
    round_.refresh_from_db()
    line.refresh_from_db()
    assert (round_.state, line.badge_number, line.presented_at_home, line.bonus) == (
        "held",
        "A123456",
        True,
        3_795_000,
    )
    assert Member.objects.get().badges.get().badge_number == "A123456"


def test_pasted_badge_numbers_with_unknown_cards_change_nothing(office_client, decided_round):
    response = office_client.post(
        reverse("ceremonies:badge_numbers", args=[decided_round.pk]),
        {"pasted": "99999999\tX1\n00012345\tA1"},
        follow=True,
    )

    assert [str(m) for m in response.context["messages"]] == [
        "Chưa ghi số nào: Dòng 1 (99999999 ⇥ X1): không có số thẻ 99999999 trong đợt này. "
        "Các số đã gõ vẫn còn bên dưới."
    ]
    assert set(decided_round.proposals.values_list("badge_number", flat=True)) == {""}


def test_a_cell_secretary_sees_and_proposes_only_their_cell_and_cannot_lock(
    client, make_user, cells
):
    physics, chemistry = cells
    make_member(
        cell=physics,
        full_name="Nguyễn Văn An",
        admission_date=date(1996, 1, 1),
        official_date=date(1997, 1, 1),
    )
    other = make_member(
        cell=chemistry,
        full_name="Trần Văn Bình",
        admission_date=date(1996, 1, 1),
        official_date=date(1997, 1, 1),
    )
    round_ = services.round_create(day=ROUND_DAY, occasion="0902")
    services.round_fill(round_=round_)
    client.force_login(make_user("secretary", cells=[physics]))

    page = client.get(reverse("ceremonies:round_detail", args=[round_.pk]))
    theirs = round_.proposals.get(member=other)
    toggle = client.post(
        reverse("ceremonies:proposal_toggle", args=[round_.pk, theirs.pk]), {"note": "x"}
    )
    lock = client.post(reverse("ceremonies:round_action", args=[round_.pk, "lock"]))

    assert [line.member.full_name for line in page.context["lines"]] == ["Nguyễn Văn An"]
    assert (toggle.status_code, lock.status_code) == (404, 403)
    assert round_.proposals.get(member=other).included is True


@pytest.mark.parametrize("item_count", [1, 3])
def test_round_pages_take_a_fixed_number_of_queries(
    office_client, cells, item_count, django_assert_num_queries
):
    for n in range(item_count):
        make_member(
            cell=cells[0],
            full_name=f"Vũ Văn {'ABC'[n]}",
            admission_date=date(1996, 1, 1),
            official_date=date(1997, 1, 1),
        )
    round_ = services.round_create(day=ROUND_DAY, occasion="0902")
    services.round_fill(round_=round_)

    # session, user, round, its lines with members and cells, the milestones of the add form,
    # committee profile; the profile and counter of the next tờ trình number (the confirmation);
    # the deferred at the round's date: its rules, other open rounds, the register's four (the
    # signer warning reads the same profile)
    with django_assert_num_queries(14):
        detail = office_client.get(reverse("ceremonies:round_detail", args=[round_.pk]))
    # session, user, count of rounds, rounds with counts, dates taken, committee profile
    with django_assert_num_queries(6):
        office_client.get(reverse("ceremonies:round_list"))

    assert len(detail.context["lines"]) == item_count


def test_the_office_is_warned_before_locking_a_round_whose_signer_has_no_name(office_client, cells):
    from vusta_party.models import CommitteeProfile  # noqa: PLC0415

    round_ = services.round_create(day=ROUND_DAY, occasion="0902")
    url = reverse("ceremonies:round_detail", args=[round_.pk])
    CommitteeProfile.objects.update(signer_name="")

    warned = office_client.get(url).context["signer_warning"]
    CommitteeProfile.objects.update(signer_name="Trần Văn Bình")
    named = office_client.get(url).context["signer_warning"]

    assert warned == (
        f"Thông tin cấp ủy áp dụng ngày {timezone.localdate():%d/%m/%Y} chưa có họ và tên người "
        "ký: văn bản sẽ in thiếu tên người ký. Hãy nhập ở Thông tin cấp ủy trước khi chốt hoặc "
        "ban hành."
    )
    assert named == ""


@pytest.mark.slow
def test_a_long_roster_fills_its_first_page_and_ends_with_rows_beside_the_signature(
    office_client, cells
):
    physics, chemistry = cells
    for n in range(40):
        make_member(
            cell=physics if n % 2 else chemistry,
            full_name=f"Nguyễn Văn Thứ{n:02d}",
            admission_date=date(1996 - 10 * (n % 3), 1, 1),
            official_date=date(1997 - 10 * (n % 3), 1, 1),
        )
    round_ = services.round_create(day=ROUND_DAY, occasion="0902")
    services.round_fill(round_=round_)
    services.round_lock(round_=round_, today=TODAY)
    services.round_submit(round_=round_, on=date(2026, 8, 2))
    services.round_decide(
        round_=round_, decision_number="1-QĐ/ĐUK", decision_date=date(2026, 8, 20)
    )

    document = pdf(office_client, round_, "danh-sach-trao-tang")

    rows = [page.count("Nguyễn Văn Thứ") for page in document.pages]
    assert sum(rows) == 40
    assert rows[0] >= 12  # names no longer wrap into tall rows (it held 7)
    assert rows[-1] >= 1  # the totals and the signature come with the last rows
    assert "Tổng cộng 40" in " ".join(document.pages[-1].split())
    assert "T/M ĐẢNG ỦY" in document.pages[-1]
