from datetime import date, timedelta

import pytest
from django.db import transaction
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from ceremonies.eligibility import MemberFacts, RuleSet, evaluate, round_on_or_after
from ceremonies.milestones import refresh_badge_dates
from ceremonies.models import rules_on
from ceremonies.queries import (
    candidates,
    evaluate_register,
    next_round,
    outlook,
    outlook_of,
    read_register,
    upcoming,
)
from ceremonies.settled import settled
from members import services
from members.access import members_for
from members.models import Badge, Discipline, Member, Organisation
from members.party_age import add_months
from tests.factories import MILESTONES, CellFactory, make_member

pytestmark = pytest.mark.django_db
RULES = RuleSet()
ROUND = date(2026, 9, 2)


def rows(result):
    return [
        (r.full_name, r.evaluation.milestone, r.evaluation.kind, r.evaluation.due_date)
        for r in result
    ]


@pytest.fixture
def register():
    a, b = CellFactory(name="Chi bộ A"), CellFactory(name="Chi bộ B")
    make_member(
        cell=b,
        full_name="Nguyễn Văn An",
        admission_date=date(1996, 9, 2),
        official_date=date(1997, 9, 2),
    )
    make_member(
        cell=a,
        full_name="Trần Thị Bình",
        sex="F",
        admission_date=date(1976, 5, 1),
        official_date=date(1977, 5, 1),
        date_of_birth=date(1950, 1, 1),
    )
    ill = make_member(
        cell=a,
        full_name="Lê Văn Cường",
        admission_date=date(1957, 6, 1),
        official_date=date(1958, 6, 1),
        date_of_birth=date(1935, 1, 1),
        today=date(2026, 8, 1),
    )
    for milestone in (30, 40, 45, 50, 55, 60, 65):
        services.badge_record(milestones=MILESTONES, member=ill, milestone=milestone)
    services.member_update(
        member=ill,
        values={"seriously_ill": True, "seriously_ill_reason": "Ung thư"},
        expected_version=ill.version,
        today=date(2026, 8, 1),
    )
    dead = make_member(
        cell=b,
        full_name="Phạm Văn Dũng",
        admission_date=date(1986, 3, 1),
        official_date=date(1987, 3, 1),
        date_of_birth=date(1950, 1, 1),
    )
    services.badge_record(milestones=MILESTONES, member=dead, milestone=30)
    services.fact_record(member=dead, kind="died", day=date(2025, 5, 1), today=date(2026, 8, 1))
    young = make_member(
        cell=a,
        full_name="Vũ Thị Em",
        sex="F",
        admission_date=date(2025, 1, 1),
        official_date=None,
        date_of_birth=date(2000, 1, 1),
        today=date(2026, 8, 1),
    )
    warned = make_member(
        cell=a,
        full_name="Đỗ Văn Phúc",
        admission_date=date(1995, 1, 1),
        official_date=date(1996, 1, 1),
    )
    services.discipline_record(
        member=warned, form="warning", decision_date=date(2026, 3, 1), today=date(2026, 8, 1)
    )
    gone = make_member(
        cell=b,
        full_name="Hồ Văn Giang",
        admission_date=date(1990, 1, 1),
        official_date=date(1991, 1, 1),
    )
    services.fact_record(
        member=gone,
        kind="transferred_out",
        day=date(2026, 1, 1),
        counterpart="Đảng bộ Bộ Y tế",
        today=date(2026, 8, 1),
    )
    return a, b, young


def test_candidates_of_a_round_in_roster_order(register):
    result = candidates(Member.objects.all(), on=ROUND, rules=RULES)

    # Highest milestone first, then cell, then Vietnamese name order.
    assert rows(result) == [
        ("Lê Văn Cường", 70, "early", date(2027, 6, 1)),
        ("Trần Thị Bình", 50, "regular", date(2026, 5, 1)),
        ("Phạm Văn Dũng", 40, "posthumous_early", date(2026, 3, 1)),
        ("Nguyễn Văn An", 30, "regular", date(2026, 9, 2)),
    ]


def test_the_register_answer_lists_deferred_members_with_their_reason(register):
    result = evaluate_register(Member.objects.all(), on=ROUND, rules=RULES)

    deferred = [
        (r.full_name, r.evaluation.reason) for r in result if r.evaluation.outcome == "deferred"
    ]
    assert deferred == [
        ("Đỗ Văn Phúc", "Hoãn đến 12/2026 do cảnh cáo ngày 01/03/2026 (xét từ ngày 01/12/2026).")
    ]


