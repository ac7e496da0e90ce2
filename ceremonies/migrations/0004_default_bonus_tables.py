"""Default bonus coefficients (HD 56-HD/VPTW, 27/10/2015, mục IV.2) and base salaries
(DOMAIN.md §3). The coefficients of 45, 85 and 90 years are unknown: left for staff to enter."""

from datetime import date
from decimal import Decimal

from django.db import migrations

COEFFICIENTS = {
    30: "1.5",
    40: "2",
    50: "3",
    55: "3.5",
    60: "5",
    65: "6",
    70: "8",
    75: "10",
    80: "15",
}
BASE_SALARIES = [
    (date(2019, 7, 1), 1_490_000, "Nghị định 38/2019/NĐ-CP"),
    (date(2023, 7, 1), 1_800_000, "Nghị định 24/2023/NĐ-CP"),
    (date(2024, 7, 1), 2_340_000, "Nghị định 73/2024/NĐ-CP"),
]


def seed(apps, schema_editor):
    BonusCoefficient = apps.get_model("ceremonies", "BonusCoefficient")
    BaseSalary = apps.get_model("ceremonies", "BaseSalary")
    if not BonusCoefficient.objects.exists():
        BonusCoefficient.objects.bulk_create(
            BonusCoefficient(
                milestone=milestone,
                valid_from=date(2015, 10, 27),
                coefficient=Decimal(value),
                legal_basis="Hướng dẫn 56-HD/VPTW ngày 27/10/2015, mục IV.2",
            )
            for milestone, value in COEFFICIENTS.items()
        )
    if not BaseSalary.objects.exists():
        BaseSalary.objects.bulk_create(
            BaseSalary(valid_from=day, amount=amount, legal_basis=basis)
            for day, amount, basis in BASE_SALARIES
        )


class Migration(migrations.Migration):
    dependencies = [("ceremonies", "0003_rounds")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
