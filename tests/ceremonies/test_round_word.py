"""The documents of a round as Word files (DOMAIN.md §6), read back with python-docx."""

import pytest
from django.urls import reverse

from tests.docx_utils import docx_to_pdf, needs_soffice, read_docx
from tests.pdf_utils import read_pdf

pytestmark = pytest.mark.django_db

HEADER_LEFT = (
    ("ĐẢNG BỘ MẶT TRẬN TỔ QUỐC, CÁC ĐOÀN THỂ TRUNG\xa0ƯƠNG", False),  # never "TRUNG / ƯƠNG"
    ("ĐẢNG ỦY LIÊN HIỆP CÁC HỘI KH&KT VIỆT\xa0NAM", True),
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


def test_list_4_hhd_as_word_is_landscape_with_the_form_columns_and_its_members(
    office_client, decided_round
):
    document = read_docx(word(office_client, decided_round, "4"))

    assert document.header_left == HEADER_LEFT  # a list carries no number
    assert document.header_right == (("ĐẢNG CỘNG SẢN VIỆT NAM", True), ("Mẫu 4-HHĐ", False))
    assert document.paragraphs[:2] == (
        "DANH SÁCH ĐẢNG VIÊN ĐỀ NGHỊ TẶNG HUY HIỆU ĐẢNG",
        "Tặng đợt 2/9/2026",
    )
    assert document.tables[0] == (
        (
            "STT",
            "Họ và tên",
            "Ngày sinh",
            "Quê quán",
            "Ngày vào Đảng",
            "Ngày chính thức",
            "Số thẻ đảng viên",
            "Chi bộ",
            "Loại huy hiệu",
            "Ghi chú",
        ),
        (
            "1",
            "Nguyễn Thị Ánh",
            "28/02/1950",
            "Cao Bằng",
            "01/05/1976",
            "01/05/1977",
            "00012345",
            "Chi bộ Hội Vật lý",
            "Huy hiệu 50 năm tuổi Đảng",
            "",
        ),
        (
            "2",
            "Đặng Văn Dũng",
            "02/09/1971",
            "",
            "02/09/1996",
            "02/09/1997",
            "00012346",
            "Chi bộ Hội Hóa học",
            "Huy hiệu 30 năm tuổi Đảng",
            "",
        ),
    )
    assert document.repeated_header_rows == (True,)
    assert document.paragraphs[-1] == "Danh sách có 2 đồng chí."
    assert document.closing_left == ()
    assert document.closing_right[:2] == SIGNATURE
    assert document.landscape == (True,)


def test_lists_4a_and_4b_as_word_carry_the_old_badge_number_and_the_death_date(
    office_client, decided_round
):
    reissue = read_docx(word(office_client, decided_round, "4a"))
    posthumous = read_docx(word(office_client, decided_round, "4b"))

    assert reissue.tables[0][0][:3] == ("STT", "Số Huy hiệu cũ", "Họ và tên")
    assert reissue.tables[0][1][:3] == ("1", "B054321", "Trần Thị Cúc")
    assert reissue.tables[0][1][-1] == "Mất khi chuyển nhà"
    assert posthumous.tables[0][1][1] == "Lê Văn Bình"
    assert posthumous.tables[0][1][-1] == "Từ trần ngày 01/05/2025; truy tặng sớm"


def test_declarations_as_word_are_one_section_each_numbered_on_their_own(
    office_client, decided_round
):
    document = read_docx(word(office_client, decided_round, "to-khai"))

    assert document.landscape == (False, False, False)
    assert document.page_number_restarts == 2  # the 2nd and 3rd declarations count from 1
    assert document.header_left == (
        ("ĐẢNG ỦY LIÊN HIỆP CÁC HỘI KH&KT VIỆT\xa0NAM", False),
        ("CHI BỘ HỘI VẬT\xa0LÝ", True),  # the issuing cell in bold, its committee plain
        ("*", False),
    )
    assert "Kính gửi: Chi ủy chi bộ Hội Vật lý" in document.paragraphs
    assert "Kính gửi: Chi ủy chi bộ Hội Hóa học" in document.paragraphs
    assert "Đề nghị truy tặng Huy hiệu 40 năm tuổi Đảng" in document.paragraphs
    assert "Từ trần ngày: 01/05/2025" in document.paragraphs
    assert document.closing_right == (
        ("Hà Nội, ngày 01 tháng 8 năm 2026", False),
        ("THÂN NHÂN NGƯỜI KHAI", True),
        ("(Ký, ghi rõ họ tên và quan hệ với đảng viên)", False),
    )


def test_the_roster_as_word_groups_by_milestone_with_bonus_totals(office_client, decided_round):
    document = read_docx(word(office_client, decided_round, "danh-sach-trao-tang"))

    roster, totals = document.tables[0], document.tables[1]
    assert [row[:2] for row in roster] == [
        ("STT", "Họ và tên"),
        ("Huy hiệu 50 năm tuổi Đảng",),
        ("1", "Nguyễn Thị Ánh"),
        ("Huy hiệu 40 năm tuổi Đảng",),
        ("2", "Trần Thị Cúc"),  # her re-issued badge is presented too
        ("3", "Lê Văn Bình"),
        ("Huy hiệu 30 năm tuổi Đảng",),
        ("4", "Đặng Văn Dũng"),
    ]
    assert roster[4][-1] == "Cấp lại, số cũ B054321"
    assert roster[2] == (
        "1",
        "Nguyễn Thị Ánh",
        "1950",
        "Chi bộ Hội Vật lý",
        "01/05/1976",
        "Tặng Huy hiệu 50 năm",
        "",
        "7.590.000",
        "",
    )
    assert totals == (
        ("Loại Huy hiệu", "Số đảng viên", "Tiền thưởng (đồng)"),
        ("Huy hiệu 50 năm tuổi Đảng", "1", "7.590.000"),
        ("Huy hiệu 40 năm tuổi Đảng", "1", "5.060.000"),
        ("Huy hiệu 30 năm tuổi Đảng", "1", "3.795.000"),
        ("Cấp lại Huy hiệu bị mất", "1", ""),
        ("Tổng cộng", "3", "16.445.000"),
    )
    assert document.paragraphs[1] == (
        "Tặng đợt 2/9/2026 (Quyết định số 123-QĐ/ĐUK ngày 20/08/2026 của Ban Thường vụ Đảng ủy"
        " cấp trên)"
    )
    assert document.repeated_header_rows == (True, True)


def test_the_signature_sheet_as_word_has_a_line_to_sign_for_each_member(
    office_client, decided_round
):
    document = read_docx(word(office_client, decided_round, "so-ky-nhan"))

    assert document.tables[0] == (
        ("STT", "Họ và tên", "Chi bộ", "Loại Huy hiệu", "Số Huy hiệu", "Ngày nhận", "Ký nhận"),
        ("1", "Nguyễn Thị Ánh", "Chi bộ Hội Vật lý", "50 năm", "", "", ""),
        (
            "2",
            "Trần Thị Cúc",
            "Chi bộ Hội Hóa học",
            "40 năm (cấp lại (bị mất), số cũ B054321)",
            "",
            "",
            "",
        ),
        ("3", "Lê Văn Bình", "Chi bộ Hội Vật lý", "40 năm (truy tặng sớm)", "", "", ""),
        ("4", "Đặng Văn Dũng", "Chi bộ Hội Hóa học", "30 năm", "", "", ""),
    )


def test_the_roster_on_screen_is_a_landscape_sheet_with_its_round_files_and_a_print_button(
    office_client, decided_round
):
    pk = decided_round.pk
    page = office_client.get(
        reverse("ceremonies:round_document", args=[pk, "danh-sach-trao-tang", "html"])
    ).content.decode()

    assert '<div class="doc-sheet doc-landscape">' in page
    assert f'<a href="{reverse("ceremonies:round_detail", args=[pk])}">← ' in page
    for ext, label in (("pdf", "Tải PDF"), ("docx", "Tải Word")):
        url = reverse("ceremonies:round_document", args=[pk, "danh-sach-trao-tang", ext])
        assert f'<a href="{url}">{label}</a>' in page
    assert '<button type="button" data-print>In</button>' in page
    assert '<script src="/static/js/document.js" defer></script>' in page
    assert page.count("Nguyễn Thị Ánh") == 1


@pytest.mark.slow
@needs_soffice
def test_the_declarations_and_the_list_as_word_print_as_their_pdfs_do(
    office_client, decided_round, tmp_path
):
    declarations = read_pdf(
        docx_to_pdf(word(office_client, decided_round, "to-khai"), tmp_path / "a")
    )
    listed = read_pdf(docx_to_pdf(word(office_client, decided_round, "4"), tmp_path / "b"))

    assert len(declarations.pages) == 3  # one page each, numbered on its own: no number
    assert [page.split()[-1] for page in declarations.pages] == ["Ánh", "Dũng", "viên)"]
    assert "THÂN NHÂN NGƯỜI KHAI" in declarations.pages[2]
    # A4 landscape (LibreOffice rounds the height to 595.3 points)
    assert listed.page_sizes == ((pytest.approx(841.89, abs=0.1), pytest.approx(595.28, abs=0.1)),)
    assert "Danh sách có 2 đồng chí. T/M ĐẢNG ỦY BÍ THƯ" in listed.flat_text
