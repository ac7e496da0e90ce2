from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from ceremonies import services
from ceremonies.models import BaseSalary, BonusCoefficient, Proposal, Round, rules_on
from ceremonies.queries import candidates
from members import services as register
from members.models import Badge, Member
from tests.factories import MILESTONES, CellFactory, make_member
from vusta_party.models import DocumentCounter

pytestmark = pytest.mark.django_db
ROUND_DAY = date(2026, 9, 2)
TODAY = date(2026, 8, 1)


@pytest.fixture
def register_():
    a, b = CellFactory(name="Chi bộ A"), CellFactory(name="Chi bộ B")
    make_member(
        cell=a,
        full_name="Nguyễn Văn An",
        admission_date=date(1996, 9, 2),
        official_date=date(1997, 9, 2),
    )
    make_member(
        cell=b,
        full_name="Trần Thị Bình",
        sex="F",
        admission_date=date(1976, 5, 1),
        official_date=date(1977, 5, 1),
    )
    return a, b


def make_round(**extra):
    return services.round_create(day=ROUND_DAY, occasion="0902", **extra)


def lines(round_):
    return [
        (p.member.full_name, p.milestone, p.kind, p.included)
        for p in round_.proposals.select_related("member").order_by("-milestone")
    ]


def test_a_new_round_takes_the_candidates_of_its_date(register_):
    round_ = make_round()

    added = services.round_fill(round_=round_)

    assert added == 2
    assert lines(round_) == [
        ("Trần Thị Bình", 50, "regular", True),
        ("Nguyễn Văn An", 30, "regular", True),
    ]
    assert (round_.state, round_.deadline) == ("draft", date(2026, 8, 3))
    assert services.round_fill(round_=round_) == 0  # filling again adds nothing


def test_two_rounds_on_one_day_are_refused():
    make_round()

    with pytest.raises(ValidationError, match="Đã có đợt tặng ngày 02/09/2026"):
        make_round()


def test_excluding_needs_a_reason_and_frees_the_milestone(register_):
    round_ = make_round()
    services.round_fill(round_=round_)
    line = round_.proposals.get(milestone=30)

    with pytest.raises(ValidationError, match="Hãy ghi lý do không đề nghị"):
        services.proposal_set_included(proposal=line, included=False)
    services.proposal_set_included(proposal=line, included=False, note="Chưa đủ hồ sơ")

    line.refresh_from_db()
    assert (line.included, line.live, line.note) == (False, False, "Chưa đủ hồ sơ")


def test_a_member_is_in_one_open_round_per_milestone(register_):
    first = make_round()
    services.round_fill(round_=first)
    second = services.round_create(day=date(2026, 11, 7), occasion="1107")

    assert services.round_fill(round_=second) == 0  # both already proposed in the open round
    services.round_cancel(round_=first, reason="Lập lại")
    assert services.round_fill(round_=second) == 2


def test_the_database_refuses_a_second_live_line_of_a_milestone(register_):

    first = make_round()
    services.round_fill(round_=first)
    second = services.round_create(day=date(2026, 11, 7), occasion="1107")
    member = Member.objects.get(full_name="Nguyễn Văn An")

    with pytest.raises(IntegrityError), transaction.atomic():
        Proposal.objects.create(round=second, member=member, milestone=30, kind="regular")


def test_filling_a_round_gives_early_cases_the_recorded_medical_reason():
    ill = make_member(
        full_name="Lê Văn Cường",
        admission_date=date(1957, 6, 1),
        official_date=date(1958, 6, 1),
        today=TODAY,
    )
    for milestone in (30, 40, 45, 50, 55, 60, 65):
        register.badge_record(milestones=MILESTONES, member=ill, milestone=milestone)
    register.member_update(
        member=ill,
        values={"seriously_ill": True, "seriously_ill_reason": "Ung thư, xác nhận của Bệnh viện K"},
        expected_version=Member.objects.get(pk=ill.pk).version,
        today=TODAY,
    )
    round_ = make_round()

    services.round_fill(round_=round_)

    assert list(round_.proposals.values_list("milestone", "kind", "note")) == [
        (70, "early", "Ung thư, xác nhận của Bệnh viện K")
    ]


