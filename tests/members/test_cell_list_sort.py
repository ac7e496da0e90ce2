"""The cell list sorts by a whitelisted column, shows page numbers and a page size (with its
totals over every cell), and exports the same list in the same sort, in a fixed number of
queries."""

from datetime import date

import pytest
from django.urls import reverse

from members import services
from tests.factories import CellFactory, make_member
from tests.spreadsheets import table

pytestmark = pytest.mark.django_db
URL = "members:cell_list"


@pytest.fixture
def cells():
    vat_ly = CellFactory(name="Chi bộ Hội Vật lý")
    dien_luc = CellFactory(name="Chi bộ Hội Điện lực")
    am_nhac = CellFactory(name="Chi bộ Hội Âm nhạc")
    for n in range(3):
        make_member(cell=vat_ly, full_name=f"Trần Văn {n}", sex="F" if n == 0 else "M")
    make_member(
        cell=dien_luc,
        full_name="Lê Thị Hoa",
        sex="F",
        admission_date=date(2026, 1, 5),
        official_date=None,
    )
    services.cell_dissolve(cell=am_nhac, day=date(2024, 12, 31))
    return vat_ly, dien_luc, am_nhac


def names(response) -> list[str]:
    return [cell.name for cell in response.context["cells"]]


def test_the_cell_list_sorts_by_a_whitelisted_column(office_client, cells):
    url = reverse(URL)

    by_name = office_client.get(url)
    by_members = office_client.get(url, {"sort": "dang-vien"})
    most_first = office_client.get(url, {"sort": "-dang-vien"})
    by_name_down = office_client.get(url, {"sort": "-ten"})
    refused = office_client.get(url, {"sort": "pk"})

    assert names(by_name) == ["Chi bộ Hội Âm nhạc", "Chi bộ Hội Điện lực", "Chi bộ Hội Vật lý"]
    assert names(by_members) == ["Chi bộ Hội Âm nhạc", "Chi bộ Hội Điện lực", "Chi bộ Hội Vật lý"]
    assert names(most_first) == ["Chi bộ Hội Vật lý", "Chi bộ Hội Điện lực", "Chi bộ Hội Âm nhạc"]
    assert names(by_name_down) == ["Chi bộ Hội Vật lý", "Chi bộ Hội Điện lực", "Chi bộ Hội Âm nhạc"]
    assert names(refused) == names(by_name)
    html = most_first.content.decode()
    assert 'href="?sort=dang-vien" aria-sort="descending">Đảng viên ▼</a>' in html


def test_the_cell_list_pages_keep_the_sort_and_total_every_cell(office_client, cells):
    for n in range(30):
        CellFactory(name=f"Chi bộ số {n:02d}")
    url = reverse(URL)

    first = office_client.get(url, {"sort": "-dang-vien", "per": "25"})
    second = office_client.get(url, {"sort": "-dang-vien", "per": "25", "page": "2"})

    assert first.context["page"].numbers == [1, 2]
    assert 'href="?sort=-dang-vien&amp;per=25&amp;page=2">2</a>' in first.content.decode()
    assert names(first)[:2] == ["Chi bộ Hội Vật lý", "Chi bộ Hội Điện lực"]
    assert (len(names(first)), len(names(second))) == (25, 8)
    assert second.context["totals"] == {
        "member_count": 4,
        "official_count": 3,
        "probationary_count": 1,
        "women_count": 2,
    }
    assert "Cộng (33 chi bộ)" in second.content.decode()


def test_the_cell_list_exports_in_its_sort(office_client, cells):
    export = office_client.get(reverse(URL), {"sort": "-dang-vien", "page": "2", "format": "xlsx"})

    header, rows = table(export.content)
    assert header == (
        "STT",
        "Chi bộ",
        "Trực thuộc",
        "Đảng viên",
        "Chính thức",
        "Dự bị",
        "Nữ",
        "Ghi chú",
    )
    committee = cells[0].parent.name
    assert rows == [
        (1, "Chi bộ Hội Vật lý", committee, 3, 3, 0, 1, None),
        (2, "Chi bộ Hội Điện lực", committee, 1, 0, 1, 1, None),
        (3, "Chi bộ Hội Âm nhạc", committee, 0, 0, 0, 0, "Đã giải thể từ 31/12/2024"),
        (None, "Cộng", None, 4, 3, 1, 2, None),
    ]


@pytest.mark.parametrize("count", [1, 3])
def test_a_sorted_cell_list_takes_the_same_queries(office_client, count, django_assert_num_queries):
    for n in range(count):
        make_member(cell=CellFactory(name=f"Chi bộ {'ABC'[n]}"), full_name=f"Vũ Văn {n}")

    with django_assert_num_queries(4):
        response = office_client.get(reverse(URL), {"sort": "-nu", "per": "25"})
    assert len(names(response)) == count
