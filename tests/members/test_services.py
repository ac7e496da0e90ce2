from datetime import date

import pytest
from django.core.exceptions import ValidationError

from members import services
from members.duplicates import duplicates
from members.enums import Status
from members.models import Badge, Discipline, Interruption, Member, MembershipEvent
from tests.factories import MILESTONES, CellFactory, make_member

pytestmark = pytest.mark.django_db
K = MembershipEvent.Kind
TODAY = date(2026, 11, 22)


def kinds(member):
    return [(e.kind, e.date) for e in member.events.order_by("date", "id")]


def test_admitting_a_member_records_admission_and_recognition_as_facts(office_user):
    cell = CellFactory(name="Chi bộ Cơ quan")

    member = make_member(cell=cell, user=office_user, citizen_id="001090012345")

    assert kinds(member) == [(K.ADMITTED, date(1990, 5, 19)), (K.MADE_OFFICIAL, date(1991, 5, 19))]
    assert (member.status, member.cell, member.official_date, member.version) == (
        Status.ACTIVE,
        cell,
        date(1991, 5, 19),
        1,
    )
    assert member.history.first().history_user == office_user
    assert member.search_text == "nguyen van an 001090012345"


def test_a_member_transferred_in_already_official_keeps_the_date_as_record():
    member = make_member(entry="transferred_in", entry_date=date(2015, 3, 1))

    assert kinds(member) == [(K.TRANSFERRED_IN, date(2015, 3, 1))]
    assert member.official_date == date(1991, 5, 19)


def test_probationary_member_has_no_official_date():
    member = make_member(admission_date=date(2026, 1, 10), official_date=None)

    assert member.official_date is None
    assert kinds(member) == [(K.ADMITTED, date(2026, 1, 10))]


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        (
            {"admission_date": date(1977, 1, 1), "date_of_birth": date(1960, 3, 15)},
            "admission_date",
            "khi chưa đủ 18 tuổi",
        ),
        (
            {"admission_date": date(2027, 1, 1), "official_date": None},
            "admission_date",
            "không được ở tương lai",
        ),
        ({"official_date": date(1990, 5, 1)}, "official_date", "phải sau ngày vào Đảng"),
    ],
)
def test_creating_with_impossible_dates_is_refused_and_writes_nothing(values, field, message):
    cell = CellFactory()

    with pytest.raises(ValidationError) as error:
        make_member(cell=cell, **values)

    assert message in error.value.message_dict[field][0]
    assert Member.objects.count() == 0
    assert MembershipEvent.objects.count() == 0


def test_duplicate_cccd_and_card_number_are_refused_with_the_other_members_name():
    make_member(full_name="Trần Thị Bình", citizen_id="001090012345", party_card_number="01234567")

    with pytest.raises(ValidationError) as error:
        make_member(
            full_name="Lê Văn Cường", citizen_id="001090012345", party_card_number="01234567"
        )

    assert error.value.message_dict == {
        "citizen_id": ["Số CCCD 001090012345 đã có ở đảng viên Trần Thị Bình."],
        "party_card_number": ["Số thẻ đảng viên 01234567 đã có ở đảng viên Trần Thị Bình."],
    }


def test_possible_duplicates_by_cccd_card_or_folded_name_and_birth_date():
    a = make_member(
        full_name="Đặng Thị Ánh", date_of_birth=date(1970, 1, 2), citizen_id="001070000001"
    )
    b = make_member(full_name="Lê Văn Cường", party_card_number="99990000")
    make_member(full_name="Đặng Thị Ánh", date_of_birth=date(1971, 1, 2))  # another birth date

    found = duplicates(
        None, full_name="DANG THI ANH", date_of_birth=date(1970, 1, 2), card="99990000"
    )

    assert [(d.member.pk, d.same_citizen_id, d.same_card) for d in found] == [
        (a.pk, False, False),
        (b.pk, False, True),
    ]


