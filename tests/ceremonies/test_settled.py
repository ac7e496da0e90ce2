"""The members the stored dates settle (ceremonies.settled): which they are, and the next round's
list read from them only as far as it needs."""

from datetime import date

import pytest

from ceremonies.eligibility import (
    RuleSet,
    at_most_one_milestone_within,
    highest_reachable,
    occasions_up_to,
)
from ceremonies.models import Round
from ceremonies.queries import candidates, next_round, upcoming
from ceremonies.settled import counted, settled
from members.models import Discipline, Member
from tests.factories import CellFactory, make_member

RULES = RuleSet()
TODAY = date(2026, 12, 2)
ROUND = date(2027, 2, 3)  # the next fixed occasion from TODAY


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        (date(2026, 12, 3), date(2027, 3, 2), [date(2027, 2, 3), date(2027, 5, 19)]),
        (date(2027, 2, 3), date(2027, 2, 3), [date(2027, 2, 3)]),
        (date(2027, 11, 8), date(2028, 2, 29), [date(2028, 2, 3), date(2028, 5, 19)]),
        (
            date(2026, 12, 3),
            date(2027, 12, 2),
            [
                date(2027, 2, 3),
                date(2027, 5, 19),
                date(2027, 9, 2),
                date(2027, 11, 7),
                date(2028, 2, 3),
            ],
        ),
    ],
)
def test_the_rounds_a_span_of_due_dates_falls_into(first, last, expected):
    assert occasions_up_to(first, last) == expected


@pytest.mark.parametrize(
    ("milestones", "until", "expected"),
    [
        ((30, 40, 45, 50), date(2031, 11, 1), True),  # 59 months after 02/12/2026
        ((30, 40, 45, 50), date(2031, 11, 2), False),  # 4 years 11 months: too near 5 years
        ((30, 35), date(2029, 2, 28), True),
        ((30, 31), date(2027, 11, 1), True),
        ((30, 31), date(2027, 11, 2), False),
        ((30,), date(2100, 1, 1), True),  # one milestone: nobody can pass two
    ],
)
def test_a_span_settles_only_while_no_member_can_pass_two_milestones(milestones, until, expected):
    rules = RuleSet(milestones=milestones)
    assert at_most_one_milestone_within(rules, since=TODAY, until=until) is expected


@pytest.mark.parametrize(
    ("start", "on", "expected"),
    [
        (date(1996, 2, 29), date(2026, 2, 27), 0),
        (date(1996, 2, 29), date(2026, 2, 28), 30),  # 29/02 reaches its years on 28/02
        (date(1966, 1, 5), date(2027, 2, 3), 60),
        (date(1936, 1, 31), date(2026, 1, 31), 90),
    ],
)
def test_the_highest_milestone_a_start_can_reach(start, on, expected):
    assert highest_reachable(RULES, start=start, on=on) == expected


@pytest.mark.django_db
def test_the_settled_members_are_those_only_the_date_can_change():
    cell = CellFactory()

    def member(name, **values):
        facts = {"admission_date": date(1987, 1, 10), "official_date": date(1988, 1, 10)}
        return make_member(cell=cell, full_name=name, today=TODAY, **{**facts, **values})

    plain = member("Nguyễn Văn Bình")
    member("Trần Văn Ốm", seriously_ill=True)
    member("Lê Văn Hoãn", on_hold=True, hold_reason="Đang kiểm tra")
    member("Phạm Thị Dự", admission_date=date(2026, 3, 1), official_date=None)
    warned = member("Hoàng Văn Kỷ")
    Discipline.objects.create(member=warned, form="warning", decision_date=date(2026, 6, 1))
    long_ago = member("Vũ Văn Cũ")
    Discipline.objects.create(member=long_ago, form="warning", decision_date=date(2020, 6, 1))

    steady = Member.objects.filter(settled(since=TODAY, until=ROUND, rules=(RULES,)))

    assert sorted(steady.values_list("full_name", flat=True)) == sorted(
        [plain.full_name, long_ago.full_name]
    )
    # A span in which a member could pass two milestones settles nobody.
    assert not Member.objects.filter(
        settled(since=TODAY, until=date(2032, 1, 1), rules=(RULES,))
    ).exists()


