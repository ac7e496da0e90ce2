"""The import format of DOMAIN.md §8 as offices make their files (issue 15): the exact row,
column and message of every case."""

import unicodedata
from datetime import date

import pytest
from django.db import connection

from ceremonies.models import BadgeRules
from members import services
from members.enums import EventKind, Status
from members.models import Member, MembershipEvent, Organisation
from tests.factories import CellFactory, make_member
from tests.spreadsheets import sheet

pytestmark = pytest.mark.django_db


def errors(result):
    return [(e.row, e.column, e.value, e.message) for e in result.errors]


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def person(name="Nguyễn Văn An", cell="Chi bộ Hội Vật lý", admitted="19/05/1990", **more):
    return {"Họ và tên": name, "Chi bộ": cell, "Ngày vào Đảng": admitted, **more}


# --- the columns a file must have --------------------------------------------------------------


def test_a_file_with_only_the_required_columns_creates_new_members(run_import):
    CellFactory(name="Chi bộ Hội Vật lý")

    result = run_import(*sheet(person(), person("Trần Thị Bình", admitted="01/03/2025")))

    assert (errors(result), [row.action for row in result.rows]) == ([], ["create", "create"])
    assert sorted(
        Member.objects.values_list("full_name", "sex", "ethnicity", "official_date", "status")
    ) == [
        ("Nguyễn Văn An", "", "Kinh", None, Status.ACTIVE),
        ("Trần Thị Bình", "", "Kinh", None, Status.ACTIVE),
    ]


# --- row numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["danh-sach.xlsx", "danh-sach.csv"])
def test_blank_rows_inside_the_data_keep_the_spreadsheet_row_numbers(check, name):
    CellFactory(name="Chi bộ Hội Vật lý")

    result = check(
        *sheet(
            person(),
            None,
            None,
            person("Lê Ân", admitted="01/13/2025"),
            None,
            person("Lê Bình", admitted=""),
            name=name,
        )
    )

    assert errors(result) == [
        (5, "Ngày vào Đảng", "01/13/2025", "Ngày 01/13/2025 không có trên lịch."),
        (7, "Ngày vào Đảng", "", "Thiếu ngày vào Đảng."),
    ]
    assert [(row.row, row.action) for row in result.rows] == [
        (2, "create"),
        (5, "error"),
        (7, "error"),
    ]


# --- CSV separators ----------------------------------------------------------------------------


def test_a_comma_csv_with_semicolons_in_its_badges_and_quoted_commas(run_import):
    content = (
        "\ufeffHọ và tên,Chi bộ,Ngày vào Đảng,Ngày chính thức,Quê quán,Huy hiệu đã nhận\r\n"
        'Nguyễn Văn An,Chi bộ A,01/01/1970,01/01/1971,"Xã Yên Hòa, Cầu Giấy, Hà Nội","30; 40"\r\n'
        "Lê Văn Bình,Chi bộ A,01/01/1980,01/01/1981,Huế,30; 40\r\n"
    ).encode()

    result = run_import("danh-sach.csv", content)

    assert errors(result) == []
    assert sorted(
        (m.full_name, m.hometown, sorted(b.milestone for b in m.badges.all()))
        for m in Member.objects.prefetch_related("badges")
    ) == [
        ("Lê Văn Bình", "Huế", [30, 40]),
        ("Nguyễn Văn An", "Xã Yên Hòa, Cầu Giấy, Hà Nội", [30, 40]),
    ]


def test_a_semicolon_csv_with_quoted_semicolons_and_commas(run_import):
    content = (
        "Họ và tên;Chi bộ;Ngày vào Đảng;Ngày chính thức;Quê quán;Huy hiệu đã nhận\r\n"
        'Nguyễn Văn An;Chi bộ A;01/01/1970;01/01/1971;"Thôn 1; xã A, huyện B";"30; 40"\r\n'
    ).encode()

    result = run_import("danh-sach.csv", content)

    assert errors(result) == []
    member = Member.objects.get()
    assert (member.hometown, member.highest_badge) == ("Thôn 1; xã A, huyện B", 40)


# --- Unicode forms and cell names ----------------------------------------------------------------


