"""The funding document (estimate, settlement) as a Word file, read back with python-docx."""

import pytest

from members.enums import Role
from members.models import Organisation
from tests.ceremonies.test_funding_documents import settled_2026, url, year_2026
from tests.docx_utils import docx_to_pdf, needs_soffice, read_docx
from tests.pdf_utils import read_pdf

pytestmark = pytest.mark.django_db
__all__ = ["settled_2026", "year_2026"]  # the fixtures, shared with the PDF's tests

COLUMNS = (
    "STT",
    "Huy hiệu",
    "Số đảng viên",
    "Hệ số",
    "Lương cơ sở (đồng)",
    "Mức thưởng (đồng/người)",
    "Thành tiền (đồng)",
)
HEADER_LEFT = (
    ("ĐẢNG BỘ MẶT TRẬN TỔ QUỐC, CÁC ĐOÀN THỂ TRUNG\xa0ƯƠNG", False),
    ("ĐẢNG ỦY LIÊN HIỆP CÁC HỘI KH&KT VIỆT\xa0NAM", True),
    ("*", False),
    ("Số \xa0\xa0\xa0\xa0\xa0\xa0-BC/ĐU", False),
)
CLOSING_LEFT = (
    "Nơi nhận:",
    "- Ban Thường vụ cấp ủy cấp trên (để báo cáo),",
    "- Lưu Văn phòng Đảng ủy.",
)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def word(client, year, kind):
    response = client.get(url(year, kind, "docx"))
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert response["Content-Disposition"].endswith(f'kinh-phi-huy-hieu-{kind}-{year}.docx"')
    return read_docx(response.content)


def test_the_estimate_as_word_has_the_rounds_the_totals_and_the_signature(office_client, year_2026):
    document = word(office_client, 2026, "du-toan")

    assert document.header_left == HEADER_LEFT
    assert document.header_right == (
        ("ĐẢNG CỘNG SẢN VIỆT NAM", True),
        ("Hà Nội, ngày 01 tháng 12 năm 2025", False),
    )
    assert document.paragraphs[:3] == (
        "BÁO CÁO",
        "Dự toán kinh phí tiền thưởng Huy hiệu Đảng năm 2026",
        "—————",
    )
    assert document.paragraphs[3].startswith("Căn cứ danh sách đảng viên đến ngày 01/12/2025")
    assert document.tables[0] == (
        COLUMNS,
        ("Đợt 03/02/2026 – Kỷ niệm ngày thành lập Đảng (3/2)",),
        ("1", "Huy hiệu 30 năm", "2", "1,5", "2.340.000", "3.510.000", "7.020.000"),
        ("", "Cộng đợt 03/02/2026", "2", "", "", "", "7.020.000"),
        ("Đợt 19/05/2026 – Kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh (19/5)",),
        ("1", "Huy hiệu 40 năm", "1", "2", "2.340.000", "4.680.000", "4.680.000"),
        ("", "Cộng đợt 19/05/2026", "1", "", "", "", "4.680.000"),
        ("Đợt 02/09/2026 – Quốc khánh (2/9)",),
        ("1", "Huy hiệu 50 năm", "1", "3", "2.530.000", "7.590.000", "7.590.000"),
        ("2", "Huy hiệu 45 năm", "1", "chưa có", "2.530.000", "chưa có", "chưa có"),
        ("", "Cộng đợt 02/09/2026", "2", "", "", "", "7.590.000"),
        ("Đợt 07/11/2026 – Kỷ niệm Cách mạng Tháng Mười Nga (7/11)",),
        ("1", "Huy hiệu 30 năm", "1", "1,5", "2.530.000", "3.795.000", "3.795.000"),
        ("", "Cộng đợt 07/11/2026", "1", "", "", "", "3.795.000"),
        ("", "Tổng cộng", "6", "", "", "", "23.085.000"),
    )
    assert document.tables[1] == (
        COLUMNS,
        ("Đợt 03/02/2026 – Kỷ niệm ngày thành lập Đảng (3/2)",),
        ("1", "Huy hiệu 70 năm", "1", "8", "2.340.000", "18.720.000", "18.720.000"),
        ("", "Cộng đợt 03/02/2026", "1", "", "", "", "18.720.000"),
        ("", "Cộng tặng sớm", "1", "", "", "", "18.720.000"),
    )
    assert document.repeated_header_rows == (True, True)
    assert document.paragraphs[4:] == (
        "Tổng cộng: 6 Huy hiệu, 23.085.000 đ (bằng chữ: Hai mươi ba triệu không trăm tám mươi "
        "lăm nghìn đồng).",
        "Theo mốc Huy hiệu: 50 năm: 1 Huy hiệu, 7.590.000 đ; 45 năm: 1 Huy hiệu, 0 đ; 40 năm: "
        "1 Huy hiệu, 4.680.000 đ; 30 năm: 3 Huy hiệu, 10.815.000 đ.",
        "Trường hợp đề nghị tặng sớm (bệnh nặng), tính riêng",
        "Cộng tặng sớm: 1 Huy hiệu, 18.720.000 đ (bằng chữ: Mười tám triệu bảy trăm hai mươi "
        "nghìn đồng).",
        "Tổng kinh phí đề nghị, kể cả tặng sớm: 41.805.000 đ (bằng chữ: Bốn mươi mốt triệu "
        "tám trăm linh năm nghìn đồng).",
        "Ghi chú:",
        "- Chưa có hệ số tiền thưởng Huy hiệu 45 năm áp dụng ngày 02/09/2026: 1 đảng viên "
        "(1 tặng) chưa tính tiền thưởng.",
        "- Mức lương cơ sở 2.530.000 đ chưa đối chiếu văn bản gốc.",
    )
    assert document.closing_left == CLOSING_LEFT
    assert document.closing_right[:2] == (("T/M ĐẢNG ỦY", True), ("BÍ THƯ", True))
    assert document.fonts == {"Times New Roman"}
    assert document.landscape == (False,)


