"""PostgreSQL vacuums the members' table early (members/migrations/0024): the badge questions'
index-only reads need its visibility map soon after a rule change rewrites many rows."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's table options")
def test_the_members_table_is_vacuumed_after_one_percent_of_its_rows_change():
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = 'members_member'")
        (options,) = cursor.fetchone()

    assert sorted(options) == [
        "autovacuum_analyze_scale_factor=0.02",
        "autovacuum_vacuum_scale_factor=0.01",
        "autovacuum_vacuum_threshold=1000",
    ]
