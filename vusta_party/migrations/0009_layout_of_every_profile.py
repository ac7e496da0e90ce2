"""The two layout profiles of DOMAIN.md §6, and HD 36-HD/VPTW for every committee profile so far
(the office chooses HD 05-HD/VPTW from the day it is confirmed)."""

from django.db import migrations, models

LAYOUTS = [
    {
        "code": "hd36-2018",
        "name": "Hướng dẫn 36-HD/VPTW (03/4/2018)",
        "legal_basis": "Hướng dẫn 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng",
        "verified": True,
        "margin_top": 25,
        "margin_bottom": 25,
        "margin_left": 35,
        "margin_right": 15,
        "subject_prefix": "V/v",
        "recipients_underlined": True,
        "signer_title_bold": True,
    },
    {
        "code": "hd05-2026",
        "name": "Hướng dẫn 05-HD/VPTW (27/5/2026)",
        "legal_basis": (
            "Hướng dẫn 05-HD/VPTW ngày 27/5/2026 của Văn phòng Trung ương Đảng, theo các nguồn "
            "thứ cấp: cần đối chiếu văn bản gốc"
        ),
        "verified": False,
        "margin_top": 20,
        "margin_bottom": 20,
        "margin_left": 30,
        "margin_right": 15,
        "subject_prefix": "Về việc",
        "recipients_underlined": True,
        "signer_title_bold": False,
    },
]


def seed(apps, schema_editor):
    DocumentLayout = apps.get_model("vusta_party", "DocumentLayout")
    for values in LAYOUTS:
        DocumentLayout.objects.get_or_create(code=values["code"], defaults=values)
    hd36 = DocumentLayout.objects.get(code="hd36-2018")
    apps.get_model("vusta_party", "CommitteeProfile").objects.filter(layout=None).update(
        layout=hd36
    )


class Migration(migrations.Migration):
    dependencies = [("vusta_party", "0008_document_layouts")]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="committeeprofile",
            name="layout",
            field=models.ForeignKey(
                help_text="Văn bản ghi ngày từ ngày áp dụng trở đi in theo thể thức này.",
                on_delete=models.deletion.PROTECT,
                related_name="+",
                to="vusta_party.documentlayout",
                verbose_name="Thể thức văn bản",
            ),
        ),
    ]
