import unicodedata
from datetime import date, timedelta

import pytest
from django.urls import reverse

from ceremonies import services as rounds
from ceremonies.models import Proposal
from members import services
from members.enums import Status
from members.models import Member, MembershipEvent, Organisation
from members.party_age import add_months, add_years
from tests.factories import MILESTONES, TODAY, CellFactory, make_member
from tests.spreadsheets import table

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_today")]
LIST = reverse("members:member_list")
# Views compute with the real date: tests through views place their dates relative to it.


def names(response):
    return [row["member"].full_name for row in response.context["table"]]


@pytest.mark.parametrize("item_count", [1, 3])
def test_member_list_query_count_does_not_grow_with_rows(
    office_client, item_count, django_assert_num_queries
):
    cell = CellFactory()
    for n in range(item_count):
        member = make_member(
            cell=cell, full_name=f"Nguyễn Văn {'ABC'[n]}", citizen_id=f"00109000000{n}"
        )
        services.badge_record(milestones=MILESTONES, member=member, milestone=30)

    # session, user, count, the page's ids, their rows, committee profile, cells of the filter
    # form (one, as values)
    with django_assert_num_queries(7):
        response = office_client.get(LIST)

    assert names(response) == [f"Nguyễn Văn {c}" for c in "ABC"[:item_count]]


def test_the_milestone_filter_leads_to_the_badge_page_with_the_same_window_and_cell(
    office_client,
):
    cell = CellFactory()

    response = office_client.get(LIST, {"milestone": "12", "cell": cell.pk, "q": "an"})

    assert (response.status_code, response["Location"]) == (
        302,
        f"{reverse('ceremonies:index')}?months=12&cell={cell.pk}",
    )


@pytest.mark.parametrize("item_count", [1, 3])
def test_cell_list_query_count_does_not_grow(office_client, item_count, django_assert_num_queries):
    cells = [CellFactory(name=f"Chi bộ {c}") for c in "ABC"[:item_count]]
    for cell in cells:
        make_member(cell=cell, full_name=f"Lê Thị {cell.name[-1]}", sex="F", citizen_id=None)

    with django_assert_num_queries(4):
        response = office_client.get(reverse("members:cell_list"))

    assert [(c.name, c.member_count, c.women_count) for c in response.context["cells"]] == [
        (cell.name, 1, 1) for cell in cells
    ]


def test_search_ignores_case_and_diacritics_and_folds_d(office_client):
    cell = CellFactory()
    make_member(cell=cell, full_name="Nguyễn Thị Ánh", sex="F")
    make_member(cell=cell, full_name="Đặng Văn Dũng", party_card_number="01234567")
    make_member(cell=cell, full_name="Trần Đăng Khoa")
    make_member(cell=cell, full_name="Nguyễn Văn An")

    assert names(office_client.get(LIST, {"q": "nguyen thi anh"})) == ["Nguyễn Thị Ánh"]
    assert names(office_client.get(LIST, {"q": "dang"})) == ["Đặng Văn Dũng", "Trần Đăng Khoa"]
    assert names(office_client.get(LIST, {"q": "NGUYỄN"})) == ["Nguyễn Văn An", "Nguyễn Thị Ánh"]
    assert names(office_client.get(LIST, {"q": "01234567"})) == ["Đặng Văn Dũng"]


def test_list_is_in_vietnamese_name_order_from_the_database(office_client):
    cell = CellFactory()
    for name in [
        "Lê Ân",
        "Đặng Thị Ánh",
        "Nguyễn Văn An",
        "Vũ Bình",
        "Trần Thị Ảnh",
        "Đỗ Văn Đạt",
        "Hồ Văn Dung",
    ]:
        make_member(cell=cell, full_name=name)

    # Given name first (an < anh < ân < bình < dung < đạt); Ánh and Ảnh tie on letters and middle
    # name, so the family name decides (Đặng before Trần) before any tone does.
    assert names(office_client.get(LIST)) == [
        "Nguyễn Văn An",
        "Đặng Thị Ánh",
        "Trần Thị Ảnh",
        "Lê Ân",
        "Vũ Bình",
        "Hồ Văn Dung",
        "Đỗ Văn Đạt",
    ]


