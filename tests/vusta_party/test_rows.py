"""Plain rows read straight from the cursor: the same values as Django's own, on both databases."""

from datetime import date

import pytest
from django.db import connection

from ceremonies.queries import FIELDS, possible_members
from members.models import Member
from tests.factories import CellFactory, make_member
from vusta_party.rows import plain_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def members():
    cell = CellFactory(name="Chi bộ A")
    make_member(
        cell=cell,
        full_name="Trần Thị Bình",
        sex="F",
        admission_date=date(1996, 2, 29),
        official_date=date(1997, 2, 28),
    )
    make_member(
        cell=cell, full_name="Lê Văn Cường", admission_date=date(2025, 3, 1), official_date=None
    )
    return cell


def test_plain_rows_equal_what_django_reads(members):
    queryset = Member.objects.filter(cell=members).order_by("id")
    fields = ("id", "full_name", "admission_date", "official_date", "seriously_ill", "cell_id")

    rows = list(plain_rows(queryset, fields))

    assert rows == list(queryset.values_list(*fields))
    assert [(row[1], row[2], row[3], row[4]) for row in rows] == [
        ("Trần Thị Bình", date(1996, 2, 29), date(1997, 2, 28), False),
        ("Lê Văn Cường", date(2025, 3, 1), None, False),
    ]
    assert all(type(row[4]) is bool and type(row[2]) is date for row in rows)


def test_plain_rows_keep_the_filter_and_the_order_of_the_queryset(members):
    queryset = Member.objects.filter(official_date__isnull=False).order_by("-id")

    assert list(plain_rows(queryset, ("full_name",))) == [("Trần Thị Bình",)]


def test_plain_rows_of_an_empty_queryset_are_none(members):
    assert list(plain_rows(Member.objects.none(), ("full_name",))) == []
    assert list(plain_rows(Member.objects.filter(pk__in=[]), ("full_name",))) == []


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plan")
def test_the_badge_read_comes_from_the_index_alone(members):
    queryset = possible_members(Member.objects.all(), on=date(2027, 2, 3)).values_list(*FIELDS)
    sql, params = queryset.query.sql_with_params()

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())

    assert "USING COVERING INDEX member_badge_read" in plan
