"""On PostgreSQL the member search has a trigram index (migration 0009); SQLite scans."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_the_search_text_has_a_trigram_index_on_postgresql():
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, "members_member")

    if connection.vendor == "postgresql":
        assert indexes["member_search_trgm"]["columns"] == ["search_text"]
        assert indexes["member_search_trgm"]["type"] == "gin"
    else:
        assert "member_search_trgm" not in indexes
