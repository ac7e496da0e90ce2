"""Fixtures of the round documents' tests: two cells and a decided round of four members."""

from datetime import date

import pytest

from ceremonies import services
from members import services as register
from tests.factories import MILESTONES, CellFactory, make_member

ROUND_DAY = date(2026, 9, 2)
TODAY = date(2026, 8, 1)


@pytest.fixture
def cells():
    return CellFactory(name="Chi bộ Hội Vật lý"), CellFactory(name="Chi bộ Hội Hóa học")


@pytest.fixture
def decided_round(cells):
    physics, chemistry = cells
    make_member(
        cell=physics,
        full_name="Nguyễn Thị Ánh",
        sex="F",
        party_card_number="00012345",
        date_of_birth=date(1950, 2, 28),
        hometown="Cao Bằng",
        admission_date=date(1976, 5, 1),
        official_date=date(1977, 5, 1),
    )
    make_member(
        cell=chemistry,
        full_name="Đặng Văn Dũng",
        party_card_number="00012346",
        admission_date=date(1996, 9, 2),
        official_date=date(1997, 9, 2),
    )
    dead = make_member(
        cell=physics,
        full_name="Lê Văn Bình",
        admission_date=date(1986, 3, 1),
        official_date=date(1987, 3, 1),
    )
    register.badge_record(milestones=MILESTONES, member=dead, milestone=30)
    register.fact_record(member=dead, kind="died", day=date(2025, 5, 1), today=TODAY)
    lost = make_member(
        cell=chemistry,
        full_name="Trần Thị Cúc",
        sex="F",
        party_card_number="00012347",
        admission_date=date(1980, 1, 1),
        official_date=date(1981, 1, 1),
    )
    register.badge_record(milestones=MILESTONES, member=lost, milestone=40)
    register.badge_record(milestones=MILESTONES, member=lost, milestone=45)
    round_ = services.round_create(day=ROUND_DAY, occasion="0902")
    services.round_fill(round_=round_)
    services.proposal_add(
        round_=round_,
        member=lost,
        kind="reissue",
        milestone=40,
        old_badge_number="B054321",
        loss_statement="Mất khi chuyển nhà",
    )
    services.round_lock(round_=round_, today=TODAY)
    services.round_submit(round_=round_, on=date(2026, 8, 2))
    services.round_decide(
        round_=round_,
        decision_number="123-QĐ/ĐUK",
        decision_date=date(2026, 8, 20),
        decided_by="Ban Thường vụ Đảng ủy cấp trên",
    )
    return round_
