"""Fill each member's first possible round date (Member.candidate_from), which the badge app keeps
in step from now on with the other stored badge dates (ceremonies/milestones.py)."""

from django.db import migrations

from ceremonies.eligibility import RuleSet, RuleVersions, candidate_from
from members.enums import DisciplineForm

BATCH = 1000


def fill(apps, schema_editor):
    BadgeRules = apps.get_model("ceremonies", "BadgeRules")
    Member = apps.get_model("members", "Member")
    versions = RuleVersions(
        tuple(
            (
                rules.valid_from,
                RuleSet(
                    milestones=tuple(int(m) for m in rules.milestones.replace(";", ",").split(",")),
                    early_months_low=rules.early_months_low,
                    early_months_high=rules.early_months_high,
                    early_split=rules.early_split,
                    posthumous_early_months=rules.posthumous_early_months,
                    discipline_delay_months={
                        DisciplineForm.REPRIMAND: rules.reprimand_delay_months,
                        DisciplineForm.WARNING: rules.warning_delay_months,
                        DisciplineForm.REMOVAL: rules.removal_delay_months,
                    },
                ),
            )
            for rules in BadgeRules.objects.order_by("valid_from")
        )
    )
    fields = (
        "party_age_start",
        "interrupted_days",
        "highest_badge",
        "official_date",
        "status",
        "death_date",
        "seriously_ill",
    )
    stale = []
    for member in list(Member.objects.only(*fields)):
        member.candidate_from = candidate_from(
            start=member.party_age_start,
            interrupted_days=member.interrupted_days,
            held=member.highest_badge,
            official_date=member.official_date,
            status=member.status,
            death_date=member.death_date,
            seriously_ill=member.seriously_ill,
            versions=versions,
        )
        if member.candidate_from is not None:
            stale.append(member)
        if len(stale) >= BATCH:
            Member.objects.bulk_update(stale, ["candidate_from"])
            stale = []
    Member.objects.bulk_update(stale, ["candidate_from"])


class Migration(migrations.Migration):
    dependencies = [
        ("ceremonies", "0008_one_live_round_per_date"),
        ("members", "0018_issue20_candidate_from"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