def test_every_fact_keeps_the_status_in_step():
    a, b = CellFactory(), CellFactory()
    member = make_member(cell=a)

    services.fact_record(
        member=member, kind=K.CELL_TRANSFER, day=date(2000, 1, 1), cell=b, today=TODAY
    )
    assert Member.objects.get().cell == b
    services.fact_record(member=member, kind=K.EXEMPTED, day=date(2020, 1, 1), today=TODAY)
    assert Member.objects.get().status == Status.EXEMPT
    services.fact_record(member=member, kind=K.EXEMPTION_ENDED, day=date(2021, 1, 1), today=TODAY)
    assert Member.objects.get().status == Status.ACTIVE
    services.fact_record(
        member=member,
        kind=K.TRANSFERRED_OUT,
        day=date(2022, 1, 1),
        counterpart="Đảng bộ Bộ Y tế",
        today=TODAY,
    )
    member.refresh_from_db()
    assert (member.status, member.left_rolls_on) == (Status.TRANSFERRED_OUT, date(2022, 1, 1))
    services.fact_record(
        member=member,
        kind=K.TRANSFERRED_IN,
        day=date(2023, 1, 1),
        cell=a,
        counterpart="Đảng bộ Bộ Y tế",
        today=TODAY,
    )
    services.fact_record(member=member, kind=K.DIED, day=date(2024, 2, 29), today=TODAY)
    member.refresh_from_db()
    assert (member.status, member.cell, member.death_date) == (
        Status.DECEASED,
        a,
        date(2024, 2, 29),
    )
    assert member.version == 7


@pytest.mark.parametrize(
    ("kind", "status"),
    [(K.STRUCK_OFF, Status.STRUCK_OFF), (K.EXPELLED, Status.EXPELLED), (K.LEFT, Status.LEFT)],
)
def test_removals_take_the_member_off_the_rolls(kind, status):
    member = make_member()

    services.fact_record(member=member, kind=kind, day=date(2010, 6, 30), today=TODAY)

    member.refresh_from_db()
    assert (member.status, member.left_rolls_on, member.on_rolls) == (
        status,
        date(2010, 6, 30),
        False,
    )


def test_readmission_adds_the_time_out_as_an_interruption():
    member = make_member()
    services.fact_record(member=member, kind=K.STRUCK_OFF, day=date(2005, 1, 1), today=TODAY)

    services.fact_record(
        member=member, kind=K.READMITTED, day=date(2009, 1, 1), cell=member.cell, today=TODAY
    )

    member.refresh_from_db()
    gap = member.interruptions.get()
    assert (gap.start, gap.end, gap.reason) == (
        date(2005, 1, 1),
        date(2009, 1, 1),
        Interruption.Reason.STRUCK_OFF,
    )
    assert (member.status, member.interrupted_days) == (Status.ACTIVE, 1461)


def test_restoration_keeps_party_age_continuous():
    member = make_member()
    services.fact_record(member=member, kind=K.EXPELLED, day=date(2005, 1, 1), today=TODAY)

    services.fact_record(
        member=member, kind=K.RESTORED, day=date(2006, 1, 1), cell=member.cell, today=TODAY
    )

    member.refresh_from_db()
    assert (member.status, member.interrupted_days, member.interruptions.count()) == (
        Status.ACTIVE,
        0,
        0,
    )


def test_facts_after_death_in_the_future_or_impossible_are_refused_and_change_nothing():
    member = make_member()
    services.fact_record(member=member, kind=K.DIED, day=date(2020, 1, 1), today=TODAY)

    with pytest.raises(ValidationError, match="không thể ghi sự kiện sau ngày từ trần"):
        services.fact_record(member=member, kind=K.EXEMPTED, day=date(2021, 1, 1), today=TODAY)
    with pytest.raises(ValidationError, match="không được ở tương lai"):
        services.fact_record(member=member, kind=K.EXEMPTED, day=date(2027, 1, 1), today=TODAY)

    assert MembershipEvent.objects.filter(member=member).count() == 3
    assert Member.objects.get().status == Status.DECEASED


def test_a_late_entered_fact_is_checked_against_the_whole_history():
    member = make_member()
    services.fact_record(member=member, kind=K.STRUCK_OFF, day=date(2010, 1, 1), today=TODAY)

    # Exempt in 2012 is impossible: the member was struck off in 2010.
    with pytest.raises(ValidationError, match="đảng viên không còn trong danh sách"):
        services.fact_record(member=member, kind=K.EXEMPTED, day=date(2012, 1, 1), today=TODAY)
    # Exempt in 2008, before the strike-off, is fine.
    services.fact_record(member=member, kind=K.EXEMPTED, day=date(2008, 1, 1), today=TODAY)
    assert Member.objects.get().status == Status.STRUCK_OFF


