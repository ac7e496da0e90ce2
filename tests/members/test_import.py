import datetime
import re
from datetime import date

import pytest
from django.db import connection

from ceremonies.milestones import known_milestones
from members.enums import Status
from members.imports import commit as commit_module
from members.imports import commit_import, plan_import
from members.models import Badge, Discipline, Interruption, Member, Organisation
from tests.factories import CellFactory, make_member
from tests.spreadsheets import HEADERS, csv_bytes, xlsx_bytes
from vusta_party.spreadsheets import SpreadsheetError

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 22)

GOOD_ROWS = [
    # An Excel date cell and text dates mixed, as real files have.
    [
        "Nguyễn Thị Ánh",
        datetime.datetime(1950, 2, 28),  # noqa: DTZ001 -- an Excel date cell has no time zone
        "Nữ",
        "Tày",
        "Cao Bằng",
        "001150000123",
        "Chi bộ Hội Vật lý",
        "29/02/1972",
        "01/03/1973",
        "00012345",
        None,
        "01/01/1980-01/07/1980",
        "30; 40",
        "Khiển trách 05/03/2010",
        "Ung thư giai đoạn cuối",
    ],
    [
        "Đặng Văn Dũng",
        "15/06/1945",
        "Nam",
        None,
        "Nghệ An",
        None,
        "Chi bộ Hội Vật lý",
        "19/05/1966",
        "19/05/1967",
        "00012346",
        "10/10/2024",
        None,
        "30; 40; 45; 50",
        None,
        None,
    ],
    [
        "Lê Ân",
        "01/01/2000",
        "Nam",
        None,
        "Hà Nội",
        "001200000999",
        "Chi bộ Mới Thành Lập",
        "01/10/2025",
        None,
        None,
        None,
        None,
        None,
        None,
        None,
    ],
]


def plan(content, name="danh-sach.xlsx"):
    return plan_import(name, content, milestones=known_milestones(), today=TODAY)


def commit(result):
    return commit_import(result, milestones=known_milestones(), today=TODAY)


def test_a_good_file_creates_members_with_every_column():
    existing = CellFactory(name="Chi bộ Hội Vật lý")

    result = plan(xlsx_bytes(GOOD_ROWS))
    counts = commit(result)

    assert (result.errors, result.new_cells) == ([], ["Chi bộ Mới Thành Lập"])
    assert counts == {"created": 3, "updated": 0, "unchanged": 0, "new_cells": 1}
    anh = Member.objects.get(full_name="Nguyễn Thị Ánh")
    assert (anh.sex, anh.ethnicity, anh.hometown, anh.cell) == ("F", "Tày", "Cao Bằng", existing)
    assert (anh.date_of_birth, anh.admission_date, anh.official_date) == (
        date(1950, 2, 28),
        date(1972, 2, 29),
        date(1973, 3, 1),
    )
    assert (anh.citizen_id, anh.party_card_number) == ("001150000123", "00012345")
    assert (anh.seriously_ill, anh.seriously_ill_reason) == (True, "Ung thư giai đoạn cuối")
    assert [(i.start, i.end) for i in anh.interruptions.all()] == [
        (date(1980, 1, 1), date(1980, 7, 1))
    ]
    assert anh.interrupted_days == 182
    assert sorted(anh.badges.values_list("milestone", flat=True)) == [30, 40]
    assert list(anh.disciplines.values_list("form", "decision_date")) == [
        ("reprimand", date(2010, 3, 5))
    ]
    dung = Member.objects.get(full_name="Đặng Văn Dũng")
    assert (dung.status, dung.death_date, dung.ethnicity) == (
        Status.DECEASED,
        date(2024, 10, 10),
        "Kinh",
    )
    an = Member.objects.get(full_name="Lê Ân")
    assert (an.official_date, an.cell.name, an.status) == (
        None,
        "Chi bộ Mới Thành Lập",
        Status.ACTIVE,
    )
    assert Organisation.objects.get(name="Chi bộ Mới Thành Lập").parent.kind == "committee"
    assert Member.history.count() == 3  # every imported member has its audit row
    assert (anh.version, anh.highest_badge, anh.search_text) == (
        1,
        40,
        "nguyen thi anh 00012345 001150000123",
    )