def test_early_case_added_by_hand_needs_the_rules_and_a_reason():
    cell = CellFactory()
    ill = make_member(
        cell=cell,
        full_name="Lê Văn Cường",
        admission_date=date(1957, 6, 1),
        official_date=date(1958, 6, 1),
        today=TODAY,
    )
    for milestone in (30, 40, 45, 50, 55, 60, 65):
        register.badge_record(milestones=MILESTONES, member=ill, milestone=milestone)
    well = make_member(
        cell=cell,
        full_name="Lê Văn Dũng",
        admission_date=date(1997, 6, 1),
        official_date=date(1998, 6, 1),
        today=TODAY,
    )
    round_ = make_round()

    with pytest.raises(
        ValidationError, match=r"Lê Văn Cường: Chưa đủ: Huy hiệu 70 năm đến hạn ngày 01/06/2027."
    ):
        services.proposal_add(round_=round_, member=ill, kind="early", note="Ung thư")
    register.member_update(
        member=ill,
        values={"seriously_ill": True, "seriously_ill_reason": "Ung thư giai đoạn cuối"},
        expected_version=Member.objects.get(pk=ill.pk).version,
        today=TODAY,
    )
    line = services.proposal_add(round_=round_, member=Member.objects.get(pk=ill.pk), kind="early")
    with pytest.raises(ValidationError, match="Lê Văn Dũng: Chưa đủ"):
        services.proposal_add(round_=round_, member=well, kind="early")

    assert (line.milestone, line.kind, line.due_date, line.note) == (
        70,
        "early",
        date(2027, 6, 1),
        "Ung thư giai đoạn cuối",
    )


def test_reissue_of_a_lost_badge_needs_the_badge_the_old_number_and_the_statement(register_):
    member = Member.objects.get(full_name="Trần Thị Bình")
    register.badge_record(milestones=MILESTONES, member=member, milestone=40)
    round_ = make_round()

    with pytest.raises(ValidationError, match="chưa được tặng Huy hiệu 45 năm"):
        services.proposal_add(round_=round_, member=member, kind="reissue", milestone=45)
    with pytest.raises(ValidationError, match="cần số Huy hiệu cũ và bản tường trình"):
        services.proposal_add(round_=round_, member=member, kind="reissue", milestone=40)
    line = services.proposal_add(
        round_=round_,
        member=member,
        kind="reissue",
        milestone=40,
        old_badge_number="E012345",
        loss_statement="Mất khi chuyển nhà",
    )

    assert (line.kind, line.milestone, line.old_badge_number) == ("reissue", 40, "E012345")


def test_locking_numbers_the_submission_letter_per_term(register_):
    round_ = make_round()
    services.round_fill(round_=round_)
    other = services.round_create(day=date(2026, 11, 7), occasion="1107")

    services.round_lock(round_=round_, today=TODAY)

    round_.refresh_from_db()
    assert (round_.state, round_.submission_number, round_.submission_date) == ("locked", 1, TODAY)
    assert DocumentCounter.objects.get(type_code="TTr").last_number == 1
    with pytest.raises(ValidationError, match="Danh sách chưa có đảng viên nào được đề nghị"):
        services.round_lock(round_=other, today=TODAY)
    with pytest.raises(
        ValidationError, match="Không thể sửa danh sách: đợt tặng đã chốt danh sách"
    ):
        services.round_fill(round_=round_)


def _through_submission(round_):
    services.round_fill(round_=round_)
    services.round_lock(round_=round_, today=TODAY)
    services.round_submit(round_=round_, on=date(2026, 8, 2))


def test_the_decision_records_badges_and_bonus_in_force_on_its_date(register_):
    round_ = make_round()
    _through_submission(round_)

    services.round_decide(
        round_=round_, decision_number="123-QĐ/ĐU", decision_date=date(2026, 8, 20)
    )

    assert sorted(
        (p.milestone, p.coefficient, p.base_salary, p.bonus) for p in round_.proposals.all()
    ) == [
        (30, Decimal("1.50"), 2_530_000, 3_795_000),  # the base salary from 01/07/2026
        (50, Decimal("3.00"), 2_530_000, 7_590_000),
    ]
    badge = Badge.objects.get(member__full_name="Trần Thị Bình")
    assert (badge.milestone, badge.decision_number, badge.decision_date, badge.awarded_on) == (
        50,
        "123-QĐ/ĐU",
        date(2026, 8, 20),
        ROUND_DAY,
    )
    assert Member.objects.get(full_name="Trần Thị Bình").highest_badge == 50


