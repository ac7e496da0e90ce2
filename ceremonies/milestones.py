"""The one owner of every milestone question (DOMAIN.md §1, §2): which milestones exist, the next
one and the highest reached of a member, who reaches one within a span, who is a candidate. Each
answer reads the rule version in force on the date it is about (ceremonies.models.rules_on)."""

from ceremonies.models import BadgeRules, parse_milestones
from members.milestones import KnownMilestones


def known_milestones() -> KnownMilestones:
    """Every milestone of every rule version (one query): what a badge held may be."""
    versions = list(
        BadgeRules.objects.order_by("valid_from").values_list("valid_from", "milestones")
    )
    values: set[int] = set()
    parts = []
    for valid_from, text in versions:
        milestones = parse_milestones(text)
        values.update(milestones)
        parts.append(f"{', '.join(map(str, milestones))} (từ {valid_from:%d/%m/%Y})")
    return KnownMilestones(frozenset(values), "; ".join(parts))
