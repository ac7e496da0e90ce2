from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from ceremonies.milestones import member_milestones
from ceremonies.models import Proposal, Round, rule_versions, rules_on
from ceremonies.queries import candidates, proposed_in_open_rounds
from members import services
from members.enums import Status
from members.models import Badge, Interruption, Member, MembershipEvent, Organisation
from members.rules import Fact, replay
from ratings.models import Commendation, MemberRating, RatingYear
from vusta_party.history import audit_rows

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 22)


def snapshot():
    return list(
        Member.objects.order_by("citizen_id").values_list(
            "full_name", "admission_date", "status", "cell__name"
        )
    )


def test_seed_demo_is_deterministic_and_resembles_the_first_user(capsys):
    call_command("seed_demo", "--today", "2026-11-22")
    first = snapshot()
    Commendation.objects.all().delete()
    RatingYear.objects.all().delete()
    Round.objects.all().delete()
    Badge.objects.all().delete()
    MembershipEvent.objects.all().delete()
    Member.objects.all().delete()
    Organisation.objects.filter(kind="cell").delete()
    call_command("seed_demo", "--today", "2026-11-22")

    assert snapshot() == first
    assert Organisation.objects.filter(kind="cell").count() == 56
    assert Member.objects.count() == 750
    statuses = set(Member.objects.values_list("status", flat=True))
    assert statuses >= {Status.ACTIVE, Status.EXEMPT, Status.DECEASED, Status.TRANSFERRED_OUT}
    assert Member.objects.filter(
        official_date__isnull=True, status__in=["active", "exempt"]
    ).exists()
    assert Member.objects.filter(interruptions__isnull=False).exists()
    assert Member.objects.filter(disciplines__isnull=False).exists()
    assert "Đã tạo dữ liệu mẫu: 56 chi bộ, 750 đảng viên" in capsys.readouterr().out
    # A re-admission's interruption belongs to it, as when entered through the services.
    readmitted = Interruption.objects.filter(reason="struck_off").select_related("readmission")
    assert {(i.readmission.kind, i.readmission.date == i.end) for i in readmitted} == {
        ("readmitted", True)
    }


def test_every_milestone_from_30_to_85_has_members_coming_up():
    """Up to 85 years: a living member is at most 100, admitted at 18 (90 would be at 108)."""
    call_command("seed_demo", "--today", "2026-11-22")

    versions = rule_versions()
    coming = {
        coming[0]
        for member in Member.objects.all()
        if (coming := member_milestones(member, on=TODAY, versions=versions)[1])
        and coming[1] <= date(2031, 11, 22)
    }

    assert coming == {
        30,
        40,
        45,
        50,
        55,
        60,
        65,
        70,
        75,
        80,
        85,
    }


def test_demo_members_are_consistent_with_their_facts():
    call_command(
        "seed_demo", "--members", "300", "--cells", "7", "--seed", "5", "--today", "2026-11-22"
    )

    for member in Member.objects.prefetch_related("events"):
        facts = [Fact(e.kind, e.date, e.cell_id, e.pk) for e in member.events.all()]
        official_before = (
            None if any(f.kind == "made_official" for f in facts) else member.official_date
        )
        state = replay(
            facts, admission_date=member.admission_date, official_before_facts=official_before
        )
        assert (state.status, state.cell_id, state.death_date) == (
            member.status,
            member.cell_id,
            member.death_date,
        )
        assert all(e.date <= TODAY for e in member.events.all())


def test_demo_rows_have_their_first_history_so_a_first_change_shows_the_old_value():
    call_command("seed_demo", "--members", "40", "--cells", "3", "--today", "2026-11-22")
    member = Member.objects.filter(status="active").order_by("pk").first()
    old_hometown = member.hometown

    services.member_update(
        member=member, values={"hometown": "Huế"}, expected_version=member.version, today=TODAY
    )

    assert (
        Organisation.history.filter(kind="cell").count(),
        Member.history.filter(history_type="+").count(),
        MembershipEvent.history.count(),
        Badge.history.filter(history_type="+").count(),
    ) == (3, 40, MembershipEvent.objects.count(), Badge.objects.count())
    changes = audit_rows(member.history.all())[0].changes
    assert [(c.label, c.before, c.after) for c in changes] == [("Quê quán", old_hometown, "Huế")]


