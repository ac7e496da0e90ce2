"""A rule version entered from 19/05/2026 with 30, 35, …, 95 (HD 01-HD/TW 2026, as reported):
from that date every answer follows it, and what is dated before keeps the older version."""

import io
import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from ceremonies import services as rounds
from ceremonies.forms import AddProposalForm, BadgeForm
from ceremonies.milestones import known_milestones
from ceremonies.models import BadgeRules, BonusCoefficient, rules_on
from ceremonies.queries import candidates
from members import services
from members.imports import plan_import
from members.models import Member
from reports.data import membership_summary
from reports.periods import Period
from tests.factories import MILESTONES, CellFactory, make_member
from tests.spreadsheets import csv_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_today")]  # today: 14/08/2026
VERSION_FROM = date(2026, 5, 19)
WITH_35_AND_95 = "30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95"
ROUND_DAY = date(2026, 11, 7)


@pytest.fixture
def register():
    BadgeRules.objects.create(
        valid_from=VERSION_FROM,
        milestones=WITH_35_AND_95,
        legal_basis="Hướng dẫn 01-HD/TW ngày 19/5/2026 (theo nguồn thứ cấp)",
    )
    cell = CellFactory(name="Chi bộ A")

    def member(name, admitted, held, **extra):
        found = make_member(
            cell=cell,
            full_name=name,
            admission_date=admitted,
            official_date=admitted.replace(year=admitted.year + 1),
            **extra,
        )
        services.badge_record(member=found, milestone=held, milestones=MILESTONES)
        return found

    ill = {"seriously_ill": True, "seriously_ill_reason": "Bệnh hiểm nghèo, có xác nhận y tế"}
    return {
        "an": member("Nguyễn Văn An", date(1991, 10, 1), 30),  # 35 due 01/10/2026
        "binh": member("Trần Thị Bình", date(1992, 6, 1), 30, sex="F", **ill),  # 35: 01/06/2027
        "cuong": member(
            "Lê Văn Cường", date(1931, 12, 1), 90, date_of_birth=date(1911, 3, 1), **ill
        ),  # 95 due 01/12/2026
        "dat": member("Phạm Văn Đạt", date(1991, 3, 1), 30),  # 35 fell due before the version
    }


def answers(rows):
    return [
        (r.full_name, r.evaluation.milestone, r.evaluation.kind, r.evaluation.due_date)
        for r in rows
    ]


def candidates_on(day):
    return answers(candidates(Member.objects.all(), on=day, rules=rules_on(day)))


def test_candidates_follow_the_version_from_its_date_and_not_before(register):
    assert candidates_on(ROUND_DAY) == [
        ("Lê Văn Cường", 95, "early", date(2026, 12, 1)),
        ("Nguyễn Văn An", 35, "regular", date(2026, 10, 1)),
        ("Trần Thị Bình", 35, "early", date(2027, 6, 1)),
        ("Phạm Văn Đạt", 35, "regular", date(2026, 3, 1)),
    ]
    assert candidates_on(VERSION_FROM) == [
        ("Lê Văn Cường", 95, "early", date(2026, 12, 1)),  # 24 months early in the 70–95 group
        ("Phạm Văn Đạt", 35, "regular", date(2026, 3, 1)),
    ]
    # The day before, and the rounds before it, keep the 2021 milestones: no 35, no 95.
    assert candidates_on(date(2026, 5, 18)) == []
    assert candidates_on(date(2026, 2, 3)) == []


def test_the_command_lists_the_35_and_95_year_candidates(register):
    out = io.StringIO()
    call_command("badge_candidates", "--date", "2026-11-07", "--json", stdout=out)

    assert [(c["full_name"], c["milestone"], c["kind"]) for c in json.loads(out.getvalue())] == [
        ("Lê Văn Cường", 95, "early"),
        ("Nguyễn Văn An", 35, "regular"),
        ("Trần Thị Bình", 35, "early"),
        ("Phạm Văn Đạt", 35, "regular"),
    ]