def test_reimporting_the_same_file_changes_nothing():
    content = xlsx_bytes(GOOD_ROWS)
    commit(plan(content))
    history_before = Member.history.count()
    counts_before = (
        Interruption.objects.count(),
        Badge.objects.count(),
        Discipline.objects.count(),
    )

    again = plan(content)
    counts = commit(again)

    assert [row.action for row in again.rows] == ["unchanged", "unchanged", "unchanged"]
    assert counts == {"created": 0, "updated": 0, "unchanged": 3, "new_cells": 0}
    assert Member.history.count() == history_before
    assert (
        Interruption.objects.count(),
        Badge.objects.count(),
        Discipline.objects.count(),
    ) == counts_before


def test_a_row_matching_a_card_number_updates_that_member():
    cell = CellFactory(name="Chi bộ Hội Vật lý")
    member = make_member(
        cell=cell,
        full_name="Nguyễn Thị Ánh",
        sex="F",
        party_card_number="00012345",
        admission_date=date(1972, 2, 29),
        official_date=date(1973, 3, 1),
        date_of_birth=date(1950, 2, 28),
        hometown="Hà Giang",
    )

    result = plan(xlsx_bytes(GOOD_ROWS[:1]))
    commit(result)

    assert result.rows[0].action == "update"
    assert result.rows[0].changes == [
        "Dân tộc",
        "Quê quán",
        "Số CCCD",
        "Thời gian gián đoạn",
        "Huy hiệu đã nhận",
        "Kỷ luật",
        "Bệnh nặng",
    ]
    member.refresh_from_db()
    assert (member.hometown, member.citizen_id, Member.objects.count()) == (
        "Cao Bằng",
        "001150000123",
        1,
    )


def test_csv_with_bom_and_semicolons_reads_the_same():
    CellFactory(name="Chi bộ Hội Vật lý")
    rows = [
        [v.strftime("%d/%m/%Y") if isinstance(v, datetime.datetime) else v for v in row]
        for row in GOOD_ROWS
    ]
    content = csv_bytes([[str(v).replace(";", " ;") if v else v for v in row] for row in rows])
    content_semicolon = (
        "\ufeff".encode()
        + "\r\n".join(
            [";".join(HEADERS)]
            + [
                ";".join("" if v is None else str(v).replace(";", ",") for v in row)
                for row in rows[2:]
            ]
        ).encode()
    )

    with_bom = plan(content, "danh-sach.csv")
    semicolons = plan(content_semicolon, "danh-sach.csv")

    assert with_bom.errors == []
    assert [r.action for r in with_bom.rows] == ["create"] * 3
    assert semicolons.errors == []
    assert [r.full_name for r in semicolons.rows] == ["Lê Ân"]


def test_bad_rows_are_all_reported_and_nothing_is_written():
    CellFactory(name="Chi bộ Hội Vật lý")
    rows = [
        GOOD_ROWS[0],
        [
            "",
            "01/01/1960",
            "Nam",
            None,
            None,
            "12345",
            "Chi bộ Hội Vật lý",
            "31/02/1990",
            None,
            None,
            None,
            None,
            None,
            None,
            None,
        ],
        [
            "Trần Văn Bình",
            "01/01/1990",
            "Nam",
            None,
            None,
            None,
            "",
            "01/01/2000",
            "01/01/1999",
            "00012345",
            None,
            None,
            "35",
            "Phê bình 01/01/2020",
            None,
        ],
        [
            "Phạm Thị Cúc",
            "01/01/1960",
            "Nữ",
            None,
            None,
            None,
            "Chi bộ Hội Vật lý",
            "01/01/1990",
            "01/01/1991",
            None,
            "01/01/1959",
            "01/01/1995-01/01/1994",
            None,
            None,
            None,
        ],
        [
            "Võ Văn Dư",
            "01/01/1960",
            "Người",
            None,
            None,
            None,
            "Chi bộ Hội Vật lý",
            "01/01/2030",
            None,
            None,
            None,
            None,
            None,
            None,
            None,
        ],
    ]

    result = plan(xlsx_bytes(rows))

    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (3, "Họ và tên", "Thiếu họ và tên."),
        (3, "Số CCCD", "Số CCCD gồm đúng 12 chữ số."),
        (3, "Ngày vào Đảng", "Ngày 31/02/1990 không có trên lịch."),
        (4, "Chi bộ", "Thiếu chi bộ."),
        (4, "Số thẻ đảng viên", "Trùng với dòng 2 trong tệp."),
        (
            4,
            "Huy hiệu đã nhận",
            "“35” không phải mốc Huy hiệu của quy định nào: "
            "30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90 (từ 28/09/2021).",
        ),
        (
            4,
            "Kỷ luật",
            "“Phê bình 01/01/2020” phải có dạng <hình thức> dd/mm/yyyy (Khiển trách, Cảnh cáo, Cách chức).",
        ),
        (5, "Thời gian gián đoạn", "“01/01/1995-01/01/1994”: ngày kết thúc phải sau ngày bắt đầu."),
        (6, "Giới tính", "Giới tính ghi Nam hoặc Nữ."),
    ]
    with pytest.raises(Exception, match="không nhập dòng nào"):
        commit(result)
    assert Member.objects.count() == 0


