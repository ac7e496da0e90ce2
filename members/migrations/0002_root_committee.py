"""The root of the organisation tree: the committee this installation serves."""

from django.db import migrations


def create_root(apps, schema_editor):
    Organisation = apps.get_model("members", "Organisation")
    if not Organisation.objects.filter(parent__isnull=True, kind="committee").exists():
        Organisation.objects.create(
            kind="committee",
            name="Đảng bộ Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam",
            name_sort="dang bo lien hiep cac hoi khoa hoc va ky thuat viet nam",
        )


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]

    operations = [migrations.RunPython(create_root, migrations.RunPython.noop)]