def test_a_cell_named_in_another_case_spacing_or_unicode_form_is_the_same_cell(run_import):
    cell = CellFactory(name="Chi bộ Hội Vật lý")

    result = run_import(
        *sheet(
            person(nfd("Nguyễn Thị Ánh"), cell=nfd("chi bộ  HỘI vật lý ")),
            person("Lê Ân", cell="CHI BỘ HỘI VẬT LÝ"),
        )
    )

    assert (errors(result), result.new_cells) == ([], [])
    assert set(Member.objects.values_list("full_name", "cell")) == {
        ("Nguyễn Thị Ánh", cell.pk),
        ("Lê Ân", cell.pk),
    }
    assert Organisation.objects.filter(kind="cell").count() == 1


def test_names_differing_by_diacritics_are_other_cells_and_one_new_cell_is_made_once(run_import):
    CellFactory(name="Chi bộ Hồ Tây")

    result = run_import(
        *sheet(
            person("Nguyễn Văn An", cell="Chi bộ Hổ Tây"),
            person("Lê Ân", cell=nfd("Chi bộ hổ tây")),
        )
    )

    assert result.new_cells == ["Chi bộ Hổ Tây"]
    assert set(Organisation.objects.filter(kind="cell").values_list("name", flat=True)) == {
        "Chi bộ Hổ Tây",
        "Chi bộ Hồ Tây",
    }
    assert Member.objects.filter(cell__name="Chi bộ Hổ Tây").count() == 2


def test_text_typed_in_decomposed_form_is_stored_in_nfc(run_import):
    result = run_import(
        *sheet(person(nfd("Đặng Thị Ánh"), cell=nfd("Chi bộ Mới"), **{"Quê quán": nfd("Huế")}))
    )

    member = Member.objects.select_related("cell").get()
    assert result.new_cells == ["Chi bộ Mới"]
    assert (member.full_name, member.hometown, member.cell.name) == (
        "Đặng Thị Ánh",
        "Huế",
        "Chi bộ Mới",
    )
    assert all(
        unicodedata.is_normalized("NFC", text)
        for text in (member.full_name, member.hometown, member.cell.name, member.name_sort)
    )


# --- the right column for every error -----------------------------------------------------------


def test_a_death_before_admission_is_reported_under_the_death_date(check):
    result = check(*sheet(person(admitted="01/01/1990", **{"Ngày từ trần": "01/01/1989"})))

    assert errors(result) == [
        (
            2,
            "Ngày từ trần",
            "01/01/1989",
            "Từ trần ngày 01/01/1989: trước ngày vào Đảng (01/01/1990).",
        )
    ]


def test_correcting_an_existing_members_admission_date_updates_it(run_import):
    cell = CellFactory(name="Chi bộ Hội Vật lý")
    member = make_member(
        cell=cell,
        party_card_number="00012345",
        admission_date=date(1990, 5, 19),
        official_date=date(1991, 6, 1),
    )

    result = run_import(*sheet(person(admitted="19/06/1990", **{"Số thẻ đảng viên": "00012345"})))

    assert (errors(result), result.rows[0].action, result.rows[0].changes) == (
        [],
        "update",
        ["Ngày vào Đảng"],
    )
    member.refresh_from_db()
    assert member.admission_date == date(1990, 6, 19)
    assert list(member.events.values_list("kind", "date")) == [
        (EventKind.ADMITTED, date(1990, 6, 19)),
        (EventKind.MADE_OFFICIAL, date(1991, 6, 1)),
    ]


def test_an_admission_date_corrected_past_the_official_date_is_its_own_error(check):
    cell = CellFactory(name="Chi bộ Hội Vật lý")
    make_member(
        cell=cell,
        party_card_number="00012345",
        admission_date=date(1990, 5, 19),
        official_date=date(1991, 6, 1),
    )

    result = check(*sheet(person(admitted="01/07/1991", **{"Số thẻ đảng viên": "00012345"})))

    assert errors(result) == [
        (
            2,
            "Ngày vào Đảng",
            "01/07/1991",
            "Ngày chính thức (01/06/1991) phải sau ngày vào Đảng (01/07/1991).",
        )
    ]


def test_an_admission_date_corrected_past_a_recorded_fact_is_its_own_error(check):
    cell, other = CellFactory(name="Chi bộ Hội Vật lý"), CellFactory(name="Chi bộ Hóa")
    member = make_member(
        cell=other,
        party_card_number="00012345",
        admission_date=date(1990, 5, 19),
        official_date=None,
    )
    services.fact_record(
        member=member, kind="cell_transfer", day=date(1990, 8, 1), cell=cell, today=date(2026, 1, 1)
    )

    result = check(*sheet(person(admitted="01/09/1990", **{"Số thẻ đảng viên": "00012345"})))

    assert errors(result) == [
        (
            2,
            "Ngày vào Đảng",
            "01/09/1990",
            "Chuyển sinh hoạt giữa các chi bộ ngày 01/08/1990: trước ngày vào Đảng (01/09/1990).",
        )
    ]


