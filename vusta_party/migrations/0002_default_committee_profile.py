"""Seed the committee profile of the first user (Đảng bộ Liên hiệp các Hội KH&KT Việt Nam).

Staff correct it on the "Thông tin cấp ủy" page; the signer's name is left for them to enter.
"""

from datetime import date

from django.db import migrations


def seed_profile(apps, schema_editor):
    CommitteeProfile = apps.get_model("vusta_party", "CommitteeProfile")
    if CommitteeProfile.objects.exists():
        return
    CommitteeProfile.objects.create(
        valid_from=date(2025, 2, 10),
        higher_committee_name="ĐẢNG BỘ MẶT TRẬN TỔ QUỐC, CÁC ĐOÀN THỂ TRUNG ƯƠNG",
        committee_name="ĐẢNG ỦY LIÊN HIỆP CÁC HỘI KH&KT VIỆT NAM",
        place_name="Hà Nội",
        document_symbol="ĐU",
        term_name="2025–2030",
        term_start=date(2025, 7, 22),
        signer_authority="T/M ĐẢNG ỦY",
        signer_title="BÍ THƯ",
        signer_name="",
    )


class Migration(migrations.Migration):
    dependencies = [("vusta_party", "0001_initial")]

    operations = [migrations.RunPython(seed_profile, migrations.RunPython.noop)]
