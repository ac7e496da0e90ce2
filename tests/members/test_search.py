"""The member search (DOMAIN.md §7) finds the same members on SQLite (an FTS5 trigram index kept by
triggers, members/search_index.py) and on PostgreSQL (a trigram GIN index): this file runs on both."""

import pytest
from django.db import connection

from members import search_index
from members.models import Member
from tests.factories import CellFactory, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def register():
    cell = CellFactory(name="Chi bộ A")
    for name, card in (
        ("Nguyễn Thị Ánh", "01234567"),
        ("Nguyễn Văn An", None),
        ("Đặng Văn Dũng", "00998877"),
        ("Trần Đăng Khoa", None),
        ("Lê Thị Hà", None),
        ('Phạm "Út" Văn Tư', None),
    ):
        make_member(cell=cell, full_name=name, party_card_number=card)
    return cell


def found(query, **options):
    return list(
        Member.objects.search(query, **options).order_by("pk").values_list("full_name", flat=True)
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nguyen thi anh", ["Nguyễn Thị Ánh"]),
        ("NGUYỄN", ["Nguyễn Thị Ánh", "Nguyễn Văn An"]),
        ("dang", ["Đặng Văn Dũng", "Trần Đăng Khoa"]),
        # short: LIKE only
        (
            "an",
            [
                "Nguyễn Thị Ánh",
                "Nguyễn Văn An",
                "Đặng Văn Dũng",
                "Trần Đăng Khoa",
                'Phạm "Út" Văn Tư',
            ],
        ),
        # one long word, one short: each word anywhere
        ("van an", ["Nguyễn Văn An", "Đặng Văn Dũng", 'Phạm "Út" Văn Tư']),
        ("guy", ["Nguyễn Thị Ánh", "Nguyễn Văn An"]),  # inside a word
        ("thi ha", ["Lê Thị Hà"]),
        ("234", ["Nguyễn Thị Ánh"]),  # inside a card number
        ('"ut"', ['Phạm "Út" Văn Tư']),  # a quote in the query is text, not syntax
        ("khoa nguyen", []),
        ("xyz", []),
    ],
)
def test_the_same_members_on_every_database(register, query, expected):
    assert found(query) == expected


def test_a_word_of_digits_without_cccd_matches_the_card_number_only(register):
    assert found("0099", by_citizen_id=False) == ["Đặng Văn Dũng"]


def test_sqlite_reads_the_trigram_index():
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL uses its trigram GIN index (migration members 0009)")
    assert search_index.available("default")
    sql = str(Member.objects.search("nguyen thi a").query)
    assert f"FROM {search_index.TABLE} WHERE {search_index.TABLE} MATCH" in sql


def test_the_index_follows_renames_deletions_and_bulk_writes(register):
    member = Member.objects.get(full_name="Lê Thị Hà")
    member.full_name = "Lê Thị Hằng"
    member.save()
    Member.objects.filter(full_name="Trần Đăng Khoa").delete()
    new = Member(
        full_name="Võ Thị Hạnh",
        sex="F",
        admission_date=member.admission_date,
        official_date=member.official_date,
        cell=register,
    )
    new.fill_derived_fields()
    Member.objects.bulk_create([new])

    assert found("hang") == ["Lê Thị Hằng"]
    assert found("thi ha") == ["Lê Thị Hằng", "Võ Thị Hạnh"]  # "ha" inside "hang", "hanh"
    assert found("hanh") == ["Võ Thị Hạnh"]
    assert found("dang") == ["Đặng Văn Dũng"]


def test_after_a_migration_rebuilt_the_member_table_the_index_is_put_back(register):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only: its table rebuilds drop the triggers")
    with connection.cursor() as cursor:  # what dropping the old member table does to them
        for name in search_index.TRIGGERS:
            cursor.execute(f"DROP TRIGGER {name}")
    Member.objects.filter(full_name="Lê Thị Hà").update(search_text="le thi quyen")

    search_index.on_post_migrate(sender=None)  # as after every `migrate`
    Member.objects.filter(full_name="Nguyễn Văn An").update(search_text="nguyen van binh")

    assert found("quyen") == ["Lê Thị Hà"]  # the rebuild read the table as it was
    assert found("binh") == ["Nguyễn Văn An"]  # and the triggers are back


def test_without_the_index_the_search_scans_and_finds_the_same(register):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    search_index.drop(connection)  # as when its migration is reversed
    try:
        search_index.on_post_migrate(sender=None)  # does not bring it back

        assert not search_index.available("default")
        assert "MATCH" not in str(Member.objects.search("nguyen thi a").query)
        assert found("nguyen thi anh") == ["Nguyễn Thị Ánh"]
    finally:
        search_index._available.clear()  # the test's transaction puts the table back
