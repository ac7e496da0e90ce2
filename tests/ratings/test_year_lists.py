"""The year page's lists: the members not yet rated (sortable, in pages, exported in the same
sort) and the cells (by Vietnamese name, sortable, exported), in a fixed number of queries."""

from datetime import date, datetime

import pytest
from django.urls import reverse

from members import services as register
from ratings.models import CellRating, MemberRating, RatingYear
from tests.factories import CellFactory, make_member
from tests.spreadsheets import table

pytestmark = pytest.mark.django_db
YEAR = 2025


@pytest.fixture
def register_2025():
    """Two cells; rated: Bình; not to rate: an exempt member and one admitted late."""
    vat_ly, dien_luc = (
        CellFactory(name="Chi bộ Hội Vật lý"),
        CellFactory(name="Chi bộ Hội Điện lực"),
    )
    year = RatingYear.objects.create(year=YEAR, late_admission_from=date(2025, 7, 1))
    make_member(cell=vat_ly, full_name="Trần Văn Cường", admission_date=date(1990, 5, 19))
    make_member(
        cell=dien_luc,
        full_name="Đỗ Thị Dung",
        admission_date=date(1985, 2, 3),
        official_date=date(1986, 2, 3),
    )
    make_member(
        cell=vat_ly,
        full_name="Nguyễn Văn An",
        admission_date=date(2001, 9, 2),
        official_date=date(2002, 9, 2),
    )
    rated = make_member(cell=dien_luc, full_name="Lê Thị Bình")
    MemberRating.objects.create(year=year, member=rated, cell=dien_luc, level="HTTNV")
    exempt = make_member(cell=vat_ly, full_name="Phạm Văn Em")
    register.fact_record(member=exempt, kind="exempted", day=date(2020, 2, 1))
    make_member(
        cell=vat_ly,
        full_name="Vũ Văn Giang",
        admission_date=date(2025, 8, 1),
        official_date=None,
    )
    CellRating.objects.create(year=year, cell=dien_luc, level="HTXSNV", exemplary=True)
    return vat_ly, dien_luc


def day(*parts) -> datetime:
    return datetime(*parts)  # noqa: DTZ001 -- an Excel date cell has no time zone


def names(response) -> list[str]:
    return [member.full_name for member in response.context["page"].object_list]


def test_the_unrated_list_sorts_by_a_whitelisted_column(office_client, register_2025):
    url = reverse("ratings:unrated", args=[YEAR])

    by_name = office_client.get(url)
    by_admission = office_client.get(url, {"sort": "vao-dang"})
    latest_first = office_client.get(url, {"sort": "-vao-dang"})
    by_cell = office_client.get(url, {"sort": "chi-bo"})
    by_cell_down = office_client.get(url, {"sort": "-chi-bo"})

    assert names(by_name) == ["Nguyễn Văn An", "Trần Văn Cường", "Đỗ Thị Dung"]
    assert names(by_admission) == ["Đỗ Thị Dung", "Trần Văn Cường", "Nguyễn Văn An"]
    assert names(latest_first) == ["Nguyễn Văn An", "Trần Văn Cường", "Đỗ Thị Dung"]
    # Điện lực before Vật lý (folded Vietnamese order), names within a cell.
    assert names(by_cell) == ["Đỗ Thị Dung", "Nguyễn Văn An", "Trần Văn Cường"]
    assert names(by_cell_down) == ["Trần Văn Cường", "Nguyễn Văn An", "Đỗ Thị Dung"]
    html = by_admission.content.decode()
    assert 'href="?sort=-vao-dang" aria-sort="ascending">Ngày vào Đảng ▲</a>' in html
    assert "3 đảng viên chưa xếp loại" in html


