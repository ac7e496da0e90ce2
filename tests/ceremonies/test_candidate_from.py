"""The stored first possible round date (eligibility.candidate_from): no later than the first date
on which `evaluate()` finds a milestone, under every version a date can take. Pure: no database."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ceremonies.eligibility import MemberFacts, RuleSet, RuleVersions, candidate_from, evaluate
from members.enums import Status

DEFAULT = RuleSet()
# The guidance of 19/05/2026 with 35 and 95, and an office's correction with longer early limits.
VERSIONS = RuleVersions(
    (
        (date(2021, 9, 28), DEFAULT),
        (
            date(2026, 5, 19),
            RuleSet(milestones=(30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95)),
        ),
        (
            date(2030, 1, 1),
            RuleSet(early_months_low=18, early_months_high=30, posthumous_early_months=15),
        ),
    )
)
ONLY_DEFAULT = RuleVersions(((date(2021, 9, 28), DEFAULT),))


def opens(versions=ONLY_DEFAULT, **facts):
    values = {
        "start": date(1996, 5, 14),
        "interrupted_days": 0,
        "held": 0,
        "official_date": date(1997, 5, 14),
        "status": Status.ACTIVE,
        "death_date": None,
        "seriously_ill": False,
    } | facts
    return candidate_from(versions=versions, **values)


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        ({}, date(2026, 5, 14)),  # the due date of 30 years
        ({"held": 30}, date(2036, 5, 14)),  # of 40 years
        ({"interrupted_days": 10}, date(2026, 5, 24)),
        ({"seriously_ill": True}, date(2025, 5, 14)),  # 12 months before 30 years
        ({"held": 65, "seriously_ill": True}, date(2064, 5, 14)),  # 24 months before 70 years
        ({"start": date(1996, 2, 29)}, date(2026, 2, 28)),  # 29/02 + 30 years
        ({"start": date(1996, 2, 29), "seriously_ill": True}, date(2025, 2, 28)),
        ({"official_date": None}, None),  # probationary
        ({"status": Status.STRUCK_OFF}, None),
        ({"status": Status.TRANSFERRED_OUT}, None),
        ({"held": 90}, None),  # no milestone left
        ({"status": Status.EXEMPT}, date(2026, 5, 14)),
        # died 11 months before the due date: posthumous-early from the death
        ({"status": Status.DECEASED, "death_date": date(2025, 6, 14)}, date(2025, 6, 14)),
        # died after the due date: regular while living, from the due date
        ({"status": Status.DECEASED, "death_date": date(2027, 1, 1)}, date(2026, 5, 14)),
        # died 13 months before the due date: never
        ({"status": Status.DECEASED, "death_date": date(2025, 4, 13)}, None),
        # seriously ill, died 18 months before the due date of 30: the early window (12 months)
        # did not open while living, nor the posthumous-early one (12 months) by the death
        (
            {"status": Status.DECEASED, "death_date": date(2024, 11, 14), "seriously_ill": True},
            None,
        ),
        # at 70 the early window (24 months) opened while living, 18 months before the due date
        (
            {
                "held": 65,
                "seriously_ill": True,
                "status": Status.DECEASED,
                "death_date": date(2064, 11, 14),
            },
            date(2064, 5, 14),
        ),
        # official later than the due date: from the official date
        ({"official_date": date(2026, 9, 1)}, date(2026, 9, 1)),
    ],
)
def test_first_possible_round_date(facts, expected):
    assert opens(**facts) == expected


def test_every_version_counts_its_milestones_and_its_longest_early_limits():
    # 35 exists from 19/05/2026: a holder of 30 may be due for 35 (not 40).
    assert opens(VERSIONS, held=30) == date(2031, 5, 14)
    # seriously ill: 18 months before 35 years (the version from 2030), not 12
    assert opens(VERSIONS, held=30, seriously_ill=True) == date(2029, 11, 14)
    # posthumous-early: 15 months in the version from 2030
    died = date(2030, 3, 1)  # 14.5 months before 35 years
    assert opens(VERSIONS, held=30, status=Status.DECEASED, death_date=died) == died


def facts_strategy():
    return st.fixed_dictionaries(
        {
            "start": st.dates(date(1940, 1, 1), date(2010, 12, 31)),
            "interrupted_days": st.sampled_from([0, 0, 1, 30, 365, 1461]),
            "held": st.sampled_from([0, 0, 30, 35, 40, 45, 60, 65, 70, 85, 90]),
            "official_days": st.sampled_from([None, 365, 365, 400, 9000]),
            "status": st.sampled_from(
                [Status.ACTIVE, Status.ACTIVE, Status.EXEMPT, Status.DECEASED, Status.LEFT]
            ),
            "death_days": st.integers(0, 40000),
            "seriously_ill": st.booleans(),
        }
    )


@settings(max_examples=400, deadline=None)
@given(
    spec=facts_strategy(),
    versions=st.sampled_from([ONLY_DEFAULT, VERSIONS]),
    on=st.dates(date(1970, 1, 1), date(2060, 12, 31)),
)
def test_no_round_finds_a_milestone_before_the_stored_date(spec, versions, on):
    start = spec["start"]
    official = start + timedelta(days=spec["official_days"]) if spec["official_days"] else None
    deceased = spec["status"] == Status.DECEASED
    death = start + timedelta(days=spec["death_days"]) if deceased else None
    held = spec["held"]
    facts = MemberFacts(
        start=start,
        official_date=official,
        interrupted_days=spec["interrupted_days"],
        status=spec["status"],
        death_date=death,
        seriously_ill=spec["seriously_ill"],
        received=frozenset({held}) if held else frozenset(),
    )
    first = candidate_from(
        start=start,
        interrupted_days=spec["interrupted_days"],
        held=held,
        official_date=official,
        status=spec["status"],
        death_date=death,
        seriously_ill=spec["seriously_ill"],
        versions=versions,
    )

    answer = evaluate(facts, on=on, rules=versions.on(on))

    if answer.outcome in ("candidate", "deferred"):
        assert first is not None
        assert first <= on


@pytest.mark.django_db
def test_saving_a_copy_read_before_the_dates_were_stored_keeps_them():
    """The stored dates are written in SQL after the facts: a member object read before (here
    the one the factory made) saved again must not put its stale empty values back."""
    from members.models import Member  # noqa: PLC0415 -- the rest of this module needs no database
    from tests.factories import CellFactory, make_member  # noqa: PLC0415 -- as above

    held = make_member(
        cell=CellFactory(name="Chi bộ A"),
        full_name="Lê Thị Cúc",
        admission_date=date(1976, 1, 1),
        official_date=date(1977, 1, 1),
    )
    stored = Member.objects.values_list("candidate_from", "next_milestone").get(pk=held.pk)
    held.on_hold, held.hold_reason = True, "Đang xác minh đơn thư"
    held.save()

    assert stored == (date(2006, 1, 1), 30)
    assert Member.objects.values_list("candidate_from", "next_milestone", "on_hold").get(
        pk=held.pk
    ) == (date(2006, 1, 1), 30, True)
