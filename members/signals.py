"""Signals the register sends to the apps built on it (DESIGN.md: a lower app that must tell a
higher one of a change calls a function the higher one registers; Django's signals are that)."""

from django.dispatch import Signal

# Sent inside the writing transaction with `member_ids` (a list, or None for the whole register)
# after anything a member's badge dates depend on changed: the start of party age, interruptions,
# the badges held, the official date, the status and death (the facts), the seriously-ill flag.
# The badge app, which owns the milestones, keeps each member's stored badge dates
# (Member.next_milestone, next_milestone_due, candidate_from) in step (ceremonies/apps.py).
party_age_changed = Signal()
