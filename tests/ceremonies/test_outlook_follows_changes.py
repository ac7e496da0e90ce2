"""The "Sắp đến hạn" page reads the members whose stored first possible round date is in its range
(Member.candidate_from): every change it depends on shows on the next request."""

import pytest
from django.urls import reverse

from ceremonies import services as rounds
from ceremonies.milestones import known_milestones
from ceremonies.models import BadgeRules
from members import services
from members.imports import commit_import, plan_import
from members.party_age import add_months, add_years
from tests.factories import MILESTONES, TODAY, CellFactory, make_member
from tests.spreadsheets import xlsx_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_today")]
SOON = add_months(add_years(TODAY, -30), 2)  # 30 years in two months


@pytest.fixture
def cell():
    a = CellFactory(name="Chi bộ A")
    for name in ("Nguyễn Văn An", "Trần Văn Bình"):
        make_member(cell=a, full_name=name, admission_date=SOON, official_date=add_years(SOON, 1))
    return a


def due_names(client):
    outlook = client.get(reverse("ceremonies:index")).context["outlook"]
    return [row.full_name for row, _ in outlook.due]


def deferred_names(client):
    outlook = client.get(reverse("ceremonies:index")).context["outlook"]
    return [row.full_name for row, _ in outlook.deferred]


def test_the_page_reads_the_range_of_stored_dates(office_client, cell):
    assert due_names(office_client) == ["Nguyễn Văn An", "Trần Văn Bình"]

    cell.members.filter(full_name="Trần Văn Bình").update(candidate_from=add_years(TODAY, 2))

    assert due_names(office_client) == ["Nguyễn Văn An"]


def test_a_badge_recorded_takes_the_member_off_at_once(office_client, cell):
    assert due_names(office_client) == ["Nguyễn Văn An", "Trần Văn Bình"]

    services.badge_record(
        milestones=MILESTONES,
        member=cell.members.get(full_name="Nguyễn Văn An"),
        milestone=30,
        awarded_on=TODAY,
    )

    assert due_names(office_client) == ["Trần Văn Bình"]


def test_a_discipline_recorded_defers_the_member_at_once(office_client, cell):
    assert deferred_names(office_client) == []

    services.discipline_record(
        member=cell.members.get(full_name="Trần Văn Bình"),
        form="warning",
        decision_date=TODAY,
    )

    assert deferred_names(office_client) == ["Trần Văn Bình"]


def test_a_hold_set_on_the_member_defers_them_at_once(office_client, cell):
    assert deferred_names(office_client) == []
    member = cell.members.get(full_name="Nguyễn Văn An")

    services.member_update(
        member=member,
        values={"on_hold": True, "hold_reason": "Đang được kiểm tra"},
        expected_version=member.version,
    )

    assert deferred_names(office_client) == ["Nguyễn Văn An"]


def test_a_member_put_in_an_open_round_leaves_the_outlook(office_client, cell):
    assert due_names(office_client) == ["Nguyễn Văn An", "Trần Văn Bình"]
    round_ = rounds.round_create(day=add_months(TODAY, 3), occasion="other")

    assert rounds.round_fill(round_=round_) == 2

    assert due_names(office_client) == []


def test_a_new_rule_version_applies_at_once(office_client, cell):
    assert due_names(office_client) == ["Nguyễn Văn An", "Trần Văn Bình"]

    BadgeRules.objects.create(
        valid_from=TODAY, milestones="40, 50, 60, 70, 80, 90", legal_basis="Thử"
    )

    assert due_names(office_client) == []


def test_an_imported_member_shows_at_once(office_client, cell):
    assert due_names(office_client) == ["Nguyễn Văn An", "Trần Văn Bình"]
    row = {
        "Họ và tên": "Lê Văn Cường",
        "Ngày sinh": "01/01/1960",
        "Giới tính": "Nam",
        "Chi bộ": "Chi bộ A",
        "Ngày vào Đảng": f"{SOON:%d/%m/%Y}",
        "Ngày chính thức": f"{add_years(SOON, 1):%d/%m/%Y}",
    }
    plan = plan_import(
        "them.xlsx",
        xlsx_bytes([list(row.values())], headers=list(row)),
        milestones=known_milestones(),
    )
    assert plan.ok

    commit_import(plan, milestones=known_milestones(), today=TODAY)

    assert due_names(office_client) == ["Nguyễn Văn An", "Trần Văn Bình", "Lê Văn Cường"]


def test_a_secretary_never_gets_the_office_answer(office_client, client, make_user, cell):
    other = CellFactory(name="Chi bộ B")
    make_member(
        cell=other,
        full_name="Vũ Thị Chi",
        sex="F",
        admission_date=SOON,
        official_date=add_years(SOON, 1),
    )
    assert due_names(office_client) == ["Nguyễn Văn An", "Trần Văn Bình", "Vũ Thị Chi"]

    client.force_login(make_user("secretary", cells=[other]))

    assert due_names(client) == ["Vũ Thị Chi"]
