"""The documents of a round as Word files (DOMAIN.md §6), read back with python-docx."""

import pytest
from django.urls import reverse

from tests.docx_utils import docx_to_pdf, needs_soffice, read_docx
from tests.pdf_utils import read_pdf

pytestmark = pytest.mark.django_db

HEADER_LEFT = (
    ("ĐẢNG BỘ MẶT TRẬN TỔ QUỐC, CÁC ĐOÀN THỂ TRUNG ƯƠNG", False),
    ("ĐẢNG ỦY LIÊN HIỆP CÁC HỘI KH&KT VIỆT NAM", True),
    ("*", False),
)
SIGNATURE = (("T/M ĐẢNG ỦY", True), ("BÍ THƯ", True))


def word(client, round_, name) -> bytes:
    response = client.get(reverse("ceremonies:round_document", args=[round_.pk, name, "docx"]))
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"].endswith(f'{name}-20260902.docx"')
    return response.content


def test_the_submission_as_word_has_the_header_the_number_the_counts_and_the_signature(
    office_client, decided_round
):
    document = read_docx(word(office_client, decided_round, "to-trinh"))

    assert document.header_left == (*HEADER_LEFT, ("Số 01-TTr/ĐU", False))
    assert document.header_right == (
        ("ĐẢNG CỘNG SẢN VIỆT NAM", True),
        ("Hà Nội, ngày 01 tháng 8 năm 2026", False),
    )
    assert document.paragraphs[:4] == (
        "TỜ TRÌNH",
        "Về việc đề nghị tặng Huy hiệu Đảng đợt 2/9/2026",
        "—————",
        "Kính gửi: Ban Thường vụ Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương",
    )
    assert (
        "kính trình Ban Thường vụ xem xét, quyết định tặng Huy hiệu Đảng nhân dịp 02/09/2026 cho"
        " 3 đồng chí đảng viên và cấp lại Huy hiệu Đảng cho 1 đồng chí bị mất Huy hiệu, cụ thể:"
    ) in document.text
    assert document.tables[0] == (
        ("Loại Huy hiệu", "Số đảng viên", "Trong đó tặng sớm", "Trong đó truy tặng"),
        ("Huy hiệu 50 năm tuổi Đảng", "1", "0", "0"),
        ("Huy hiệu 40 năm tuổi Đảng", "1", "0", "1"),
        ("Huy hiệu 30 năm tuổi Đảng", "1", "0", "0"),
        ("Cộng", "3", "", ""),
    )
    assert document.repeated_header_rows[0] is True
    assert document.paragraphs[-1] == (
        "Đảng ủy Liên hiệp các Hội KH&KT Việt Nam kính trình Ban Thường vụ xem xét, quyết định."
    )
    assert document.closing_left == ("Nơi nhận:", "- Như trên,", "- Lưu Văn phòng Đảng ủy.")
    assert document.closing_right[:2] == SIGNATURE
    assert document.fonts == {"Times New Roman"}
    assert document.landscape == (False,)


@pytest.mark.slow
@needs_soffice
def test_the_submission_as_word_prints_on_one_page_with_its_signature(
    office_client, decided_round, tmp_path
):
    printed = read_pdf(docx_to_pdf(word(office_client, decided_round, "to-trinh"), tmp_path))

    assert len(printed.pages) == 1
    assert "Số 01-TTr/ĐU" in printed.flat_text
    assert "T/M ĐẢNG ỦY BÍ THƯ" in printed.flat_text
