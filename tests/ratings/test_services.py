from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from members import services
from ratings import queries as rating_queries
from ratings import services as ratings
from ratings.models import CellRating, MemberRating, RatingYear
from tests.factories import CellFactory, make_member
from tests.spreadsheets import xlsx_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def cell_with_members():
    cell = CellFactory(name="Chi bộ A")
    an = make_member(cell=cell, full_name="Nguyễn Văn An")
    binh = make_member(cell=cell, full_name="Trần Thị Bình", sex="F")
    late = make_member(
        cell=cell,
        full_name="Lê Văn Cường",
        admission_date=date(2025, 9, 1),
        official_date=None,
        date_of_birth=date(2000, 1, 1),
    )
    exempt = make_member(cell=cell, full_name="Phạm Văn Dũng")
    services.fact_record(member=exempt, kind="exempted", day=date(2024, 1, 1))
    return cell, an, binh, late, exempt


def test_the_grid_lists_members_and_says_who_is_not_rated(cell_with_members):
    cell, *_ = cell_with_members
    year = ratings.rating_year(2025)

    rows = rating_queries.grid(year=year, cell=cell)

    assert [(r.member.full_name, r.not_rated) for r in rows] == [
        ("Nguyễn Văn An", None),
        ("Trần Thị Bình", None),
        ("Lê Văn Cường", "Kết nạp ngày 01/09/2025, chưa đủ thời gian để xếp loại năm 2025."),
        ("Phạm Văn Dũng", "Miễn công tác và sinh hoạt đảng: không xếp loại."),
    ]


def test_saving_a_grid_is_one_transaction(cell_with_members):
    cell, an, binh, late, _exempt = cell_with_members
    year = ratings.rating_year(2025)

    with pytest.raises(ValidationError, match="chưa đủ thời gian để xếp loại"):
        ratings.ratings_save(
            year=year, cell=cell, levels={an.pk: ("HTXSNV", 92), late.pk: ("HTTNV", None)}
        )
    assert MemberRating.objects.count() == 0
    ratings.ratings_save(
        year=year,
        cell=cell,
        levels={an.pk: ("HTXSNV", 92), binh.pk: ("HTTNV", None)},
        cell_level="HTTNV",
    )

    assert sorted(MemberRating.objects.values_list("member__full_name", "level", "score")) == [
        ("Nguyễn Văn An", "HTXSNV", 92),
        ("Trần Thị Bình", "HTTNV", None),
    ]
    assert CellRating.objects.get().level == "HTTNV"


def test_locking_needs_every_rating_then_warns_then_freezes(cell_with_members, office_user):
    cell, an, binh, *_ = cell_with_members
    year = ratings.rating_year(2025)
    ratings.ratings_save(year=year, cell=cell, levels={an.pk: ("HTXSNV", None)})

    with pytest.raises(ValidationError, match="Còn 1 đảng viên chưa được xếp loại"):
        ratings.year_lock(year=year, user=office_user)
    ratings.ratings_save(year=year, cell=cell, levels={binh.pk: ("HTNV", None)})
    checks = rating_queries.year_checks(year)
    assert checks.quota == [
        "Chi bộ A: 1 HTXSNV, vượt tỉ lệ cho phép 0 (tối đa theo tỉ lệ trên 0 HTTNV)."
    ]
    with pytest.raises(ValidationError, match="hãy xem và xác nhận"):
        ratings.year_lock(year=year, user=office_user)
    ratings.year_lock(year=year, user=office_user, accept_warnings=True)

    assert RatingYear.objects.get(year=2025).locked
    with pytest.raises(ValidationError, match="đã khóa: không thể sửa"):
        ratings.ratings_save(year=year, cell=cell, levels={an.pk: ("HTTNV", None)})