def test_rule_errors_of_a_row_name_the_rule():
    CellFactory(name="Chi bộ Hội Vật lý")
    rows = [
        [
            "Phạm Thị Cúc",
            "01/01/1960",
            "Nữ",
            None,
            None,
            None,
            "Chi bộ Hội Vật lý",
            "01/01/1990",
            "01/01/1991",
            None,
            "01/01/1959",
            None,
            None,
            None,
            None,
        ],
        [
            "Võ Văn Dư",
            "01/01/1980",
            "Nam",
            None,
            None,
            None,
            "Chi bộ Hội Vật lý",
            "01/01/1995",
            None,
            None,
            None,
            None,
            None,
            None,
            None,
        ],
        [
            "Võ Văn Em",
            "01/01/1960",
            "Nam",
            None,
            None,
            None,
            "Chi bộ Hội Vật lý",
            "01/01/1990",
            "01/01/1989",
            None,
            None,
            None,
            None,
            None,
            None,
        ],
        [
            "Lý Thị Gấm",
            "01/01/1960",
            None,
            None,
            None,
            None,
            "Chi bộ Hội Vật lý",
            "01/01/1990",
            None,
            None,
            None,
            None,
            None,
            None,
            None,
        ],
    ]

    result = plan(xlsx_bytes(rows))

    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (2, "Ngày từ trần", "Ngày từ trần trước ngày sinh."),
        (
            3,
            "Ngày vào Đảng",
            "Ngày vào Đảng (01/01/1995) khi chưa đủ 18 tuổi (sinh ngày 01/01/1980).",
        ),
        (4, "Ngày chính thức", "Ngày chính thức (01/01/1989) phải sau ngày vào Đảng (01/01/1990)."),
    ]
    # Giới tính is optional, for new members too (§8).
    assert (result.rows[3].full_name, result.rows[3].action) == ("Lý Thị Gấm", "create")


def test_a_file_without_a_required_header_is_refused():
    with pytest.raises(
        SpreadsheetError, match=re.escape("Thiếu cột bắt buộc: Chi bộ, Ngày vào Đảng.")
    ):
        plan(xlsx_bytes([["Nguyễn Văn An"]], headers=["Họ và tên"]))
    with pytest.raises(SpreadsheetError, match=re.escape("Chỉ nhận tệp .xlsx hoặc .csv.")):
        plan(b"x", "danh-sach.xls")
    with pytest.raises(SpreadsheetError, match="Không đọc được tệp Excel"):
        plan(b"not a zip", "danh-sach.xlsx")


def test_headers_match_without_diacritics_or_case():
    result = plan(
        xlsx_bytes(
            [["Lê Ân", "Nam", "Chi bộ A", "01/10/2025"]],
            headers=["HO VA TEN", "gioi tinh", "Chi Bo", "ngày vào đảng"],
        )
    )

    assert (result.errors, [r.action for r in result.rows]) == ([], ["create"])


@pytest.mark.skipif(connection.vendor != "sqlite", reason="a cache of SQLite's")
def test_the_commit_gives_sqlite_room_while_it_writes_then_gives_it_back(monkeypatch):
    CellFactory(name="Chi bộ Hội Vật lý")

    def cache_size():
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            return cursor.fetchone()[0]

    before, seen = cache_size(), []
    real = commit_module.bulk_create_with_history
    monkeypatch.setattr(
        commit_module,
        "bulk_create_with_history",
        lambda *args, **kwargs: seen.append(cache_size()) or real(*args, **kwargs),
    )

    commit(plan(xlsx_bytes(GOOD_ROWS)))

    assert (set(seen), cache_size()) == ({-commit_module.SQLITE_IMPORT_CACHE_KIB}, before)