def test_filters_status_sex_cell_and_probation(office_client):
    a, b = CellFactory(name="Chi bộ A"), CellFactory(name="Chi bộ B")
    make_member(cell=a, full_name="Nguyễn Văn An")
    make_member(cell=b, full_name="Trần Thị Bích", sex="F")
    gone = make_member(cell=a, full_name="Lê Văn Cường")
    services.fact_record(member=gone, kind="died", day=date(2020, 1, 1))
    make_member(
        cell=b,
        full_name="Phạm Văn Dự",
        admission_date=add_months(TODAY, -25),
        official_date=None,
        date_of_birth=date(1990, 1, 1),
    )
    make_member(
        cell=b,
        full_name="Vũ Văn Em",
        admission_date=add_months(TODAY, -13),
        official_date=None,
        date_of_birth=date(1990, 1, 1),
    )

    assert names(office_client.get(LIST)) == [
        "Nguyễn Văn An",
        "Trần Thị Bích",
        "Phạm Văn Dự",
        "Vũ Văn Em",
    ]
    assert names(office_client.get(LIST, {"status": "deceased"})) == ["Lê Văn Cường"]
    assert names(office_client.get(LIST, {"status": "all"})) == [
        "Nguyễn Văn An",
        "Trần Thị Bích",
        "Lê Văn Cường",
        "Phạm Văn Dự",
        "Vũ Văn Em",
    ]
    assert names(office_client.get(LIST, {"sex": "F"})) == ["Trần Thị Bích"]
    assert names(office_client.get(LIST, {"cell": b.pk})) == [
        "Trần Thị Bích",
        "Phạm Văn Dự",
        "Vũ Văn Em",
    ]
    assert names(office_client.get(LIST, {"status": "probationary"})) == [
        "Phạm Văn Dự",
        "Vũ Văn Em",
    ]
    assert names(office_client.get(LIST, {"status": "probation_overdue"})) == ["Phạm Văn Dự"]


@pytest.fixture
def two_cells():
    a, b = CellFactory(name="Chi bộ A"), CellFactory(name="Chi bộ B")
    mine = make_member(cell=a, full_name="Nguyễn Văn An", citizen_id="001090000001")
    theirs = make_member(cell=b, full_name="Trần Văn Bình", citizen_id="001090000002")
    return a, b, mine, theirs


def test_a_cell_secretary_sees_only_their_cell(client, make_user, two_cells):
    a, b, mine, _theirs = two_cells
    client.force_login(make_user("secretary", cells=[a]))

    assert names(client.get(LIST)) == ["Nguyễn Văn An"]
    assert names(client.get(LIST, {"cell": b.pk})) == [
        "Nguyễn Văn An"
    ]  # an invalid filter is ignored
    assert names(client.get(LIST, {"q": "binh"})) == []
    assert [c.name for c in client.get(reverse("members:cell_list")).context["cells"]] == [
        "Chi bộ A"
    ]
    assert client.get(reverse("members:member_detail", args=[mine.pk])).status_code == 200


@pytest.mark.parametrize("url_name", ["members:member_detail", "members:member_edit"])
def test_a_cell_secretary_gets_404_for_another_cells_member(client, make_user, two_cells, url_name):
    a, _b, _mine, theirs = two_cells
    client.force_login(make_user("secretary", cells=[a]))

    assert client.get(reverse(url_name, args=[theirs.pk])).status_code == 404
    assert (
        client.post(
            reverse("members:member_edit", args=[theirs.pk]), {"full_name": "X"}
        ).status_code
        == 404
    )
    assert Member.objects.get(pk=theirs.pk).full_name == "Trần Văn Bình"