def test_candidates_are_scoped_to_the_user(register, make_user):
    a, _b, _young = register
    secretary = make_user("secretary", cells=[a])

    result = candidates(members_for(secretary), on=ROUND, rules=RULES)

    assert [r.full_name for r in result] == ["Lê Văn Cường", "Trần Thị Bình"]


@pytest.mark.parametrize(
    ("start", "on", "expected"),
    [
        (date(1996, 2, 29), date(2026, 2, 28), [30]),  # 29/02 reaches 30 years on 28/02/2026
        (date(1996, 2, 29), date(2026, 2, 27), []),
        (date(1996, 2, 28), date(2026, 2, 27), []),
        (date(1996, 3, 1), date(2026, 2, 28), []),
    ],
)
def test_the_sql_prefilter_keeps_29_february_starts(start, on, expected):
    make_member(admission_date=start, official_date=date(1997, 3, 1))

    assert [
        r.evaluation.milestone for r in candidates(Member.objects.all(), on=on, rules=RULES)
    ] == expected


@pytest.mark.parametrize("item_count", [1, 3])
def test_candidates_take_a_fixed_number_of_queries(item_count, django_assert_num_queries):
    cell = CellFactory()
    for n in range(item_count):
        member = make_member(
            cell=cell,
            full_name=f"Nguyễn Văn {'ABC'[n]}",
            admission_date=date(1990 - n, 1, 1),
            official_date=date(1991 - n, 1, 1),
        )
        services.discipline_record(
            member=member, form="reprimand", decision_date=date(2026, 6, 1), today=date(2026, 8, 1)
        )

    # members (a range of the stored first possible round date), recent disciplines, cell names
    with django_assert_num_queries(3):
        result = evaluate_register(Member.objects.all(), on=ROUND, rules=RULES)

    assert len(result) == item_count


def test_outlook_sorts_the_next_twelve_months(register):
    result = outlook(
        Member.objects.all(), today=date(2026, 8, 1), until=date(2027, 8, 1), rules=RULES
    )

    assert [(r.full_name, r.evaluation.milestone, occasion) for r, occasion in result.due] == [
        ("Nguyễn Văn An", 30, date(2026, 9, 2)),
    ]
    assert [r.full_name for r in result.early] == ["Lê Văn Cường"]
    assert [(r.full_name, answer.reason) for r, answer in result.deferred] == [
        ("Đỗ Văn Phúc", "Hoãn đến 12/2026 do cảnh cáo ngày 01/03/2026 (xét từ ngày 01/12/2026).")
    ]
    assert result.candidates_now == 2  # Trần Thị Bình (50), Phạm Văn Dũng (posthumous)


# --- the bulk answer and the pure function agree on random registers -----------------------

FORMS = ["reprimand", "warning", "removal"]
STATUSES = [
    "active",
    "active",
    "active",
    "exempt",
    "deceased",
    "struck_off",
    "expelled",
    "left",
    "transferred_out",
]


@st.composite
def member_strategy(draw):
    """A member whose party age at the round is within about two years of some milestone, the
    boundary where rules go wrong, holding some of the badges below it."""
    index = draw(st.integers(0, len(RULES.milestones) - 1))
    near = RULES.milestones[index]
    held = draw(st.integers(0, index))
    gaps = draw(st.sets(st.sampled_from(RULES.milestones[:held])) if held else st.just(set()))
    return {
        "age_days": int(near * 365.25) + draw(st.integers(-800, 800)),
        "override_days": draw(st.sampled_from([0, 0, 0, 1, 366, 3000])),
        "probationary": draw(st.sampled_from([False] * 9 + [True])),
        "interrupted_days": draw(st.sampled_from([0, 0, 0, 1, 30, 365, 1461])),
        "status": draw(st.sampled_from(STATUSES)),
        "death_offset": draw(
            st.integers(-900, 400)
        ),  # days from the round: after it means living then
        "ill": draw(st.booleans()),
        "hold": draw(st.sampled_from([False] * 9 + [True])),
        "disciplines": draw(
            st.lists(st.tuples(st.sampled_from(FORMS), st.integers(0, 800)), max_size=2)
        ),
        "badges": frozenset(RULES.milestones[:held]) - gaps,
    }


