"""The one owner of every milestone question (DOMAIN.md §1, §2): which milestones exist, each
member's next milestone, who reaches one within a span, and (ceremonies.queries) who is a
candidate. Each answer takes the rule version in force on the date it is about.

The register shows a member's next milestone and filters by it without knowing the rules: this
module keeps `Member.next_milestone` and `Member.next_milestone_due` in step, in the same
transaction as the facts they depend on (members.signals.party_age_changed) and for the whole
register when a rule version changes."""

from collections.abc import Iterable, Iterator
from itertools import islice

from ceremonies.eligibility import RuleVersions, next_milestone
from ceremonies.models import BadgeRules, parse_milestones, rule_versions
from members.milestones import KnownMilestones
from members.models import Member

BATCH = 1000


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


def next_of(row, versions: RuleVersions) -> tuple[int | None, object]:
    """(next milestone, its due date) of a row with party_age_start, interrupted_days and
    highest_badge; (None, None) when no milestone is left above the badges held."""
    found = next_milestone(
        start=row.party_age_start,
        interrupted_days=row.interrupted_days,
        held=row.highest_badge,
        versions=versions,
    )
    return found or (None, None)


def refresh_next_milestones(member_ids: Iterable[int] | None = None) -> int:
    """Recompute the stored next milestone of these members (all when None): one query for the
    rules, then per batch of members one read and one write of those that changed. Returns how
    many changed."""
    versions = rule_versions()
    fields = (
        "id",
        "party_age_start",
        "interrupted_days",
        "highest_badge",
        "next_milestone",
        "next_milestone_due",
    )
    if member_ids is None:
        batches = _chunks(
            Member.objects.order_by("pk").values_list(*fields, named=True).iterator(BATCH)
        )
    else:
        batches = (
            Member.objects.filter(pk__in=ids).values_list(*fields, named=True)
            for ids in _chunks(iter(sorted(set(member_ids))))
        )
    changed = 0
    for rows in batches:
        stale = []
        for row in rows:
            milestone, due = next_of(row, versions)
            if (milestone, due) != (row.next_milestone, row.next_milestone_due):
                stale.append(Member(pk=row.id, next_milestone=milestone, next_milestone_due=due))
        Member.objects.bulk_update(
            stale, ["next_milestone", "next_milestone_due"], batch_size=BATCH
        )
        changed += len(stale)
    return changed


def _chunks(items: Iterator) -> Iterator[list]:
    while chunk := list(islice(items, BATCH)):
        yield chunk


def on_party_age_changed(sender, member_ids=None, **kwargs) -> None:
    refresh_next_milestones(member_ids)


def on_rules_changed(sender, **kwargs) -> None:
    if kwargs.get("raw"):  # loaddata (restore): the stored values come with the rows
        return
    refresh_next_milestones()
