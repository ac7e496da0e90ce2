"""Cache the start of party age (the staff override, else the admission date) on the member,
indexed with the highest badge held, for the badge pre-filter."""

from django.db import migrations, models
from django.db.models.functions import Coalesce


def fill(apps, schema_editor):
    Member = apps.get_model("members", "Member")
    Member.objects.update(party_age_start=Coalesce("party_age_start_override", "admission_date"))


class Migration(migrations.Migration):
    dependencies = [("members", "0004_member_highest_badge")]

    operations = [
        migrations.AddField(
            model_name="member",
            name="party_age_start",
            field=models.DateField(null=True, editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="member",
            name="party_age_start",
            field=models.DateField(
                editable=False,
                help_text="Ngày tính tuổi Đảng xác nhận riêng nếu có, nếu không là ngày vào Đảng.",
                verbose_name="Ngày bắt đầu tính tuổi Đảng",
            ),
        ),
        migrations.AddIndex(
            model_name="member",
            index=models.Index(
                fields=["highest_badge", "party_age_start"], name="member_badge_start"
            ),
        ),
    ]