def _create(specs, cell, on):
    members = []
    for n, spec in enumerate(specs):
        start = on - timedelta(days=spec["age_days"])
        member = Member(
            full_name=f"Đảng viên {n}",
            sex="M",
            admission_date=start,
            party_age_start_override=start - timedelta(days=spec["override_days"])
            if spec["override_days"]
            else None,
            official_date=None if spec["probationary"] else start + timedelta(days=400),
            interrupted_days=spec["interrupted_days"],
            status=spec["status"],
            death_date=max(on + timedelta(days=spec["death_offset"]), start + timedelta(days=401))
            if spec["status"] == "deceased"
            else None,
            seriously_ill=spec["ill"],
            on_hold=spec["hold"],
            hold_reason="Đang kiểm tra" if spec["hold"] else "",
            highest_badge=max(spec["badges"], default=0),
            cell=cell,
        )
        member.fill_derived_fields()
        members.append(member)
    Member.objects.bulk_create(members)
    Badge.objects.bulk_create(
        Badge(member=m, milestone=b)
        for m, s in zip(members, specs, strict=True)
        for b in s["badges"]
    )
    Discipline.objects.bulk_create(
        Discipline(member=m, form=form, decision_date=on - timedelta(days=days))
        for m, s in zip(members, specs, strict=True)
        for form, days in s["disciplines"]
    )
    refresh_badge_dates([m.pk for m in members])  # bulk_create sends no signals (as the import)
    return members


def _facts(member, spec, on):
    return MemberFacts(
        start=member.party_age_start,
        official_date=member.official_date,
        interrupted_days=member.interrupted_days,
        status=member.status,
        death_date=member.death_date,
        seriously_ill=member.seriously_ill,
        on_hold=member.on_hold,
        hold_reason=member.hold_reason,
        disciplines=tuple((form, on - timedelta(days=days)) for form, days in spec["disciplines"]),
        received=frozenset(spec["badges"]),
    )


def _pure(member, spec, on):
    return evaluate(_facts(member, spec, on), on=on, rules=RULES)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    specs=st.lists(member_strategy(), min_size=3, max_size=12),
    on=st.dates(date(2000, 1, 1), date(2035, 12, 31)),
)
def test_bulk_query_and_pure_function_agree_on_random_registers(specs, on):
    with transaction.atomic():
        cell = Organisation.objects.create(
            kind="cell", name="Chi bộ thử", parent=Organisation.objects.get(kind="committee")
        )
        members = _create(specs, cell, on)

        bulk = {
            r.member_id: (
                r.evaluation.outcome,
                r.evaluation.milestone,
                r.evaluation.kind,
                r.evaluation.due_date,
            )
            for r in evaluate_register(Member.objects.filter(cell=cell), on=on, rules=RULES)
            if r.evaluation.outcome in ("candidate", "deferred")
        }
        pure = {}
        for member, spec in zip(members, specs, strict=True):
            answer = _pure(member, spec, on)
            if answer.outcome in ("candidate", "deferred"):
                pure[member.pk] = (answer.outcome, answer.milestone, answer.kind, answer.due_date)
                assert answer.milestone > max(spec["badges"], default=0)

        assert bulk == pure
        event(
            f"{len(pure)} candidates or deferred"
            if len(pure) < 3
            else "3 or more candidates or deferred"
        )
        transaction.set_rollback(True)


def _naive_outlook(facts_by_member, *, today, until):
    """The outlook as DOMAIN.md §2 defines it, asking the rules at today, at the end and at the
    round of every member (what outlook_of may skip must not change it)."""
    due, early, deferred, now = {}, set(), {}, 0
    for pk, facts in facts_by_member.items():
        at_start = evaluate(facts, on=today, rules=RULES)
        at_end = evaluate(facts, on=until, rules=RULES)
        if at_start.is_candidate and at_start.kind != "early":
            now += 1
        elif at_start.outcome == "deferred":
            deferred[pk] = at_start.reason
        elif at_end.outcome == "deferred":
            deferred[pk] = at_end.reason
        elif at_start.is_candidate or (at_end.is_candidate and at_end.kind == "early"):
            early.add(pk)
        elif at_end.is_candidate:
            occasion = round_on_or_after(at_end.due_date)
            at_round = evaluate(facts, on=occasion, rules=RULES)
            if at_round.outcome == "deferred":
                deferred[pk] = at_round.reason
            else:
                due[pk] = (at_end.milestone, at_end.due_date, occasion)
    return due, early, deferred, now


