"""One number for "eligible" for the next round, on the dashboard and on the badge page, with
the line that says what it counts; the dashboard's names are links."""

import re
from datetime import date

import pytest
from django.urls import reverse

from ceremonies.queries import NextRound
from members import services
from members.models import MembershipEvent
from tests.factories import TODAY, CellFactory, make_member

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_today")]


@pytest.fixture
def register():
    """On 14/08/2026 the next round is 02/09/2026: An reaches 30 years before it (regular),
    Bình is seriously ill with 30 years in 2027 (early), Cường died after 30 years
    (posthumous), Dũng reaches 30 years only in October."""
    cell = CellFactory(name="Chi bộ A")
    found = {
        "An": make_member(
            cell=cell,
            full_name="Nguyễn Văn An",
            admission_date=date(1996, 9, 1),
            official_date=date(1997, 9, 1),
        ),
        "Bình": make_member(
            cell=cell,
            full_name="Trần Thị Bình",
            admission_date=date(1997, 6, 1),
            official_date=date(1998, 6, 1),
            seriously_ill=True,
            seriously_ill_reason="Điều trị dài ngày",
        ),
        "Cường": make_member(
            cell=cell,
            full_name="Lê Văn Cường",
            admission_date=date(1985, 3, 1),
            official_date=date(1986, 3, 1),
        ),
        "Dũng": make_member(
            cell=cell,
            full_name="Phạm Văn Dũng",
            admission_date=date(1996, 10, 1),
            official_date=date(1997, 10, 1),
        ),
    }
    services.fact_record(
        member=found["Cường"], kind=MembershipEvent.Kind.DIED, day=date(2020, 5, 1)
    )
    return found


def test_the_dashboard_and_the_badge_page_show_the_same_number(office_client, register):
    dashboard = office_client.get(reverse("reports:dashboard"))
    badges = office_client.get(reverse("ceremonies:index"))

    assert date(2026, 8, 14) == TODAY
    eligible = [
        (row.full_name, row.evaluation.kind) for row in dashboard.context["round_candidates"]
    ]
    assert sorted(eligible) == [
        ("Lê Văn Cường", "posthumous"),
        ("Nguyễn Văn An", "regular"),
        ("Trần Thị Bình", "early"),
    ]
    dashboard_html, badges_html = dashboard.content.decode(), badges.content.decode()
    assert "<strong>3</strong> đảng viên đủ điều kiện:" in dashboard_html
    assert "Đợt tặng Huy hiệu sắp tới: 02/09/2026" in dashboard_html
    said = " ".join(re.sub(r"<[^>]+>", "", badges_html.split('app-next-round">')[1]).split()[:11])
    assert said == "Đợt tặng sắp tới: 02/09/2026: 3 đảng viên đủ điều kiện."
    assert "gần nhất" not in badges_html
    for html in (dashboard_html, badges_html):
        assert NextRound.EXPLANATION in html


def test_the_names_on_the_dashboard_are_links(office_client, register):
    html = office_client.get(reverse("reports:dashboard")).content.decode()

    round_box = html.split("app-dashboard-round")[1].split("app-dashboard-coming")[0]
    for key in ("An", "Bình", "Cường"):
        member = register[key]
        link = (
            f'<a href="{reverse("members:member_detail", args=[member.pk])}">{member.full_name}</a>'
        )
        assert link in round_box
