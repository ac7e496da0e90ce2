import pytest
from django.urls import reverse

from members.party_age import add_months, add_years
from tests.factories import TODAY, CellFactory, make_member

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_today")]


@pytest.fixture
def register():
    cell = CellFactory(name="Chi bộ A")
    due_soon = add_months(add_years(TODAY, -30), 1)  # 30 years in a month
    make_member(
        cell=cell,
        full_name="Nguyễn Văn An",
        admission_date=due_soon,
        official_date=add_years(due_soon, 1),
    )
    make_member(
        cell=cell,
        full_name="Trần Thị Bình",
        sex="F",
        admission_date=add_months(TODAY, -13),
        official_date=None,
        date_of_birth=add_years(TODAY, -30),
    )
    make_member(
        cell=cell,
        full_name="Lê Văn Cường",
        admission_date=add_years(TODAY, -5),
        official_date=add_years(TODAY, -4),
    )
    return cell


def test_the_dashboard_shows_what_is_coming(office_client, register):
    response = office_client.get(reverse("reports:dashboard"))

    context = response.context
    assert (
        context["on_rolls"],
        context["cell_count"],
        context["coming_count"],
        context["probation_count"],
    ) == (3, 1, 1, 1)
    assert [row.full_name for row, _occasion in context["coming"]] == ["Nguyễn Văn An"]
    assert [m.full_name for m in context["probation"]] == ["Trần Thị Bình"]
    assert context["last_report"] is None
    html = response.content.decode()
    assert "Chưa có báo cáo nào được ban hành." in html
    assert f"Đợt tặng Huy hiệu sắp tới: {context['round_date']:%d/%m/%Y}" in html


@pytest.mark.parametrize("item_count", [1, 3])
def test_the_dashboard_takes_a_fixed_number_of_queries(
    office_client, item_count, django_assert_num_queries
):
    cell = CellFactory()
    for n in range(item_count):
        make_member(
            cell=cell,
            full_name=f"Vũ Văn {'ABC'[n]}",
            admission_date=add_months(TODAY, -13),
            official_date=None,
            date_of_birth=add_years(TODAY, -30),
        )
        make_member(  # settled: due for the 30-year badge next month
            cell=cell,
            full_name=f"Đỗ Văn {'ABC'[n]}",
            admission_date=add_months(add_years(TODAY, -30), 1),
            official_date=add_months(add_years(TODAY, -29), 1),
        )

    # session, user, counts (members, cells), next round, rules (at the round, at the end of the
    # three months), open proposals (8); the round's candidates: those the rules decide (a range
    # of the stored dates), disciplines, cells, the settled counted, the settled listed and their
    # cells (6); the members coming: the same six (6); probation (count, list), last report,
    # profile (4)
    with django_assert_num_queries(24):
        response = office_client.get(reverse("reports:dashboard"))

    assert response.context["probation_count"] == item_count
    make_member(
        cell=cell,
        full_name="Vũ Văn D",
        admission_date=add_months(TODAY, -13),
        official_date=None,
        date_of_birth=add_years(TODAY, -30),
    )
    assert (
        office_client.get(reverse("reports:dashboard")).context["probation_count"] == item_count + 1
    )