def test_deleting_a_fact_replays_the_rest():
    member = make_member()
    event = services.fact_record(member=member, kind=K.DIED, day=date(2020, 1, 1), today=TODAY)

    services.fact_delete(event=event)

    member.refresh_from_db()
    assert (member.status, member.death_date) == (Status.ACTIVE, None)


def test_the_entry_fact_cannot_be_deleted():
    member = make_member()

    with pytest.raises(ValidationError, match="Không thể xóa sự kiện đưa đảng viên vào danh sách"):
        services.fact_delete(event=member.events.get(kind=K.ADMITTED))


def test_interruptions_update_the_cached_days_and_refuse_overlaps():
    member = make_member()

    services.interruption_add(
        member=member,
        start=date(2001, 1, 1),
        end=date(2001, 3, 1),
        reason="lost_contact",
        today=TODAY,
    )
    with pytest.raises(ValidationError, match="trùng với 01/01/2001–01/03/2001"):
        services.interruption_add(
            member=member,
            start=date(2001, 2, 1),
            end=date(2001, 4, 1),
            reason="lost_contact",
            today=TODAY,
        )

    member.refresh_from_db()
    assert member.interrupted_days == 59
    services.interruption_delete(interruption=member.interruptions.get())
    member.refresh_from_db()
    assert member.interrupted_days == 0


def test_expulsion_discipline_removes_the_member():
    member = make_member()

    services.discipline_record(
        member=member, form=Discipline.Form.EXPULSION, decision_date=date(2015, 4, 1), today=TODAY
    )

    member.refresh_from_db()
    assert member.status == Status.EXPELLED
    assert kinds(member)[-1] == (K.EXPELLED, date(2015, 4, 1))


def test_discipline_dates_are_checked():
    member = make_member()

    with pytest.raises(ValidationError, match="trước ngày vào Đảng"):
        services.discipline_record(
            member=member, form="warning", decision_date=date(1980, 1, 1), today=TODAY
        )
    with pytest.raises(ValidationError, match="không được ở tương lai"):
        services.discipline_record(
            member=member, form="warning", decision_date=date(2027, 1, 1), today=TODAY
        )
    assert Discipline.objects.count() == 0


def test_badges_are_unique_per_milestone_and_only_real_milestones():
    member = make_member()
    services.badge_record(
        milestones=MILESTONES, member=member, milestone=30, decision_date=date(2020, 9, 2)
    )

    with pytest.raises(ValidationError, match="đã có Huy hiệu 30 năm"):
        services.badge_record(milestones=MILESTONES, member=member, milestone=30)
    with pytest.raises(ValidationError, match="Không có Huy hiệu 35 năm tuổi Đảng"):
        services.badge_record(milestones=MILESTONES, member=member, milestone=35)
    assert Badge.objects.count() == 1


def test_stale_edit_is_refused_not_silently_lost():
    member = make_member()
    opened = Member.objects.get(pk=member.pk)
    services.member_update(
        member=member, values={"phone": "0901"}, expected_version=member.version, today=TODAY
    )

    with pytest.raises(ValidationError, match="vừa được người khác cập nhật"):
        services.member_update(
            member=opened, values={"phone": "0902"}, expected_version=opened.version, today=TODAY
        )

    assert Member.objects.get().phone == "0901"


def test_changing_the_admission_date_moves_the_admission_fact():
    member = make_member()

    services.member_update(
        member=member,
        values={"admission_date": date(1990, 6, 1)},
        expected_version=member.version,
        today=TODAY,
    )

    assert kinds(member)[0] == (K.ADMITTED, date(1990, 6, 1))


def test_flags_need_their_reason():
    member = make_member()

    with pytest.raises(ValidationError) as error:
        services.member_update(
            member=member,
            values={
                "seriously_ill": True,
                "on_hold": True,
                "party_age_start_override": date(1985, 1, 1),
            },
            expected_version=member.version,
            today=TODAY,
        )

    assert set(error.value.message_dict) == {
        "seriously_ill_reason",
        "hold_reason",
        "party_age_override_reason",
    }


def test_renaming_a_cell_keeps_the_old_name_for_earlier_dates():
    cell = CellFactory(name="Chi bộ Tạp chí")

    services.organisation_rename(
        organisation=cell, name="Chi bộ Tạp chí Khoa học", valid_from=date(2025, 7, 1), today=TODAY
    )

    assert cell.name_on(date(2025, 6, 30)) == "Chi bộ Tạp chí"
    assert cell.name_on(date(2025, 7, 1)) == "Chi bộ Tạp chí Khoa học"
    with pytest.raises(ValidationError, match=r"phải sau lần đổi tên trước \(01/07/2025\)"):
        services.organisation_rename(
            organisation=cell, name="Chi bộ X", valid_from=date(2025, 7, 1), today=TODAY
        )


