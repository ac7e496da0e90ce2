"""The first user's committee names as written in running text."""

from django.db import migrations


def fill(apps, schema_editor):
    CommitteeProfile = apps.get_model("vusta_party", "CommitteeProfile")
    CommitteeProfile.objects.filter(
        committee_name="ĐẢNG ỦY LIÊN HIỆP CÁC HỘI KH&KT VIỆT NAM", committee_text=""
    ).update(
        committee_text="Đảng ủy Liên hiệp các Hội KH&KT Việt Nam",
        higher_committee_text="Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương",
    )


class Migration(migrations.Migration):
    dependencies = [("vusta_party", "0004_names_in_text")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
