"""The badge rules of DOMAIN.md §2, table by table, without a database."""

from datetime import date

import pytest

from ceremonies.eligibility import (
    EARLY,
    POSTHUMOUS,
    POSTHUMOUS_EARLY,
    REGULAR,
    Evaluation,
    MemberFacts,
    RuleSet,
    RuleVersions,
    evaluate,
    next_milestone,
    round_on_or_after,
)

RULES = RuleSet()


def member(start=date(1996, 5, 14), official=date(1997, 5, 14), **extra):
    return MemberFacts(start=start, official_date=official, **extra)


def outcome(facts, on):
    result = evaluate(facts, on=on, rules=RULES)
    return (result.outcome, result.milestone, result.kind)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2026, 5, 13), ("not_yet", 30, REGULAR)),  # the day before
        (date(2026, 5, 14), ("candidate", 30, REGULAR)),  # on the due date
        (date(2026, 5, 15), ("candidate", 30, REGULAR)),  # the day after
    ],
)
def test_regular_around_the_due_date(on, expected):
    assert outcome(member(), on) == expected


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2026, 2, 27), ("not_yet", 30, REGULAR)),
        (date(2026, 2, 28), ("candidate", 30, REGULAR)),  # 29/02 becomes 28/02 in 2026
        (date(2026, 3, 1), ("candidate", 30, REGULAR)),
        (date(2028, 2, 28), ("candidate", 30, REGULAR)),
    ],
)
def test_admission_on_29_february(on, expected):
    assert outcome(member(start=date(1996, 2, 29), official=date(1997, 3, 1)), on) == expected


def test_29_february_with_one_day_of_interruption_is_due_on_1_march():
    facts = member(start=date(1996, 2, 29), official=date(1997, 3, 1), interrupted_days=1)

    assert outcome(facts, date(2026, 2, 28)) == ("not_yet", 30, REGULAR)
    assert evaluate(facts, on=date(2026, 3, 1), rules=RULES).due_date == date(2026, 3, 1)


def test_interruptions_push_the_due_date_back_by_their_days():
    facts = member(interrupted_days=365)

    assert outcome(facts, date(2027, 5, 13)) == ("not_yet", 30, REGULAR)
    assert evaluate(facts, on=date(2027, 5, 14), rules=RULES) == Evaluation(
        "candidate", 30, REGULAR, date(2027, 5, 14), reason="Đủ 30 năm tuổi Đảng ngày 14/05/2027."
    )


def test_the_override_replaces_the_admission_date():
    # An admission in 1952 confirmed by special decision from 01/09/1945.
    facts = member(
        start=date(1945, 9, 1),
        official=date(1953, 1, 1),
        received=frozenset({30, 40, 45, 50, 55, 60, 65, 70, 75}),
    )

    assert evaluate(facts, on=date(2025, 9, 2), rules=RULES).milestone == 80


@pytest.mark.parametrize(
    ("milestone_years", "on", "expected"),
    [
        # 65 years: at most 12 months early
        (65, date(2025, 5, 13), ("not_yet", 65, EARLY)),
        (65, date(2025, 5, 14), ("candidate", 65, EARLY)),
        # 70 years: at most 24 months early
        (70, date(2024, 5, 13), ("not_yet", 70, EARLY)),
        (70, date(2024, 5, 14), ("candidate", 70, EARLY)),
        (70, date(2026, 5, 14), ("candidate", 70, REGULAR)),  # stricter kind wins once due
    ],
)
def test_early_award_limits_12_months_up_to_65_and_24_from_70(milestone_years, on, expected):
    start = date(2026 - milestone_years, 5, 14)
    received = frozenset(m for m in RULES.milestones if m < milestone_years)
    facts = member(
        start=start, official=date(start.year + 1, 5, 14), seriously_ill=True, received=received
    )

    assert outcome(facts, on) == expected


@pytest.mark.parametrize(
    ("start", "milestone_years", "first_early_day"),
    [
        # Due 29/02/2028: 12 months earlier is 28/02/2027 (no 29/02 in 2027).
        (date(1968, 2, 29), 60, date(2027, 2, 28)),
        # Due 29/02/2028 (80 years): 24 months earlier is 28/02/2026.
        (date(1948, 2, 29), 80, date(2026, 2, 28)),
    ],
)
def test_early_month_subtraction_clamps_to_the_month_end(start, milestone_years, first_early_day):
    received = frozenset(m for m in RULES.milestones if m < milestone_years)
    facts = member(
        start=start, official=date(start.year + 1, 3, 1), seriously_ill=True, received=received
    )

    assert outcome(facts, date(first_early_day.year, 2, 27)) == ("not_yet", milestone_years, EARLY)
    assert outcome(facts, first_early_day) == ("candidate", milestone_years, EARLY)
    assert evaluate(facts, on=first_early_day, rules=RULES).due_date == date(2028, 2, 29)


def test_a_member_who_is_not_ill_is_never_early():
    assert outcome(member(), date(2025, 12, 1)) == ("not_yet", 30, REGULAR)


