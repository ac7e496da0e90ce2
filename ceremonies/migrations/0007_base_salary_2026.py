"""The base salary of 2,530,000 đồng from 01/07/2026 (Nghị định 161/2026/NĐ-CP), known from
secondary sources only: shipped as not yet checked against the official text (DOMAIN.md §3)."""

from datetime import date

from django.db import migrations

VALID_FROM = date(2026, 7, 1)


def add(apps, schema_editor):
    BaseSalary = apps.get_model("ceremonies", "BaseSalary")
    BaseSalary.objects.get_or_create(
        valid_from=VALID_FROM,
        defaults={
            "amount": 2_530_000,
            "legal_basis": "Nghị định 161/2026/NĐ-CP ngày 15/5/2026 (theo các nguồn thứ cấp)",
            "verified": False,
        },
    )


def remove(apps, schema_editor):
    apps.get_model("ceremonies", "BaseSalary").objects.filter(
        valid_from=VALID_FROM, verified=False
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("ceremonies", "0006_base_salary_verified")]

    operations = [migrations.RunPython(add, remove)]
