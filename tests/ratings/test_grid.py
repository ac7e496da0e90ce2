"""The rating grid keeps every value typed, marks the wrong cells, saves nothing then, never
calls an empty save a success, and warns of the quota and of disciplined members as it saves
(and on the page, as staff type)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from members import services as register
from ratings import services as ratings
from ratings.models import MemberRating
from ratings.rules import discipline_conflict, discipline_message
from tests.factories import CellFactory, make_member

pytestmark = pytest.mark.django_db
YEAR = 2025
NAMES = [
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Văn Cường",
    "Phạm Thị Dung",
    "Hoàng Văn Em",
    "Vũ Thị Giang",
    "Đặng Văn Hải",
    "Bùi Thị Hoa",
    "Đỗ Văn Khánh",
    "Ngô Thị Lan",
]


@pytest.fixture
def cell():
    cell = CellFactory(name="Chi bộ A")
    for name in NAMES:
        make_member(
            cell=cell,
            full_name=name,
            admission_date=date(1996, 1, 1),
            official_date=date(1997, 1, 1),
        )
    return cell


def url(cell):
    return reverse("ratings:rating_grid", args=[YEAR, cell.pk])


def members_of(cell):
    return {m.full_name: m for m in cell.members.all()}


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def ten_ratings(cell, **changes):
    """Ten levels and scores typed, as a secretary fills the grid; `changes` by member name."""
    data = {}
    for index, (name, member) in enumerate(sorted(members_of(cell).items())):
        level, score = changes.get(name, ("HTTNV" if index % 3 else "HTNV", str(80 + index)))
        data[f"m{member.pk}-level"], data[f"m{member.pk}-score"] = level, score
    data["cell-level"] = "HTTNV"
    return data


def test_a_score_of_105_keeps_every_value_marks_the_cell_and_saves_nothing(office_client, cell):
    data = ten_ratings(cell, **{"Lê Văn Cường": ("HTXSNV", "105")})

    response = office_client.post(url(cell), data)

    html = response.content.decode()
    assert response.status_code == 200
    assert MemberRating.objects.count() == 0
    assert messages_of(response) == [
        "Chưa lưu gì: 1 ô chưa đúng (tô đỏ bên dưới). Mọi giá trị đã nhập vẫn còn nguyên; "
        "sửa các ô đó rồi lưu lại."
    ]
    for row, form in response.context["pairs"]:
        key = f"m{row.member.pk}"
        assert (form["level"].value(), form["score"].value()) == (
            data[f"{key}-level"],
            data[f"{key}-score"],
        )
        assert f'name="{key}-score" value="{data[f"{key}-score"]}"' in html
    bad = members_of(cell)["Lê Văn Cường"]
    assert (
        f'<input name="m{bad.pk}-score" value="105" inputmode="numeric" '
        'class="form-control form-control-sm app-score is-invalid"'
    ) in html
    assert f'id="m{bad.pk}-score-error">Điểm là số nguyên từ 0 đến 100.</div>' in html
    good = sum(value == "HTTNV" for key, value in data.items() if key.endswith("-level"))
    assert html.count('<option value="HTTNV" selected>') == good


def test_an_unknown_level_is_shown_as_typed_and_marked(office_client, cell):
    data = ten_ratings(cell, **{"Ngô Thị Lan": ("XYZ", "90")})

    response = office_client.post(url(cell), data)

    html = response.content.decode()
    lan = members_of(cell)["Ngô Thị Lan"]
    assert MemberRating.objects.count() == 0
    assert '<option value="XYZ" selected>XYZ (không hợp lệ)</option>' in html
    assert (
        f'id="m{lan.pk}-level-error">Không có mức “XYZ”: chọn HTXSNV, HTTNV, HTNV hoặc KHTNV.</div>'
    ) in html


def test_saving_a_grid_with_nothing_chosen_is_not_a_success(office_client, cell):
    response = office_client.post(url(cell), {})

    assert messages_of(response) == [
        "Chưa lưu gì: chưa chọn mức xếp loại cho đảng viên nào, cũng như cho chi bộ."
    ]
    assert MemberRating.objects.count() == 0


def test_a_save_says_what_it_did_and_warns_of_the_quota_and_of_discipline(office_client, cell):
    an = members_of(cell)["Nguyễn Văn An"]
    register.discipline_record(
        member=an, form="warning", decision_date=date(2025, 5, 1), today=date(2025, 6, 1)
    )
    data = ten_ratings(cell, **{"Nguyễn Văn An": ("HTXSNV", ""), "Bùi Thị Hoa": ("HTXSNV", "")})

    response = office_client.post(url(cell), data, follow=True)

    assert messages_of(response) == [
        "Đã lưu xếp loại 10 đảng viên của Chi bộ A. Chi bộ tự xếp loại: HTTNV.",
        "Cảnh báo: Chi bộ A: 2 HTXSNV, vượt tỉ lệ cho phép 1 (tối đa theo tỉ lệ trên 6 HTTNV).",
        "Cảnh báo: Nguyễn Văn An: bị kỷ luật trong năm nhưng xếp loại HTXSNV (thường là KHTNV).",
    ]
    assert list(response.context["warnings"]) == [
        "Chi bộ A: 2 HTXSNV, vượt tỉ lệ cho phép 1 (tối đa theo tỉ lệ trên 6 HTTNV).",
        "Nguyễn Văn An: bị kỷ luật trong năm nhưng xếp loại HTXSNV (thường là KHTNV).",
    ]
    html = response.content.decode()
    assert 'data-quota-percent="20"' in html
    assert 'data-member="Nguyễn Văn An" data-disciplined="Cảnh cáo ngày 01/05/2025"' in html

    cleared = office_client.post(url(cell), {"cell-level": "HTTNV"}, follow=True)

    assert messages_of(cleared) == [
        "Đã lưu xếp loại 0 đảng viên của Chi bộ A, bỏ xếp loại 10 đảng viên không được chọn mức. "
        "Chi bộ tự xếp loại: HTTNV."
    ]


def test_the_service_refuses_a_bad_value_by_member_and_saves_nothing(cell):
    an, binh = members_of(cell)["Nguyễn Văn An"], members_of(cell)["Trần Thị Bình"]

    with pytest.raises(ValidationError) as refused:
        ratings.ratings_save(
            year=ratings.rating_year(YEAR),
            cell=cell,
            levels={an.pk: ("HTTNV", 90), binh.pk: ("HTTNV", 105)},
            cell_level="ABC",
        )

    assert refused.value.message_dict == {
        str(binh.pk): ["Trần Thị Bình: mức xếp loại hoặc điểm không hợp lệ."],
        "cell": ["Mức xếp loại hoặc điểm của chi bộ không hợp lệ."],
    }
    assert MemberRating.objects.count() == 0


def test_the_discipline_rule():
    assert [
        discipline_conflict(level=level, disciplined=disciplined)
        for level, disciplined in [
            ("HTTNV", True),
            ("KHTNV", True),
            ("", True),
            ("HTXSNV", False),
        ]
    ] == [True, False, False, False]
    assert discipline_message(name="An", level="HTNV") == (
        "An: bị kỷ luật trong năm nhưng xếp loại HTNV (thường là KHTNV)."
    )


@pytest.mark.parametrize("item_count", [1, 3])
def test_the_grid_takes_a_fixed_number_of_queries(
    office_client, item_count, django_assert_num_queries
):
    cell = CellFactory(name="Chi bộ B")
    ratings.rating_year(YEAR)
    for n in range(item_count):
        make_member(cell=cell, full_name=f"Vũ Văn {'ABC'[n]}")

    # session, user, the year, the cell, its members, their ratings, their disciplines, the
    # cell's rating, committee profile
    with django_assert_num_queries(9):
        office_client.get(url(cell))
