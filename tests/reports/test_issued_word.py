"""An issued report offers its Word file besides its PDF (issue 18c): made with the PDF from the
same data, with its number and date, no "DỰ THẢO"; range reports too; a report issued before
Word files were kept has one made only while its data is still what it froze."""

from datetime import date

import pytest
from django.urls import reverse

from reports import services
from reports.models import IssuedReport
from reports.periods import Period
from tests.docx_utils import docx_to_pdf, needs_soffice, read_docx
from tests.factories import make_member
from tests.pdf_utils import read_pdf
from vusta_party.models import CommitteeProfile

pytestmark = pytest.mark.django_db
YEAR = Period.year(2025)
ISSUED_ON = date(2026, 1, 15)
RECIPIENTS = (
    "Nơi nhận:",
    "- Ban Thường vụ cấp ủy cấp trên (để báo cáo),",
    "- Các chi bộ trực thuộc,",
    "- Lưu Văn phòng Đảng ủy.",
)
SIGNATURE = (("T/M ĐẢNG ỦY", True), ("BÍ THƯ", True), ("Trần Văn Bình", True))


@pytest.fixture
def no_pdf(monkeypatch):
    """Issuing without WeasyPrint (the Word file is made as always)."""
    monkeypatch.setattr(services, "html_to_pdf", lambda html: b"%PDF-1.7 issued")


@pytest.fixture
def signer(db):
    CommitteeProfile.objects.update(signer_name="Trần Văn Bình")


def word_of(client, issued):
    response = client.get(reverse("reports:issued_file", args=[issued.pk, "docx"]))
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    return response


def test_an_issued_report_as_word_has_its_number_its_date_and_no_draft_mark(
    office_client, office_user, hand_register, no_pdf, signer
):
    office_client.post(
        reverse("reports:report", args=["nam", 2025]), {"situation": "Tình hình ổn định."}
    )
    issued = services.report_issue(period=YEAR, user=office_user, today=ISSUED_ON)

    response = word_of(office_client, issued)
    document = read_docx(response.content)

    assert response["Content-Disposition"] == (
        'attachment; filename="bao-cao-01-20250101-20251231.docx"'
    )
    assert response.content == bytes(issued.docx)  # the file made with the PDF
    assert "DỰ THẢO" not in document.paragraphs
    assert document.header_left[-1] == ("Số 01-BC/ĐU", False)
    assert document.header_right == (
        ("ĐẢNG CỘNG SẢN VIỆT NAM", True),
        ("Hà Nội, ngày 15 tháng 01 năm 2026", False),
    )
    assert document.paragraphs[:6] == (
        "BÁO CÁO",
        "Tình hình tổ chức đảng và đảng viên năm 2025",
        "—————",
        "1. Tình hình chung",
        "Tình hình ổn định.",
        "2. Số liệu đảng viên năm 2025",
    )
    figures, by_cell = document.tables[0], document.tables[1]
    assert ("Đảng viên cuối kỳ", "6", "8", "-2", "-25,0") in figures
    assert by_cell == (
        ("STT", "Chi bộ", "Đầu kỳ", "Tăng", "Giảm", "Cuối kỳ", "Nữ", "Dự bị"),
        ("1", "Chi bộ A", "8", "2", "6", "4", "1", "1"),
        ("2", "Chi bộ B", "0", "2", "0", "2", "1", "0"),
    )
    assert len(document.pictures) == 3  # the charts of the PDF
    assert document.closing_left == RECIPIENTS
    assert document.closing_right == SIGNATURE
    assert document.fonts == {"Times New Roman"}


