"""Cells as dated facts (DOMAIN.md §5): founding date, merger, dissolution, live names unique."""

import unicodedata
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from members import services
from members.enums import EventKind, Status
from members.models import Member, MembershipEvent, Organisation
from tests.factories import CellFactory, make_member

pytestmark = pytest.mark.django_db
TODAY = date(2026, 1, 15)
MERGER = date(2025, 7, 1)


def message(error: ValidationError) -> str:
    return " ".join(error.messages)


@pytest.fixture
def cells():
    return CellFactory(name="Chi bộ Hội Vật lý"), CellFactory(name="Chi bộ Hội Hóa học")


def member(cell, name, **values):
    return make_member(cell=cell, full_name=name, today=TODAY, **values)


def test_a_merger_moves_the_members_on_the_rolls_that_day_and_ends_the_cell(cells, office_user):
    old, new = cells
    staying = member(old, "Nguyễn Văn An")
    died = member(old, "Lê Văn Bình")
    services.fact_record(member=died, kind="died", day=date(2025, 3, 1), today=TODAY)
    came_after = member(new, "Trần Văn Cường")

    moved = services.cell_merge(
        cell=old, into=new, day=MERGER, decision_number="12-QĐ/ĐU", user=office_user, today=TODAY
    )

    assert moved == 1
    old.refresh_from_db()
    assert (old.ended_on, old.merged_into) == (MERGER, new)
    staying.refresh_from_db()
    assert (staying.cell, staying.status, staying.version) == (new, Status.ACTIVE, 2)
    assert list(staying.events.values_list("kind", "date", "cell", "decision_number", "note")) == [
        (EventKind.ADMITTED, date(1990, 5, 19), old.pk, "", ""),
        (EventKind.MADE_OFFICIAL, date(1991, 5, 19), old.pk, "", ""),
        (
            EventKind.CELL_TRANSFER,
            MERGER,
            new.pk,
            "12-QĐ/ĐU",
            "Sáp nhập Chi bộ Hội Vật lý vào Chi bộ Hội Hóa học.",
        ),
    ]
    died.refresh_from_db()
    assert (died.cell, died.events.count()) == (old, 3)
    assert came_after.events.count() == 2
    # In the audit trail, by the user who merged.
    assert [(h.history_type, h.history_user, h.ended_on) for h in old.history.all()[:1]] == [
        ("~", office_user, MERGER)
    ]
    assert [(h.history_type, h.history_user, h.cell_id) for h in staying.history.all()[:1]] == [
        ("~", office_user, new.pk)
    ]
    transfer = staying.events.get(kind=EventKind.CELL_TRANSFER)
    assert [(h.history_type, h.history_user) for h in transfer.history.all()] == [
        ("+", office_user)
    ]


def test_a_merger_takes_the_members_later_facts_in_the_old_cell_with_them(cells):
    old, new = cells
    probationary = member(
        old, "Nguyễn Văn An", admission_date=date(2024, 10, 1), official_date=None
    )
    services.fact_record(
        member=probationary, kind="made_official", day=date(2025, 10, 1), today=TODAY
    )

    services.cell_merge(cell=old, into=new, day=MERGER, today=TODAY)

    assert list(probationary.events.values_list("kind", "date", "cell")) == [
        (EventKind.ADMITTED, date(2024, 10, 1), old.pk),
        (EventKind.CELL_TRANSFER, MERGER, new.pk),
        (EventKind.MADE_OFFICIAL, date(2025, 10, 1), new.pk),
    ]


def test_a_merger_is_refused_when_a_member_entered_the_old_cell_after_it(cells):
    old, new = cells
    mover = member(new, "Nguyễn Văn An")
    services.fact_record(
        member=mover, kind="cell_transfer", day=date(2025, 8, 1), cell=old, today=TODAY
    )

    with pytest.raises(ValidationError) as refused:
        services.cell_merge(cell=old, into=new, day=MERGER, today=TODAY)

    assert message(refused.value) == (
        "Nguyễn Văn An: chuyển sinh hoạt giữa các chi bộ vào Chi bộ Hội Vật lý ngày 01/08/2025, "
        "từ ngày 01/07/2025 chi bộ đã không còn. Sửa sự kiện này trước."
    )
    old.refresh_from_db()
    assert old.ended_on is None
    assert MembershipEvent.objects.filter(kind=EventKind.CELL_TRANSFER).count() == 1