@pytest.mark.parametrize(
    ("death", "on", "expected"),
    [
        (
            date(2026, 5, 14),
            date(2026, 9, 2),
            ("candidate", 30, POSTHUMOUS),
        ),  # died on the due date
        (date(2026, 5, 13), date(2026, 9, 2), ("candidate", 30, POSTHUMOUS_EARLY)),  # a day short
        (
            date(2025, 5, 14),
            date(2026, 9, 2),
            ("candidate", 30, POSTHUMOUS_EARLY),
        ),  # 12 months short
        (
            date(2025, 5, 13),
            date(2026, 9, 2),
            ("excluded", None, None),
        ),  # more than 12 months short
        (
            date(2026, 10, 1),
            date(2026, 9, 2),
            ("candidate", 30, REGULAR),
        ),  # died after the round: living at D
    ],
)
def test_posthumous_and_posthumous_early(death, on, expected):
    assert outcome(member(death_date=death, status="deceased"), on) == expected


def test_posthumous_takes_the_highest_milestone_reached_before_death():
    facts = member(
        start=date(1971, 1, 10),
        official=date(1972, 1, 10),
        death_date=date(2021, 6, 1),
        status="deceased",
        received=frozenset({30, 40}),
    )

    result = evaluate(facts, on=date(2026, 2, 3), rules=RULES)

    assert (result.outcome, result.milestone, result.kind, result.due_date) == (
        "candidate",
        50,
        POSTHUMOUS,
        date(2021, 1, 10),
    )
    assert (
        result.reason == "Truy tặng: đủ 50 năm tuổi Đảng ngày 10/01/2021, từ trần ngày 01/06/2021."
    )


@pytest.mark.parametrize(
    ("form", "decided", "on", "expected"),
    [
        ("reprimand", date(2026, 1, 15), date(2026, 7, 14), "deferred"),  # delay ends the day after
        ("reprimand", date(2026, 1, 15), date(2026, 7, 15), "candidate"),  # delay ends on the round
        ("warning", date(2025, 12, 2), date(2026, 9, 1), "deferred"),
        ("warning", date(2025, 12, 2), date(2026, 9, 2), "candidate"),
        ("removal", date(2025, 9, 2), date(2026, 9, 1), "deferred"),
        ("removal", date(2025, 9, 2), date(2026, 9, 2), "candidate"),
        ("warning", date(2026, 9, 3), date(2026, 9, 2), "candidate"),  # decided after the round
    ],
)
def test_discipline_delays(form, decided, on, expected):
    facts = member(disciplines=((form, decided),))

    assert evaluate(facts, on=on, rules=RULES).outcome == expected


def test_a_deferred_member_is_told_until_when_and_why():
    facts = member(disciplines=(("warning", date(2026, 5, 1)),))

    result = evaluate(facts, on=date(2026, 9, 2), rules=RULES)

    assert (result.outcome, result.milestone, result.deferred_until) == (
        "deferred",
        30,
        date(2027, 2, 1),
    )
    assert result.reason == "Hoãn đến 02/2027 do cảnh cáo ngày 01/05/2026 (xét từ ngày 01/02/2027)."


def test_a_hold_defers_with_its_reason():
    result = evaluate(
        member(on_hold=True, hold_reason="Đang được kiểm tra"), on=date(2026, 9, 2), rules=RULES
    )

    assert (result.outcome, result.reason) == ("deferred", "Tạm hoãn: Đang được kiểm tra.")


def test_a_holder_of_a_higher_badge_is_never_proposed_for_a_lower_one():
    facts = member(start=date(1976, 1, 1), official=date(1977, 1, 1), received=frozenset({50}))

    assert outcome(facts, date(2026, 2, 3)) == ("not_yet", 55, REGULAR)


def test_a_backlog_of_milestones_proposes_the_highest():
    facts = member(start=date(1974, 3, 1), official=date(1975, 3, 1), received=frozenset({30}))

    result = evaluate(facts, on=date(2026, 5, 19), rules=RULES)

    assert (result.outcome, result.milestone, result.due_date) == (
        "candidate",
        50,
        date(2024, 3, 1),
    )


def test_a_milestone_proposed_in_another_open_round_is_not_proposed_again():
    facts = member(start=date(1976, 1, 1), official=date(1977, 1, 1), proposed=frozenset({50}))

    assert outcome(facts, date(2026, 5, 19)) == ("not_yet", 55, REGULAR)


@pytest.mark.parametrize(
    ("facts", "reason"),
    [
        (member(official=None), "Không xét: đảng viên dự bị chưa có tuổi Đảng."),
        (member(official=date(2026, 10, 1)), "Không xét: đảng viên dự bị chưa có tuổi Đảng."),
        (member(status="struck_off"), "Không xét: đảng viên đã bị xóa tên."),
        (member(status="expelled"), "Không xét: đảng viên đã bị khai trừ."),
        (member(status="left"), "Không xét: đảng viên đã ra khỏi Đảng."),
        (
            member(status="transferred_out"),
            "Không xét: đảng viên đã chuyển sinh hoạt đi khỏi Đảng bộ.",
        ),
        (member(received=frozenset({90})), "Không còn mốc Huy hiệu nào cao hơn Huy hiệu đã nhận."),
    ],
)
def test_never_candidates_say_why(facts, reason):
    result = evaluate(facts, on=date(2026, 9, 2), rules=RULES)

    assert (result.outcome, result.reason) == ("excluded", reason)


