"""Fill each member's next milestone (Member.next_milestone, next_milestone_due), which the badge
app keeps in step from now on (ceremonies/milestones.py)."""

from django.db import migrations

from ceremonies.eligibility import RuleSet, RuleVersions, next_milestone
from members.enums import DisciplineForm


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
    stale = []
    for member in Member.objects.only("party_age_start", "interrupted_days", "highest_badge"):
        found = next_milestone(
            start=member.party_age_start,
            interrupted_days=member.interrupted_days,
            held=member.highest_badge,
            versions=versions,
        )
        member.next_milestone, member.next_milestone_due = found or (None, None)
        stale.append(member)
    Member.objects.bulk_update(stale, ["next_milestone", "next_milestone_due"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("ceremonies", "0004_default_bonus_tables"), ("members", "0012_next_milestone")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