def test_a_member_disciplined_in_the_year_rated_above_khtnv_is_flagged(cell_with_members):
    cell, an, *_ = cell_with_members
    services.discipline_record(member=an, form="reprimand", decision_date=date(2025, 4, 1))
    year = ratings.rating_year(2025)
    ratings.ratings_save(year=year, cell=cell, levels={an.pk: ("HTTNV", None)})

    assert rating_queries.year_checks(year).disciplined == [
        "Nguyễn Văn An: bị kỷ luật trong năm nhưng xếp loại HTTNV (thường là KHTNV)."
    ]


def test_the_quota_can_be_switched_off(cell_with_members):
    cell, an, *_ = cell_with_members
    year = ratings.rating_year(2025)
    RatingYear.objects.filter(pk=year.pk).update(quota_enabled=False)
    ratings.ratings_save(year=year, cell=cell, levels={an.pk: ("HTXSNV", None)})

    assert rating_queries.year_checks(RatingYear.objects.get(pk=year.pk)).quota == []


def test_five_locked_excellent_years_make_a_commendation_proposal(cell_with_members, office_user):
    cell, an, binh, *_ = cell_with_members
    for y in range(2021, 2026):
        year = ratings.rating_year(y)
        ratings.ratings_save(
            year=year,
            cell=cell,
            levels={an.pk: ("HTXSNV", None), binh.pk: ("HTXSNV" if y != 2023 else "HTTNV", None)},
            cell_level="HTXSNV",
        )
        if y != 2022:  # HTXSNV every year, tiêu biểu in all but 2022
            ratings.exemplary_cells_save(year=year, cell_ids={cell.pk}, cap=None)
        RatingYear.objects.filter(pk=year.pk).update(locked=True)

    members, cells = rating_queries.streaks(office_user, up_to=2025, threshold=5)
    fewer_members, fewer_cells = rating_queries.streaks(office_user, up_to=2025, threshold=2)

    assert [(c.name, c.years) for c in members] == [("Nguyễn Văn An", 5)]
    assert [(c.name, c.years) for c in fewer_members] == [
        ("Nguyễn Văn An", 5),
        ("Trần Thị Bình", 2),
    ]
    # A cell's streak counts its tiêu biểu years (2023–2025), not its HTXSNV years (five).
    assert cells == []
    assert [(c.name, c.years) for c in fewer_cells] == [("Chi bộ A", 3)]


def test_a_cell_secretary_sees_the_commendations_of_their_cells_only(
    client, make_user, cell_with_members
):
    """Issue 16, finding 8: proposals are scoped by the register's scoping, not by cell names."""
    cell, an, *_ = cell_with_members
    other = CellFactory(name="Chi bộ B")
    giang = make_member(cell=other, full_name="Hồ Văn Giang")
    for y in range(2021, 2026):
        year = ratings.rating_year(y)
        ratings.ratings_save(
            year=year, cell=cell, levels={an.pk: ("HTXSNV", None)}, cell_level="HTXSNV"
        )
        ratings.ratings_save(
            year=year, cell=other, levels={giang.pk: ("HTXSNV", None)}, cell_level="HTXSNV"
        )
        ratings.exemplary_cells_save(year=year, cell_ids={cell.pk, other.pk}, cap=None)
        RatingYear.objects.filter(pk=year.pk).update(locked=True)
    client.force_login(make_user("secretary", cells=[cell]))

    page = client.get(reverse("ratings:commendations", args=[2025]))

    assert [(c.name, c.cell) for c in page.context["members"]] == [("Nguyễn Văn An", "Chi bộ A")]
    assert [c.name for c in page.context["cells"]] == ["Chi bộ A"]


def test_a_cell_secretary_rates_only_their_cell(client, make_user, cell_with_members):
    cell, an, *_ = cell_with_members
    other = CellFactory(name="Chi bộ B")
    client.force_login(make_user("secretary", cells=[cell]))

    saved = client.post(
        reverse("ratings:rating_grid", args=[2025, cell.pk]),
        {f"m{an.pk}-level": "HTTNV"},
        follow=True,
    )
    foreign = client.get(reverse("ratings:rating_grid", args=[2025, other.pk]))
    lock = client.post(reverse("ratings:rating_lock", args=[2025]))

    assert "Đã lưu xếp loại 1 đảng viên của Chi bộ A." in saved.content.decode()
    assert (foreign.status_code, lock.status_code) == (404, 403)


