import pytest
from django.urls import reverse

from tests.pdf_utils import A4_POINTS, read_pdf

pytestmark = pytest.mark.django_db


@pytest.mark.slow
def test_sample_letter_pdf_has_the_party_header_in_the_shipped_font(office_client):
    response = office_client.get(
        reverse("office:sample_document"),
        {
            "format": "pdf",
            "subject": "đề nghị tặng Huy hiệu Đảng đợt 3/2/2027",
            "addressee": "Ban Tổ chức Đảng ủy cấp trên",
            "body": "Đề nghị xét tặng cho đồng chí Nguyễn Thị Ánh.\nTrân trọng.",
            "recipients": "Như trên\nLưu Văn phòng Đảng ủy",
        },
    )

    assert response["Content-Type"] == "application/pdf"
    pdf = read_pdf(response.content)
    assert pdf.page_sizes == (A4_POINTS,)
    assert pdf.embedded_font_families == {"Tinos"}
    for line in [
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "ĐẢNG BỘ MẶT TRẬN TỔ QUỐC, CÁC ĐOÀN THỂ TRUNG ƯƠNG",
        "ĐẢNG ỦY LIÊN HIỆP CÁC HỘI KH&KT VIỆT NAM",
        "-CV/ĐU",
        "V/v đề nghị tặng Huy hiệu Đảng đợt 3/2/2027",
        "Kính gửi: Ban Tổ chức Đảng ủy cấp trên",
        "Đề nghị xét tặng cho đồng chí Nguyễn Thị Ánh.",
        "Nơi nhận:",
        "- Như trên,",
        "- Lưu Văn phòng Đảng ủy.",
        "T/M ĐẢNG ỦY",
        "BÍ THƯ",
    ]:
        assert line in pdf.flat_text, line


@pytest.mark.slow
def test_long_letter_numbers_pages_from_the_second_page(office_client):
    body = "\n".join(f"Đoạn số {n} của công văn, đủ dài để sang trang mới." for n in range(1, 61))

    response = office_client.get(reverse("office:sample_document"), {"format": "pdf", "body": body})

    pdf = read_pdf(response.content)
    lines = [page.splitlines() for page in pdf.pages]
    assert len(lines) == 3
    assert "1" not in lines[0]  # no number on the first page
    assert "2" in lines[1]
    assert "3" in lines[2]


def test_sample_letter_html_is_the_same_template_for_the_screen(office_client):
    response = office_client.get(
        reverse("office:sample_document"), {"format": "html", "subject": "mời họp chi bộ"}
    )

    html = response.content.decode()
    assert response.templates[0].name == "office/documents/letter.html"
    assert "V/v mời họp chi bộ" in html
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in html


def test_sample_letter_page_previews_the_document_in_a_frame(office_client):
    response = office_client.get(reverse("office:sample_document"), {"subject": "mời họp"})

    assert response.templates[0].name == "office/sample_document.html"
    assert 'src="?subject=m%E1%BB%9Di+h%E1%BB%8Dp&amp;format=html"' in response.content.decode()
    assert response["X-Frame-Options"] == "SAMEORIGIN"