def test_the_unrated_list_is_exported_in_its_sort_and_the_year_page_links_it(
    office_client, register_2025
):
    url = reverse("ratings:unrated", args=[YEAR])

    export = office_client.get(url, {"sort": "-vao-dang", "per": "25", "format": "xlsx"})
    year_page = office_client.get(reverse("ratings:rating_year", args=[YEAR]))

    assert export["Content-Disposition"] == 'attachment; filename="chua-xep-loai-2025.xlsx"'
    header, rows = table(export.content)
    assert header == ("STT", "Họ và tên", "Chi bộ", "Ngày vào Đảng", "Ngày chính thức")
    assert rows == [
        (1, "Nguyễn Văn An", "Chi bộ Hội Vật lý", day(2001, 9, 2), day(2002, 9, 2)),
        (2, "Trần Văn Cường", "Chi bộ Hội Vật lý", day(1990, 5, 19), day(1991, 5, 19)),
        (3, "Đỗ Thị Dung", "Chi bộ Hội Điện lực", day(1985, 2, 3), day(1986, 2, 3)),
    ]
    html = year_page.content.decode()
    assert f'href="/xep-loai/{YEAR}/chua-xep-loai/" class="app-unrated-link">3 đảng viên' in html
    assert (
        "Chưa xếp loại (3):</strong> Nguyễn Văn An (Chi bộ Hội Vật lý); Trần Văn Cường (Chi bộ Hội"
        " Vật lý); Đỗ Thị Dung (Chi bộ Hội Điện lực)"
    ) in html


def test_the_unrated_list_pages_keep_the_sort(office_client, register_2025):
    vat_ly = register_2025[0]
    for n in range(30):
        make_member(
            cell=vat_ly,
            full_name=f"Hoàng Văn {n:02d}",
            admission_date=date(2000, 1, 1),
            official_date=date(2001, 1, 1),
        )
    url = reverse("ratings:unrated", args=[YEAR])

    first = office_client.get(url, {"sort": "-vao-dang", "per": "25"})
    second = office_client.get(url, {"sort": "-vao-dang", "per": "25", "page": "2"})

    assert first.context["page"].numbers == [1, 2]
    assert 'href="?sort=-vao-dang&amp;per=25&amp;page=2">2</a>' in first.content.decode()
    assert len(names(first)) == 25
    assert names(second)[-2:] == ["Trần Văn Cường", "Đỗ Thị Dung"]


def test_an_export_needs_the_export_permission(client, register_2025):
    from tests.factories import UserFactory  # noqa: PLC0415

    client.force_login(UserFactory(username="xem"))

    response = client.get(reverse("ratings:unrated", args=[YEAR]), {"format": "xlsx"})

    assert response.status_code == 403


@pytest.mark.parametrize("count", [1, 4])
def test_the_unrated_page_takes_the_same_queries(office_client, count, django_assert_num_queries):
    cell = CellFactory()
    RatingYear.objects.create(year=YEAR, late_admission_from=date(2025, 7, 1))
    for n in range(count):
        make_member(cell=cell, full_name=f"Vũ Văn {'ABCD'[n]}")

    # session, user, rating year, members with their cells, committee profile
    with django_assert_num_queries(5):
        response = office_client.get(reverse("ratings:unrated", args=[YEAR]), {"sort": "chi-bo"})
    assert len(names(response)) == count


def test_the_year_cells_sort_and_export(office_client, register_2025):
    url = reverse("ratings:rating_year", args=[YEAR])
    CellFactory(name="Chi bộ Hội Âm nhạc")

    by_name = office_client.get(url)
    by_size = office_client.get(url, {"sort": "-dang-vien"})
    export = office_client.get(url, {"sort": "-dang-vien", "format": "xlsx"})

    assert [row.cell.name for row in by_name.context["rows"]] == [
        "Chi bộ Hội Âm nhạc",
        "Chi bộ Hội Điện lực",
        "Chi bộ Hội Vật lý",
    ]
    assert [(row.cell.name, row.to_rate) for row in by_size.context["rows"]] == [
        ("Chi bộ Hội Vật lý", 4),
        ("Chi bộ Hội Điện lực", 2),
        ("Chi bộ Hội Âm nhạc", 0),
    ]
    header, rows = table(export.content)
    assert header == (
        "STT",
        "Chi bộ",
        "Đảng viên",
        "Đã xếp loại",
        "Chi bộ tự xếp loại",
        "Tiêu biểu",
    )
    assert rows == [
        (1, "Chi bộ Hội Vật lý", 4, 0, None, None),
        (2, "Chi bộ Hội Điện lực", 2, 1, "HTXSNV", "x"),
        (3, "Chi bộ Hội Âm nhạc", 0, 0, None, None),
    ]