# --- CCCD -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        (1234567890123, "1234567890123"),  # 13 digits typed as a number
        (12345678901.5, "12345678901.5"),
        ("0011500001234", "0011500001234"),
        ("00115000012", "00115000012"),
        ("00115000012A", "00115000012A"),
    ],
)
def test_a_cccd_of_other_than_12_digits_is_refused_whatever_the_cell_type(check, typed, value):
    result = check(*sheet(person(**{"Số CCCD": typed})))

    assert errors(result) == [(2, "Số CCCD", value, "Số CCCD gồm đúng 12 chữ số.")]


def test_a_cccd_typed_as_a_number_gets_its_leading_zeros_back(run_import):
    result = run_import(*sheet(person(**{"Số CCCD": 1150000123, "Số thẻ đảng viên": 12345})))

    assert errors(result) == []
    assert Member.objects.values_list("citizen_id", "party_card_number").get() == (
        "001150000123",
        "00012345",
    )


# --- matching rows to members ---------------------------------------------------------------------


def test_rows_without_card_or_cccd_match_by_folded_name_birth_and_admission(run_import):
    cell = CellFactory(name="Chi bộ Hội Vật lý")
    member = make_member(
        cell=cell,
        full_name="Nguyễn Văn An",
        date_of_birth=date(1960, 1, 1),
        admission_date=date(1990, 5, 19),
    )
    row = person("NGUYEN  VAN AN", **{"Ngày sinh": "01/01/1960", "Quê quán": "Nghệ An"})

    result = run_import(*sheet(row))

    assert [(r.action, r.member, r.changes) for r in result.rows] == [
        ("update", member, ["Họ và tên", "Quê quán"])
    ]
    member.refresh_from_db()
    assert (Member.objects.count(), member.hometown) == (1, "Nghệ An")


def test_reimporting_rows_without_card_or_cccd_creates_nobody_again(run_import):
    rows = [
        person("Nguyễn Văn An", **{"Ngày sinh": "01/01/1960"}),
        person("Lê Thị Bình"),  # no date of birth either
    ]
    run_import(*sheet(*rows))

    again = run_import(*sheet(*rows))

    assert [row.action for row in again.rows] == ["unchanged", "unchanged"]
    assert Member.objects.count() == 2


def test_a_name_that_fits_two_members_must_say_which(check):
    cell = CellFactory(name="Chi bộ Hội Vật lý")
    for card in ("00000001", "00000002"):
        make_member(
            cell=cell,
            party_card_number=card,
            date_of_birth=date(1960, 1, 1),
            admission_date=date(1990, 5, 19),
        )

    result = check(*sheet(person(**{"Ngày sinh": "01/01/1960"})))

    assert errors(result) == [
        (
            2,
            "Họ và tên",
            "Nguyễn Văn An",
            "Có 2 đảng viên cùng họ tên, ngày sinh và ngày vào Đảng trong sổ: ghi số thẻ đảng viên "
            "hoặc số CCCD để chỉ rõ người nào.",
        )
    ]


# --- clashes the commit would meet, found by the check -------------------------------------------


@pytest.fixture
def two_members():
    cell = CellFactory(name="Chi bộ Hội Vật lý")
    an = make_member(cell=cell, full_name="Nguyễn Văn An", party_card_number="00012345")
    binh = make_member(
        cell=cell,
        full_name="Trần Văn Bình",
        party_card_number="00012346",
        citizen_id="001060000002",
        admission_date=date(1985, 1, 1),
        official_date=date(1986, 1, 1),
    )
    return an, binh


def test_a_row_with_one_members_card_and_anothers_cccd_is_an_error(check, two_members):
    result = check(*sheet(person(**{"Số thẻ đảng viên": "00012345", "Số CCCD": "001060000002"})))

    assert errors(result) == [
        (
            2,
            "Số CCCD",
            "001060000002",
            "Số CCCD 001060000002 là của đảng viên Trần Văn Bình, còn số thẻ 00012345 là của "
            "đảng viên Nguyễn Văn An.",
        )
    ]