def test_an_exempt_member_is_still_eligible():
    assert outcome(member(status="exempt"), date(2026, 9, 2)) == ("candidate", 30, REGULAR)


def test_not_yet_names_the_due_date_and_the_early_date_for_the_ill():
    result = evaluate(member(seriously_ill=True), on=date(2025, 1, 1), rules=RULES)

    assert (result.outcome, result.next_date) == ("not_yet", date(2025, 5, 14))
    assert result.reason == (
        "Chưa đủ: Huy hiệu 30 năm đến hạn ngày 14/05/2026; có thể đề nghị tặng sớm từ ngày 14/05/2025 (bệnh nặng)."
    )


def test_rules_are_data_a_different_rule_set_changes_the_answer():
    strict = RuleSet(
        early_months_low=6, discipline_delay_months={"reprimand": 0, "warning": 6, "removal": 12}
    )
    facts = member(seriously_ill=True, disciplines=(("reprimand", date(2025, 11, 1)),))

    assert evaluate(facts, on=date(2025, 11, 14), rules=strict).outcome == "candidate"
    assert evaluate(facts, on=date(2025, 11, 13), rules=strict).outcome == "not_yet"
    assert evaluate(facts, on=date(2025, 11, 14), rules=RULES).outcome == "deferred"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 1, 1), date(2026, 2, 3)),
        (date(2026, 2, 3), date(2026, 2, 3)),
        (date(2026, 2, 4), date(2026, 5, 19)),
        (date(2026, 9, 3), date(2026, 11, 7)),
        (date(2026, 11, 8), date(2027, 2, 3)),
        (date(2026, 12, 31), date(2027, 2, 3)),
    ],
)
def test_the_round_a_due_date_falls_into(day, expected):
    assert round_on_or_after(day) == expected


# The 2021 milestones, and a version from 19/05/2026 with 35 and 95 (DOMAIN.md §2).
WITH_35_AND_95 = RuleSet(milestones=(30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95))
VERSIONS = RuleVersions(((date(2021, 9, 28), RULES), (date(2026, 5, 19), WITH_35_AND_95)))


@pytest.mark.parametrize(
    ("start", "held", "days", "expected"),
    [
        (date(1992, 1, 10), 30, 0, (35, date(2027, 1, 10))),  # 35 falls due under the new version
        (date(1990, 1, 10), 30, 0, (40, date(2030, 1, 10))),  # 35 fell due before it existed
        (date(1991, 5, 19), 30, 0, (35, date(2026, 5, 19))),  # due on the version's first day
        (date(1991, 5, 18), 30, 0, (40, date(2031, 5, 18))),  # due the day before
        (date(1996, 2, 29), 0, 0, (30, date(2026, 2, 28))),  # 29/02 + 30 years: 28/02
        (date(1996, 2, 29), 0, 1, (30, date(2026, 3, 1))),  # one day out moves it a day
        (date(1931, 6, 1), 90, 0, (95, date(2026, 6, 1))),
        (date(1931, 5, 1), 90, 0, None),  # 95 fell due before the version that has it
    ],
)
def test_the_next_milestone_is_of_the_version_in_force_on_its_own_due_date(
    start, held, days, expected
):
    assert (
        next_milestone(start=start, interrupted_days=days, held=held, versions=VERSIONS) == expected
    )


def test_the_version_in_force_on_a_day():
    assert VERSIONS.on(date(2026, 5, 18)) is RULES
    assert VERSIONS.on(date(2026, 5, 19)) is WITH_35_AND_95
    assert VERSIONS.on(date(1990, 1, 1)) is RULES  # before the first version: the first
    assert RuleVersions(()).on(date(2026, 1, 1)) == RuleSet()  # no version: DOMAIN's defaults
    assert VERSIONS.milestones == WITH_35_AND_95.milestones


@pytest.mark.parametrize(
    ("milestone", "months"), [(30, 12), (35, 12), (65, 12), (70, 24), (90, 24), (95, 24)]
)
def test_35_and_95_fall_into_the_early_groups_of_their_version(milestone, months):
    assert WITH_35_AND_95.early_months(milestone) == months


def test_a_discipline_dated_after_the_round_does_not_count_at_it():
    facts = member(start=date(1996, 5, 14), disciplines=(("warning", date(2026, 9, 3)),))
    assert outcome(facts, date(2026, 9, 2)) == ("candidate", 30, REGULAR)
    assert outcome(facts, date(2026, 11, 7)) == ("deferred", 30, REGULAR)