def test_ratings_show_on_the_member_page(office_client, cell_with_members):
    cell, an, *_ = cell_with_members
    ratings.ratings_save(year=ratings.rating_year(2025), cell=cell, levels={an.pk: ("HTXSNV", 95)})
    panel = reverse("ratings:member_panel", args=[an.pk])

    page = office_client.get(reverse("members:member_detail", args=[an.pk])).content.decode()
    html = office_client.get(panel).content.decode()

    assert f'data-include="{panel}"' in page
    assert "Năm 2025</td><td>Hoàn thành xuất sắc nhiệm vụ (HTXSNV), 95 điểm" in html


def _sheet(rows):
    return xlsx_bytes(
        rows,
        headers=["Năm", "Số thẻ đảng viên", "Họ và tên", "Chi bộ", "Xếp loại", "Điểm", "Tiêu biểu"],
    )


def test_past_ratings_import_and_count_toward_streaks(cell_with_members, office_user):
    _cell, an, _binh, *_ = cell_with_members
    services.member_update(
        member=an, values={"party_card_number": "00000001"}, expected_version=an.version
    )
    rows = [[y, "00000001", "Nguyễn Văn An", None, "HTXSNV", 90, None] for y in range(2020, 2025)]
    rows += [[y, None, None, "Chi bộ A", "htxsnv", None, "x"] for y in range(2020, 2025)]

    counts = ratings.ratings_import(
        "xep-loai.xlsx", _sheet(rows), lock_years=True, user=office_user
    )

    assert counts == {"members": 5, "cells": 5, "years": 5}
    members, cells = rating_queries.streaks(office_user, up_to=2024, threshold=5)
    assert [(c.name, c.years) for c in members] == [("Nguyễn Văn An", 5)]
    assert [(c.name, c.years) for c in cells] == [("Chi bộ A", 5)]
    assert list(CellRating.objects.values_list("exemplary", flat=True).distinct()) == [True]


def test_a_ratings_file_with_bad_rows_imports_nothing(cell_with_members):
    rows = [
        [2024, "99999999", "Không có", None, "HTXSNV", None, None],
        [2024, None, None, "Chi bộ Z", "HTTNV", None, None],
        [1899, None, None, "Chi bộ A", "HTTNV", None, None],
        [2024, None, None, "Chi bộ A", "TOT", 120, None],
        [2024, None, None, "Chi bộ A", "HTTNV", None, "x"],
        [2023, None, None, "Chi bộ A", "HTXSNV", None, "chưa rõ"],
    ]

    with pytest.raises(ValidationError) as error:
        ratings.ratings_import("xep-loai.xlsx", _sheet(rows), lock_years=True)

    assert error.value.messages == [
        "Dòng 2, cột Số thẻ đảng viên: Không tìm thấy đảng viên.",
        "Dòng 3, cột Chi bộ: Không có chi bộ “Chi bộ Z”.",
        "Dòng 4, cột Năm: Năm không hợp lệ.",
        "Dòng 5, cột Xếp loại: Ghi một trong: HTXSNV, HTTNV, HTNV, KHTNV.",
        "Dòng 5, cột Điểm: Điểm là số từ 0 đến 100.",
        "Dòng 6, cột Tiêu biểu: Chỉ chi bộ xếp loại HTXSNV mới là tiêu biểu.",
        "Dòng 7, cột Tiêu biểu: Ghi “x” nếu chi bộ được công nhận tiêu biểu, để trống nếu không.",
    ]
    assert (
        MemberRating.objects.count(),
        CellRating.objects.count(),
        RatingYear.objects.count(),
    ) == (0, 0, 0)