def test_the_member_page_the_upcoming_page_and_the_home_page_follow_it(office_client, register):
    an = register["an"]
    panel = office_client.get(
        reverse("ceremonies:member_explanation", args=[an.pk]), {"panel": 1}
    ).content.decode()
    outlook = office_client.get(reverse("ceremonies:index"), {"months": 3}).context["outlook"]
    home = office_client.get(reverse("reports:dashboard")).context

    assert panel.count("Huy hiệu 35 năm đến hạn ngày 01/10/2026") == 1  # said once
    assert [(r.full_name, r.evaluation.milestone, day) for r, day in outlook.due] == [
        ("Nguyễn Văn An", 35, ROUND_DAY)
    ]
    assert [(r.full_name, r.evaluation.milestone) for r in outlook.early] == [
        ("Lê Văn Cường", 95),
        ("Trần Thị Bình", 35),
    ]
    assert outlook.candidates_now == 1  # Đạt, whose 35 years are reached already
    assert [(r.full_name, r.evaluation.milestone) for r, _day in home["coming"]] == [
        ("Nguyễn Văn An", 35)
    ]


def test_the_list_filter_leads_to_the_same_answer(office_client, register):
    response = office_client.get(reverse("members:member_list"), {"milestone": "3"}, follow=True)

    assert [
        (r.full_name, r.evaluation.milestone) for r, _day in response.context["outlook"].due
    ] == [("Nguyễn Văn An", 35)]


def test_the_forms_offer_every_milestone_of_a_version(register):
    milestones = known_milestones().values
    offered = dict(AddProposalForm(milestones=milestones).fields["milestone"].choices)
    badges = dict(BadgeForm(milestones=milestones).fields["milestone"].choices)

    assert (35 in offered, 95 in offered, 35 in badges, 95 in badges) == (True, True, True, True)
    assert sorted(milestones) == [int(m) for m in WITH_35_AND_95.split(", ")]


def test_the_round_its_list_its_decision_and_the_report_follow_it(office_client, register):
    round_ = rounds.round_create(day=ROUND_DAY, occasion="1107")
    rounds.round_fill(round_=round_)
    rounds.round_lock(round_=round_, today=date(2026, 8, 10))
    rounds.round_submit(round_=round_, on=date(2026, 8, 12))
    page = office_client.get(
        reverse("ceremonies:round_document", args=[round_.pk, "4", "html"])
    ).content.decode()

    with pytest.raises(
        ValidationError, match="Chưa có hệ số tiền thưởng cho Huy hiệu 35 năm, 95 năm"
    ):
        rounds.round_decide(
            round_=round_, decision_number="9-QĐ/ĐUK", decision_date=date(2026, 8, 14)
        )
    for milestone, coefficient in ((35, "1.75"), (95, "20")):
        BonusCoefficient.objects.create(
            milestone=milestone, valid_from=VERSION_FROM, coefficient=Decimal(coefficient)
        )
    rounds.round_decide(round_=round_, decision_number="9-QĐ/ĐUK", decision_date=date(2026, 8, 14))

    assert page.count("Huy hiệu 35 năm tuổi Đảng") == 3
    assert page.count("Huy hiệu 95 năm tuổi Đảng") == 1
    assert sorted(round_.proposals.values_list("milestone", "bonus")) == [
        (35, 4_427_500),  # 1.75 × 2,530,000
        (35, 4_427_500),
        (35, 4_427_500),
        (95, 50_600_000),
    ]
    assert membership_summary(Period.year(2026)).contract()["badges"] == {"35": 3, "95": 1}


def test_the_import_accepts_a_35_year_badge_and_names_the_versions_when_it_refuses(register):
    content = csv_bytes(
        [
            ["Ngô Văn Sơn", "Chi bộ A", "01/01/1988", "01/01/1989", "30; 35"],
            ["Đỗ Văn Tâm", "Chi bộ A", "01/01/1988", "01/01/1989", "33"],
        ],
        headers=["Họ và tên", "Chi bộ", "Ngày vào Đảng", "Ngày chính thức", "Huy hiệu đã nhận"],
    )

    plan = plan_import("danh-sach.csv", content, milestones=known_milestones())

    assert [(e.row, e.column, e.message) for e in plan.errors] == [
        (
            3,
            "Huy hiệu đã nhận",
            "“33” không phải mốc Huy hiệu của quy định nào: "
            "30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90 (từ 28/09/2021); "
            f"{WITH_35_AND_95} (từ 19/05/2026).",
        )
    ]
