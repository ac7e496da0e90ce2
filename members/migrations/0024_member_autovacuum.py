"""PostgreSQL: vacuum the members' table after 1 % of its rows changed, not the default 20 %.

The whole-register badge questions read their columns from an index alone (member_badge_read),
which needs the table's visibility map. A rule change rewrites the stored badge dates of many
members at once: on a register of 1,000,000, 16 % of the rows, below the default threshold, so
autovacuum never came and every later read fetched each row from the table (the upcoming page's
two range reads: 41 and 97 ms became 354 and 334 ms). Nothing to do on SQLite."""

from django.db import migrations

TABLE_OPTIONS = (
    "autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000, "
    "autovacuum_analyze_scale_factor = 0.02"
)


def tune(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE members_member SET ({TABLE_OPTIONS})")


def untune(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE members_member RESET (autovacuum_vacuum_scale_factor, "
            "autovacuum_vacuum_threshold, autovacuum_analyze_scale_factor)"
        )


class Migration(migrations.Migration):
    dependencies = [("members", "0023_member_list_page_index")]

    operations = [migrations.RunPython(tune, untune)]
