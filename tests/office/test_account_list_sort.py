"""The account list: accounts in use first, sortable by a whitelisted column, in pages, and
exported in the same sort."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories import CellFactory
from tests.spreadsheets import table

pytestmark = pytest.mark.django_db
URL = "office:account_list"


@pytest.fixture
def accounts(make_user):
    a, b = CellFactory(name="Chi bộ Hội Vật lý"), CellFactory(name="Chi bộ Hội Điện lực")
    users = {
        "bithu": make_user("secretary", cells=[a, b], username="bithu"),
        "xem": make_user("viewer", username="xem"),
        "cu": make_user("standing", username="cu"),
    }
    for username, name in (
        ("bithu", "Trần Văn Bình"),
        ("xem", "Nguyễn Thị An"),
        ("cu", "Lê Văn Cũ"),
    ):
        get_user_model().objects.filter(username=username).update(first_name="", last_name=name)
    get_user_model().objects.filter(username="cu").update(is_active=False)
    get_user_model().objects.filter(username="bithu").update(
        last_login=datetime(2026, 11, 20, 1, 30, tzinfo=UTC)
    )
    return users


def names(response) -> list[str]:
    return [row["account"].username for row in response.context["rows"]]


def test_the_account_list_puts_accounts_in_use_first_and_sorts(office_client, accounts):
    url = reverse(URL)

    assert names(office_client.get(url)) == ["bithu", "vanphong", "xem", "cu"]
    assert names(office_client.get(url, {"sort": "-trang-thai"})) == [
        "cu",
        "xem",
        "vanphong",
        "bithu",
    ]
    assert names(office_client.get(url, {"sort": "ten-dang-nhap"})) == [
        "bithu",
        "cu",
        "vanphong",
        "xem",
    ]
    assert names(office_client.get(url, {"sort": "-ten-dang-nhap"})) == [
        "xem",
        "vanphong",
        "cu",
        "bithu",
    ]
    html = office_client.get(url, {"sort": "ten-dang-nhap"}).content.decode()
    assert 'href="?sort=-ten-dang-nhap" aria-sort="ascending">Tên đăng nhập ▲</a>' in html


def test_the_account_list_exports_in_its_sort(office_client, accounts):
    export = office_client.get(reverse(URL), {"sort": "ten-dang-nhap", "format": "xlsx"})

    header, rows = table(export.content)
    assert header == (
        "STT",
        "Tên đăng nhập",
        "Họ và tên",
        "Vai trò",
        "Chi bộ phụ trách",
        "Đăng nhập gần nhất",
        "Trạng thái",
    )
    assert [row[:5] + row[6:] for row in rows] == [
        (
            1,
            "bithu",
            "Trần Văn Bình",
            "Bí thư chi bộ",
            "Chi bộ Hội Điện lực; Chi bộ Hội Vật lý",
            "Đang hoạt động",
        ),
        (2, "cu", "Lê Văn Cũ", "Ban Thường vụ", None, "Đã khóa"),
        (3, "vanphong", "Nguyễn Văn An", "Quản trị hệ thống", None, "Đang hoạt động"),
        (4, "xem", "Nguyễn Thị An", "Chỉ xem", None, "Đang hoạt động"),
    ]
    # The last sign-in in Hà Nội time.
    assert rows[0][5] == datetime(2026, 11, 20, 8, 30)  # noqa: DTZ001 -- an Excel cell's time
    assert export["Content-Disposition"].startswith('attachment; filename="nguoi-dung-')


def test_the_account_list_pages(office_client, make_user):
    for n in range(30):
        make_user("viewer", username=f"xem{n:02d}")

    first = office_client.get(reverse(URL), {"sort": "ten-dang-nhap", "per": "25"})
    second = office_client.get(reverse(URL), {"sort": "ten-dang-nhap", "per": "25", "page": "2"})

    assert first.context["page"].numbers == [1, 2]
    # vanphong, then xem00 … xem29: the second page starts at xem24
    assert names(second) == ["xem24", "xem25", "xem26", "xem27", "xem28", "xem29"]
