"""On SQLite, an FTS5 index with the trigram tokenizer over the member's search text, kept by
triggers (members/search_index.py), so a name search seeks as on PostgreSQL (migration 0009)."""

from django.db import migrations

from members import search_index


def create(apps, schema_editor):
    search_index.ensure(schema_editor.connection)


def drop(apps, schema_editor):
    search_index.drop(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("members", "0018_issue20_candidate_from")]

    operations = [migrations.RunPython(create, drop)]