def test_an_issued_range_report_offers_its_word_file_too(
    office_client, office_user, hand_register, no_pdf, signer
):
    period = Period(date(2025, 3, 1), date(2025, 8, 31))
    issued = services.report_issue(period=period, user=office_user, today=ISSUED_ON)

    response = word_of(office_client, issued)
    document = read_docx(response.content)

    assert response["Content-Disposition"] == (
        'attachment; filename="bao-cao-01-20250301-20250831.docx"'
    )
    assert document.header_left[-1] == ("Số 01-BC/ĐU", False)
    assert document.paragraphs[:2] == (
        "BÁO CÁO",
        "Tình hình tổ chức đảng và đảng viên từ 01/03/2025 đến 31/08/2025",
    )
    assert "DỰ THẢO" not in document.paragraphs
    assert document.closing_right == SIGNATURE
    page = office_client.get(
        reverse("reports:range_report", args=["2025-03-01", "2025-08-31"])
    ).content.decode()
    word_url = reverse("reports:issued_file", args=[issued.pk, "docx"])
    assert f'href="{word_url}">Số 01-BC/ĐU (Word)</a>' in page


def test_the_report_page_and_the_list_offer_the_issued_word_file(
    office_client, office_user, hand_register, no_pdf
):
    issued = services.report_issue(period=YEAR, user=office_user, today=ISSUED_ON)
    word_url = reverse("reports:issued_file", args=[issued.pk, "docx"])

    page = office_client.get(reverse("reports:report", args=["nam", 2025])).content.decode()
    listed = office_client.get(reverse("reports:index")).content.decode()

    assert '<span class="badge text-bg-success fs-6 app-report-state">Đã ban hành</span>' in page
    assert f'href="{word_url}">Số 01-BC/ĐU (Word)</a>' in page
    assert f'(<a href="{word_url}">Word</a>, lần 1, 15/01/2026' in page
    assert f'<a href="{word_url}">Word</a>' in listed


def test_a_cell_secretary_gets_no_issued_word_file(
    client, office_user, make_user, hand_register, no_pdf
):
    cell_a, _b, _m1 = hand_register
    issued = services.report_issue(period=YEAR, user=office_user, today=ISSUED_ON)
    client.force_login(make_user("secretary", cells=[cell_a]))

    response = client.get(reverse("reports:issued_file", args=[issued.pk, "docx"]))

    assert response.status_code == 404


def test_a_report_issued_before_word_files_has_one_while_its_data_is_unchanged(
    office_client, office_user, hand_register, no_pdf, signer
):
    issued = services.report_issue(period=YEAR, user=office_user, today=ISSUED_ON)
    kept = bytes(issued.docx)
    IssuedReport.objects.filter(pk=issued.pk).update(docx=None)  # as issued before this
    issued.refresh_from_db()

    made = read_docx(word_of(office_client, issued).content)

    assert made == read_docx(kept)  # the same document, numbered and dated as issued
    assert made.header_left[-1] == ("Số 01-BC/ĐU", False)

    cell_a, _b, _m1 = hand_register
    make_member(
        cell=cell_a, full_name="Mai Văn Mới", admission_date=date(2025, 6, 1), official_date=None
    )
    refused = office_client.get(reverse("reports:issued_file", args=[issued.pk, "docx"]))

    assert (refused.status_code, refused["Location"]) == (302, reverse("reports:index"))
    shown = office_client.get(refused["Location"]).content.decode()
    assert (
        "Số 01-BC/ĐU được ban hành trước khi có bản Word, và số liệu của kỳ đã thay đổi từ đó"
        in shown
    )


@pytest.mark.slow
@needs_soffice
def test_the_issued_pdf_and_word_file_print_the_same_number_date_and_signer(
    office_user, hand_register, signer, tmp_path
):
    issued = services.report_issue(period=YEAR, user=office_user, today=ISSUED_ON)

    pdf = read_pdf(bytes(issued.pdf))
    printed = read_pdf(docx_to_pdf(bytes(issued.docx), tmp_path))

    for document in (pdf, printed):
        text = document.flat_text
        for line in (
            "Số 01-BC/ĐU",
            "Hà Nội, ngày 15 tháng 01 năm 2026",
            "Đảng viên cuối kỳ 6 8 -2 -25,0",
            "Chi bộ A 8 2 6 4",
            "- Lưu Văn phòng Đảng ủy.",
            "Trần Văn Bình",
        ):
            assert line in text, line
        assert "DỰ THẢO" not in text
