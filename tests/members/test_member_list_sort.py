"""The member list sorts by a whitelisted column (stable, kept across pages and in the export),
shows page numbers and a page size, in a fixed number of queries."""

from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from members.models import Member
from members.queries import ListPages
from tests.factories import CellFactory, make_member
from tests.spreadsheets import table
from vusta_party.pages import sort_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def register():
    a, b = CellFactory(name="Chi bộ A"), CellFactory(name="Chi bộ B")
    make_member(cell=b, full_name="Nguyễn Văn An", admission_date=date(1990, 5, 19))
    make_member(cell=a, full_name="Trần Thị Bình", admission_date=date(1985, 2, 3))
    make_member(cell=a, full_name="Lê Văn Cường", admission_date=date(1990, 5, 19))
    return a, b


def names(response) -> list[str]:
    return [row["member"].full_name for row in response.context["table"]]


def test_the_list_sorts_by_a_whitelisted_column_with_ties_in_name_order(office_client, register):
    url = reverse("members:member_list")

    by_name = office_client.get(url)
    by_admission = office_client.get(url, {"sort": "vao-dang"})
    latest_first = office_client.get(url, {"sort": "-vao-dang"})
    by_cell = office_client.get(url, {"sort": "chi-bo"})
    refused = office_client.get(url, {"sort": "password"})

    assert names(by_name) == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]
    assert names(by_admission) == ["Trần Thị Bình", "Nguyễn Văn An", "Lê Văn Cường"]
    assert names(latest_first) == ["Lê Văn Cường", "Nguyễn Văn An", "Trần Thị Bình"]
    assert names(by_cell) == ["Trần Thị Bình", "Lê Văn Cường", "Nguyễn Văn An"]
    assert names(refused) == names(by_name)
    html = by_admission.content.decode()
    assert 'href="?sort=-vao-dang" aria-sort="ascending">Ngày vào Đảng ▲</a>' in html


def test_the_sort_and_filters_are_kept_across_pages_and_in_the_export(office_client, register):
    cell = register[0]
    for n in range(30):
        make_member(
            cell=cell,
            full_name=f"Phạm Văn {n:02d}",
            admission_date=date(2000, 1, 1 + n % 28),
            official_date=date(2001, 1, 1 + n % 28),
        )
    url = reverse("members:member_list")

    first = office_client.get(url, {"sort": "-vao-dang", "per": "25", "cell": cell.pk})
    second = office_client.get(url, {"sort": "-vao-dang", "per": "25", "cell": cell.pk, "page": 2})
    export = office_client.get(url, {"sort": "-vao-dang", "cell": cell.pk, "format": "xlsx"})

    html = first.content.decode()
    assert first.context["page"].numbers == [1, 2]
    assert f'href="?sort=-vao-dang&amp;per=25&amp;cell={cell.pk}&amp;page=2">2</a>' in html
    assert '<strong aria-current="true">25</strong>' in html
    assert len(names(first)) == 25
    _header, rows = table(export.content)
    assert [row[1] for row in rows] == names(first) + names(second)
    # The cell's oldest admissions come last: Cường (1990), then Bình (1985).
    assert names(second)[-2:] == ["Lê Văn Cường", "Trần Thị Bình"]


def test_an_unknown_page_size_falls_back_to_fifty(office_client, register):
    page = office_client.get(reverse("members:member_list"), {"per": "100000"}).context["page"]

    assert (page.size, page.paginator.per_page) == (50, 50)


def test_a_sort_is_stable_and_whitelisted():
    from django.http import QueryDict  # noqa: PLC0415

    columns = {"ten": ("name_sort",), "vao-dang": ("admission_date", "name_sort")}

    assert sort_of(QueryDict("sort=-vao-dang"), columns, "ten").order == (
        "-admission_date",
        "-name_sort",
        "-id",
    )
    assert sort_of(QueryDict("sort=id"), columns, "ten").order == ("name_sort", "id")
    assert sort_of(QueryDict(""), columns, "ten").param == "ten"


@pytest.mark.parametrize("count", [1, 3])
def test_a_sorted_page_takes_the_same_queries(office_client, count, django_assert_num_queries):
    cell = CellFactory()
    for n in range(count):
        make_member(cell=cell, full_name=f"Vũ Văn {'ABC'[n]}")

    # session, user, count, the page's ids, their rows, committee profile, cells of the filter
    # form (one, as values): as unsorted
    with django_assert_num_queries(7):
        office_client.get(reverse("members:member_list"), {"sort": "chi-bo", "per": "25"})


def test_a_page_of_the_list_is_read_by_its_ids_in_the_list_order(
    register, django_assert_num_queries
):
    cell = CellFactory(name="Chi bộ C")
    for name in ("Vũ Văn An", "Vũ Văn Bảo", "Vũ Văn Cảnh"):
        make_member(cell=cell, full_name=name)
    queryset = Member.objects.in_name_order()
    pages = ListPages(queryset)

    assert len(pages) == 6
    assert [m.full_name for m in pages[1:4]] == [m.full_name for m in queryset[1:4]]
    assert [m.full_name for m in pages[1:4]] == ["Vũ Văn An", "Vũ Văn Bảo", "Trần Thị Bình"]
    last = pages[5]
    assert last.full_name == "Lê Văn Cường"
    with django_assert_num_queries(0):  # the cell is read with the page
        assert last.cell.name == "Chi bộ A"
    with pytest.raises(IndexError):
        pages[6]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plan")
def test_the_ids_of_a_page_in_name_order_come_from_the_index_alone(register):
    queryset = Member.objects.on_rolls().in_name_order()
    sql, params = queryset.values_list("pk", flat=True)[100:150].query.sql_with_params()

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())

    assert "USING COVERING INDEX member_list_name" in plan
    assert "TEMP B-TREE" not in plan  # no sort: the index holds the order