@pytest.mark.parametrize(
    ("into_name", "day", "expected"),
    [
        ("Chi bộ Hội Vật lý", MERGER, "Hãy chọn một chi bộ khác để sáp nhập vào."),
        (
            "Chi bộ Hội Hóa học",
            date(2026, 1, 16),
            "Ngày sáp nhập hoặc giải thể không được ở tương lai.",
        ),
    ],
)
def test_a_merger_into_itself_or_in_the_future_is_refused(cells, into_name, day, expected):
    old, _new = cells

    with pytest.raises(ValidationError) as refused:
        services.cell_merge(
            cell=old, into=Organisation.objects.get(name=into_name), day=day, today=TODAY
        )

    assert message(refused.value) == expected


def test_a_merger_into_a_cell_founded_after_it_is_refused(cells):
    old, new = cells
    services.cell_set_founded(cell=new, founded_on=date(2025, 9, 1), today=TODAY)

    with pytest.raises(ValidationError) as refused:
        services.cell_merge(cell=old, into=new, day=MERGER, today=TODAY)

    assert message(refused.value) == (
        "Chi bộ Hội Hóa học thành lập ngày 01/09/2025, sau ngày 01/07/2025."
    )


def test_a_cell_with_members_on_its_rolls_cannot_be_dissolved(cells):
    old, _new = cells
    member(old, "Nguyễn Văn An")

    with pytest.raises(ValidationError) as refused:
        services.cell_dissolve(cell=old, day=MERGER, today=TODAY)

    assert message(refused.value) == (
        "Ngày 01/07/2025 Chi bộ Hội Vật lý còn 1 đảng viên (Nguyễn Văn An): chuyển sinh hoạt "
        "họ sang chi bộ khác trước, hoặc sáp nhập chi bộ."
    )


def test_a_cell_whose_members_all_left_is_dissolved(cells):
    old, new = cells
    moved = member(old, "Nguyễn Văn An")
    services.fact_record(
        member=moved, kind="cell_transfer", day=date(2025, 6, 1), cell=new, today=TODAY
    )

    services.cell_dissolve(cell=old, day=MERGER, today=TODAY)

    old.refresh_from_db()
    assert (old.ended_on, old.merged_into) == (MERGER, None)
    with pytest.raises(ValidationError) as again:
        services.cell_dissolve(cell=old, day=date(2025, 8, 1), today=TODAY)
    assert message(again.value) == "Chi bộ Hội Vật lý đã giải thể từ ngày 01/07/2025."


def test_nobody_enters_a_cell_after_it_ended(cells):
    old, new = cells
    services.cell_merge(cell=old, into=new, day=MERGER, today=TODAY)
    elsewhere = member(new, "Nguyễn Văn An")

    with pytest.raises(ValidationError) as created:
        member(old, "Lê Văn Bình", admission_date=date(2025, 8, 1), official_date=None)
    with pytest.raises(ValidationError) as moved:
        services.fact_record(
            member=elsewhere, kind="cell_transfer", day=date(2025, 8, 1), cell=old, today=TODAY
        )
    # Nor on an earlier day: the merger moved whoever was there, and would miss this member.
    with pytest.raises(ValidationError) as earlier:
        services.fact_record(
            member=elsewhere, kind="cell_transfer", day=date(2020, 8, 1), cell=old, today=TODAY
        )

    expected = "Chi bộ Hội Vật lý đã sáp nhập vào Chi bộ Hội Hóa học từ ngày 01/07/2025."
    assert [message(e.value) for e in (created, moved, earlier)] == [expected] * 3


def test_the_founding_date_cannot_follow_the_first_member_nor_be_in_the_future(cells):
    old, _new = cells
    member(old, "Nguyễn Văn An", admission_date=date(2020, 3, 1), official_date=None)

    with pytest.raises(ValidationError) as late:
        services.cell_set_founded(cell=old, founded_on=date(2020, 3, 2), today=TODAY)
    with pytest.raises(ValidationError) as future:
        services.cell_set_founded(cell=old, founded_on=date(2026, 1, 16), today=TODAY)
    services.cell_set_founded(cell=old, founded_on=date(2020, 3, 1), today=TODAY)

    assert message(late.value) == (
        "Chi bộ đã có đảng viên sinh hoạt từ ngày 01/03/2020: ngày thành lập không thể sau ngày đó."
    )
    assert message(future.value) == "Ngày thành lập không được ở tương lai."
    old.refresh_from_db()
    assert old.founded_on == date(2020, 3, 1)


