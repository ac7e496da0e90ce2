"""The dates of a round's steps: not after today, in order, corrected by the office with a
reason; the messages and confirmations of the steps say what they do."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from ceremonies import services
from ceremonies.models import Round
from ceremonies.workflow import step_date_errors
from members.models import Badge
from tests.factories import CellFactory, make_member
from vusta_party import clock

ROUND_DAY = date(2026, 9, 2)


def test_no_step_is_after_today_and_each_follows_the_one_before():
    today = date(2026, 8, 31)

    assert step_date_errors({"submission_date": date(2026, 8, 1)}, today=today) == {}
    assert step_date_errors(
        {
            "submission_date": date(2026, 8, 1),
            "submitted_on": date(2026, 7, 31),
            "decision_date": date(2026, 8, 20),
            "held_on": date(2026, 9, 2),
        },
        today=today,
    ) == {
        "submitted_on": "Ngày gửi cấp trên 31/07/2026 trước ngày chốt danh sách (01/08/2026).",
        "held_on": "Ngày tổ chức lễ 02/09/2026 sau hôm nay (31/08/2026): chỉ ghi việc đã diễn ra.",
    }
    # the same day is in order; 29/02 of a leap year is a day like another
    assert (
        step_date_errors(
            {
                "submission_date": date(2028, 2, 29),
                "submitted_on": date(2028, 2, 29),
                "decision_date": date(2028, 2, 29),
            },
            today=date(2028, 2, 29),
        )
        == {}
    )


@pytest.fixture
def submitted(db):
    make_member(
        cell=CellFactory(name="Chi bộ A"),
        full_name="Nguyễn Văn An",
        admission_date=date(1996, 8, 1),
        official_date=date(1997, 8, 1),
    )
    round_ = services.round_create(day=ROUND_DAY, occasion="0902")
    services.round_fill(round_=round_)
    services.round_lock(round_=round_, today=date(2026, 8, 1))
    services.round_submit(round_=round_, on=date(2026, 8, 3), today=date(2026, 8, 3))
    return round_


def test_a_future_or_disordered_step_is_refused_and_changes_nothing(submitted):
    round_ = submitted

    with pytest.raises(ValidationError) as future:
        services.round_decide(
            round_=round_,
            decision_number="1-QĐ",
            decision_date=date(2026, 8, 25),
            today=date(2026, 8, 20),
        )
    with pytest.raises(ValidationError) as early:
        services.round_decide(round_=round_, decision_number="1-QĐ", decision_date=date(2026, 8, 2))

    assert future.value.messages == [
        "Ngày quyết định 25/08/2026 sau hôm nay (20/08/2026): chỉ ghi việc đã diễn ra."
    ]
    assert early.value.messages == [
        "Ngày quyết định 02/08/2026 trước ngày gửi cấp trên (03/08/2026)."
    ]
    round_.refresh_from_db()
    assert (round_.state, round_.decision_date, Badge.objects.count()) == ("submitted", None, 0)


def test_the_ceremony_is_not_recorded_before_it_takes_place(submitted):
    round_ = submitted
    services.round_decide(
        round_=round_,
        decision_number="1-QĐ",
        decision_date=date(2026, 8, 20),
        today=date(2026, 8, 20),
    )

    with pytest.raises(ValidationError, match="Ngày tổ chức lễ 02/09/2026 sau hôm nay"):
        services.round_hold(round_=round_, held_on=ROUND_DAY, today=date(2026, 8, 21))
    with pytest.raises(ValidationError, match="Ngày tổ chức lễ 19/08/2026 trước ngày quyết"):
        services.round_hold(round_=round_, held_on=date(2026, 8, 19), today=date(2026, 9, 3))
    services.round_hold(round_=round_, held_on=ROUND_DAY, today=date(2026, 9, 3))

    round_.refresh_from_db()
    assert (round_.state, round_.held_on) == ("held", ROUND_DAY)


def test_the_office_corrects_a_wrong_date_with_a_reason_kept_in_the_audit_trail(
    submitted, office_user
):
    round_ = submitted
    services.round_decide(
        round_=round_,
        decision_number="1-QĐ",
        decision_date=date(2026, 8, 20),
        today=date(2026, 8, 20),
    )

    with pytest.raises(ValidationError, match="Hãy ghi lý do sửa ngày"):
        services.round_correct_dates(
            round_=round_, dates={"submitted_on": date(2026, 8, 4)}, reason=" "
        )
    with pytest.raises(ValidationError, match=r"Ngày quyết định 20/08/2026 trước ngày gửi"):
        services.round_correct_dates(
            round_=round_, dates={"submitted_on": date(2026, 8, 21)}, reason="Gõ nhầm"
        )
    changed = services.round_correct_dates(
        round_=round_,
        dates={"submitted_on": date(2026, 8, 4), "decision_date": date(2026, 8, 18)},
        reason="Gõ nhầm ngày theo công văn đến",
        user=office_user,
    )

    round_.refresh_from_db()
    assert changed == ["submitted_on", "decision_date"]
    assert (round_.submitted_on, round_.decision_date) == (date(2026, 8, 4), date(2026, 8, 18))
    assert Badge.objects.get().decision_date == date(2026, 8, 18)
    last = round_.history.latest("history_date")
    assert (last.history_change_reason, last.history_user) == (
        "Gõ nhầm ngày theo công văn đến",
        office_user,
    )


def test_a_date_not_yet_recorded_cannot_be_corrected(submitted):
    with pytest.raises(ValidationError) as refused:
        services.round_correct_dates(
            round_=submitted, dates={"decision_date": date(2026, 8, 10)}, reason="Sửa"
        )

    assert refused.value.messages == ["Không sửa được ngày quyết định: đợt tặng đã trình cấp trên."]


def test_excluding_and_putting_back_say_the_action_taken(office_client, submitted):
    round_ = services.round_create(day=date(2026, 11, 7), occasion="1107")
    make_member(
        cell=CellFactory(name="Chi bộ B"),
        full_name="Trần Thị Bình",
        admission_date=date(1996, 11, 1),
        official_date=date(1997, 11, 1),
    )
    services.round_fill(round_=round_)
    line = round_.proposals.get()
    url = reverse("ceremonies:proposal_toggle", args=[round_.pk, line.pk])

    left_out = office_client.post(url, {"note": "Chưa đủ hồ sơ"}, follow=True)
    put_back = office_client.post(url, follow=True)

    assert [str(m) for m in left_out.context["messages"]] == [
        "Đã loại khỏi danh sách đề nghị: Trần Thị Bình (lý do: Chưa đủ hồ sơ)."
    ]
    assert [str(m) for m in put_back.context["messages"]] == [
        "Đã đưa lại vào danh sách đề nghị: Trần Thị Bình."
    ]


def test_the_steps_ask_to_confirm_what_they_will_do(office_client, submitted, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: date(2026, 8, 20))
    draft = services.round_create(day=date(2026, 11, 7), occasion="1107")
    make_member(
        cell=CellFactory(name="Chi bộ B"),
        full_name="Trần Thị Bình",
        admission_date=date(1996, 11, 1),
        official_date=date(1997, 11, 1),
    )
    services.round_fill(round_=draft)

    page = office_client.get(reverse("ceremonies:round_detail", args=[draft.pk]))
    locked_one = office_client.get(reverse("ceremonies:round_detail", args=[submitted.pk]))

    confirm = page.context["confirm"]
    assert confirm["lock"] == (
        "Chốt danh sách 1 đảng viên: sẽ cấp số tờ trình 02-TTr/ĐU. Muốn sửa danh sách sau đó "
        "phải mở lại. Chốt danh sách?"
    )
    assert f'data-confirm="{confirm["lock"]}"' in page.content.decode()
    assert locked_one.context["confirm"]["lock"].startswith(
        "Chốt danh sách 1 đảng viên: giữ số tờ trình đã cấp 01-TTr."
    )
    assert Round.objects.get(pk=draft.pk).submission_number is None  # reading took no number


def test_the_correction_form_posts_a_corrected_date(office_client, submitted, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: date(2026, 8, 20))
    url = reverse("ceremonies:round_correct", args=[submitted.pk])

    refused = office_client.post(url, {"submitted_on": "04/08/2026"}, follow=True)
    done = office_client.post(url, {"submitted_on": "04/08/2026", "reason": "Gõ nhầm"}, follow=True)

    assert [str(m) for m in refused.context["messages"]] == ["Hãy ghi lý do sửa ngày."]
    assert [str(m) for m in done.context["messages"]] == [
        "Đã sửa ngày gửi cấp trên thành 04/08/2026."
    ]