def test_seed_demo_refuses_a_register_with_members_unless_if_empty(capsys):
    call_command("seed_demo", "--members", "5", "--cells", "2")

    with pytest.raises(CommandError, match="dữ liệu mẫu chỉ tạo trên cơ sở dữ liệu trống"):
        call_command("seed_demo")
    call_command("seed_demo", "--if-empty")

    assert Member.objects.count() == 5
    assert "Đã có dữ liệu đảng viên: không tạo dữ liệu mẫu." in capsys.readouterr().out


def test_no_member_on_the_rolls_is_older_than_100_and_posthumous_cases_are_recent_deaths():
    """On the demo's today nobody on the rolls is older than 100 (veterans were admitted at 18 or
    19); a member admitted too early to be alive has died. Every posthumous case a
    new round proposes is a death of the last three years: an old death was settled long ago."""
    from members.enums import ON_ROLLS  # noqa: PLC0415
    from members.party_age import add_years, party_age_years  # noqa: PLC0415

    def age_on(born, day):
        return party_age_years(start=born, on=day)  # completed years, as of a party age

    call_command("seed_demo", "--today", "2026-11-22")

    living = Member.objects.filter(status__in=ON_ROLLS)
    ages = [age_on(birth, TODAY) for birth in living.values_list("date_of_birth", flat=True)]
    assert max(ages) == 99  # at most 100: the oldest, a veteran admitted at 18 in 1944
    assert min(living.values_list("date_of_birth", flat=True)) == date(1926, 12, 12)
    # The veterans' admissions at 18 or later, and their 80- and 85-year badges ahead.
    assert all(
        add_years(birth, 18) <= admitted
        for birth, admitted in Member.objects.values_list("date_of_birth", "admission_date")
    )
    # Drawn alive, admitted before 23/11/1944 (born before 23/11/1926 at 18): died since.
    assert not living.filter(admission_date__lt=date(1944, 11, 23)).exists()
    assert Member.objects.filter(admission_date__lt=date(1944, 11, 23)).count() == 4
    # The year's rounds proposed no death of long ago (they did: 1990, 2009, 2013 and 2015).
    proposed = Proposal.objects.filter(kind__in=("posthumous", "posthumous_early"))
    assert [
        (line.round.date, line.member.death_date)
        for line in proposed.select_related("round", "member")
        if line.member.death_date < add_years(line.round.date, -3)
    ] == []
    for day in (date(2027, 2, 3), date(2027, 5, 19)):
        posthumous = [
            (row.full_name, row.facts.death_date)
            for row in candidates(
                Member.objects.all(),
                on=day,
                rules=rules_on(day),
                proposed=proposed_in_open_rounds(),
            )
            if row.evaluation.kind in ("posthumous", "posthumous_early")
        ]
        assert [(name, died) for name, died in posthumous if died < add_years(TODAY, -3)] == []


def test_the_register_only_has_no_rounds_nor_ratings(capsys):
    call_command(
        "seed_demo", "--members", "40", "--cells", "3", "--today", "2026-11-22", "--register-only"
    )

    assert Member.objects.count() == 40
    assert (Round.objects.count(), MemberRating.objects.count()) == (0, 0)
    assert capsys.readouterr().out.endswith(" 0 đợt tặng đã tổ chức, 0 kết quả xếp loại.\n")


def _candidates_after_seeding(*flags) -> int:
    """The candidates of the next round on a register seeded with these flags (then undone)."""
    with transaction.atomic():
        call_command(
            "seed_demo", "--members", "400", "--cells", "8", "--today", "2026-11-22", *flags
        )
        day = date(2027, 2, 3)
        count = len(
            candidates(
                Member.objects.all(),
                on=day,
                rules=rules_on(day),
                proposed=proposed_in_open_rounds(),
            )
        )
        transaction.set_rollback(True)
    return count


def test_the_register_only_holds_the_badges_the_year_would_have_awarded(capsys):
    # A register without the year's rounds is as far along as one with them: its next round is
    # not the backlog of a whole year (before, three times the candidates).
    full = _candidates_after_seeding()
    register_only = _candidates_after_seeding("--register-only")

    assert 0 < full <= register_only <= full * 1.25
