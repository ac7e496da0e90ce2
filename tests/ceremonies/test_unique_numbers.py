"""The database keeps one live round a day and a badge number on one live badge (issue 16,
finding 7; DOMAIN §3); the services answer its refusals in Vietnamese. Concurrent writers on
PostgreSQL: test_concurrency.py."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from ceremonies import services
from ceremonies.models import Round
from members import services as register
from members.models import Badge
from tests.factories import MILESTONES, CellFactory, make_member

pytestmark = pytest.mark.django_db
TODAY = date(2026, 8, 1)


@pytest.fixture
def members():
    cell = CellFactory(name="Chi bộ A")
    an = make_member(
        cell=cell,
        full_name="Nguyễn Văn An",
        admission_date=date(1996, 9, 2),
        official_date=date(1997, 9, 2),
    )
    binh = make_member(
        cell=cell,
        full_name="Trần Thị Bình",
        sex="F",
        admission_date=date(1976, 5, 1),
        official_date=date(1977, 5, 1),
    )
    return an, binh


def decided(day=date(2026, 9, 2)):
    round_ = services.round_create(day=day, occasion="other")
    services.round_fill(round_=round_)
    services.round_lock(round_=round_, today=TODAY)
    services.round_submit(round_=round_, on=date(2026, 8, 2))
    services.round_decide(round_=round_, decision_number="1-QĐ", decision_date=date(2026, 8, 20))
    return round_


def test_the_database_keeps_one_live_round_a_day():
    Round.objects.create(date=date(2026, 9, 2), occasion="0902", deadline=date(2026, 8, 3))
    Round.objects.create(
        date=date(2026, 9, 2), occasion="0902", deadline=date(2026, 8, 3), state="cancelled"
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        Round.objects.create(date=date(2026, 9, 2), occasion="other", deadline=date(2026, 8, 3))


def test_a_round_slipping_in_after_the_check_gets_the_same_message(monkeypatch):
    """What the second of two staff creating the same round at once sees."""
    services.round_create(day=date(2026, 9, 2), occasion="0902")
    real_filter = Round.objects.filter

    def blind(*args, **kwargs):  # the check ran before the first round was committed
        return real_filter(*args, **kwargs).none()

    monkeypatch.setattr(Round.objects, "filter", blind)

    with pytest.raises(ValidationError) as error:
        services.round_create(day=date(2026, 9, 2), occasion="0902")

    assert error.value.message_dict == {"day": ["Đã có đợt tặng ngày 02/09/2026."]}
    assert Round.objects.count() == 1


def test_a_cancelled_round_frees_its_day(members):
    first = services.round_create(day=date(2026, 9, 2), occasion="0902")
    services.round_cancel(round_=first, reason="Lập lại")

    again = services.round_create(day=date(2026, 9, 2), occasion="0902")

    assert again.pk != first.pk


def test_one_badge_number_for_two_badges_is_refused_and_changes_nothing(members):
    round_ = decided()
    an_line, binh_line = round_.proposals.order_by("milestone")

    with pytest.raises(ValidationError) as error:
        services.round_set_badge_numbers(
            round_=round_, numbers={an_line.pk: "A001234", binh_line.pk: "A001234"}
        )

    assert error.value.messages == [
        "Số Huy hiệu A001234 đã ghi cho Huy hiệu 30 năm của đảng viên Nguyễn Văn An."
    ]


def test_a_number_of_another_round_or_recorded_by_hand_is_refused(members):
    an, binh = members
    register.badge_record(milestones=MILESTONES, member=binh, milestone=30, badge_number="B000030")
    round_ = decided()
    line = round_.proposals.get(member=an)

    with pytest.raises(ValidationError) as error:
        services.round_set_badge_numbers(round_=round_, numbers={line.pk: "B000030"})
    with pytest.raises(ValidationError) as by_hand:
        register.badge_record(
            milestones=MILESTONES, member=binh, milestone=40, badge_number="B000030"
        )

    assert error.value.messages == [
        "Số Huy hiệu B000030 đã ghi cho Huy hiệu 30 năm của đảng viên Trần Thị Bình."
    ]
    assert by_hand.value.message_dict == {
        "badge_number": [
            "Số Huy hiệu B000030 đã ghi cho Huy hiệu 30 năm của đảng viên Trần Thị Bình."
        ]
    }
    assert sorted(Badge.objects.values_list("member__full_name", "milestone", "badge_number")) == [
        ("Nguyễn Văn An", 30, ""),
        ("Trần Thị Bình", 30, "B000030"),
        ("Trần Thị Bình", 50, ""),
    ]
    line.refresh_from_db()
    assert line.badge_number == ""


def test_two_badges_may_swap_their_numbers(members):
    round_ = decided()
    an_line, binh_line = round_.proposals.order_by("milestone")
    services.round_set_badge_numbers(
        round_=round_, numbers={an_line.pk: "A001234", binh_line.pk: "C005678"}
    )

    services.round_set_badge_numbers(
        round_=round_, numbers={an_line.pk: "C005678", binh_line.pk: "A001234"}
    )

    assert sorted(Badge.objects.values_list("milestone", "badge_number")) == [
        (30, "C005678"),
        (50, "A001234"),
    ]


def test_a_reissued_badge_takes_its_new_number_and_gives_it_back_if_cancelled(members):
    an, _binh = members
    register.badge_record(milestones=MILESTONES, member=an, milestone=30, badge_number="E012345")
    round_ = services.round_create(day=date(2026, 9, 2), occasion="0902")
    line = services.proposal_add(
        round_=round_,
        member=an,
        kind="reissue",
        milestone=30,
        old_badge_number="E012345",
        loss_statement="Mất khi chuyển nhà",
    )
    services.round_lock(round_=round_, today=TODAY)
    services.round_submit(round_=round_, on=date(2026, 8, 2))
    services.round_decide(round_=round_, decision_number="2-QĐ", decision_date=date(2026, 8, 20))

    services.round_set_badge_numbers(round_=round_, numbers={line.pk: "F054321"})
    held = Badge.objects.get(member=an, milestone=30).badge_number
    services.round_cancel(round_=round_, reason="Quyết định bị thu hồi")

    assert held == "F054321"
    assert Badge.objects.get(member=an, milestone=30).badge_number == "E012345"


def test_a_round_of_a_large_register_gets_its_numbers_in_one_call():
    """1,200 badges at once: the lookup is not one SQL expression per badge (SQLite refused a
    tree deeper than 1,000 when the 100,000-member demo held its rounds)."""
    cell = CellFactory(name="Chi bộ A")
    people = [
        make_member(cell=cell, full_name=f"Nguyễn Văn {n}", admission_date=date(1930, 1, 1))
        for n in range(100)
    ]
    milestones = (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90)
    Badge.objects.bulk_create(
        Badge(member=m, milestone=milestone, kind="regular", awarded_on=date(2026, 2, 3))
        for m in people
        for milestone in milestones
    )
    numbers = {
        (m.pk, milestone): f"{n:04d}-{milestone}"
        for n, m in enumerate(people)
        for milestone in milestones
    }

    changed = register.badge_numbers_set(numbers=numbers)

    assert changed == 1200
    assert {
        (m, milestone): number
        for m, milestone, number in Badge.objects.values_list(
            "member_id", "milestone", "badge_number"
        )
    } == numbers
