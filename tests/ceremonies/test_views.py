from datetime import date, timedelta

import pytest
from django.urls import reverse

from ceremonies.models import BadgeRules, rules_on
from members import services
from members.party_age import add_months, add_years
from tests.factories import MILESTONES, TODAY, CellFactory, make_member
from tests.spreadsheets import table

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_today")]


@pytest.fixture
def register():
    a, b = CellFactory(name="Chi bộ A"), CellFactory(name="Chi bộ B")
    soon = add_months(add_years(TODAY, -30), 2)  # 30 years in two months
    make_member(
        cell=a, full_name="Nguyễn Văn An", admission_date=soon, official_date=add_years(soon, 1)
    )
    make_member(
        cell=b,
        full_name="Trần Thị Bình",
        sex="F",
        admission_date=soon,
        official_date=add_years(soon, 1),
    )
    ill = make_member(
        cell=a,
        full_name="Lê Văn Cường",
        admission_date=add_months(add_years(TODAY, -40), 10),
        official_date=add_months(add_years(TODAY, -39), 10),
    )
    services.member_update(
        member=ill,
        values={"seriously_ill": True, "seriously_ill_reason": "Ung thư"},
        expected_version=ill.version,
    )
    held = make_member(
        cell=a,
        full_name="Phạm Văn Dũng",
        admission_date=add_months(add_years(TODAY, -45), 1),
        official_date=add_months(add_years(TODAY, -44), 1),
    )
    services.member_update(
        member=held,
        values={"on_hold": True, "hold_reason": "Đang được kiểm tra"},
        expected_version=held.version,
    )
    return a, b, soon


def test_outlook_page_lists_due_early_and_deferred(office_client, register):
    _a, _b, soon = register

    response = office_client.get(reverse("ceremonies:index"))

    outlook = response.context["outlook"]
    assert [(r.full_name, r.evaluation.due_date) for r, _ in outlook.due] == [
        ("Nguyễn Văn An", add_years(soon, 30)),
        ("Trần Thị Bình", add_years(soon, 30)),
    ]
    assert [r.full_name for r in outlook.early] == ["Lê Văn Cường"]
    assert [(r.full_name, answer.reason) for r, answer in outlook.deferred] == [
        ("Phạm Văn Dũng", "Tạm hoãn: Đang được kiểm tra.")
    ]
    assert "Tạm hoãn: Đang được kiểm tra." in response.content.decode()


def test_outlook_of_a_cell_secretary_shows_only_their_cell(client, make_user, register):
    a, _b, _soon = register
    client.force_login(make_user("secretary", cells=[a]))

    outlook = client.get(reverse("ceremonies:index")).context["outlook"]

    assert [r.full_name for r, _ in outlook.due] == ["Nguyễn Văn An"]


@pytest.mark.parametrize("item_count", [1, 3])
def test_outlook_query_count_is_fixed(office_client, item_count, django_assert_num_queries):
    cell = CellFactory()
    soon = add_months(add_years(TODAY, -30), 2)
    for n in range(item_count):
        make_member(
            cell=cell,
            full_name=f"Vũ Văn {'ABC'[n]}",
            admission_date=soon,
            official_date=add_years(soon, 1),
        )

    # session, user, open-round proposals, the rules in force at the end of the window, the next
    # round created, the rules in force at the round (6); the outlook, which also counts the
    # round's eligible: the members the rules decide (a range of the stored dates), their
    # disciplines, the cells, the settled members counted by round and at the round, the
    # settled rows of the page and their cells (6); the cells of the filter, committee profile (2)
    with django_assert_num_queries(14):
        response = office_client.get(reverse("ceremonies:index"))

    assert len(response.context["outlook"].due) == item_count


