"""The register's rules, without a database."""

import re
from datetime import date, timedelta

import pytest

from members.enums import EventKind, Status
from members.party_age import Interval, add_months
from members.rules import (
    Fact,
    MemberState,
    RuleError,
    check_interruptions,
    check_member_dates,
    probation_cutoffs,
    probation_state,
    replay,
)

K = EventKind
ADMISSION = date(2000, 5, 19)
CELL_A, CELL_B = 1, 2


def fact(kind, day, cell=CELL_A):
    return Fact(kind=kind, date=day, cell_id=cell)


def test_replay_admission_then_official():
    state = replay(
        [fact(K.ADMITTED, ADMISSION), fact(K.MADE_OFFICIAL, date(2001, 5, 19))],
        admission_date=ADMISSION,
    )

    assert state == MemberState(Status.ACTIVE, CELL_A, date(2001, 5, 19), None, None)


def test_replay_orders_facts_by_date_whatever_order_they_come_in():
    state = replay(
        [
            fact(K.DIED, date(2020, 1, 2)),
            fact(K.CELL_TRANSFER, date(2010, 1, 1), CELL_B),
            fact(K.ADMITTED, ADMISSION),
        ],
        admission_date=ADMISSION,
    )

    assert state == MemberState(Status.DECEASED, CELL_B, None, date(2020, 1, 2), date(2020, 1, 2))


def test_transferred_in_member_already_official_keeps_the_earlier_date():
    state = replay(
        [fact(K.TRANSFERRED_IN, date(2015, 3, 1))],
        admission_date=ADMISSION,
        official_before_facts=date(2001, 5, 19),
    )

    assert (state.status, state.official_date) == (Status.ACTIVE, date(2001, 5, 19))


@pytest.mark.parametrize(
    ("facts", "message"),
    [
        ([], "chưa có sự kiện kết nạp hoặc chuyển sinh hoạt đến"),
        ([fact(K.MADE_OFFICIAL, date(2001, 1, 1))], "sự kiện đầu tiên phải là kết nạp"),
        (
            [fact(K.ADMITTED, date(2000, 5, 20))],
            "ngày kết nạp phải trùng ngày vào Đảng (19/05/2000)",
        ),
        (
            [fact(K.ADMITTED, ADMISSION), fact(K.MADE_OFFICIAL, ADMISSION)],
            "ngày chính thức phải sau ngày vào Đảng",
        ),
        (
            [
                fact(K.ADMITTED, ADMISSION),
                fact(K.DIED, date(2010, 1, 1)),
                fact(K.EXEMPTED, date(2011, 1, 1)),
            ],
            "Miễn công tác và sinh hoạt ngày 01/01/2011: không thể ghi sự kiện sau ngày từ trần (01/01/2010).",
        ),
        (
            [
                fact(K.ADMITTED, ADMISSION),
                fact(K.STRUCK_OFF, date(2010, 1, 1)),
                fact(K.EXEMPTED, date(2011, 1, 1)),
            ],
            "đảng viên không còn trong danh sách (đã xóa tên)",
        ),
        (
            [fact(K.ADMITTED, ADMISSION), fact(K.CELL_TRANSFER, date(2010, 1, 1), CELL_A)],
            "chi bộ mới trùng chi bộ đang sinh hoạt",
        ),
        (
            [fact(K.ADMITTED, ADMISSION), fact(K.EXEMPTION_ENDED, date(2010, 1, 1))],
            "không được miễn công tác và sinh hoạt",
        ),
        (
            [fact(K.ADMITTED, ADMISSION), fact(K.READMITTED, date(2010, 1, 1))],
            "chỉ áp dụng cho đảng viên đã bị xóa tên, khai trừ hoặc ra khỏi Đảng",
        ),
        (
            [fact(K.ADMITTED, ADMISSION), fact(K.TRANSFERRED_IN, date(2010, 1, 1))],
            "đảng viên đang có trong danh sách của Đảng bộ",
        ),
        ([fact(K.TRANSFERRED_IN, date(1999, 1, 1))], "trước ngày vào Đảng (19/05/2000)"),
        (
            [
                fact(K.ADMITTED, ADMISSION),
                fact(K.MADE_OFFICIAL, date(2001, 6, 1)),
                fact(K.MADE_OFFICIAL, date(2002, 6, 1)),
            ],
            "đã là đảng viên chính thức từ 01/06/2001",
        ),
    ],
)
def test_replay_refuses_impossible_histories_with_a_vietnamese_message(facts, message):
    with pytest.raises(RuleError, match=re.escape(message)):
        replay(facts, admission_date=ADMISSION)