def test_the_settlement_as_word_has_the_decided_rounds_and_no_early_part(
    office_client, settled_2026
):
    document = word(office_client, 2026, "quyet-toan")

    assert document.paragraphs[1] == "Quyết toán kinh phí tiền thưởng Huy hiệu Đảng năm 2026"
    assert len(document.tables) == 1
    table = document.tables[0]
    assert table[0] == COLUMNS
    assert table[1:4] == (
        ("Đợt 19/05/2026 – Quyết định số 12-QĐ/ĐUK ngày 10/05/2026",),
        ("1", "Huy hiệu 40 năm", "1", "2", "2.340.000", "4.680.000", "4.680.000"),
        ("2", "Huy hiệu 30 năm", "2", "1,5", "2.340.000", "3.510.000", "7.020.000"),
    )
    assert ("", "Cộng đợt 02/09/2026", "3", "", "", "", "20.240.000") in table
    assert table[-1] == ("", "Tổng cộng", "6", "", "", "", "31.940.000")
    assert (
        "Tổng cộng: 6 Huy hiệu, 31.940.000 đ (bằng chữ: Ba mươi mốt triệu chín trăm bốn mươi "
        "nghìn đồng)."
    ) in document.paragraphs
    assert "Trường hợp đề nghị tặng sớm (bệnh nặng), tính riêng" not in document.paragraphs
    assert document.closing_left == CLOSING_LEFT


def test_a_secretary_gets_no_word_file_as_no_pdf(client, make_user, year_2026):
    cell_a = Organisation.objects.get(name="Chi bộ A")
    client.force_login(make_user(Role.SECRETARY, cells=[cell_a]))

    assert client.get(url(2026, "du-toan", "docx")).status_code == 403
    assert client.get(url(2026, "du-toan", "pdf")).status_code == 403


def test_the_page_links_the_word_file_beside_the_pdf(office_client, year_2026):
    from django.urls import reverse  # noqa: PLC0415

    page = office_client.get(reverse("ceremonies:funding"), {"year": 2026}).content.decode()

    assert f'href="{url(2026, "du-toan", "pdf")}">PDF</a>' in page
    assert f'href="{url(2026, "du-toan", "docx")}">Word</a>' in page


@pytest.mark.slow
@needs_soffice
def test_the_estimate_as_word_prints_on_two_pages_with_the_signature_on_the_last(
    office_client, year_2026, tmp_path
):
    response = office_client.get(url(2026, "du-toan", "docx"))
    printed = read_pdf(docx_to_pdf(response.content, tmp_path))

    assert len(printed.pages) == 2
    assert "Tổng cộng 6 23.085.000" in printed.flat_text
    assert "Nơi nhận:" in printed.pages[1]
    assert "T/M ĐẢNG ỦY" in printed.pages[1]


@pytest.mark.slow
@needs_soffice
def test_the_settlement_as_word_prints_on_two_pages_with_the_signature_on_the_last(
    office_client, settled_2026, tmp_path
):
    response = office_client.get(url(2026, "quyet-toan", "docx"))
    printed = read_pdf(docx_to_pdf(response.content, tmp_path))

    assert len(printed.pages) == 2
    assert "Tổng cộng 6 31.940.000" in printed.flat_text
    assert "T/M ĐẢNG ỦY" in printed.pages[1]
