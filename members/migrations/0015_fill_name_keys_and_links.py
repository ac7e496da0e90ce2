"""The data of 0012: every organisation's name key (a later one of two live cells with the same
name gets " (trùng tên N)" appended), and the rows a re-admission or an expulsion made linked to
their fact. Apart from the schema changes, as PostgreSQL wants."""

import unicodedata

from django.db import migrations


def _key(name: str) -> str:
    # vusta_party.text.name_key as of this migration (a migration keeps its own copy).
    spaced = " ".join(name.split())
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", spaced).casefold())


def fill_name_keys(apps, schema_editor):
    Organisation = apps.get_model("members", "Organisation")
    seen = set()
    for organisation in Organisation.objects.order_by("id"):
        name = unicodedata.normalize("NFC", " ".join(organisation.name.split()))
        key = _key(name)
        live = organisation.ended_on is None
        number = 1
        while live and (organisation.kind, key) in seen:
            number += 1
            suffixed = f"{name} (trùng tên {number})"
            key = _key(suffixed)
        if number > 1:
            name = f"{name} (trùng tên {number})"
        if live:
            seen.add((organisation.kind, key))
        organisation.name, organisation.name_key = name, key
        organisation.save(update_fields=["name", "name_key"])


def link_made_rows(apps, schema_editor):
    """The interruptions written by a re-admission, and the expulsions' facts, point at the
    fact that made them (matched as the services wrote them: same member, same day)."""
    Interruption = apps.get_model("members", "Interruption")
    Discipline = apps.get_model("members", "Discipline")
    MembershipEvent = apps.get_model("members", "MembershipEvent")
    readmissions = {
        (member_id, day): pk
        for pk, member_id, day in MembershipEvent.objects.filter(kind="readmitted").values_list(
            "pk", "member_id", "date"
        )
    }
    for interruption in Interruption.objects.filter(note="Ghi tự động khi kết nạp lại."):
        pk = readmissions.get((interruption.member_id, interruption.end))
        if pk is not None:
            interruption.readmission_id = pk
            interruption.save(update_fields=["readmission"])
    expulsions = {
        (member_id, day): pk
        for pk, member_id, day in MembershipEvent.objects.filter(
            kind="expelled", note="Theo quyết định kỷ luật khai trừ."
        ).values_list("pk", "member_id", "date")
    }
    for discipline in Discipline.objects.filter(form="expulsion"):
        pk = expulsions.pop((discipline.member_id, discipline.decision_date), None)
        if pk is not None:
            discipline.expulsion_event_id = pk
            discipline.save(update_fields=["expulsion_event"])


class Migration(migrations.Migration):
    dependencies = [("members", "0014_cells_as_dated_facts")]

    operations = [
        migrations.RunPython(fill_name_keys, migrations.RunPython.noop),
        migrations.RunPython(link_made_rows, migrations.RunPython.noop),
    ]