def test_member_explanation_says_why_and_when(office_client, register):
    member = register[0].members.get(full_name="Nguyễn Văn An")
    due = add_years(register[2], 30)

    response = office_client.get(
        reverse("ceremonies:member_explanation", args=[member.pk]), {"panel": "1"}
    )

    assert (
        response.context["answer"].reason
        == f"Chưa đủ: Huy hiệu 30 năm đến hạn ngày {due:%d/%m/%Y}."
    )
    first_round, at_round = response.context["rounds"][0]
    assert at_round.outcome == ("candidate" if first_round >= due else "not_yet")


def test_another_cells_member_explanation_is_not_found(client, make_user, register):
    a, b, _soon = register
    client.force_login(make_user("secretary", cells=[a]))

    assert (
        client.get(reverse("ceremonies:member_explanation", args=[b.members.get().pk])).status_code
        == 404
    )


def test_office_adds_a_rule_version_that_applies_from_its_date(office_client, client, make_user):
    form = office_client.get(reverse("ceremonies:rules")).context["form"]
    data = dict(form.initial)
    data |= {"valid_from": "01/07/2027", "warning_delay_months": 6, "legal_basis": "Hướng dẫn mới"}

    office_client.post(reverse("ceremonies:rules"), data)

    assert BadgeRules.objects.count() == 2
    assert rules_on(date(2027, 6, 30)).discipline_delay_months["warning"] == 9
    assert rules_on(date(2027, 7, 1)).discipline_delay_months["warning"] == 6
    assert BadgeRules.objects.get(valid_from=date(2027, 7, 1)).created_by.username == "vanphong"
    viewer = make_user("viewer")
    client.force_login(viewer)
    assert client.get(reverse("ceremonies:rules")).context["form"] is None
    assert (
        client.post(reverse("ceremonies:rules"), data | {"valid_from": "01/01/2028"}).status_code
        == 403
    )


def test_a_rule_version_with_bad_milestones_is_refused(office_client):
    form = office_client.get(reverse("ceremonies:rules")).context["form"]
    data = dict(form.initial) | {
        "valid_from": (TODAY + timedelta(days=1)).strftime("%d/%m/%Y"),
        "milestones": "30, ba mươi lăm",
    }

    response = office_client.post(reverse("ceremonies:rules"), data)

    assert "Ghi các mốc là số năm, cách nhau bằng dấu phẩy" in response.content.decode()
    assert BadgeRules.objects.count() == 1


def test_outlook_counts_each_round_and_pages_the_due_list(office_client, monkeypatch):
    monkeypatch.setattr("vusta_party.pages.PAGE_SIZE", 2)
    cell = CellFactory()
    thirty = add_months(add_years(TODAY, -30), 2)
    forty = add_months(add_years(TODAY, -40), 2)
    for name, admitted in (("Vũ Văn A", thirty), ("Vũ Văn B", thirty), ("Vũ Văn C", forty)):
        member = make_member(
            cell=cell, full_name=name, admission_date=admitted, official_date=add_years(admitted, 1)
        )
    services.badge_record(
        milestones=MILESTONES, member=member, milestone=30, awarded_on=add_years(forty, 30)
    )

    first = office_client.get(reverse("ceremonies:index"))
    second = office_client.get(reverse("ceremonies:index"), {"months": 12, "page": 2})

    occasion = first.context["outlook"].due[0][1]
    assert first.context["outlook"].due_by_round() == [(occasion, 3, {30: 2, 40: 1})]
    assert [row.full_name for row, _ in first.context["due_page"]] == ["Vũ Văn A", "Vũ Văn B"]
    assert [row.full_name for row, _ in second.context["due_page"]] == ["Vũ Văn C"]
    assert "30 năm: 2 · 40 năm: 1" in first.content.decode()
    assert first.context["due_page"].numbers == [1, 2]
    assert '<a class="page-link" href="?page=2#den-han">2</a>' in first.content.decode()
    assert 'href="?months=12&amp;page=1#den-han" aria-label="Trang trước">«</a>' in (
        second.content.decode()
    )
    assert 'href="?months=12&amp;per=25">25</a>' in second.content.decode()
    assert 'href="?months=12&amp;format=xlsx">Tải Excel</a>' in second.content.decode()