def test_a_cell_secretary_exports_only_their_cell(client, make_user, two_cells):
    a, b, _mine, _theirs = two_cells
    client.force_login(make_user("secretary", cells=[a]))

    _header, listed = table(client.get(LIST, {"format": "xlsx"}).content)
    _header, register = table(client.get(reverse("members:register_export")).content)
    other_cell = client.get(reverse("members:register_export"), {"cell": b.pk})

    assert [row[1] for row in listed] == ["Nguyễn Văn An"]
    assert [row[1] for row in register] == ["Nguyễn Văn An"]
    assert other_cell.status_code == 404


def test_a_secretary_cannot_record_facts_and_a_viewer_cannot_edit_or_export(
    client, make_user, two_cells
):
    a, _b, mine, _theirs = two_cells
    client.force_login(make_user("secretary", cells=[a]))
    assert (
        client.post(
            reverse("members:fact_create", args=[mine.pk]), {"kind": "died", "day": "01/01/2020"}
        ).status_code
        == 403
    )

    client.force_login(make_user("viewer"))
    assert names(client.get(LIST)) == ["Nguyễn Văn An", "Trần Văn Bình"]
    assert client.get(reverse("members:member_edit", args=[mine.pk])).status_code == 403
    assert client.get(LIST, {"format": "xlsx"}).status_code == 403
    assert client.get(reverse("members:member_create")).status_code == 403


def test_a_user_without_a_role_sees_nothing(client, plain_user, two_cells):
    client.force_login(plain_user)

    assert names(client.get(LIST)) == []


MEMBER_FORM = {
    "full_name": "Hoàng Thị Hoa",
    "sex": "F",
    "date_of_birth": "29/02/1980",
    "ethnicity": "Kinh",
    "admission_date": "01/03/2005",
    "official_date": "01/03/2006",
    "entry": "admitted",
}


def test_office_adds_a_member_through_the_form(office_client):
    cell = CellFactory()

    response = office_client.post(
        reverse("members:member_create"), {**MEMBER_FORM, "cell": cell.pk}
    )

    member = Member.objects.get()
    assert response["Location"] == reverse("members:member_detail", args=[member.pk])
    assert (member.date_of_birth, member.official_date, member.status) == (
        date(1980, 2, 29),
        date(2006, 3, 1),
        Status.ACTIVE,
    )


def test_text_typed_in_decomposed_form_is_stored_in_nfc(office_client):
    cell = CellFactory()
    decomposed = {"full_name": "Đặng Thị Ánh", "hometown": "Huế", "occupation": "Kỹ sư"}

    office_client.post(
        reverse("members:member_create"),
        {
            **MEMBER_FORM,
            **{key: unicodedata.normalize("NFD", value) for key, value in decomposed.items()},
            "cell": cell.pk,
        },
    )
    office_client.post(
        reverse("members:cell_create"), {"name": unicodedata.normalize("NFD", "Chi bộ Hóa học")}
    )

    member = Member.objects.get()
    assert {key: getattr(member, key) for key in decomposed} == decomposed
    assert all(unicodedata.is_normalized("NFC", value) for value in decomposed.values())
    assert Organisation.objects.filter(name="Chi bộ Hóa học").count() == 1
    assert Member.history.get().full_name == "Đặng Thị Ánh"


def test_adding_a_possible_duplicate_warns_until_confirmed(office_client):
    cell = CellFactory()
    make_member(
        cell=cell,
        full_name="Hoàng Thị Hoa",
        sex="F",
        date_of_birth=date(1980, 2, 29),
        admission_date=date(2005, 3, 1),
        official_date=date(2006, 3, 1),
    )

    warned = office_client.post(
        reverse("members:member_create"),
        {**MEMBER_FORM, "full_name": "HOANG THI HOA", "cell": cell.pk},
    )
    confirmed = office_client.post(
        reverse("members:member_create"),
        {
            **MEMBER_FORM,
            "full_name": "HOANG THI HOA",
            "cell": cell.pk,
            "confirm_not_duplicate": "on",
        },
    )

    assert "Có thể trùng với đảng viên đã có" in warned.content.decode()
    assert "Hoàng Thị Hoa</a>, sinh 29/02/1980" in warned.content.decode()
    assert confirmed.status_code == 302
    assert Member.objects.count() == 2


