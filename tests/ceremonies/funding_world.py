"""Registers for the funding tests (tests/ceremonies/test_funding.py, the documents and the
reports): members reaching a milestone at each round of 2026, and rounds decided on each side of
the base salary change of 01/07/2026 (2,340,000 đồng before it, 2,530,000 from it)."""

from datetime import date

from ceremonies import services
from members import services as register
from members.models import Member
from tests.factories import MILESTONES, CellFactory, make_member

BEFORE_2026 = date(2025, 12, 1)


def member(name, admitted, *, held=(), cell=None, ill=False, today=BEFORE_2026):
    found = make_member(
        cell=cell,
        full_name=name,
        admission_date=admitted,
        official_date=admitted.replace(year=admitted.year + 1),
        today=today,
    )
    for milestone in held:
        register.badge_record(milestones=MILESTONES, member=found, milestone=milestone)
    if ill:
        register.member_update(
            member=found,
            values={"seriously_ill": True, "seriously_ill_reason": "Bệnh nặng, có xác nhận"},
            expected_version=Member.objects.get(pk=found.pk).version,
            today=today,
        )
    return found


def make_year_2026():
    """Members reaching a milestone at each round of 2026, one early case, one 45-year badge."""
    a, b = CellFactory(name="Chi bộ A"), CellFactory(name="Chi bộ B")
    member("Nguyễn Văn An", date(1996, 1, 10), cell=a)  # 30 on 10/01/2026: round 3/2
    member("Trần Văn Bảo", date(1995, 12, 20), cell=b)  # 30 on 20/12/2025: round 3/2
    member("Lê Thị Cúc", date(1986, 4, 1), held=(30,), cell=a)  # 40 on 01/04/2026: 19/5
    member("Phạm Văn Dũng", date(1976, 8, 20), held=(30, 40, 45), cell=b)  # 50: 2/9
    member("Hoàng Văn Giang", date(1981, 6, 1), held=(30, 40), cell=a)  # 45: 2/9, no coefficient
    member("Đỗ Thị Hà", date(1996, 10, 15), cell=b)  # 30 on 15/10/2026: 7/11
    # Seriously ill: 70 years on 01/12/2026, may be proposed 24 months early, from 3/2.
    member("Vũ Văn Khải", date(1956, 12, 1), held=(30, 40, 45, 50, 55, 60, 65), cell=a, ill=True)
    member("Ngô Văn Long", date(2000, 3, 1), cell=a)  # 30 only in 2030: not in the estimate
    return a, b


def held_round(day, occasion, decided, number):
    round_ = services.round_create(day=day, occasion=occasion)
    services.round_fill(round_=round_)
    services.round_lock(round_=round_, today=decided)
    services.round_submit(round_=round_, on=decided)
    return services.round_decide(round_=round_, decision_number=number, decision_date=decided)


def make_settled_2026():
    """Rounds decided in 2025 (left out) and on each side of 01/07/2026, a badge by hand."""
    a, b = CellFactory(name="Chi bộ A"), CellFactory(name="Chi bộ B")
    old = date(2025, 1, 1)
    member("Trịnh Văn Sơn", date(1995, 9, 1), cell=a, today=old)  # 30 at 7/11/2025
    member("Nguyễn Văn Phú", date(1996, 3, 1), cell=a, today=old)  # 30 at 19/5/2026
    member("Lê Thị Quế", date(1986, 2, 1), held=(30,), cell=b, today=old)  # 40 at 19/5
    member("Phan Văn Rạng", date(1996, 4, 15), cell=b, today=old)  # 30 at 19/5
    member("Đặng Văn Sáng", date(1976, 7, 1), held=(30, 40, 45), cell=a, today=old)  # 50 at 2/9
    member("Bùi Thị Tâm", date(1996, 8, 1), cell=b, today=old)  # 30 at 2/9
    member("Mai Văn Ước", date(1971, 8, 1), held=(30, 40, 45, 50), cell=a, today=old)  # 55 at 2/9
    # A badge recorded by hand, decided in 2026 outside any round of the app.
    by_hand = member("Cao Văn Vinh", date(1990, 1, 1), cell=b, today=old)
    register.badge_record(
        milestones=MILESTONES,
        member=by_hand,
        milestone=30,
        decision_number="5-QĐ/TU",
        decision_date=date(2026, 3, 1),
    )
    held_round(date(2025, 11, 7), "1107", date(2025, 10, 20), "80-QĐ/ĐUK")
    held_round(date(2026, 5, 19), "0519", date(2026, 5, 10), "12-QĐ/ĐUK")
    held_round(date(2026, 9, 2), "0902", date(2026, 8, 20), "31-QĐ/ĐUK")
    return a, b
