"""Two staff acting on one round at the same moment: one wins, nothing is doubled (PostgreSQL)."""

import threading
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from ceremonies import services
from ceremonies.models import Round
from members.models import Badge
from tests.factories import CellFactory, make_member
from vusta_party.models import DocumentCounter

# Skipped before any fixture runs: on SQLite the serialized rollback would otherwise reload the
# database for nothing (and fail after a test that restored a backup into it).
pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrent writers need PostgreSQL (make test-postgres runs this)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _at_once(action, times=2):
    """Run `action` in `times` threads released together; their outcomes, sorted."""
    barrier = threading.Barrier(times)
    outcomes = []

    def worker():
        try:
            barrier.wait()
            action()
            outcomes.append("ok")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


def _round(day, names):
    cell = CellFactory()
    for name in names:
        make_member(
            cell=cell,
            full_name=name,
            admission_date=date(1996, 1, 1),
            official_date=date(1997, 1, 1),
        )
    round_ = services.round_create(day=day, occasion="other")
    services.round_fill(round_=round_)
    return round_


@pytest.mark.parametrize("attempt", range(3))
def test_two_staff_lock_the_same_round_at_once(attempt):
    round_ = _round(date(2026, 9, 2), [f"Nguyễn Văn {c}{attempt}" for c in "AB"])

    outcomes = _at_once(
        lambda: services.round_lock(round_=Round.objects.get(pk=round_.pk), today=date(2026, 8, 1))
    )

    assert outcomes == ["Không thể chốt danh sách: đợt tặng đã chốt danh sách.", "ok"]
    assert Round.objects.get(pk=round_.pk).submission_number == 1
    assert DocumentCounter.objects.get(type_code="TTr").last_number == 1


def test_two_staff_record_the_decision_at_once():
    round_ = _round(date(2026, 9, 2), ["Trần Thị Bình", "Lê Văn Cường", "Phạm Văn Dũng"])
    services.round_lock(round_=round_, today=date(2026, 8, 1))
    services.round_submit(round_=round_, on=date(2026, 8, 2))

    outcomes = _at_once(
        lambda: services.round_decide(
            round_=Round.objects.get(pk=round_.pk),
            decision_number="9-QĐ",
            decision_date=date(2026, 8, 20),
        )
    )

    assert outcomes == ["Không thể ghi quyết định: đợt tặng đã có quyết định.", "ok"]
    assert Badge.objects.count() == 3


def test_two_rounds_locked_at_once_get_two_numbers():
    first = _round(date(2026, 9, 2), ["Vũ Văn Em"])
    second = _round(date(2026, 11, 7), ["Hồ Thị Giang"])
    rounds = iter([first.pk, second.pk])
    lock = threading.Lock()

    def lock_next():
        with lock:
            pk = next(rounds)
        services.round_lock(round_=Round.objects.get(pk=pk), today=date(2026, 8, 1))

    assert _at_once(lock_next) == ["ok", "ok"]
    assert sorted(Round.objects.values_list("submission_number", flat=True)) == [1, 2]


@pytest.mark.parametrize("attempt", range(3))
def test_two_staff_create_a_round_for_one_day_at_once(attempt):
    day = date(2026, 9 + attempt, 2)

    outcomes = _at_once(lambda: services.round_create(day=day, occasion="other"))

    assert outcomes == sorted(["ok", f"Đã có đợt tặng ngày {day:%d/%m/%Y}."])
    assert Round.objects.filter(date=day).count() == 1


def test_two_staff_give_one_badge_number_to_two_badges_at_once():
    rounds = []
    for day, name in ((date(2026, 9, 2), "Đỗ Văn Hải"), (date(2026, 11, 7), "Ngô Thị Lan")):
        round_ = _round(day, [name])
        services.round_lock(round_=round_, today=date(2026, 8, 1))
        services.round_submit(round_=round_, on=date(2026, 8, 2))
        services.round_decide(
            round_=round_, decision_number="9-QĐ", decision_date=date(2026, 8, 20)
        )
        rounds.append(round_)
    pending = iter(rounds)
    lock = threading.Lock()

    def give_the_number():
        with lock:
            round_ = next(pending)
        line = round_.proposals.get()
        services.round_set_badge_numbers(round_=round_, numbers={line.pk: "A001234"})

    outcomes = _at_once(give_the_number)

    holder = Badge.objects.get(badge_number="A001234").member.full_name
    assert outcomes == sorted(
        ["ok", f"Số Huy hiệu A001234 đã ghi cho Huy hiệu 30 năm của đảng viên {holder}."]
    )