def test_cell_names_are_unique():
    services.cell_create(name="Chi bộ Văn phòng")

    with pytest.raises(ValidationError, match="Đã có chi bộ tên “Chi bộ Văn phòng”"):
        services.cell_create(name="chi bộ  văn phòng")


def test_deleting_a_readmission_takes_its_interruption_so_the_corrected_one_is_accepted():
    member = make_member()
    services.fact_record(member=member, kind=K.STRUCK_OFF, day=date(2005, 1, 1), today=TODAY)
    wrong = services.fact_record(
        member=member, kind=K.READMITTED, day=date(2009, 1, 1), cell=member.cell, today=TODAY
    )

    services.fact_delete(event=wrong)
    member.refresh_from_db()
    assert (member.status, member.interrupted_days, member.interruptions.count()) == (
        Status.STRUCK_OFF,
        0,
        0,
    )
    services.fact_record(
        member=member, kind=K.READMITTED, day=date(2008, 6, 1), cell=member.cell, today=TODAY
    )

    member.refresh_from_db()
    assert [(i.start, i.end) for i in member.interruptions.all()] == [
        (date(2005, 1, 1), date(2008, 6, 1))
    ]
    assert (member.status, member.interrupted_days) == (Status.ACTIVE, 1247)


def test_deleting_an_expulsion_takes_its_discipline_so_the_member_is_as_before():
    member = make_member()
    services.discipline_record(
        member=member, form=Discipline.Form.EXPULSION, decision_date=date(2015, 4, 1), today=TODAY
    )

    services.fact_delete(event=member.events.get(kind=K.EXPELLED))

    member.refresh_from_db()
    assert (member.status, member.left_rolls_on, member.disciplines.count()) == (
        Status.ACTIVE,
        None,
        0,
    )
    assert kinds(member) == [
        (K.ADMITTED, date(1990, 5, 19)),
        (K.MADE_OFFICIAL, date(1991, 5, 19)),
    ]


def test_a_member_recorded_as_admitted_here_is_corrected_to_have_transferred_in(office_user):
    member = make_member()  # admitted 19/05/1990, made official 19/05/1991, here
    services.fact_record(member=member, kind=K.EXEMPTED, day=date(2024, 1, 1), today=TODAY)

    services.member_entry_by_transfer(
        member=member, entry_date=date(2023, 6, 1), user=office_user, today=TODAY
    )
    services.member_entry_by_transfer(member=member, entry_date=date(2023, 6, 1), today=TODAY)

    member.refresh_from_db()
    assert kinds(member) == [(K.TRANSFERRED_IN, date(2023, 6, 1)), (K.EXEMPTED, date(2024, 1, 1))]
    assert (member.official_date, member.status, member.version) == (
        date(1991, 5, 19),
        Status.EXEMPT,
        3,  # created, exempted, corrected once (the second call found nothing to change)
    )
    assert set(
        MembershipEvent.history.filter(history_user=office_user).values_list("kind", "history_type")
    ) == {(K.ADMITTED, "-"), (K.MADE_OFFICIAL, "-"), (K.TRANSFERRED_IN, "+")}


def test_a_transfer_date_before_the_members_facts_or_in_the_future_is_refused():
    member = make_member()
    services.fact_record(member=member, kind=K.EXEMPTED, day=date(2024, 1, 1), today=TODAY)

    with pytest.raises(ValidationError) as after_facts:
        services.member_entry_by_transfer(member=member, entry_date=date(2025, 1, 1), today=TODAY)
    with pytest.raises(ValidationError) as future:
        services.member_entry_by_transfer(member=member, entry_date=date(2026, 12, 1), today=TODAY)

    assert after_facts.value.messages == [
        "Miễn công tác và sinh hoạt ngày 01/01/2024: sự kiện đầu tiên phải là kết nạp hoặc "
        "chuyển sinh hoạt đến."
    ]
    assert future.value.message_dict == {"entry_date": ["Ngày chuyển đến không được ở tương lai."]}
    assert kinds(member)[0] == (K.ADMITTED, date(1990, 5, 19))
