"""A badge number is on one live badge (DOMAIN.md §3), kept by the database."""

from django.db import migrations, models
from django.db.models import Count


def refuse_repeated_badge_numbers(apps, schema_editor):
    Badge = apps.get_model("members", "Badge")
    numbers = (
        Badge.objects.exclude(badge_number="")
        .values("badge_number")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .order_by("badge_number")
    )
    if numbers:
        raise RuntimeError(
            "Có số Huy hiệu ghi cho nhiều Huy hiệu ("
            + ", ".join(row["badge_number"] for row in numbers[:20])
            + "): hãy sửa các số trùng bằng phiên bản cũ, rồi cập nhật lại."
        )


class Migration(migrations.Migration):
    dependencies = [("members", "0012_next_milestone")]

    operations = [
        migrations.RunPython(refuse_repeated_badge_numbers, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="badge",
            constraint=models.UniqueConstraint(
                condition=models.Q(("badge_number", ""), _negated=True),
                fields=("badge_number",),
                name="badge_number_on_one_badge",
            ),
        ),
    ]
