"""Cells as dated facts (a merger into another cell, or dissolution, ends a cell; live names are
unique whatever their case, spacing or Unicode form), facts that take what they made with them
when deleted, the check of an import kept with its batch, and sex optional (DOMAIN.md §5, §8).

A register made before may hold two live cells whose names differ only by case, spacing or
Unicode form (the import created them): the later one keeps its rows and gets " (trùng tên N)"
appended, so that the office can see it on the cell list and merge it into the other.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("members", "0013_badge_number_on_one_badge")]

    operations = [
        migrations.RemoveConstraint(
            model_name="organisation", name="organisation_dissolved_after_founded"
        ),
        migrations.RenameField(
            model_name="organisation", old_name="dissolved_on", new_name="ended_on"
        ),
        migrations.RenameField(
            model_name="historicalorganisation", old_name="dissolved_on", new_name="ended_on"
        ),
        migrations.AlterField(
            model_name="organisation",
            name="ended_on",
            field=models.DateField(
                blank=True,
                help_text="Từ ngày này chi bộ không còn: đã sáp nhập vào chi bộ khác, hoặc giải thể.",
                null=True,
                verbose_name="Ngày sáp nhập hoặc giải thể",
            ),
        ),
        migrations.AlterField(
            model_name="historicalorganisation",
            name="ended_on",
            field=models.DateField(
                blank=True,
                help_text="Từ ngày này chi bộ không còn: đã sáp nhập vào chi bộ khác, hoặc giải thể.",
                null=True,
                verbose_name="Ngày sáp nhập hoặc giải thể",
            ),
        ),
        migrations.AddField(
            model_name="organisation",
            name="merged_into",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="merged_cells",
                to="members.organisation",
                verbose_name="Sáp nhập vào",
            ),
        ),
        migrations.AddField(
            model_name="historicalorganisation",
            name="merged_into",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="members.organisation",
                verbose_name="Sáp nhập vào",
            ),
        ),
        migrations.AddField(
            model_name="organisation",
            name="name_key",
            field=models.CharField(default="", editable=False, max_length=400),
        ),
        migrations.AddField(
            model_name="discipline",
            name="expulsion_event",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="expulsion",
                to="members.membershipevent",
                verbose_name="Sự kiện khai trừ",
            ),
        ),
        migrations.AddField(
            model_name="historicaldiscipline",
            name="expulsion_event",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="members.membershipevent",
                verbose_name="Sự kiện khai trừ",
            ),
        ),
        migrations.AddField(
            model_name="interruption",
            name="readmission",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="readmission_interruption",
                to="members.membershipevent",
                verbose_name="Do kết nạp lại",
            ),
        ),
        migrations.AddField(
            model_name="historicalinterruption",
            name="readmission",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="members.membershipevent",
                verbose_name="Do kết nạp lại",
            ),
        ),
        migrations.AddField(
            model_name="importbatch",
            name="checked_version",
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name="importbatch",
            name="outcome",
            field=models.JSONField(blank=True, default=dict, verbose_name="Kết quả kiểm tra"),
        ),
        migrations.AlterField(
            model_name="historicalmember",
            name="sex",
            field=models.CharField(
                blank=True,
                choices=[("M", "Nam"), ("F", "Nữ")],
                max_length=1,
                verbose_name="Giới tính",
            ),
        ),
        migrations.AlterField(
            model_name="member",
            name="sex",
            field=models.CharField(
                blank=True,
                choices=[("M", "Nam"), ("F", "Nữ")],
                max_length=1,
                verbose_name="Giới tính",
            ),
        ),
    ]