@pytest.mark.django_db
def test_the_next_round_lists_its_first_candidates_in_roster_order_from_the_settled():
    cells = [CellFactory(name="Chi bộ A"), CellFactory(name="Chi bộ B")]
    # At 03/02/2027: 60, 50, 45 (cell B), 45 (cell A) and 40 years, all settled; the earliest
    # start has 2,000 days interrupted, which leaves them at 55, below the 60 of a later start.
    admitted = [
        ("Nguyễn Văn Sáu", date(1966, 1, 5), 0, 0),
        ("Trần Văn Năm", date(1976, 3, 1), 1, 0),
        ("Lê Văn Bốn B", date(1981, 6, 1), 1, 0),
        ("Lê Văn Bốn A", date(1981, 7, 1), 0, 0),
        ("Phạm Văn Bốn Mươi", date(1986, 6, 1), 0, 0),
        ("Hoàng Văn Gián", date(1965, 1, 1), 0, 2000),
    ]
    for name, day, cell, interrupted in admitted:
        make_member(
            cell=cells[cell],
            full_name=name,
            admission_date=day,
            official_date=day.replace(year=day.year + 1),
            interrupted_days=interrupted,
            today=TODAY,
        )

    coming = next_round(Member.objects.all(), today=TODAY, listed=3)

    everyone = candidates(Member.objects.all(), on=ROUND, rules=RULES)
    assert [(r.full_name, r.evaluation.milestone) for r in everyone] == [
        ("Nguyễn Văn Sáu", 60),
        ("Hoàng Văn Gián", 55),
        ("Trần Văn Năm", 50),
        ("Lê Văn Bốn A", 45),
        ("Lê Văn Bốn B", 45),
        ("Phạm Văn Bốn Mươi", 40),
    ]
    assert coming.day == ROUND
    assert coming.count == 6
    assert [r.full_name for r in coming.candidates] == [
        "Nguyễn Văn Sáu",
        "Hoàng Văn Gián",
        "Trần Văn Năm",
    ]
    assert [
        r.full_name for r in next_round(Member.objects.all(), today=TODAY, listed=5).candidates
    ] == [
        "Nguyễn Văn Sáu",
        "Hoàng Văn Gián",
        "Trần Văn Năm",
        "Lê Văn Bốn A",
        "Lê Văn Bốn B",
    ]


@pytest.mark.django_db
def test_a_round_created_between_occasions_is_counted_from_the_outlooks_read():
    cell = CellFactory()
    # 30 years on 01/06/2026 (a candidate now), on 10/03/2027 and on 10/04/2027; all settled.
    for name, admitted in (
        ("Nguyễn Văn Nay", date(1996, 6, 1)),
        ("Trần Văn Tháng Ba", date(1997, 3, 10)),
        ("Lê Văn Tháng Tư", date(1997, 4, 10)),
    ):
        make_member(
            cell=cell,
            full_name=name,
            admission_date=admitted,
            official_date=admitted.replace(year=admitted.year + 1),
            today=TODAY,
        )
    created = Round.objects.create(date=date(2027, 3, 26), occasion="0302", deadline=TODAY)
    until = date(2027, 12, 2)
    steady = Member.objects.filter(settled(since=TODAY, until=until, rules=(RULES,)))

    counts = counted(steady, today=TODAY, until=until, days=[created.date])
    both = upcoming(Member.objects.all(), today=TODAY, until=until)

    assert steady.count() == 3
    assert (counts.now, counts.on) == (1, {created.date: 2})
    # Both due dates after today fall into the round of 19/05/2027, split or not.
    assert counts.due == {(date(2027, 5, 19), 30): 2}
    assert counted(steady, today=TODAY, until=until).due == counts.due
    assert (both.next_round.day, both.next_round.round, both.next_round.count) == (
        created.date,
        created,
        next_round(Member.objects.all(), today=TODAY).count,
    )
    assert both.next_round.count == 2
    with pytest.raises(ValueError, match="outside"):
        counted(steady, today=TODAY, until=until, days=[date(2028, 1, 1)])
