import json
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ceremonies import services as rounds
from members import services
from tests.factories import CellFactory, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def register():
    cell = CellFactory(name="Chi bộ Hội Vật lý")
    make_member(
        cell=cell,
        full_name="Nguyễn Thị Ánh",
        sex="F",
        party_card_number="00012345",
        admission_date=date(1996, 2, 29),
        official_date=date(1997, 3, 1),
    )
    dead = make_member(
        cell=cell,
        full_name="Lê Văn Bình",
        admission_date=date(1976, 5, 19),
        official_date=date(1977, 5, 19),
    )
    services.fact_record(member=dead, kind="died", day=date(2025, 12, 1), today=date(2026, 1, 1))


def test_json_output_is_exactly_the_contract(register, capsys):
    call_command("badge_candidates", "--date", "2026-02-28", "--json")

    assert json.loads(capsys.readouterr().out) == [
        {
            "full_name": "Lê Văn Bình",
            "party_card_number": None,
            "cell": "Chi bộ Hội Vật lý",
            "milestone": 50,
            "kind": "posthumous_early",
            "due_date": "2026-05-19",
        },
        {
            "full_name": "Nguyễn Thị Ánh",
            "party_card_number": "00012345",
            "cell": "Chi bộ Hội Vật lý",
            "milestone": 30,
            "kind": "regular",
            "due_date": "2026-02-28",
        },
    ]


def test_the_day_before_the_due_date_leaves_her_out(register, capsys):
    call_command("badge_candidates", "--date", "2026-02-27", "--json")

    assert [row["full_name"] for row in json.loads(capsys.readouterr().out)] == ["Lê Văn Bình"]


def test_table_output(register, capsys):
    call_command("badge_candidates", "--date", "2026-03-01")

    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Đợt tặng ngày 01/03/2026: 2 đảng viên đủ điều kiện"
    assert lines[2].split() == [
        "1",
        "Lê",
        "Văn",
        "Bình",
        "50",
        "truy",
        "tặng",
        "sớm",
        "19/05/2026",
        "Chi",
        "bộ",
        "Hội",
        "Vật",
        "lý",
    ]


def test_a_bad_date_is_refused_in_vietnamese():
    with pytest.raises(
        CommandError, match=r"Ngày không hợp lệ: 28/02/2026 \(cần dạng YYYY-MM-DD\)."
    ):
        call_command("badge_candidates", "--date", "28/02/2026")


def test_a_member_proposed_in_an_open_round_on_another_date_is_not_listed(register, capsys):
    round_ = rounds.round_create(day=date(2026, 2, 3), occasion="0302")
    assert rounds.round_fill(round_=round_) == 1  # Lê Văn Bình, 50 years, posthumous early

    call_command("badge_candidates", "--date", "2026-02-28", "--json")
    later = json.loads(capsys.readouterr().out)
    call_command("badge_candidates", "--date", "2026-02-03", "--json")
    same_day = json.loads(capsys.readouterr().out)

    assert [(row["full_name"], row["milestone"]) for row in later] == [("Nguyễn Thị Ánh", 30)]
    assert [(row["full_name"], row["milestone"]) for row in same_day] == [("Lê Văn Bình", 50)]


def test_a_member_is_listed_again_once_the_other_round_is_cancelled(register, capsys):
    round_ = rounds.round_create(day=date(2026, 2, 3), occasion="0302")
    rounds.round_fill(round_=round_)
    rounds.round_cancel(round_=round_, reason="Nhập nhầm")

    call_command("badge_candidates", "--date", "2026-02-28", "--json")

    assert [row["full_name"] for row in json.loads(capsys.readouterr().out)] == [
        "Lê Văn Bình",
        "Nguyễn Thị Ánh",
    ]