def _answers(result):
    return (
        {
            row.member_id: (row.evaluation.milestone, row.evaluation.due_date, occasion)
            for row, occasion in result.due
        },
        {row.member_id for row in result.early},
        {row.member_id: answer.reason for row, answer in result.deferred},
        result.candidates_now,
    )


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    specs=st.lists(member_strategy(), min_size=3, max_size=12),
    today=st.dates(date(2000, 1, 1), date(2035, 12, 31)),
    months=st.sampled_from([1, 3, 12, 24, 72]),
)
def test_one_read_answers_the_outlook_and_the_round_as_the_rules_do(specs, today, months):
    until = add_months(today, months)
    with transaction.atomic():
        cell = Organisation.objects.create(
            kind="cell", name="Chi bộ thử", parent=Organisation.objects.get(kind="committee")
        )
        members = _create(specs, cell, today)
        facts = {m.pk: _facts(m, spec, today) for m, spec in zip(members, specs, strict=True)}
        day = round_on_or_after(today)
        read = read_register(
            Member.objects.filter(cell=cell),
            since=today,
            until=max(until, day),
            rules=(RULES,),
        )
        result = outlook_of(read, today=today, until=until, rules=RULES)
        got = _answers(result)
        assert got == _naive_outlook(facts, today=today, until=until)

        # The page's outlook counts and orders the settled members in SQL: the same answer, the
        # same order, the same counts by round, read whole or by pages.
        cell_members = Member.objects.filter(cell=cell)
        split = outlook(cell_members, today=today, until=until, rules=RULES)
        assert _answers(split) == got
        assert [row.member_id for row, _ in split.due] == [row.member_id for row, _ in result.due]
        assert split.due_by_round() == result.due_by_round()
        assert [row.member_id for row, _ in split.due[1:3]] == [
            row.member_id for row, _ in list(result.due)[1:3]
        ]
        steady = cell_members.filter(settled(since=today, until=until, rules=(RULES,))).count()
        event("some settled" if steady else "none settled")

        eligible = next_round(cell_members, today=today, listed=3)
        rules_of_round = rules_on(eligible.day)
        assert eligible.count == sum(
            evaluate(member_facts, on=eligible.day, rules=rules_of_round).is_candidate
            for member_facts in facts.values()
        )
        everyone = candidates(cell_members, on=eligible.day, rules=rules_of_round)
        assert [row.member_id for row in eligible.candidates] == [
            row.member_id for row in everyone[:3]
        ]

        # The upcoming page asks both in one read when the round falls in the window.
        both = upcoming(cell_members, today=today, until=until)
        apart = outlook(cell_members, today=today, until=until, rules=rules_on(until))
        assert _answers(both.outlook) == _answers(apart)
        assert [r.member_id for r, _ in both.outlook.due] == [r.member_id for r, _ in apart.due]
        assert both.outlook.due_by_round() == apart.due_by_round()
        assert (both.next_round.day, both.next_round.count) == (eligible.day, eligible.count)
        event("round in the window" if eligible.day <= until else "round after the window")

        at_round = {
            r.member_id: (r.evaluation.milestone, r.evaluation.kind)
            for r in read.at(day, RULES)
            if r.evaluation.is_candidate
        }
        expected = {}
        for pk, member_facts in facts.items():
            answer = evaluate(member_facts, on=day, rules=RULES)
            if answer.is_candidate:
                expected[pk] = (answer.milestone, answer.kind)
        assert at_round == expected
        transaction.set_rollback(True)


def test_a_read_refuses_a_day_outside_its_span(register):
    read = read_register(Member.objects.all(), since=ROUND, until=ROUND, rules=(RULES,))

    with pytest.raises(ValueError, match="outside the span read"):
        read.at(ROUND + timedelta(days=1), RULES)
    with pytest.raises(ValueError, match="outside the span read"):
        outlook_of(read, today=ROUND, until=add_months(ROUND, 3), rules=RULES)


def test_a_member_due_in_the_window_is_deferred_by_a_delay_running_at_their_round():
    # Due 20/01/2027, round 03/02/2027; a warning of 01/06/2026 delays them to 01/03/2027, which
    # is over by the end of the window: at the end they are a candidate, at their round not.
    today = date(2026, 12, 2)
    member = make_member(
        full_name="Lê Văn Hoãn",
        admission_date=date(1997, 1, 20),
        official_date=date(1998, 1, 20),
        today=today,
    )
    Discipline.objects.create(member=member, form="warning", decision_date=date(2026, 6, 1))

    result = outlook(Member.objects.all(), today=today, until=add_months(today, 12), rules=RULES)

    assert list(result.due) == []
    assert [(row.full_name, answer.reason) for row, answer in result.deferred] == [
        (
            "Lê Văn Hoãn",
            "Hoãn đến 03/2027 do cảnh cáo ngày 01/06/2026 (xét từ ngày 01/03/2027).",
        )
    ]