def test_readmission_and_restoration_bring_a_removed_member_back():
    removed = [fact(K.ADMITTED, ADMISSION), fact(K.EXPELLED, date(2005, 1, 1))]

    readmitted = replay(
        [*removed, fact(K.READMITTED, date(2009, 1, 1), CELL_B)], admission_date=ADMISSION
    )
    restored = replay([*removed, fact(K.RESTORED, date(2006, 1, 1))], admission_date=ADMISSION)

    assert (readmitted.status, readmitted.cell_id, readmitted.left_rolls_on) == (
        Status.ACTIVE,
        CELL_B,
        None,
    )
    assert restored.status == Status.ACTIVE


def test_transfer_out_and_back_in():
    state = replay(
        [
            fact(K.ADMITTED, ADMISSION),
            fact(K.TRANSFERRED_OUT, date(2005, 1, 1)),
            fact(K.TRANSFERRED_IN, date(2012, 1, 1), CELL_B),
        ],
        admission_date=ADMISSION,
    )

    assert (state.status, state.cell_id) == (Status.ACTIVE, CELL_B)


def test_same_day_entry_and_removal_apply_entry_first():
    state = replay(
        [
            fact(K.TRANSFERRED_OUT, date(2005, 1, 1)),
            fact(K.ADMITTED, ADMISSION),
            fact(K.EXEMPTED, date(2005, 1, 1)),
        ],
        admission_date=ADMISSION,
    )

    assert (state.status, state.left_rolls_on) == (Status.TRANSFERRED_OUT, date(2005, 1, 1))


TODAY = date(2026, 11, 22)


def test_member_dates_sound_record_has_no_errors():
    assert (
        check_member_dates(
            date_of_birth=date(1980, 2, 29),
            admission_date=date(1998, 2, 28),
            official_date=date(1999, 3, 1),
            today=TODAY,
        )
        == {}
    )


@pytest.mark.parametrize(
    ("birth", "admission", "official", "errors"),
    [
        (
            date(1980, 2, 29),
            date(1998, 2, 27),
            None,
            {
                "admission_date": "Ngày vào Đảng (27/02/1998) khi chưa đủ 18 tuổi (sinh ngày 29/02/1980)."
            },
        ),
        (
            None,
            date(2026, 11, 23),
            None,
            {"admission_date": "Ngày vào Đảng (23/11/2026) không được ở tương lai."},
        ),
        (
            date(1980, 1, 1),
            date(2005, 5, 19),
            date(2005, 5, 19),
            {"official_date": "Ngày chính thức (19/05/2005) phải sau ngày vào Đảng (19/05/2005)."},
        ),
        (
            date(2027, 1, 1),
            date(2005, 5, 19),
            None,
            {
                "date_of_birth": "Ngày sinh (01/01/2027) không được ở tương lai.",
                "admission_date": "Ngày vào Đảng (19/05/2005) khi chưa đủ 18 tuổi (sinh ngày 01/01/2027).",
            },
        ),
    ],
)
def test_member_dates_errors(birth, admission, official, errors):
    assert (
        check_member_dates(
            date_of_birth=birth, admission_date=admission, official_date=official, today=TODAY
        )
        == errors
    )


