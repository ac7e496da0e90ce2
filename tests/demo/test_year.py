"""The demo register's last full year reads like the seeds (issue 19)."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from ceremonies.models import Proposal, Round
from members.models import Badge
from ratings.commendations.queries import lines_of
from ratings.models import CellRating, Commendation, MemberRating, RatingYear
from ratings.queries import streaks

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("seed_demo", "--today", "2026-11-22")


def test_the_rounds_of_the_year_are_held_through_the_app(demo):
    held = list(Round.objects.order_by("date"))

    # The four rounds of 2025 and those of 2026 up to six months before 22/11/2026; documents
    # numbered in the order of their dates (the proposal for the streaks took number 5 on 06/01).
    assert [(r.date, r.state, r.submission_number) for r in held] == [
        (date(2025, 2, 3), "held", 1),
        (date(2025, 5, 19), "held", 2),
        (date(2025, 9, 2), "held", 3),
        (date(2025, 11, 7), "held", 4),
        (date(2026, 2, 3), "held", 6),
        (date(2026, 5, 19), "held", 7),
    ]
    for round_ in held:
        lines = list(round_.proposals.filter(included=True))
        assert lines, round_
        assert all(line.badge_number and line.presented_on == round_.date for line in lines)
        # Each award is the member's badge, with the bonus of the decision's date.
        salary = 2_340_000 if round_.decision_date < date(2026, 7, 1) else 2_530_000
        for line in lines:
            assert line.bonus == int(line.coefficient * salary), line
            assert Badge.objects.filter(
                member=line.member, milestone=line.milestone, decision_date=round_.decision_date
            ).exists()
    left_out = Proposal.objects.filter(included=False)
    assert left_out.exists()
    assert not left_out.filter(note="").exists()


def test_six_years_are_rated_and_only_excellent_cells_are_tieu_bieu(demo):
    years = list(RatingYear.objects.order_by("year").values_list("year", "locked"))

    assert years == [(y, True) for y in range(2020, 2026)]
    assert not CellRating.objects.filter(exemplary=True).exclude(level="HTXSNV").exists()
    assert CellRating.objects.filter(year__year=2025, exemplary=True).exists()
    excellent = MemberRating.objects.filter(year__year=2025, level="HTXSNV").count()
    rated = MemberRating.objects.filter(year__year=2025).count()
    assert 0.05 < excellent / rated < 0.2


def test_the_year_ends_with_its_decision_and_its_streak_proposal_decided(demo):
    own = Commendation.objects.get(level="own")
    proposal = Commendation.objects.get(level="higher")
    year = RatingYear.objects.get(year=2025)
    members, cells = streaks(None, up_to=2025, threshold=5)

    assert (own.state, own.number, own.dated, own.form) == (
        "issued",
        1,
        date(2026, 1, 5),
        "giay_khen",
    )
    assert {(line.cell_id, line.member_id) for line in lines_of(own)} == {
        *((r.cell_id, None) for r in CellRating.objects.filter(year=year, exemplary=True)),
        *((None, r.member_id) for r in MemberRating.objects.filter(year=year, level="HTXSNV")),
    }
    assert (proposal.state, proposal.number, proposal.dated, proposal.decision_date) == (
        "decided",
        5,
        date(2026, 1, 6),
        date(2026, 3, 10),
    )
    assert {(line.cell_id, line.member_id) for line in lines_of(proposal)} == {
        *((s.cell_id, None) for s in cells),
        *((None, s.member_id) for s in members),
    }
    assert cells
    assert members


def test_early_in_january_the_commendations_are_still_drafts():
    call_command("seed_demo", "--members", "200", "--cells", "10", "--today", "2026-01-04")

    assert sorted(Commendation.objects.values_list("level", "state")) == [
        ("higher", "draft"),
        ("own", "draft"),
    ]
    assert RatingYear.objects.get(year=2025).locked
    assert Decimal(0) not in set(Proposal.objects.values_list("coefficient", flat=True))
