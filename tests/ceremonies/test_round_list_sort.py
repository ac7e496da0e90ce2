"""The round list: newest first, sortable by a whitelisted column, in pages, and exported in
the same sort, in a fixed number of queries."""

from datetime import date, datetime

import pytest
from django.urls import reverse

from ceremonies import services
from tests.spreadsheets import table

pytestmark = pytest.mark.django_db
URL = "ceremonies:round_list"


def day(*parts) -> datetime:
    return datetime(*parts)  # noqa: DTZ001 -- an Excel date cell has no time zone


def dates(response) -> list[date]:
    return [round_.date for round_ in response.context["rounds"]]


@pytest.fixture
def rounds(decided_round):
    """The decided round of 02/09/2026 (with its lines) and two empty ones."""
    services.round_create(day=date(2026, 11, 7), occasion="1107", deadline=date(2026, 3, 1))
    services.round_create(day=date(2026, 5, 19), occasion="0519", deadline=date(2026, 4, 1))
    return decided_round


def test_the_round_list_is_newest_first_and_sorts_by_a_whitelisted_column(office_client, rounds):
    url = reverse(URL)

    newest = office_client.get(url)
    oldest = office_client.get(url, {"sort": "ngay"})
    by_deadline = office_client.get(url, {"sort": "han"})
    most_lines = office_client.get(url, {"sort": "-dang-vien"})
    refused = office_client.get(url, {"sort": "state"})

    assert dates(newest) == [date(2026, 11, 7), date(2026, 9, 2), date(2026, 5, 19)]
    assert dates(oldest) == [date(2026, 5, 19), date(2026, 9, 2), date(2026, 11, 7)]
    assert dates(by_deadline) == [date(2026, 11, 7), date(2026, 5, 19), date(2026, 9, 2)]
    assert dates(most_lines) == [date(2026, 9, 2), date(2026, 11, 7), date(2026, 5, 19)]
    assert dates(refused) == dates(newest)
    html = newest.content.decode()
    assert 'href="?sort=ngay" aria-sort="descending">Ngày trao tặng ▼</a>' in html
    assert "3 đợt tặng" in html


def test_the_round_list_pages_keep_the_sort(office_client):
    for year in range(2000, 2027):
        for occasion, month, dom in (("0203", 2, 3), ("0519", 5, 19)):
            services.round_create(day=date(year, month, dom), occasion=occasion)
    url = reverse(URL)

    first = office_client.get(url, {"sort": "ngay", "per": "25"})
    third = office_client.get(url, {"sort": "ngay", "per": "25", "page": "3"})

    assert first.context["page"].numbers == [1, 2, 3]
    assert 'href="?sort=ngay&amp;per=25&amp;page=2">2</a>' in first.content.decode()
    assert dates(first)[:2] == [date(2000, 2, 3), date(2000, 5, 19)]
    assert dates(third) == [
        date(2025, 2, 3),
        date(2025, 5, 19),
        date(2026, 2, 3),
        date(2026, 5, 19),
    ]


def test_the_round_list_exports_in_its_sort(office_client, rounds):
    export = office_client.get(reverse(URL), {"sort": "ngay", "page": "2", "format": "xlsx"})

    header, rows = table(export.content)
    assert header == (
        "STT",
        "Ngày trao tặng",
        "Dịp",
        "Hạn nộp",
        "Trạng thái",
        "Đảng viên",
        "Tiền thưởng (đồng)",
    )
    decided = rounds
    assert [row[:6] for row in rows] == [
        (
            1,
            day(2026, 5, 19),
            "Kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh (19/5)",
            day(2026, 4, 1),
            "Đang lập danh sách",
            0,
        ),
        (
            2,
            day(2026, 9, 2),
            "Quốc khánh (2/9)",
            day(2026, 8, 3),
            "Đã có quyết định",
            4,
        ),
        (
            3,
            day(2026, 11, 7),
            "Kỷ niệm Cách mạng Tháng Mười Nga (7/11)",
            day(2026, 3, 1),
            "Đang lập danh sách",
            0,
        ),
    ]
    assert [row[6] for row in rows] == [None, sum_bonus(decided), None]


def sum_bonus(round_) -> int:
    return sum(line.bonus or 0 for line in round_.proposals.filter(included=True))


@pytest.mark.parametrize("count", [1, 3])
def test_a_sorted_round_list_takes_the_same_queries(
    office_client, count, django_assert_num_queries
):
    for n in range(count):
        services.round_create(day=date(2026, 2 + 3 * n, 3), occasion="other")

    # session, user, count, rounds with their totals, dates taken, committee profile
    with django_assert_num_queries(6):
        response = office_client.get(reverse(URL), {"sort": "-tien", "per": "25"})
    assert len(dates(response)) == count
