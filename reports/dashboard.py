"""What the office sees first: the next round, milestones coming, probation due, the last report."""

from datetime import date

from ceremonies.models import rules_on
from ceremonies.queries import NextRound, next_round, outlook, proposed_in_open_rounds
from members.access import cells_for, members_for, sees_whole_register
from members.enums import ON_ROLLS
from members.party_age import add_months
from members.queries import probation_filter
from reports.models import IssuedReport

LIST_LENGTH = 8
COMING_MONTHS = 3


def dashboard_data(user, today: date) -> dict:
    """Every sign-in lands here: the badge figures read a range of the stored first possible
    round dates (Member.candidate_from), not the whole register."""
    figures = _register_figures(user, today)
    whole = sees_whole_register(user)
    last_report = (
        IssuedReport.objects.select_related("issued_by").defer("pdf", "docx", "data").first()
        if whole
        else None
    )
    return {**figures, "last_report": last_report, "sees_issued": whole}


def _register_figures(user, today: date) -> dict:
    members = members_for(user)
    # The next round's candidates, and who reaches a milestone in the next three months by the
    # same answer as the upcoming page (open rounds and disciplines applied), by due date.
    proposed = proposed_in_open_rounds()
    coming_round = next_round(members, today=today, proposed=proposed, listed=LIST_LENGTH)
    until = add_months(today, COMING_MONTHS)
    upcoming = outlook(members, today=today, until=until, rules=rules_on(until), proposed=proposed)
    coming = upcoming.due
    probation = (
        members.filter(probation_filter("due", on=today)).select_related("cell").in_name_order()
    )
    return {
        "today": today,
        "on_rolls": members.filter(status__in=ON_ROLLS).count(),
        "cell_count": cells_for(user).live().count(),
        "next_round": coming_round.round,
        "round_date": coming_round.day,
        "round_candidates": coming_round.candidates,
        "round_count": coming_round.count,
        "eligible_explanation": NextRound.EXPLANATION,
        "coming": coming[:LIST_LENGTH],
        "coming_count": len(coming),
        "probation": list(probation[:LIST_LENGTH]),
        "probation_count": probation.count(),
    }