def test_the_early_and_deferred_lists_are_paged_apart_from_the_due_list(office_client, monkeypatch):
    monkeypatch.setattr("vusta_party.pages.PAGE_SIZE", 2)
    cell = CellFactory()
    for n, name in enumerate(("Lê Văn A", "Lê Văn B", "Lê Văn C")):
        ill = make_member(
            cell=cell,
            full_name=name,
            admission_date=add_months(add_years(TODAY, -40), 10 + n),
            official_date=add_months(add_years(TODAY, -39), 10 + n),
        )
        ill.seriously_ill, ill.seriously_ill_reason = True, "Ung thư"
        ill.save()
    for name in ("Phạm Thị D", "Phạm Thị E", "Phạm Thị G"):
        held = make_member(
            cell=cell,
            full_name=name,
            admission_date=add_months(add_years(TODAY, -45), 1),
            official_date=add_months(add_years(TODAY, -44), 1),
        )
        held.on_hold, held.hold_reason = True, "Đang xác minh đơn thư"
        held.save()

    first = office_client.get(reverse("ceremonies:index"), {"months": 12})
    later = office_client.get(
        reverse("ceremonies:index"), {"months": 12, "early": 2, "deferred": 2}
    )

    assert [r.full_name for r in first.context["early_page"]] == ["Lê Văn A", "Lê Văn B"]
    assert [r.full_name for r in later.context["early_page"]] == ["Lê Văn C"]
    assert [r.full_name for r, _ in first.context["deferred_page"]] == ["Phạm Thị D", "Phạm Thị E"]
    assert [r.full_name for r, _ in later.context["deferred_page"]] == ["Phạm Thị G"]
    html = first.content.decode()
    assert '<a class="page-link" href="?months=12&amp;early=2#tang-som">2</a>' in html
    assert '<a class="page-link" href="?months=12&amp;deferred=2#tam-hoan">2</a>' in html
    # The numbering goes on from the page before; the other list keeps its page.
    assert '<td>3</td>\n        <td><a href="/huy-hieu/dang-vien/' in later.content.decode()
    assert 'href="?months=12&amp;deferred=2&amp;early=1#tang-som"' in later.content.decode()


def test_the_upcoming_page_exports_its_three_tables(office_client):
    cell = CellFactory(name="Chi bộ Hội Vật lý")
    soon = add_months(add_years(TODAY, -30), 2)
    make_member(
        cell=cell, full_name="Vũ Văn An", admission_date=soon, official_date=add_years(soon, 1)
    )
    held = make_member(
        cell=cell,
        full_name="Lê Thị Cúc",
        admission_date=date(1976, 1, 1),
        official_date=date(1977, 1, 1),
    )
    held.on_hold, held.hold_reason = True, "Đang xác minh đơn thư"
    held.save()
    page = office_client.get(reverse("ceremonies:index"), {"months": 12})
    ((_row, occasion),) = page.context["outlook"].due  # the round the page names

    response = office_client.get(reverse("ceremonies:index"), {"months": 12, "format": "xlsx"})

    assert response["Content-Disposition"] == 'attachment; filename="sap-den-han-12-thang.xlsx"'
    header, due = table(response.content, "Đến hạn")
    assert header == ("STT", "Họ và tên", "Chi bộ", "Huy hiệu", "Ngày đủ tuổi Đảng", "Đợt tặng")
    assert [(r[1], r[2], r[3], r[4].date(), r[5].date()) for r in due] == [
        ("Vũ Văn An", "Chi bộ Hội Vật lý", "30 năm", add_years(soon, 30), occasion)
    ]
    assert table(response.content, "Tặng sớm")[1] == []
    assert table(response.content, "Tạm hoãn")[1] == [
        (1, "Lê Thị Cúc", "Chi bộ Hội Vật lý", "50 năm", "Tạm hoãn: Đang xác minh đơn thư.")
    ]