def test_one_member_on_two_rows_is_an_error_of_the_second(check, two_members):
    result = check(
        *sheet(
            person("Trần Văn Bình", admitted="01/01/1985", **{"Số thẻ đảng viên": "00012346"}),
            person("Trần Văn Bình", admitted="01/01/1985", **{"Số CCCD": "001060000002"}),
        )
    )

    assert errors(result) == [
        (
            3,
            "Số CCCD",
            "001060000002",
            "Đảng viên Trần Văn Bình đã có ở dòng 2 của tệp.",
        )
    ]


def test_one_new_person_on_two_rows_is_an_error_of_the_second(check):
    result = check(
        *sheet(
            person("Lê Ân", **{"Ngày sinh": "01/01/1960", "Số thẻ đảng viên": "00000007"}),
            person("Lê  Ân", **{"Ngày sinh": "01/01/1960", "Số thẻ đảng viên": "00000008"}),
        )
    )

    assert errors(result) == [
        (
            3,
            "Họ và tên",
            "Lê Ân",
            "Trùng họ tên, ngày sinh và ngày vào Đảng với dòng 2 trong tệp.",
        )
    ]


# --- transferred in ---------------------------------------------------------------------------------


def test_a_member_who_transferred_in_is_on_the_rolls_from_that_date(run_import):
    result = run_import(
        *sheet(
            person(
                admitted="19/05/1990",
                **{"Ngày chính thức": "19/05/1991", "Ngày chuyển đến": "01/03/2026"},
            ),
            person(
                "Lê Ân",
                admitted="01/01/2026",
                **{"Ngày chính thức": "", "Ngày chuyển đến": "01/04/2026"},
            ),
        )
    )

    assert errors(result) == []
    an, le = Member.objects.get(full_name="Nguyễn Văn An"), Member.objects.get(full_name="Lê Ân")
    assert (an.official_date, an.status, an.admission_date) == (
        date(1991, 5, 19),
        Status.ACTIVE,
        date(1990, 5, 19),
    )
    assert list(an.events.values_list("kind", "date", "note")) == [
        (EventKind.TRANSFERRED_IN, date(2026, 3, 1), "Nhập từ tệp")
    ]
    assert (le.official_date, list(le.events.values_list("kind", "date"))) == (
        None,
        [(EventKind.TRANSFERRED_IN, date(2026, 4, 1))],
    )


def test_a_transfer_date_before_admission_or_in_the_future_is_an_error(check):
    result = check(
        *sheet(
            person(admitted="19/05/1990", **{"Ngày chuyển đến": "01/01/1990"}),
            person("Lê Ân", admitted="19/05/1990", **{"Ngày chuyển đến": "01/12/2026"}),
        )
    )

    assert errors(result) == [
        (
            2,
            "Ngày chuyển đến",
            "01/01/1990",
            "Chuyển sinh hoạt đến ngày 01/01/1990: trước ngày vào Đảng (19/05/1990).",
        ),
        (
            3,
            "Ngày chuyển đến",
            "01/12/2026",
            "Ngày chuyển đến (01/12/2026) không được ở tương lai.",
        ),
    ]


def test_a_transfer_date_corrects_a_member_imported_as_if_admitted_here(run_import):
    cell = CellFactory(name="Chi bộ Hội Vật lý")
    member = make_member(cell=cell, party_card_number="00012345")  # admitted 1990, official 1991

    result = run_import(
        *sheet(person(**{"Số thẻ đảng viên": "00012345", "Ngày chuyển đến": "01/03/2026"}))
    )

    assert (errors(result), result.rows[0].action, result.rows[0].changes) == (
        [],
        "update",
        ["Ngày chuyển đến"],
    )
    member.refresh_from_db()
    assert (member.official_date, member.status, member.cell) == (
        date(1991, 5, 19),
        Status.ACTIVE,
        cell,
    )
    assert list(member.events.values_list("kind", "date")) == [
        (EventKind.TRANSFERRED_IN, date(2026, 3, 1))
    ]


def test_a_transfer_date_after_a_recorded_fact_is_an_error_of_that_column(check):
    old, cell = CellFactory(name="Chi bộ Hóa"), CellFactory(name="Chi bộ Hội Vật lý")
    member = make_member(cell=old, party_card_number="00012345")
    services.fact_record(
        member=member, kind="cell_transfer", day=date(2020, 8, 1), cell=cell, today=date(2026, 1, 1)
    )

    result = check(
        *sheet(person(**{"Số thẻ đảng viên": "00012345", "Ngày chuyển đến": "01/03/2021"}))
    )

    assert errors(result) == [
        (
            2,
            "Ngày chuyển đến",
            "01/03/2021",
            "Chuyển sinh hoạt giữa các chi bộ ngày 01/08/2020: sự kiện đầu tiên phải là kết nạp "
            "hoặc chuyển sinh hoạt đến.",
        )
    ]


