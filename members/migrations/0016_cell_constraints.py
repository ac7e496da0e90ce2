"""A cell ends after it was founded, is merged only into another cell, and live names are unique
by their key (after 0013 filled the keys)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("members", "0015_fill_name_keys_and_links")]

    operations = [
        migrations.AddConstraint(
            model_name="organisation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("ended_on__isnull", True),
                    ("founded_on__isnull", True),
                    ("ended_on__gt", models.F("founded_on")),
                    _connector="OR",
                ),
                name="organisation_ended_after_founded",
            ),
        ),
        migrations.AddConstraint(
            model_name="organisation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("merged_into__isnull", True),
                    models.Q(
                        ("ended_on__isnull", False),
                        models.Q(("merged_into", models.F("id")), _negated=True),
                    ),
                    _connector="OR",
                ),
                name="organisation_merged_into_another_when_ended",
            ),
        ),
        migrations.AddConstraint(
            model_name="organisation",
            constraint=models.UniqueConstraint(
                condition=models.Q(("ended_on__isnull", True)),
                fields=("kind", "name_key"),
                name="organisation_live_name_unique",
            ),
        ),
    ]
