"""The one owner of every milestone question (DOMAIN.md §1, §2): which milestones exist, each
member's next milestone, who reaches one within a span, and (ceremonies.queries) who is a
candidate. Each answer takes the rule version in force on the date it is about.

Each member's stored badge dates are where the whole-register questions start: the lowest
milestone of any version above their badges with its due date (`Member.next_milestone`,
`next_milestone_due`), and the first round date at which they can be a candidate
(`Member.candidate_from`, indexed; eligibility.candidate_from). This module keeps them in step, in
the same transaction as the facts they depend on (members.signals.party_age_changed), and for the
whole register when a rule version changes (and `manage.py refresh_badge_dates`)."""

from collections import namedtuple
from collections.abc import Iterable, Iterator
from itertools import islice

from django.db import connection

from ceremonies.eligibility import (
    RuleVersions,
    candidate_from,
    first_due_above,
    reached_and_coming,
)
from ceremonies.models import BadgeRules, parse_milestones, rule_versions
from members.milestones import KnownMilestones
from members.models import BADGE_DATE_FIELDS, Member
from vusta_party.rows import plain_rows

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


STORED = BADGE_DATE_FIELDS
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
        batches = _chunks(_read())
    else:
        batches = (_read(ids) for ids in _chunks(iter(sorted(set(member_ids)))))
    changed = 0
    for rows in batches:
        stale = []
        for row in rows:
            values = badge_dates(row, versions)
            if values != (row.next_milestone, row.next_milestone_due, row.candidate_from):
                stale.append((*values, row.id))
        if stale and not dry_run:
            _write(stale)
        changed += len(stale)
    return changed


Row = namedtuple("Row", FIELDS)


def _read(ids: list[int] | None = None) -> Iterator[Row]:
    """The members' FIELDS, by primary key, as plain rows (vusta_party.rows): the whole
    register is read after a rule change, and Django's conversion of each value would cost more
    than the rules do."""
    members = Member.objects.order_by("id")
    if ids is not None:
        members = members.filter(id__in=ids)
    return plain_rows(members, FIELDS, Row._make)


def _write(stale: list[tuple]) -> None:
    """One UPDATE by primary key per changed member, sent as one batch (`bulk_update` builds a
    CASE expression per row and field, which takes seconds per thousand rows)."""
    table = connection.ops.quote_name(Member._meta.db_table)
    columns = ", ".join(
        f"{connection.ops.quote_name(Member._meta.get_field(name).column)} = %s" for name in STORED
    )
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {table} SET {columns} WHERE id = %s", stale)


def _chunks(items: Iterator) -> Iterator[list]:
    while chunk := list(islice(items, BATCH)):
        yield chunk


def on_party_age_changed(sender, member_ids=None, **kwargs) -> None:
    refresh_badge_dates(member_ids)


def on_rules_changed(sender, **kwargs) -> None:
    if kwargs.get("raw"):  # loaddata (restore): the stored values come with the rows
        return
    refresh_badge_dates()