def test_interruptions_may_not_overlap_or_start_before_admission_or_end_in_the_future():
    ok = [
        Interval(date(2001, 1, 1), date(2001, 6, 1)),
        Interval(date(2001, 6, 1), date(2002, 1, 1)),
    ]
    check_interruptions(ok, admission_date=ADMISSION, today=TODAY)  # touching is not overlapping

    with pytest.raises(RuleError, match=r"01/03/2001–01/04/2001 trùng với 01/01/2001–01/06/2001"):
        check_interruptions(
            [ok[0], Interval(date(2001, 3, 1), date(2001, 4, 1))],
            admission_date=ADMISSION,
            today=TODAY,
        )
    with pytest.raises(RuleError, match="bắt đầu trước ngày vào Đảng"):
        check_interruptions(
            [Interval(date(1999, 1, 1), date(2001, 1, 1))], admission_date=ADMISSION, today=TODAY
        )
    with pytest.raises(RuleError, match="ngày kết thúc ở tương lai"):
        check_interruptions(
            [Interval(date(2026, 1, 1), date(2027, 1, 1))], admission_date=ADMISSION, today=TODAY
        )


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2025, 5, 18), None),
        (date(2025, 5, 19), "due"),  # 12 months
        (date(2026, 5, 19), "due"),  # exactly 24 months: not yet overdue
        (date(2026, 5, 20), "overdue"),
    ],
)
def test_probation_due_after_12_months_and_overdue_after_24(on, expected):
    assert probation_state(admission_date=date(2024, 5, 19), official_date=None, on=on) == expected


def _days(start: date, end: date):
    return (start + timedelta(days=n) for n in range((end - start).days + 1))


def test_probation_cutoffs_agree_with_the_month_rule_on_every_day():
    """due ⇔ add_months(admission, 12) <= on; overdue ⇔ add_months(admission, 24) < on, for every
    day of 2027–2029 (month ends, 29/02/2028 and 28/02/2029 included) and every admission near
    the bounds."""
    for on in _days(date(2027, 1, 1), date(2029, 12, 31)):
        due, overdue = probation_cutoffs(on=on)
        for admission in _days(add_months(on, -25) - timedelta(days=5), add_months(on, -11)):
            assert (admission <= due) == (add_months(admission, 12) <= on), (on, admission)
            assert (admission <= overdue) == (add_months(admission, 24) < on), (on, admission)


@pytest.mark.parametrize(
    ("admission", "on", "expected"),
    [
        (date(2024, 2, 29), date(2025, 2, 28), "due"),  # 12 months end on 28/02 in 2025
        (date(2024, 2, 29), date(2025, 2, 27), None),
        (date(2024, 2, 28), date(2026, 2, 28), "due"),  # exactly 24 months: not yet overdue
        (date(2024, 2, 29), date(2026, 3, 1), "overdue"),
    ],
)
def test_probation_on_29_february(admission, on, expected):
    assert probation_state(admission_date=admission, official_date=None, on=on) == expected


def test_official_member_is_never_flagged():
    assert (
        probation_state(admission_date=date(2020, 1, 1), official_date=date(2021, 1, 1), on=TODAY)
        is None
    )


@pytest.mark.parametrize(
    ("birth", "override", "error"),
    [
        (date(1910, 1, 1), date(1930, 2, 3), None),
        (
            date(1910, 1, 1),
            date(1930, 2, 2),
            "Ngày tính tuổi Đảng (02/02/1930) trước ngày thành lập Đảng (03/02/1930).",
        ),
        (date(1980, 2, 29), date(1996, 2, 29), None),  # the 16th birthday, a 29 February
        (
            date(1980, 2, 29),
            date(1996, 2, 28),
            "Ngày tính tuổi Đảng (28/02/1996) khi chưa đủ 16 tuổi (sinh ngày 29/02/1980).",
        ),
        (date(1979, 12, 31), date(1995, 12, 31), None),
        (
            date(1998, 5, 31),
            date(1960, 1, 1),
            "Ngày tính tuổi Đảng (01/01/1960) khi chưa đủ 16 tuổi (sinh ngày 31/05/1998).",
        ),
        (
            None,
            date(1929, 12, 31),
            "Ngày tính tuổi Đảng (31/12/1929) trước ngày thành lập Đảng (03/02/1930).",
        ),
        (
            date(1980, 1, 1),
            date(2026, 11, 23),
            "Ngày tính tuổi Đảng (23/11/2026) không được ở tương lai.",
        ),
    ],
)
def test_the_start_of_party_age_set_by_the_office_is_checked(birth, override, error):
    errors = check_member_dates(
        date_of_birth=birth,
        admission_date=date(2020, 1, 1),
        official_date=None,
        today=TODAY,
        party_age_start_override=override,
    )

    assert errors.get("party_age_start_override") == error
