import io

import pytest
from django.urls import reverse
from docx import Document
from docx.oxml.ns import qn

from tests.docx_utils import docx_to_pdf, needs_soffice, read_docx
from tests.pdf_utils import A4_POINTS, read_pdf
from vusta_party.models import CommitteeProfile

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


LETTER = {
    "subject": "đề nghị tặng Huy hiệu Đảng đợt 3/2/2027",
    "addressee": "Ban Tổ chức Đảng ủy cấp trên",
    "body": "Đề nghị xét tặng cho đồng chí Nguyễn Thị Ánh.\nTrân trọng.",
    "recipients": "Như trên\nLưu Văn phòng Đảng ủy",
}
LETTER_HEADER_LEFT = (
    ("ĐẢNG BỘ MẶT TRẬN TỔ QUỐC, CÁC ĐOÀN THỂ TRUNG\xa0ƯƠNG", False),
    ("ĐẢNG ỦY LIÊN HIỆP CÁC HỘI KH&KT VIỆT\xa0NAM", True),
    ("*", False),
    ("Số \xa0\xa0\xa0\xa0\xa0\xa0-CV/ĐU", False),  # the number is written by hand
    ("V/v đề nghị tặng Huy hiệu Đảng đợt 3/2/2027", False),
)


def letter_word(client, params) -> bytes:
    response = client.get(reverse("office:sample_document"), {"format": "docx", **params})
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"] == 'attachment; filename="cong-van-20260814.docx"'
    return response.content


@pytest.mark.usefixtures("pinned_today")
def test_the_letter_as_word_has_the_header_the_subject_the_body_and_the_closing(office_client):
    CommitteeProfile.objects.update(signer_name="Nguyễn Văn An")

    document = read_docx(letter_word(office_client, LETTER))

    assert document.header_left == LETTER_HEADER_LEFT
    assert document.header_right == (
        ("ĐẢNG CỘNG SẢN VIỆT NAM", True),
        ("Hà Nội, ngày 14 tháng 8 năm 2026", False),
    )
    assert document.paragraphs == (
        "Kính gửi: Ban Tổ chức Đảng ủy cấp trên",
        "Đề nghị xét tặng cho đồng chí Nguyễn Thị Ánh.",
        "Trân trọng.",
    )
    assert document.tables == ()
    assert document.closing_left == ("Nơi nhận:", "- Như trên,", "- Lưu Văn phòng Đảng ủy.")
    assert document.closing_right == (
        ("T/M ĐẢNG ỦY", True),
        ("BÍ THƯ", True),
        ("Nguyễn Văn An", True),
    )
    assert document.fonts == {"Times New Roman"}
    assert document.landscape == (False,)


@pytest.mark.usefixtures("pinned_today")
def test_a_blank_letter_as_word_has_lines_to_write_on(office_client):
    data = letter_word(office_client, {})
    document = read_docx(data)
    body = Document(io.BytesIO(data)).paragraphs

    assert document.header_left[-1] == ("V/v ……………………………………", False)
    assert document.paragraphs == ("Kính gửi: ……………………………………………………",)
    ruled = [p for p in body if p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None]
    assert len(ruled) == 14
    assert document.closing_left == ()  # no recipients typed
    assert document.closing_right[:2] == (("T/M ĐẢNG ỦY", True), ("BÍ THƯ", True))


@pytest.mark.slow
@needs_soffice
@pytest.mark.usefixtures("pinned_today")
def test_the_letter_as_word_prints_on_one_page_as_its_pdf(office_client, tmp_path):
    printed = read_pdf(docx_to_pdf(letter_word(office_client, LETTER), tmp_path / "word"))
    pdf = read_pdf(
        office_client.get(reverse("office:sample_document"), {"format": "pdf", **LETTER}).content
    )

    assert (len(printed.pages), len(pdf.pages)) == (1, 1)
    for line in (
        "Số -CV/ĐU",
        "V/v đề nghị tặng Huy hiệu Đảng đợt 3/2/2027",
        "Kính gửi: Ban Tổ chức Đảng ủy cấp trên",
        "- Lưu Văn phòng Đảng ủy.",
        "T/M ĐẢNG ỦY BÍ THƯ",
    ):
        assert [line in printed.flat_text, line in pdf.flat_text] == [True, True], line
