"""One live round a day (DOMAIN.md §3), kept by the database so that two staff creating the same
round at once get one round and a clear message."""

from django.db import migrations, models
from django.db.models import Count


def refuse_two_live_rounds_a_day(apps, schema_editor):
    Round = apps.get_model("ceremonies", "Round")
    days = (
        Round.objects.exclude(state="cancelled")
        .values("date")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .order_by("date")
    )
    if days:
        raise RuntimeError(
            "Có nhiều đợt tặng chưa hủy trong cùng một ngày ("
            + ", ".join(f"{row['date']:%d/%m/%Y}" for row in days)
            + "): hãy hủy các đợt thừa bằng phiên bản cũ, rồi cập nhật lại."
        )


class Migration(migrations.Migration):
    dependencies = [("ceremonies", "0007_base_salary_2026")]

    operations = [
        migrations.RunPython(refuse_two_live_rounds_a_day, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="round",
            constraint=models.UniqueConstraint(
                condition=models.Q(("state", "cancelled"), _negated=True),
                fields=("date",),
                name="one_live_round_per_date",
            ),
        ),
    ]
