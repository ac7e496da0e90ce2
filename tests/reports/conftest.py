from datetime import date

import pytest

from members import services
from tests.factories import MILESTONES, CellFactory, make_member


@pytest.fixture
def hand_register(db):
    """A small register whose report figures were counted by hand (tests/reports/test_data.py)."""
    a, b = CellFactory(name="Chi bộ A"), CellFactory(name="Chi bộ B")

    def add(name, admitted, official=None, cell=a, **extra):
        return make_member(
            cell=cell, full_name=name, admission_date=admitted, official_date=official, **extra
        )

    m1 = add("Nguyễn Văn An", date(2010, 1, 1), date(2011, 1, 1))
    add("Trần Thị Bình", date(2025, 1, 1), sex="F")  # admitted on the first day, probationary
    m3 = add("Lê Văn Cường", date(2000, 1, 1), date(2001, 1, 1))
    services.fact_record(member=m3, kind="died", day=date(2025, 12, 31))  # the last day
    add(
        "Phạm Thị Dung",
        date(1998, 1, 1),
        date(1999, 1, 1),
        cell=b,
        sex="F",
        ethnicity="Tày",
        entry="transferred_in",
        entry_date=date(2025, 6, 1),
    )
    m5 = add("Hoàng Văn Em", date(1990, 1, 1), date(1991, 1, 1))
    services.fact_record(
        member=m5, kind="transferred_out", day=date(2025, 3, 1), counterpart="Đảng bộ khác"
    )
    m6 = add("Vũ Văn Giang", date(1995, 1, 1), date(1996, 1, 1))
    services.fact_record(member=m6, kind="cell_transfer", day=date(2025, 4, 1), cell=b)
    services.badge_record(
        milestones=MILESTONES, member=m6, milestone=30, decision_date=date(2025, 9, 2)
    )
    m7 = add("Đỗ Văn Hà", date(1990, 1, 1), date(1991, 1, 1))
    services.fact_record(member=m7, kind="struck_off", day=date(2024, 6, 1))
    services.fact_record(member=m7, kind="readmitted", day=date(2025, 7, 1), cell=a)
    m8 = add("Bùi Văn Khoa", date(1985, 1, 1), date(1986, 1, 1))
    services.discipline_record(member=m8, form="expulsion", decision_date=date(2025, 8, 1))
    m9 = add("Đặng Thị Lan", date(1980, 1, 1), date(1981, 1, 1), sex="F")
    services.badge_record(
        milestones=MILESTONES, member=m9, milestone=40, decision_date=date(2024, 11, 7)
    )
    services.fact_record(member=m9, kind="left", day=date(2025, 9, 1))
    add("Ngô Văn Minh", date(2024, 5, 1), date(2025, 5, 2))  # made official in the period
    add("Dương Văn Nam", date(2026, 1, 1))  # after the period
    m12 = add("Lý Thị Oanh", date(1975, 1, 1), date(1976, 1, 1), sex="F")
    services.fact_record(member=m12, kind="struck_off", day=date(2025, 1, 1))  # the first day
    services.discipline_record(member=m1, form="reprimand", decision_date=date(2025, 3, 1))
    return a, b, m1
