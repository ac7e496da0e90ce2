"""The badge app keeps each member's next milestone in step with the facts and the rules."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from ceremonies.milestones import known_milestones, refresh_badge_dates
from ceremonies.models import BadgeRules
from members import services
from members.models import Member
from tests.factories import MILESTONES, CellFactory, make_member

pytestmark = pytest.mark.django_db
WITH_35_AND_95 = "30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95"


def stored(member):
    return Member.objects.values_list("next_milestone", "next_milestone_due").get(pk=member.pk)


def stored_dates(member):
    return Member.objects.values_list("next_milestone", "next_milestone_due", "candidate_from").get(
        pk=member.pk
    )


def a_member(**extra):
    values = {
        "full_name": "Nguyễn Văn An",
        "admission_date": date(1997, 1, 10),
        "official_date": date(1998, 1, 10),
    }
    return make_member(cell=CellFactory(), **(values | extra))


def test_a_new_member_has_their_first_milestone():
    assert stored(a_member()) == (30, date(2027, 1, 10))


def test_a_badge_held_and_an_interruption_move_the_next_milestone():
    member = a_member()
    services.badge_record(member=member, milestone=30, milestones=MILESTONES)
    assert stored(member) == (40, date(2037, 1, 10))

    services.interruption_add(
        member=member, start=date(2000, 1, 1), end=date(2000, 1, 11), reason="lost_contact"
    )
    assert stored(member) == (40, date(2037, 1, 20))

    services.badge_remove(member=Member.objects.get(pk=member.pk), milestone=30)
    assert stored(member) == (30, date(2027, 1, 20))


def test_a_rule_version_added_corrected_or_deleted_moves_everyone():
    member = a_member(admission_date=date(1992, 1, 10), official_date=date(1993, 1, 10))
    services.badge_record(member=member, milestone=30, milestones=MILESTONES)
    assert stored(member) == (40, date(2032, 1, 10))

    version = BadgeRules.objects.create(
        valid_from=date(2026, 5, 19), milestones=WITH_35_AND_95, legal_basis="HD 01-HD/TW 2026"
    )
    assert stored(member) == (35, date(2027, 1, 10))
    version.milestones = "40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90"  # corrected: no 30, no 35
    version.save()
    assert stored(member) == (40, date(2032, 1, 10))
    BadgeRules.objects.filter(valid_from__lt=version.valid_from).update(milestones=WITH_35_AND_95)
    version.delete()  # the signal of the delete refreshes everyone: 35 is back, from the old row
    assert stored(member) == (35, date(2027, 1, 10))


def test_known_milestones_name_every_version():
    BadgeRules.objects.create(
        valid_from=date(2026, 5, 19), milestones=WITH_35_AND_95, legal_basis="HD 01-HD/TW 2026"
    )

    known = known_milestones()

    assert known.values == frozenset({*MILESTONES, 35, 95})
    assert known.refusal("33") == (
        "“33” không phải mốc Huy hiệu của quy định nào: "
        "30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90 (từ 28/09/2021); "
        f"{WITH_35_AND_95} (từ 19/05/2026)."
    )


@pytest.mark.parametrize("item_count", [1, 3])
def test_refreshing_the_whole_register_takes_a_fixed_number_of_queries(
    item_count, django_assert_num_queries
):
    members = [a_member(full_name=f"Lê Văn {'ABC'[n]}") for n in range(item_count)]
    Member.objects.update(next_milestone=None, next_milestone_due=None)

    # the rules, the members, the write of those that changed
    with django_assert_num_queries(3):
        changed = refresh_badge_dates()

    assert changed == item_count
    assert [stored(m) for m in members] == [(30, date(2027, 1, 10))] * item_count


def test_the_command_says_how_many_would_change_and_then_changes_them():
    members = [a_member(full_name=f"Lê Văn {'AB'[n]}") for n in range(2)]
    a_member(full_name="Lê Văn C")  # in step: not counted
    Member.objects.filter(pk__in=[m.pk for m in members]).update(
        next_milestone=None, next_milestone_due=None, candidate_from=None
    )

    dry = StringIO()
    call_command("refresh_badge_dates", "--dry-run", stdout=dry)
    assert dry.getvalue() == "Sẽ thay đổi ngày xét Huy hiệu của 2 đảng viên (chưa ghi).\n"
    assert stored_dates(members[0]) == (None, None, None)

    out = StringIO()
    call_command("refresh_badge_dates", stdout=out)
    assert out.getvalue() == "Đã tính lại ngày xét Huy hiệu: 2 đảng viên thay đổi.\n"
    assert [stored_dates(m) for m in members] == [(30, date(2027, 1, 10), date(2027, 1, 10))] * 2


def test_facts_move_the_first_possible_round_date():
    member = a_member()
    assert stored_dates(member) == (30, date(2027, 1, 10), date(2027, 1, 10))

    member = services.member_update(
        member=member,
        values={"seriously_ill": True, "seriously_ill_reason": "Ung thư"},
        expected_version=member.version,
        today=date(2026, 8, 1),
    )
    assert stored_dates(member) == (30, date(2027, 1, 10), date(2026, 1, 10))  # early window

    services.fact_record(member=member, kind="died", day=date(2025, 12, 1), today=date(2026, 8, 1))
    # died 13 months before the due date: no window opened, none will
    assert stored_dates(member) == (30, date(2027, 1, 10), None)


def test_a_member_leaving_the_rolls_has_no_first_possible_round_date():
    member = a_member()
    services.fact_record(
        member=member,
        kind="transferred_out",
        day=date(2026, 1, 1),
        counterpart="Đảng bộ Bộ Y tế",
        today=date(2026, 8, 1),
    )
    assert stored_dates(member) == (30, date(2027, 1, 10), None)
