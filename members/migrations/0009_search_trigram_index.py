"""On PostgreSQL, a trigram index on the member's search text, so a name search ("%tran%") seeks
instead of reading the whole register. SQLite has no such index and keeps its scan."""

import logging

from django.db import DatabaseError, migrations, transaction

logger = logging.getLogger(__name__)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DatabaseError:
        # pg_trgm is a trusted extension from PostgreSQL 13; an older server or a role without
        # CREATE on the database cannot add it. Search still works, by scanning.
        logger.warning("pg_trgm unavailable: the member search will scan the register.")
        return
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS member_search_trgm "
        "ON members_member USING gin (search_text gin_trgm_ops)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS member_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("members", "0008_register_version")]

    operations = [migrations.RunPython(create_index, drop_index)]