# --- names -------------------------------------------------------------------------------------


def test_a_new_cell_may_not_take_a_live_cells_name_in_any_case_spacing_or_form(cells):
    for typed in ("chi bộ  HỘI vật lý", unicodedata.normalize("NFD", "Chi bộ Hội Vật lý")):
        with pytest.raises(ValidationError) as refused:
            services.cell_create(name=typed)
        assert refused.value.message_dict == {"name": ["Đã có chi bộ tên “Chi bộ Hội Vật lý”."]}

    other = services.cell_create(name="Chi bộ Hội Vật Lỹ")  # another tone mark, another name
    assert other.name == "Chi bộ Hội Vật Lỹ"


def test_a_rename_may_not_give_two_live_cells_one_name(cells):
    physics, chemistry = cells

    with pytest.raises(ValidationError) as refused:
        services.organisation_rename(
            organisation=chemistry, name="CHI BỘ HỘI VẬT LÝ", valid_from=MERGER, today=TODAY
        )

    assert refused.value.message_dict == {"name": ["Đã có chi bộ tên “Chi bộ Hội Vật lý”."]}
    services.organisation_rename(
        organisation=physics, name="chi bộ hội vật lý", valid_from=MERGER, today=TODAY
    )  # its own name in another case is a rename
    physics.refresh_from_db()
    assert physics.name == "chi bộ hội vật lý"


def test_the_database_refuses_two_live_cells_of_one_name_but_not_an_ended_one(cells):
    old, new = cells
    root = old.parent

    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(kind="cell", name=" CHI BỘ HỘI VẬT LÝ", parent=root)
    services.cell_merge(cell=old, into=new, day=MERGER, today=TODAY)
    again = services.cell_create(name="Chi bộ Hội Vật lý")

    assert Organisation.objects.filter(name_key=again.name_key).count() == 2


# --- pages ------------------------------------------------------------------------------------


def test_the_office_merges_a_cell_on_its_page_and_the_list_says_so(office_client, cells):
    old, new = cells
    member(old, "Nguyễn Văn An")

    response = office_client.post(
        reverse("members:cell_merge", args=[old.pk]),
        {"into": new.pk, "day": "01/07/2025", "decision_number": "12-QĐ/ĐU"},
        follow=True,
    )

    assert [str(m) for m in response.context["messages"]] == [
        "Đã sáp nhập Chi bộ Hội Vật lý vào Chi bộ Hội Hóa học: 1 đảng viên chuyển sang."
    ]
    assert "Đã sáp nhập vào Chi bộ Hội Hóa học từ 01/07/2025" in response.content.decode()
    assert Member.objects.get().cell == new


def test_the_merge_page_shows_a_refusal_and_changes_nothing(office_client, cells, pinned_today):
    old, new = cells

    response = office_client.post(
        reverse("members:cell_merge", args=[old.pk]), {"into": new.pk, "day": "15/08/2026"}
    )

    assert response.context["form"].errors == {
        "day": ["Ngày sáp nhập hoặc giải thể không được ở tương lai."]
    }
    old.refresh_from_db()
    assert old.ended_on is None


def test_the_office_dissolves_and_dates_a_cell_on_their_pages(office_client, cells):
    old, _new = cells

    founded = office_client.post(
        reverse("members:cell_founded", args=[old.pk]), {"founded_on": "01/02/2010"}, follow=True
    )
    dissolved = office_client.post(
        reverse("members:cell_dissolve", args=[old.pk]), {"day": "01/07/2025"}, follow=True
    )

    assert [str(m) for m in founded.context["messages"]] == [
        "Đã ghi ngày thành lập Chi bộ Hội Vật lý: 01/02/2010."
    ]
    assert [str(m) for m in dissolved.context["messages"]] == [
        "Đã ghi Chi bộ Hội Vật lý giải thể từ ngày 01/07/2025."
    ]
    old.refresh_from_db()
    assert (old.founded_on, old.ended_on) == (date(2010, 2, 1), date(2025, 7, 1))