def test_a_secretary_can_only_add_to_their_own_cell(client, make_user, two_cells):
    a, b, *_ = two_cells
    client.force_login(make_user("secretary", cells=[a]))

    response = client.post(reverse("members:member_create"), {**MEMBER_FORM, "cell": b.pk})

    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()
    assert Member.objects.filter(full_name="Hoàng Thị Hoa").count() == 0


def test_the_second_of_two_concurrent_edits_is_refused_with_a_message(office_client):
    member = make_member()
    form = office_client.get(reverse("members:member_edit", args=[member.pk])).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k in form.fields}
    data["date_of_birth"] = "15/03/1960"
    data["admission_date"] = "19/05/1990"
    services.member_update(member=member, values={"phone": "0901"}, expected_version=member.version)

    response = office_client.post(
        reverse("members:member_edit", args=[member.pk]), {**data, "phone": "0999"}
    )

    assert "vừa được người khác cập nhật" in response.content.decode()
    assert Member.objects.get().phone == "0901"


def test_recording_a_fact_through_the_form(office_client):
    member = make_member()

    office_client.post(
        reverse("members:fact_create", args=[member.pk]), {"kind": "died", "day": "29/02/2024"}
    )
    refused = office_client.post(
        reverse("members:fact_create", args=[member.pk]), {"kind": "exempted", "day": "01/03/2024"}
    )

    assert Member.objects.get().status == Status.DECEASED
    assert "không thể ghi sự kiện sau ngày từ trần (29/02/2024)" in refused.content.decode()


def test_member_page_shows_party_age_timeline_and_changes_and_its_panel_the_next_milestone(
    office_client, office_user
):
    admitted = add_months(add_years(TODAY, -30), 1)
    member = make_member(
        full_name="Nguyễn Văn An", admission_date=admitted, official_date=add_years(admitted, 1)
    )
    gap_start = add_years(admitted, 5)
    services.interruption_add(
        member=member, start=gap_start, end=gap_start + timedelta(days=30), reason="lost_contact"
    )
    services.member_update(
        member=Member.objects.get(),
        values={"phone": "0901234567"},
        expected_version=2,
        user=office_user,
    )

    response = office_client.get(reverse("members:member_detail", args=[member.pk]))

    html = response.content.decode()
    due = add_years(admitted, 30) + timedelta(days=30)  # the 30-day interruption moves it
    panel_url = reverse("ceremonies:member_explanation", args=[member.pk])
    assert f'data-include="{panel_url}?panel=1"' in html
    panel = office_client.get(panel_url, {"panel": 1}).content.decode()
    # The next milestone, said once (by the answer at the date, not again above it).
    assert panel.count(f"Huy hiệu 30 năm đến hạn ngày {due:%d/%m/%Y}") == 1
    assert "Mốc tới" not in panel
    assert [entry.title for entry in response.context["timeline"]] == [
        "Kết nạp",
        "Công nhận chính thức",
        f"Gián đoạn đến {gap_start + timedelta(days=30):%d/%m/%Y} (30 ngày)",
    ]
    change = response.context["changes"][0]
    assert (
        change.action,
        change.record.history_user,
        [(c.label, c.before, c.after) for c in change.changes],
    ) == ("Sửa", office_user, [("Điện thoại", "(trống)", "0901234567")])


