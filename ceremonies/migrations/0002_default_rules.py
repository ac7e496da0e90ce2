"""The defaults of DOMAIN.md §1–§2 (HD 01-HD/TW 2021 mục 18; QĐ 24-QĐ/TW 2021)."""

from datetime import date

from django.db import migrations


def seed_rules(apps, schema_editor):
    BadgeRules = apps.get_model("ceremonies", "BadgeRules")
    if not BadgeRules.objects.exists():
        BadgeRules.objects.create(
            valid_from=date(2021, 9, 28),
            legal_basis=(
                "Hướng dẫn 01-HD/TW ngày 28/9/2021, mục 18 (mốc, tặng sớm, truy tặng sớm); "
                "Quy định 24-QĐ/TW (thời gian hoãn xét sau kỷ luật). Cần đối chiếu với "
                "Quy định 294-QĐ/TW, Hướng dẫn 06-HD/TW năm 2025."
            ),
        )


class Migration(migrations.Migration):
    dependencies = [("ceremonies", "0001_initial")]

    operations = [migrations.RunPython(seed_rules, migrations.RunPython.noop)]