def test_bonus_follows_base_salary_changes(register_):
    BaseSalary.objects.create(valid_from=date(2026, 8, 10), amount=2_600_000)
    round_ = make_round()
    _through_submission(round_)

    services.round_decide(round_=round_, decision_number="5-QĐ", decision_date=date(2026, 8, 10))

    assert sorted(round_.proposals.values_list("bonus", flat=True)) == [3_900_000, 7_800_000]


def test_bonus_before_the_salary_change_uses_the_old_salary(register_):
    BaseSalary.objects.create(valid_from=date(2026, 9, 1), amount=2_600_000)
    round_ = make_round()
    _through_submission(round_)

    services.round_decide(round_=round_, decision_number="5-QĐ", decision_date=date(2026, 8, 31))

    assert sorted(round_.proposals.values_list("base_salary", "bonus")) == [
        (2_530_000, 3_795_000),
        (2_530_000, 7_590_000),
    ]


def test_a_missing_coefficient_blocks_the_decision_until_entered():
    cell = CellFactory()
    make_member(
        cell=cell,
        full_name="Vũ Văn Giang",
        admission_date=date(1981, 8, 1),
        official_date=date(1982, 8, 1),
    )
    round_ = make_round()
    _through_submission(round_)

    with pytest.raises(ValidationError, match="Chưa có hệ số tiền thưởng cho Huy hiệu 45 năm"):
        services.round_decide(
            round_=round_, decision_number="7-QĐ", decision_date=date(2026, 8, 20)
        )
    assert Round.objects.get().state == "submitted"
    assert Badge.objects.count() == 0
    BonusCoefficient.objects.create(
        milestone=45, valid_from=date(2025, 1, 1), coefficient=Decimal("2.5")
    )
    services.round_decide(round_=round_, decision_number="7-QĐ", decision_date=date(2026, 8, 20))
    assert round_.proposals.get().bonus == 6_325_000  # 2.5 × 2,530,000


def test_received_badges_feed_back_into_eligibility(register_):
    round_ = make_round()
    _through_submission(round_)
    services.round_decide(round_=round_, decision_number="1-QĐ", decision_date=date(2026, 8, 20))

    later = candidates(Member.objects.all(), on=date(2027, 2, 3), rules=rules_on(date(2027, 2, 3)))

    assert later == []


def test_badge_numbers_and_the_ceremony(register_):
    round_ = make_round()
    _through_submission(round_)
    services.round_decide(round_=round_, decision_number="1-QĐ", decision_date=date(2026, 8, 20))
    an, binh = round_.proposals.order_by("milestone")

    changed = services.round_set_badge_numbers(
        round_=round_, numbers={an.pk: "A001234", binh.pk: "C005678"}
    )
    services.round_hold(round_=round_, held_on=ROUND_DAY, at_home={binh.pk})

    assert changed == 2
    assert Badge.objects.get(milestone=50).badge_number == "C005678"
    assert sorted(round_.proposals.values_list("presented_on", "presented_at_home")) == [
        (ROUND_DAY, False),
        (ROUND_DAY, True),
    ]
    assert Round.objects.get().state == "held"
    with pytest.raises(ValidationError, match="Không thể hủy đợt: đợt tặng đã trao tặng"):
        services.round_cancel(round_=round_, reason="x")


def test_cancelling_after_the_decision_takes_the_badges_back(register_):
    round_ = make_round()
    _through_submission(round_)
    services.round_decide(round_=round_, decision_number="1-QĐ", decision_date=date(2026, 8, 20))

    services.round_cancel(round_=round_, reason="Quyết định bị thu hồi")

    assert Badge.objects.count() == 0
    assert list(Member.objects.values_list("highest_badge", flat=True)) == [0, 0]
    assert not round_.proposals.filter(live=True).exists()


def test_the_decision_date_may_not_precede_the_submission(register_):
    round_ = make_round()
    _through_submission(round_)

    with pytest.raises(
        ValidationError,
        match=r"Ngày quyết định 01/08/2026 trước ngày gửi cấp trên \(02/08/2026\)\.",
    ):
        services.round_decide(round_=round_, decision_number="1-QĐ", decision_date=date(2026, 8, 1))
