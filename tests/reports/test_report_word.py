"""The report's draft as Word, "DỰ THẢO" on the draft PDF, and an issued report's page."""

import io

import pytest
from django.urls import reverse
from PIL import Image

from reports import data, documents, services
from reports.models import IssuedReport
from reports.periods import Period
from tests.docx_utils import read_docx
from tests.pdf_utils import read_pdf

pytestmark = pytest.mark.django_db
YEAR = Period.year(2025)
URL = reverse("reports:report", args=["nam", 2025])


def test_the_draft_report_as_word_has_the_header_the_narrative_the_figures_and_the_signature(
    office_client, hand_register
):
    office_client.post(URL, {"situation": "Tình hình ổn định.", "tasks": "Kết nạp mới."})

    response = office_client.get(URL, {"format": "docx"})
    document = read_docx(response.content)

    assert response["Content-Disposition"].endswith('bao-cao-nam-2025-ban-thao.docx"')
    assert document.paragraphs[0] == "DỰ THẢO"
    assert [text for text, _bold in document.header_left][-1] == "Số \xa0\xa0\xa0\xa0\xa0\xa0-BC/ĐU"
    assert document.paragraphs[1:3] == (
        "BÁO CÁO",
        "Tình hình tổ chức đảng và đảng viên năm 2025",
    )
    assert document.paragraphs[4:8] == (
        "1. Tình hình chung",
        "Tình hình ổn định.",
        "2. Phương hướng, nhiệm vụ kỳ tới",
        "Kết nạp mới.",
    )
    assert "Kiểm tra: 8 đầu kỳ + 3 tăng − 5 giảm = 6 cuối kỳ (khớp)." in document.paragraphs
    figures, by_cell = document.tables[0], document.tables[1]
    assert figures[0] == ("Chỉ tiêu", "Năm 2025", "Năm 2024", "Tăng, giảm", "%")
    assert ("Đảng viên đầu kỳ", "8", "8", "0", "0,0") in figures
    assert ("Đảng viên cuối kỳ", "6", "8", "-2", "-25,0") in figures
    assert [row[:6] for row in by_cell[1:]] == [
        ("1", "Chi bộ A", "8", "2", "6", "4"),
        ("2", "Chi bộ B", "0", "2", "0", "2"),
    ]
    assert all(document.repeated_header_rows)
    assert document.closing_left == (
        "Nơi nhận:",
        "- Ban Thường vụ cấp ủy cấp trên (để báo cáo),",
        "- Các chi bộ trực thuộc,",
        "- Lưu Văn phòng Đảng ủy.",
    )
    assert document.closing_right[:2] == (("T/M ĐẢNG ỦY", True), ("BÍ THƯ", True))


def test_a_cell_secretary_has_no_word_file_of_the_committees_report(
    client, make_user, hand_register
):
    cell_a, _b, _m1 = hand_register
    client.force_login(make_user("secretary", cells=[cell_a]))

    assert client.get(URL, {"format": "docx"}).status_code == 404


@pytest.mark.slow
def test_the_draft_pdf_says_du_thao_on_every_page_and_the_issued_one_does_not(
    office_client, office_user, hand_register
):
    draft = read_pdf(office_client.get(URL, {"format": "pdf"}).content)
    issued = services.report_issue(period=YEAR, user=office_user)

    assert len(draft.pages) >= 2
    assert all("DỰ THẢO" in page for page in draft.pages)
    assert "DỰ THẢO" not in read_pdf(bytes(issued.pdf)).text


def test_an_issued_reports_page_shows_its_state_and_its_document_without_a_second_issue(
    office_client, office_user, hand_register, monkeypatch
):
    monkeypatch.setattr(services, "html_to_pdf", lambda html: b"%PDF-1.7 issued")
    issued = services.report_issue(period=YEAR, user=office_user)

    page = office_client.get(URL).content.decode()

    assert '<span class="badge text-bg-success fs-6 app-report-state">Đã ban hành</span>' in page
    assert f'src="{reverse("reports:issued_file", args=[issued.pk, "pdf"])}?xem=1"' in page
    assert "Ban hành</button>" not in page
    assert "Ban hành bản mới (số mới)</button>" in page
    shown = office_client.get(reverse("reports:issued_file", args=[issued.pk, "pdf"]), {"xem": "1"})
    assert shown["Content-Disposition"].startswith("inline")
    assert shown.content == b"%PDF-1.7 issued"
    assert IssuedReport.objects.count() == 1


def test_the_office_is_warned_before_issuing_a_report_whose_signer_has_no_name(
    office_client, hand_register
):
    from vusta_party.models import CommitteeProfile  # noqa: PLC0415

    CommitteeProfile.objects.update(signer_name="")
    warned = office_client.get(URL)
    CommitteeProfile.objects.update(signer_name="Trần Văn Bình")
    named = office_client.get(URL)

    assert (
        "chưa có họ và tên người ký: văn bản sẽ in thiếu tên người ký"
        in (warned.context["signer_warning"])
    )
    assert 'class="alert alert-warning app-signer-warning"' in warned.content.decode()
    assert named.context["signer_warning"] == ""


def test_the_word_report_has_the_charts_of_the_pdf_as_images_with_their_figures(
    office_client, hand_register
):
    document = read_docx(office_client.get(URL, {"format": "docx"}).content)

    assert [text for text, _png in document.pictures] == [
        "Biến động đảng viên trong kỳ. Đầu kỳ: 8; Tăng: 3; Giảm: 5; Cuối kỳ: 6.",
        "Đảng viên theo độ tuổi (ngày 31/12/2025). Dưới 30 tuổi: 2; Từ 30 đến 40: 1;"
        " Từ 41 đến 50: 0; Từ 51 đến 60: 3; Từ 61 đến 70: 0; Trên 70 tuổi: 0.",
        "Huy hiệu Đảng được tặng theo mốc. 30 năm: 1.",
    ]
    assert "Đảng viên theo độ tuổi (cuối kỳ)" in document.paragraphs  # its heading, as the PDF
    for _text, png in document.pictures:
        image = Image.open(io.BytesIO(png)).convert("RGB")
        # 6.2 × 2.6 inches at 200 dpi; the first bar filled with the report red (#a61b1b).
        assert image.size == (1240, 520)
        assert (0xA6, 0x1B, 0x1B) in {colour for _n, colour in image.getcolors(1_000_000)}


def test_a_chart_is_one_drawing_for_the_pdf_and_the_word_file(hand_register):
    summary = data.membership_summary(YEAR)
    chart = documents.chart_data(summary)["movement"]

    assert (chart.labels, chart.values) == (("Đầu kỳ", "Tăng", "Giảm", "Cuối kỳ"), (8, 3, 5, 6))
    assert documents.charts(summary).movement == chart.svg()
    assert chart.png()[:8] == b"\x89PNG\r\n\x1a\n"
