"""The half-year and annual reports quote the badge bonus funding: the settlement of their period
and the estimate of the next year; issuing freezes the figures quoted."""

from datetime import date

import pytest
from django.urls import reverse

from ceremonies import services as rounds
from ceremonies.models import Round
from members.enums import Role
from members.models import Organisation
from reports import services
from reports.documents import funding_quote
from reports.periods import CUSTOM, Period
from tests.ceremonies.funding_world import make_settled_2026, member
from vusta_party import clock

pytestmark = pytest.mark.django_db
TODAY = date(2027, 1, 15)


@pytest.fixture
def settled(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    world = make_settled_2026()
    # 30 years on 01/03/2027: the round of 19/5/2027, 1.5 × 2,530,000.
    member("Lương Văn Xuân", date(1997, 3, 1), today=date(2025, 1, 1))
    return world


SETTLEMENT_2026 = {
    "start": "2026-01-01",
    "end": "2026-12-31",
    "rounds": [
        {
            "day": "2026-05-19",
            "decision": "Quyết định số 12-QĐ/ĐUK ngày 10/05/2026",
            "count": 3,
            "total": 11_700_000,
        },
        {
            "day": "2026-09-02",
            "decision": "Quyết định số 31-QĐ/ĐUK ngày 20/08/2026",
            "count": 3,
            "total": 20_240_000,
        },
    ],
    "by_milestone": {
        "55": {"count": 1, "total": 8_855_000},
        "50": {"count": 1, "total": 7_590_000},
        "40": {"count": 1, "total": 4_680_000},
        "30": {"count": 3, "total": 10_815_000},
    },
    "count": 6,
    "early": 0,
    "total": 31_940_000,
    "outside": 1,
}
ESTIMATE_2027 = {
    "year": 2027,
    "made_on": "2027-01-15",
    "rounds": [
        {
            "day": day,
            "base_salary": 2_530_000,
            "count": n,
            "total": total,
            "early_count": 0,
            "early_total": 0,
        }
        for day, n, total in (
            ("2027-02-03", 0, 0),
            ("2027-05-19", 1, 3_795_000),
            ("2027-09-02", 0, 0),
            ("2027-11-07", 0, 0),
        )
    ],
    "count": 1,
    "total": 3_795_000,
    "early_count": 0,
    "early_total": 0,
    "missing": [],
}


def test_the_annual_report_quotes_its_settlement_and_next_years_estimate(settled):
    quote = funding_quote(Period.year(2026), today=TODAY)

    assert quote.contract() == {
        "settlement": SETTLEMENT_2026,
        "estimate_year": 2027,
        "estimate": ESTIMATE_2027,
    }
    assert (quote.settlement_money, quote.settlement_words) == (
        "31.940.000 đ",
        "Ba mươi mốt triệu chín trăm bốn mươi nghìn đồng",
    )
    assert (quote.estimate_money, quote.estimate_words) == (
        "3.795.000 đ",
        "Ba triệu bảy trăm chín mươi lăm nghìn đồng",
    )


def test_the_half_year_report_settles_its_half_only(settled):
    quote = funding_quote(Period.first_half(2026), today=TODAY)

    assert (quote.settlement.count, quote.settlement.total) == (3, 11_700_000)
    assert quote.estimate_year == 2027


def test_a_report_made_after_the_next_year_has_no_estimate_and_a_range_no_quote(settled):
    late = funding_quote(Period.year(2025), today=TODAY)

    assert (late.estimate_year, late.estimate) == (2026, None)
    assert funding_quote(Period(date(2026, 1, 1), date(2026, 3, 31), CUSTOM), today=TODAY) is None


@pytest.mark.slow
def test_issuing_freezes_the_funding_quoted(settled, office_user):
    from tests.pdf_utils import read_pdf  # noqa: PLC0415 -- slow tests only

    issued = services.report_issue(period=Period.year(2026), user=office_user, today=TODAY)
    rounds.round_cancel(round_=Round.objects.get(date=date(2026, 9, 2)), reason="Thu hồi")

    issued.refresh_from_db()
    assert issued.data["funding"] == {
        "settlement": SETTLEMENT_2026,
        "estimate_year": 2027,
        "estimate": ESTIMATE_2027,
    }
    report, _html = services.render_report(Period.year(2026), issued_on=TODAY)
    assert report.funding.settlement.total == 11_700_000  # today's records, not the issued one
    text = read_pdf(bytes(issued.pdf)).flat_text
    for expected in (
        "Kinh phí tiền thưởng Huy hiệu Đảng",
        "Quyết toán năm 2026: 6 Huy hiệu qua 2 đợt có quyết định trong kỳ, tiền thưởng "
        "31.940.000 đ (Ba mươi mốt triệu chín trăm bốn mươi nghìn đồng); ngoài ra 1 Huy hiệu "
        "ghi nhận ngoài các đợt tặng, không có số liệu tiền thưởng.",
        "19/05/2026 Quyết định số 12-QĐ/ĐUK ngày 10/05/2026 3 11.700.000",
        "Dự toán năm 2027 (lập ngày 15/01/2027): 1 Huy hiệu tại 4 đợt tặng, tiền thưởng "
        "3.795.000 đ (Ba triệu bảy trăm chín mươi lăm nghìn đồng).",
    ):
        assert expected in text, expected


def test_the_report_page_shows_the_section_to_the_office_only(
    client, office_client, make_user, settled
):
    url = reverse("reports:report", args=["nam", 2026])
    page = office_client.get(url, {"format": "html"}).content.decode()
    client.force_login(make_user(Role.SECRETARY, cells=[Organisation.objects.get(name="Chi bộ A")]))
    own = client.get(url, {"format": "html"}).content.decode()

    assert "Dự toán năm 2027 (lập ngày 15/01/2027): 1 Huy hiệu tại 4 đợt tặng" in page
    assert "Kinh phí tiền thưởng Huy hiệu Đảng" not in own


def test_the_word_report_quotes_the_funding_as_its_pdf(office_client, settled):
    from tests.docx_utils import read_docx  # noqa: PLC0415

    url = reverse("reports:report", args=["nam", 2026])
    document = read_docx(office_client.get(url, {"format": "docx"}).content)
    html = office_client.get(url, {"format": "html"}).content.decode()

    at = document.paragraphs.index("Kinh phí tiền thưởng Huy hiệu Đảng")
    sentences = (
        "Quyết toán năm 2026: 6 Huy hiệu qua 2 đợt có quyết định trong kỳ, tiền thưởng "
        "31.940.000 đ (Ba mươi mốt triệu chín trăm bốn mươi nghìn đồng); ngoài ra 1 Huy hiệu "
        "ghi nhận ngoài các đợt tặng, không có số liệu tiền thưởng.",
        "Dự toán năm 2027 (lập ngày 15/01/2027): 1 Huy hiệu tại 4 đợt tặng, tiền thưởng "
        "3.795.000 đ (Ba triệu bảy trăm chín mươi lăm nghìn đồng).",
    )
    assert document.paragraphs[at + 1 : at + 3] == sentences
    assert (
        ("Đợt tặng", "Quyết định", "Số Huy hiệu", "Tiền thưởng (đồng)"),
        ("19/05/2026", "Quyết định số 12-QĐ/ĐUK ngày 10/05/2026", "3", "11.700.000"),
        ("02/09/2026", "Quyết định số 31-QĐ/ĐUK ngày 20/08/2026", "3", "20.240.000"),
    ) in document.tables
    assert all(sentence in html for sentence in sentences)  # the page and PDF: the same words
    assert '<td class="center">19/05/2026</td><td>Quyết định số 12-QĐ/ĐUK' in html
