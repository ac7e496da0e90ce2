"""The event form and the member page say what they do: the default kind fits the member, only
the chosen kind's fields are kept, messages and questions name the fact."""

from datetime import date

import pytest
from django.urls import reverse

from members import services
from members.models import MembershipEvent
from tests.factories import CellFactory, make_member

pytestmark = pytest.mark.django_db


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_the_form_opens_on_the_next_fact_of_the_member(office_client):
    official = make_member(full_name="Nguyễn Văn An")
    probationary = make_member(full_name="Lê Thị Bình", official_date=None)

    forms = [
        office_client.get(reverse("members:fact_create", args=[m.pk])).context["form"]
        for m in (official, probationary)
    ]

    assert [form["kind"].value() for form in forms] == ["cell_transfer", "made_official"]
    html = office_client.get(reverse("members:fact_create", args=[official.pk])).content.decode()
    assert '<script id="fact-fields" type="application/json">' in html
    assert '"died": ["day", "note"]' in html
    assert "/static/js/fact_form.js" in html


def test_recording_a_fact_says_which_and_keeps_only_the_fields_of_its_kind(office_client):
    member = make_member(full_name="Nguyễn Văn An", cell=CellFactory(name="Chi bộ A"))
    other = CellFactory(name="Chi bộ B")

    response = office_client.post(
        reverse("members:fact_create", args=[member.pk]),
        {
            "kind": "transferred_out",
            "day": "01/02/2024",
            "cell": other.pk,  # typed before the kind was changed: not a field of a transfer out
            "counterpart": "Đảng bộ Bộ Y tế",
            "decision_number": "15-GGT/ĐU",
            "note": "",
        },
        follow=True,
    )

    event = member.events.get(kind="transferred_out")
    assert messages_of(response) == ["Đã ghi sự kiện Chuyển sinh hoạt đi ngày 01/02/2024."]
    assert (event.cell.name, event.counterpart, event.decision_number) == (
        "Chi bộ A",
        "Đảng bộ Bộ Y tế",
        "15-GGT/ĐU",
    )


def test_a_transfer_out_without_its_place_is_refused_and_nothing_recorded(office_client):
    member = make_member()

    response = office_client.post(
        reverse("members:fact_create", args=[member.pk]),
        {"kind": "transferred_out", "day": "01/02/2024"},
    )

    assert response.context["form"].errors == {
        "counterpart": ["Hãy ghi nơi chuyển đi / chuyển đến."]
    }
    assert not member.events.filter(kind="transferred_out").exists()


def test_the_delete_button_names_the_fact_and_the_message_too(office_client):
    member = make_member()
    services.fact_record(member=member, kind=MembershipEvent.Kind.EXEMPTED, day=date(2020, 2, 1))
    event = member.events.get(kind="exempted")

    page = office_client.get(reverse("members:member_detail", args=[member.pk])).content.decode()
    deleted = office_client.post(
        reverse("members:fact_delete", args=[member.pk, event.pk]), follow=True
    )

    assert 'data-confirm="Xóa sự kiện “Miễn công tác và sinh hoạt” ngày 01/02/2020?"' in page
    assert "Xóa mục này?" not in page
    assert messages_of(deleted) == ["Đã xóa sự kiện Miễn công tác và sinh hoạt 01/02/2020."]


def test_interruptions_and_disciplines_say_what_was_recorded(office_client):
    member = make_member(admission_date=date(1990, 5, 19))

    gap = office_client.post(
        reverse("members:interruption_create", args=[member.pk]),
        {"start": "01/01/2000", "end": "31/03/2000", "reason": "other", "note": ""},
        follow=True,
    )
    warning = office_client.post(
        reverse("members:discipline_create", args=[member.pk]),
        {"form": "warning", "decision_date": "29/02/2024"},
        follow=True,
    )

    assert messages_of(gap) == ["Đã thêm thời gian gián đoạn 01/01/2000–31/03/2000."]
    assert messages_of(warning) == ["Đã ghi kỷ luật Cảnh cáo ngày 29/02/2024."]
