"""The funding printed (PDF read back), as a workbook and on its page (Kinh phí tiền thưởng)."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from members.enums import Role
from members.models import Organisation
from tests.ceremonies.funding_world import BEFORE_2026, make_settled_2026, make_year_2026
from vusta_party import clock

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_2026(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: BEFORE_2026)
    return make_year_2026()


@pytest.fixture
def settled_2026(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: date(2027, 1, 15))
    return make_settled_2026()


def url(year, kind, ext):
    return reverse("ceremonies:funding_document", args=[year, kind, ext])


@pytest.mark.slow
def test_the_estimate_prints_by_round_with_the_totals_in_words(office_client, year_2026):
    from tests.pdf_utils import read_pdf  # noqa: PLC0415 -- slow tests only

    response = office_client.get(url(2026, "du-toan", "pdf"))
    pdf = read_pdf(response.content)
    text = pdf.flat_text

    assert response["Content-Disposition"].endswith('kinh-phi-huy-hieu-du-toan-2026.pdf"')
    assert len(pdf.pages) == 2
    for expected in (
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "BÁO CÁO",
        "Dự toán kinh phí tiền thưởng Huy hiệu Đảng năm 2026",
        "Căn cứ danh sách đảng viên đến ngày 01/12/2025",
        "Đợt 03/02/2026 – Kỷ niệm ngày thành lập Đảng (3/2)",
        "1 Huy hiệu 30 năm 2 1,5 2.340.000 3.510.000 7.020.000",
        "Cộng đợt 03/02/2026 2 7.020.000",
        "1 Huy hiệu 40 năm 1 2 2.340.000 4.680.000 4.680.000",
        "1 Huy hiệu 50 năm 1 3 2.530.000 7.590.000 7.590.000",
        "2 Huy hiệu 45 năm 1 chưa có 2.530.000 chưa có chưa có",
        "1 Huy hiệu 30 năm 1 1,5 2.530.000 3.795.000 3.795.000",
        "Tổng cộng 6 23.085.000",
        "Tổng cộng: 6 Huy hiệu, 23.085.000 đ (bằng chữ: Hai mươi ba triệu không trăm tám "
        "mươi lăm nghìn đồng)",
        "1 Huy hiệu 70 năm 1 8 2.340.000 18.720.000 18.720.000",
        "Cộng tặng sớm: 1 Huy hiệu, 18.720.000 đ (bằng chữ: Mười tám triệu bảy trăm hai mươi "
        "nghìn đồng)",
        "Tổng kinh phí đề nghị, kể cả tặng sớm: 41.805.000 đ (bằng chữ: Bốn mươi mốt triệu "
        "tám trăm linh năm nghìn đồng)",
        "Chưa có hệ số tiền thưởng Huy hiệu 45 năm áp dụng ngày 02/09/2026: 1 đảng viên "
        "(1 tặng) chưa tính tiền thưởng.",
        "Mức lương cơ sở 2.530.000 đ chưa đối chiếu văn bản gốc.",
        "T/M ĐẢNG ỦY",
    ):
        assert expected in text, expected
    assert pdf.embedded_font_families == {"Tinos"}


@pytest.mark.slow
def test_the_settlement_prints_by_round_and_milestone(office_client, settled_2026):
    from tests.pdf_utils import read_pdf  # noqa: PLC0415 -- slow tests only

    response = office_client.get(url(2026, "quyet-toan", "pdf"))
    pdf = read_pdf(response.content)
    text = pdf.flat_text

    assert len(pdf.pages) == 2
    assert "Nơi nhận:" in pdf.pages[1]
    for expected in (
        "Quyết toán kinh phí tiền thưởng Huy hiệu Đảng năm 2026",
        "Từ ngày 01/01/2026 đến ngày 31/12/2026",
        "qua 2 đợt",
        "Đợt 19/05/2026 – Quyết định số 12-QĐ/ĐUK ngày 10/05/2026",
        "1 Huy hiệu 40 năm 1 2 2.340.000 4.680.000 4.680.000",
        "2 Huy hiệu 30 năm 2 1,5 2.340.000 3.510.000 7.020.000",
        "Cộng đợt 19/05/2026 3 11.700.000",
        "Đợt 02/09/2026 – Quyết định số 31-QĐ/ĐUK ngày 20/08/2026",
        "1 Huy hiệu 55 năm 1 3,5 2.530.000 8.855.000 8.855.000",
        "Cộng đợt 02/09/2026 3 20.240.000",
        "Tổng cộng: 6 Huy hiệu, 31.940.000 đ (bằng chữ: Ba mươi mốt triệu chín trăm bốn "
        "mươi nghìn đồng)",
        "Ngoài các đợt trên, 1 Huy hiệu (30 năm: 1) được ghi nhận ngoài các đợt tặng",
        "Theo mốc Huy hiệu: 55 năm: 1 Huy hiệu, 8.855.000 đ; 50 năm: 1 Huy hiệu, 7.590.000 đ; "
        "40 năm: 1 Huy hiệu, 4.680.000 đ; 30 năm: 3 Huy hiệu, 10.815.000 đ.",
    ):
        assert expected in text, expected
    assert "tặng sớm, tính riêng" not in text
    assert pdf.embedded_font_families == {"Tinos"}


def test_the_workbook_has_the_rows_as_numbers(office_client, year_2026):
    response = office_client.get(url(2026, "du-toan", "xlsx"))

    sheet = load_workbook(io.BytesIO(response.content))["Dự toán"]
    rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    first = "Đợt 03/02/2026 – Kỷ niệm ngày thành lập Đảng (3/2)"
    september = "Đợt 02/09/2026 – Quốc khánh (2/9)"
    assert rows[:2] == [
        ("Dự toán kinh phí tiền thưởng Huy hiệu Đảng năm 2026", *[None] * 6),
        (
            "Đợt",
            "Huy hiệu",
            "Số đảng viên",
            "Hệ số",
            "Lương cơ sở (đồng)",
            "Mức thưởng (đồng/người)",
            "Thành tiền (đồng)",
        ),
    ]
    assert rows[2:4] == [
        (first, "Huy hiệu 30 năm", 2, 1.5, 2_340_000, 3_510_000, 7_020_000),
        (first, "Cộng đợt 03/02/2026", 2, None, None, None, 7_020_000),
    ]
    assert (september, "Huy hiệu 45 năm", 1, None, 2_530_000, None, None) in rows
    assert ("Tổng cộng", None, 6, None, None, None, 23_085_000) in rows
    assert ("Cộng tặng sớm", None, 1, None, None, None, 18_720_000) in rows
    assert ("Tổng kinh phí", None, 7, None, None, None, 41_805_000) in rows


def test_the_page_shows_the_estimate_and_links_its_files(office_client, year_2026):
    page = office_client.get(reverse("ceremonies:funding"), {"year": 2026}).content.decode()

    assert "Dự toán kinh phí tiền thưởng Huy hiệu Đảng năm 2026" in page
    assert (
        "<strong>23.085.000 đ</strong> (Hai mươi ba triệu không trăm tám mươi lăm nghìn đồng)"
        in page
    )
    assert "Chưa có hệ số tiền thưởng Huy hiệu 45 năm áp dụng ngày 02/09/2026" in page
    assert url(2026, "du-toan", "pdf") in page
    assert "app-funding-settlement" not in page  # a year to come has no settlement yet


def test_the_page_of_the_current_year_shows_both(office_client, year_2026, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: date(2026, 6, 1))

    page = office_client.get(reverse("ceremonies:funding"), {"year": 2026}).content.decode()

    assert "Dự toán kinh phí tiền thưởng Huy hiệu Đảng năm 2026" in page
    assert "Quyết toán kinh phí tiền thưởng Huy hiệu Đảng năm 2026 (đến ngày 01/06/2026)" in page
    assert "Các đợt đã qua (03/02/2026, 19/05/2026) không tính trong dự toán" in page


def test_the_page_opens_on_next_year_and_answers_a_bad_year(office_client, year_2026):
    default = office_client.get(reverse("ceremonies:funding")).content.decode()
    bad = office_client.get(reverse("ceremonies:funding"), {"year": "hai"}).content.decode()
    early = office_client.get(reverse("ceremonies:funding"), {"year": 1800}).content.decode()

    assert "Kinh phí tiền thưởng Huy hiệu Đảng năm 2026</h1>" in default
    assert "Hãy nhập năm là một số, ví dụ 2027." in bad
    assert "Năm phải từ 1930 trở đi." in early


def test_the_rounds_and_badge_pages_link_to_it(office_client):
    for name in ("ceremonies:round_list", "ceremonies:index"):
        page = office_client.get(reverse(name)).content.decode()
        assert f'href="{reverse("ceremonies:funding")}">Kinh phí tiền thưởng</a>' in page


def test_a_secretary_gets_their_cells_workbook_but_not_the_committees_pdf(
    client, make_user, year_2026
):
    cell_a = Organisation.objects.get(name="Chi bộ A")
    client.force_login(make_user(Role.SECRETARY, cells=[cell_a]))

    pdf = client.get(url(2026, "du-toan", "pdf"))
    sheet = load_workbook(io.BytesIO(client.get(url(2026, "du-toan", "xlsx")).content))["Dự toán"]
    page = client.get(reverse("ceremonies:funding"), {"year": 2026}).content.decode()

    assert pdf.status_code == 403
    rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    assert ("Tổng cộng", None, 3, None, None, None, 3_510_000 + 4_680_000) in rows
    assert url(2026, "du-toan", "pdf") not in page


@pytest.mark.parametrize(
    ("year", "kind", "status"),
    [
        (2024, "du-toan", 404),
        (2027, "quyet-toan", 404),
        (2026, "khac", 404),
        (99999, "du-toan", 404),
    ],
)
def test_a_document_that_does_not_exist_is_not_found(office_client, year_2026, year, kind, status):
    assert office_client.get(url(year, kind, "xlsx")).status_code == status


@pytest.mark.parametrize("members", [1, 3])
def test_the_page_takes_the_same_queries_for_any_register(
    office_client, monkeypatch, members, django_assert_num_queries
):
    from tests.ceremonies.funding_world import member  # noqa: PLC0415 -- one helper

    monkeypatch.setattr(clock, "today", lambda: BEFORE_2026)
    for n in range(members):
        member(f"Nguyễn Văn An {n}", date(1996, 1, 10))
    office_client.get(reverse("ceremonies:funding"))  # the session and the user, once

    with django_assert_num_queries(10):
        office_client.get(reverse("ceremonies:funding"), {"year": 2026})
