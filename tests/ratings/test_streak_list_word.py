"""The streaks proposed for commendation as a Word file and a PDF from one set of data
(ratings/streak_list.py, issue 18c), read back."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from ratings import services as ratings
from ratings.models import RatingYear
from tests.docx_utils import docx_to_pdf, needs_soffice, read_docx
from tests.factories import CellFactory, make_member
from tests.pdf_utils import read_pdf
from vusta_party.models import CommitteeProfile

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_today")]

HEADER_LEFT = (
    ("ĐẢNG BỘ MẶT TRẬN TỔ QUỐC, CÁC ĐOÀN THỂ TRUNG\xa0ƯƠNG", False),
    ("ĐẢNG ỦY LIÊN HIỆP CÁC HỘI KH&KT VIỆT\xa0NAM", True),
    ("*", False),
)


@pytest.fixture
def streaks():
    """2024 and 2025 locked, a streak of 2 years: An and Chi HTXSNV both years, Bình only in
    2025; Chi bộ A tiêu biểu both years."""
    a, b = CellFactory(name="Chi bộ A"), CellFactory(name="Chi bộ B")
    an = make_member(cell=a, full_name="Nguyễn Văn An")
    binh = make_member(cell=a, full_name="Trần Thị Bình", sex="F")
    chi = make_member(cell=b, full_name="Lê Thị Chi", sex="F")
    for value in (2024, 2025):
        year = ratings.rating_year(value)
        ratings.ratings_save(
            year=year,
            cell=a,
            levels={
                an.pk: ("HTXSNV", None),
                binh.pk: ("HTXSNV" if value == 2025 else "HTTNV", None),
            },
            cell_level="HTXSNV",
        )
        ratings.ratings_save(
            year=year, cell=b, levels={chi.pk: ("HTXSNV", None)}, cell_level="HTTNV"
        )
        ratings.exemplary_cells_save(year=year, cell_ids={a.pk}, cap=None)
        RatingYear.objects.filter(pk=year.pk).update(
            locked=True, locked_at=datetime(value + 1, 1, 10, tzinfo=UTC), streak_threshold=2
        )
    CommitteeProfile.objects.update(signer_name="Nguyễn Văn Ký")


def get(client, output):
    return client.get(reverse("ratings:commendations", args=[2025]), {"format": output})


def test_the_streak_list_as_word_has_the_header_title_tables_and_signature(office_client, streaks):
    response = get(office_client, "docx")
    document = read_docx(response.content)

    assert response["Content-Disposition"] == (
        'attachment; filename="de-nghi-khen-thuong-2025.docx"'
    )
    assert document.header_left == HEADER_LEFT  # a list: no number
    assert document.header_right == (
        ("ĐẢNG CỘNG SẢN VIỆT NAM", True),
        ("Hà Nội, ngày 14 tháng 8 năm 2026", False),
    )
    assert document.paragraphs == (
        "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
        "Đảng viên, chi bộ 2 năm liền hoàn thành xuất sắc nhiệm vụ (đến năm 2025)",
        "—————",
        "Đảng viên",
        "Chi bộ",
    )
    assert document.tables == (
        (
            ("STT", "Họ và tên", "Chi bộ", "Số năm liền HTXSNV"),
            ("1", "Nguyễn Văn An", "Chi bộ A", "2"),
            ("2", "Lê Thị Chi", "Chi bộ B", "2"),
        ),
        (("STT", "Chi bộ", "Số năm liền HTXSNV (tiêu biểu)"), ("1", "Chi bộ A", "2")),
    )
    assert document.repeated_header_rows == (True, True)
    assert document.closing_left == ()  # a list: no Nơi nhận
    assert document.closing_right == (
        ("T/M ĐẢNG ỦY", True),
        ("BÍ THƯ", True),
        ("Nguyễn Văn Ký", True),
    )
    assert document.fonts == {"Times New Roman"}


def test_an_empty_streak_list_says_so_in_both_tables(office_client, streaks):
    RatingYear.objects.update(streak_threshold=3)

    document = read_docx(get(office_client, "docx").content)

    assert document.tables == (
        (("STT", "Họ và tên", "Chi bộ", "Số năm liền HTXSNV"), ("Không có.", "", "", "")),
        (("STT", "Chi bộ", "Số năm liền HTXSNV (tiêu biểu)"), ("Không có.", "", "")),
    )


@pytest.mark.slow
@needs_soffice
def test_the_streak_list_pdf_and_word_print_the_same_lines(office_client, streaks, tmp_path):
    pdf = read_pdf(get(office_client, "pdf").content)
    printed = read_pdf(docx_to_pdf(get(office_client, "docx").content, tmp_path))

    for document in (pdf, printed):
        assert len(document.pages) == 1
        for line in (
            "ĐẢNG ỦY LIÊN HIỆP CÁC HỘI KH&KT VIỆT NAM",
            "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
            "1 Nguyễn Văn An Chi bộ A 2",
            "2 Lê Thị Chi Chi bộ B 2",
            "1 Chi bộ A 2",
            "T/M ĐẢNG ỦY BÍ THƯ",
            "Nguyễn Văn Ký",
        ):
            assert line in document.flat_text, line
    assert "Trần Thị Bình" not in pdf.text
    assert pdf.embedded_font_families == {"Tinos"}
