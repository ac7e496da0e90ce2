"""The one owner of every milestone question (DOMAIN.md §1, §2): which milestones exist, each
member's next milestone, who reaches one within a span, and (ceremonies.queries) who is a
candidate. Each answer takes the rule version in force on the date it is about.

Each member's stored badge dates are where the whole-register questions start: the lowest
milestone of any version above their badges with its due date (`Member.next_milestone`,
`next_milestone_due`), and the first round date at which they can be a candidate
(`Member.candidate_from`, indexed; eligibility.candidate_from). This module keeps them in step, in
the same transaction as the facts they depend on (members.signals.party_age_changed), and for the
whole register when a rule version changes (and `manage.py refresh_badge_dates`)."""

from collections.abc import Iterable, Iterator
from itertools import islice

from ceremonies.eligibility import (
    RuleVersions,
    candidate_from,
    first_due_above,
    reached_and_coming,
)
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


STORED = ("next_milestone", "next_milestone_due", "candidate_from")
FIELDS = (
    "id",
    "party_age_start",
    "interrupted_days",
    "highest_badge",
    "official_date",
    "status",
    "death_date",
    "seriously_ill",
    *STORED,
)


def badge_dates(row, versions: RuleVersions) -> tuple:
    """The STORED values of a row of FIELDS (or a member)."""
    milestone, due = first_due_above(
        start=row.party_age_start,
        interrupted_days=row.interrupted_days,
        held=row.highest_badge,
        versions=versions,
    ) or (None, None)
    opens = candidate_from(
        start=row.party_age_start,
        interrupted_days=row.interrupted_days,
        held=row.highest_badge,
        official_date=row.official_date,
        status=row.status,
        death_date=row.death_date,
        seriously_ill=row.seriously_ill,
        versions=versions,
    )
    return milestone, due, opens


def member_milestones(member: Member, *, on, versions: RuleVersions | None = None):
    """(reached, coming) of an official member on the rolls on `on`: the highest milestone reached
    and not received, and the next to come, each (milestone, due date) or None."""
    if not (member.is_official and member.on_rolls):
        return None, None
    return reached_and_coming(
        start=member.party_age_start,
        interrupted_days=member.interrupted_days,
        held=member.highest_badge,
        on=on,
        versions=versions or rule_versions(),
    )


def refresh_badge_dates(member_ids: Iterable[int] | None = None, *, dry_run: bool = False) -> int:
    """Recompute the stored badge dates of these members (all when None): one query for the
    rules, then per batch of members one read and one write of those that changed. Returns how
    many changed (with `dry_run`, would change: nothing is written)."""
    versions = rule_versions()
    if member_ids is None:
        batches = _chunks(
            Member.objects.order_by("pk").values_list(*FIELDS, named=True).iterator(BATCH)
        )
    else:
        batches = (
            Member.objects.filter(pk__in=ids).values_list(*FIELDS, named=True)
            for ids in _chunks(iter(sorted(set(member_ids))))
        )
    changed = 0
    for rows in batches:
        stale = []
        for row in rows:
            values = badge_dates(row, versions)
            if values != tuple(getattr(row, name) for name in STORED):
                stale.append(Member(pk=row.id, **dict(zip(STORED, values, strict=True))))
        if stale and not dry_run:
            Member.objects.bulk_update(stale, STORED, batch_size=BATCH)
        changed += len(stale)
    return changed


def _chunks(items: Iterator) -> Iterator[list]:
    while chunk := list(islice(items, BATCH)):
        yield chunk


def on_party_age_changed(sender, member_ids=None, **kwargs) -> None:
    refresh_badge_dates(member_ids)


def on_rules_changed(sender, **kwargs) -> None:
    if kwargs.get("raw"):  # loaddata (restore): the stored values come with the rows
        return
    refresh_badge_dates()