def test_reimporting_a_transferred_member_changes_nothing(run_import):
    row = person(**{"Ngày chính thức": "19/05/1991", "Ngày chuyển đến": "01/03/2026"})
    run_import(*sheet(row))

    again = run_import(*sheet(row))

    assert [r.action for r in again.rows] == ["unchanged"]
    assert MembershipEvent.objects.count() == 1


# --- cells that ended ------------------------------------------------------------------------------


def test_a_row_naming_a_merged_cell_is_an_error(check):
    old, new = CellFactory(name="Chi bộ Cũ"), CellFactory(name="Chi bộ Mới")
    services.cell_merge(cell=old, into=new, day=date(2025, 7, 1), today=date(2026, 1, 1))

    result = check(*sheet(person(cell="chi bộ cũ")))

    assert errors(result) == [
        (
            2,
            "Chi bộ",
            "chi bộ cũ",
            "Chi bộ Cũ đã sáp nhập vào Chi bộ Mới từ ngày 01/07/2025. Ghi chi bộ đảng viên đang "
            "sinh hoạt.",
        )
    ]


# --- badges of every rule version ------------------------------------------------------------------


def test_badges_of_any_rule_version_are_accepted_and_a_refusal_names_the_versions(check):
    BadgeRules.objects.create(
        valid_from=date(2026, 5, 19),
        milestones="30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95",
        legal_basis="Hướng dẫn 01-HD/TW ngày 19/05/2026",
    )

    result = check(
        *sheet(
            person(admitted="01/01/1980", **{"Huy hiệu đã nhận": "30; 35"}),
            person("Lê Ân", admitted="01/01/1980", **{"Huy hiệu đã nhận": "30, 33"}),
        )
    )

    assert errors(result) == [
        (
            3,
            "Huy hiệu đã nhận",
            "30, 33",
            "“33” không phải mốc Huy hiệu của quy định nào: "
            "30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90 (từ 28/09/2021); "
            "30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95 (từ 19/05/2026).",
        )
    ]
    assert result.rows[0].values["badges"] == [30, 35]


# --- fixed number of queries, whatever the number of rows ----------------------------------------


@pytest.mark.parametrize("rows", [1, 30])
def test_checking_a_file_takes_the_same_queries_for_any_number_of_rows(
    check, django_assert_num_queries, rows
):
    cell = CellFactory(name="Chi bộ Hội Vật lý")
    for number in range(3):
        make_member(cell=cell, full_name=f"Đã Có {number}", party_card_number=f"{number:08d}")
    content = sheet(
        *(
            person(f"Người {n}", **{"Số thẻ đảng viên": f"{n % 3 if n < 3 else n:08d}"})
            for n in range(rows)
        )
    )

    # the rules (milestones), the register's identities, the matched members with their four
    # kinds of facts, the cells
    with django_assert_num_queries(8):
        check(*content)


@pytest.mark.parametrize("new_cells", [1, 12])
def test_committing_new_cells_takes_the_same_queries_for_any_number_of_them(
    check, django_assert_num_queries, new_cells
):
    from ceremonies.milestones import known_milestones  # noqa: PLC0415 -- read before counting
    from members.imports import commit_import  # noqa: PLC0415 -- as the other imports here

    result = check(*sheet(*(person(f"Người {n}", cell=f"Chi bộ Số {n}") for n in range(12))))
    result.new_cells = result.new_cells[:new_cells]  # the others already exist
    for name in [f"Chi bộ Số {n}" for n in range(new_cells, 12)]:
        CellFactory(name=name)
    milestones = known_milestones()

    # the transaction's savepoint and its release, the live cells, the committee, the new cells
    # and their history, the members and theirs, the badge rules and the members' stored next
    # milestones (read, written), the events and theirs, the register's version; on SQLite its
    # cache size read, set and given back
    with django_assert_num_queries(17 if connection.vendor == "sqlite" else 14):
        commit_import(result, milestones=milestones)

    assert Organisation.objects.filter(kind="cell").count() == 12