def test_audit_log_lists_changes_with_before_and_after_for_the_office_only(
    office_client, client, make_user
):
    member = make_member()
    services.member_update(
        member=member, values={"hometown": "Huế"}, expected_version=member.version
    )

    response = office_client.get(reverse("office:audit_log"))
    rows = response.context["rows"]

    assert [(r.action, [(c.label, c.before, c.after) for c in r.changes]) for r in rows] == [
        ("Sửa", [("Quê quán", "(trống)", "Huế")]),
        ("Tạo mới", []),
    ]
    client.force_login(make_user("viewer"))
    assert client.get(reverse("office:audit_log")).status_code == 403


@pytest.mark.slow
def test_register_pdf_lists_members_in_the_document_layout(office_client):
    cell = CellFactory(name="Chi bộ Hội Vật lý")
    make_member(cell=cell, full_name="Đặng Thị Ánh", sex="F", party_card_number="00012345")
    gone = make_member(cell=cell, full_name="Lê Văn Cường")
    services.fact_record(member=gone, kind=MembershipEvent.Kind.STRUCK_OFF, day=date(2010, 6, 30))

    response = office_client.get(reverse("members:register_export"), {"format": "pdf"})

    from tests.pdf_utils import read_pdf  # noqa: PLC0415 -- PDF helpers only here

    pdf = read_pdf(response.content)
    assert pdf.page_sizes == ((841.89, 595.28),)  # A4 landscape
    assert pdf.embedded_font_families == {"Tinos"}
    for text in [
        "SỔ DANH SÁCH ĐẢNG VIÊN",
        "Chi bộ Hội Vật lý",
        "Đặng Thị Ánh",
        "00012345",
        "30/06/2010 Xóa tên",
    ]:
        assert text in pdf.flat_text, text


@pytest.mark.parametrize("count", [1, 3])
def test_audit_log_of_round_lists_takes_the_same_queries_for_few_and_many_rows(
    office_client, count, django_assert_num_queries
):

    cell = CellFactory()
    for n in range(count):
        make_member(cell=cell, full_name=f"Vũ Văn {'ABC'[n]}")
    rounds.round_fill(round_=rounds.round_create(day=date(2026, 9, 2), occasion="0902"))

    # session, user, count, the page, previous versions, members' names, the rounds named,
    # committee profile
    with django_assert_num_queries(8):
        response = office_client.get(reverse("office:audit_log"), {"loai": "proposal"})

    assert sorted(row.subject for row in response.context["rows"]) == [
        f"{line.member.full_name}: Đảng viên trong danh sách đề nghị #{line.pk}"
        for line in Proposal.objects.order_by("member__full_name")
    ]
    assert len(response.context["rows"]) == count


def test_the_office_adds_a_branch_and_then_a_cell_under_it(office_client):
    response = office_client.post(
        reverse("members:branch_create"),
        {"name": "Đảng bộ  Cơ quan Liên hiệp Hội", "founded_on": "01/03/2020"},
    )
    again = office_client.post(
        reverse("members:branch_create"), {"name": "đảng bộ cơ quan liên hiệp hội"}
    )
    branch = Organisation.objects.get(kind="branch")
    office_client.post(
        reverse("members:cell_create"), {"name": "Chi bộ Ban Tổ chức", "parent": branch.pk}
    )

    assert response["Location"] == reverse("members:cell_list")
    assert (branch.name, branch.founded_on, branch.parent.kind) == (
        "Đảng bộ Cơ quan Liên hiệp Hội",
        date(2020, 3, 1),
        "committee",
    )
    assert again.context["form"].errors["name"] == [
        "Đã có đảng bộ bộ phận tên “Đảng bộ Cơ quan Liên hiệp Hội”."
    ]
    cell = Organisation.objects.get(kind="cell")
    assert (cell.name, cell.parent) == ("Chi bộ Ban Tổ chức", branch)
    listing = office_client.get(reverse("members:cell_list")).content.decode()
    assert (
        '<td class="small text-muted" data-label="Trực thuộc">Đảng bộ Cơ quan Liên hiệp Hội</td>'
        in listing
    )
