import hashlib
import io
import json
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from members import services as register
from members.models import Member
from reports import services
from reports.models import IssuedReport, IssuedReportError
from reports.periods import Period
from tests.pdf_utils import read_pdf
from vusta_party.pdf import html_to_pdf
from vusta_party.services import next_document_number

pytestmark = pytest.mark.django_db
YEAR = Period.year(2025)
URL = reverse("reports:report", args=["nam", 2025])


@pytest.mark.slow
def test_issuing_numbers_freezes_and_hashes_the_report(hand_register, office_user):
    services.draft_save(
        period=YEAR,
        values={"situation": "Tình hình ổn định.", "tasks": "Kết nạp đảng viên mới."},
        user=office_user,
    )

    issued = services.report_issue(period=YEAR, user=office_user, today=date(2026, 1, 15))

    assert (issued.number, issued.document_number, issued.version, issued.label) == (
        1,
        "Số 01-BC/ĐU",
        1,
        "năm 2025",
    )
    assert issued.sha256 == hashlib.sha256(bytes(issued.pdf)).hexdigest()
    assert issued.data["figures"]["members_end"] == 6
    assert issued.data["narrative"] == {
        "situation": ["Tình hình ổn định."],
        "tasks": ["Kết nạp đảng viên mới."],
    }
    text = read_pdf(bytes(issued.pdf)).flat_text
    for expected in [
        "Số 01-BC/ĐU",
        "Hà Nội, ngày 15 tháng 01 năm 2026",
        "1. Tình hình chung",
        "Tình hình ổn định.",
        "2. Phương hướng, nhiệm vụ kỳ tới",
        "3. Số liệu đảng viên năm 2025",
    ]:
        assert expected in text, expected


@pytest.mark.slow
def test_an_issued_report_never_changes(hand_register, office_user):
    _a, _b, m1 = hand_register
    issued = services.report_issue(period=YEAR, user=office_user, today=date(2026, 1, 15))
    digest, data = issued.sha256, IssuedReport.objects.get(pk=issued.pk).data

    services.draft_save(
        period=YEAR, values={"situation": "Sửa sau khi ban hành."}, user=office_user
    )
    register.fact_record(member=Member.objects.get(pk=m1.pk), kind="died", day=date(2025, 12, 30))
    stored = IssuedReport.objects.get(pk=issued.pk)

    assert (stored.sha256, stored.data) == (digest, data)
    assert hashlib.sha256(bytes(stored.pdf)).hexdigest() == digest
    stored.label = "khác"
    with pytest.raises(IssuedReportError, match="Báo cáo đã ban hành không thể sửa"):
        stored.save()
    with pytest.raises(IssuedReportError, match="không thể xóa"):
        stored.delete()


@pytest.mark.slow
def test_a_new_version_is_a_new_issued_report_with_the_next_number(hand_register, office_user):
    first = services.report_issue(period=YEAR, user=office_user, today=date(2026, 1, 15))
    second = services.report_issue(period=YEAR, user=office_user, today=date(2026, 1, 20))

    assert [(r.number, r.version) for r in (first, second)] == [(1, 1), (2, 2)]
    assert IssuedReport.objects.count() == 2


@pytest.mark.slow
def test_a_number_taken_while_the_pdf_prints_is_printed_again_with_the_next(
    hand_register, office_user, monkeypatch
):
    """The PDF prints outside the write transaction; a document numbered meanwhile (here a
    report of another writer, taken as the first print runs) makes the report print again."""
    printed = []

    def print_and_be_overtaken(html):
        printed.append(html)
        if len(printed) == 1:
            next_document_number(type_code=services.REPORT_TYPE, day=date(2026, 1, 15))
        return html_to_pdf(html)

    monkeypatch.setattr(services, "html_to_pdf", print_and_be_overtaken)

    issued = services.report_issue(period=YEAR, user=office_user, today=date(2026, 1, 15))

    assert (issued.number, issued.document_number) == (2, "Số 02-BC/ĐU")
    assert ["Số 01-BC/ĐU" in html for html in printed] == [True, False]
    assert "Số 02-BC/ĐU" in read_pdf(bytes(issued.pdf)).flat_text
    assert IssuedReport.objects.count() == 1


@pytest.mark.slow
def test_the_page_saves_the_draft_and_the_office_issues(office_client, hand_register):
    office_client.post(URL, {"situation": "Tình hình chung.", "results": "Kết quả."})
    response = office_client.post(reverse("reports:issue", args=["nam", 2025]), follow=True)

    assert "Đã ban hành Số 01-BC/ĐU – Báo cáo năm 2025." in response.content.decode()
    issued = IssuedReport.objects.get()
    assert issued.data["narrative"] == {"situation": ["Tình hình chung."], "results": ["Kết quả."]}
    download = office_client.get(reverse("reports:issued_file", args=[issued.pk, "pdf"]))
    assert hashlib.sha256(download.content).hexdigest() == issued.sha256


def test_only_the_office_and_the_standing_committee_issue(client, make_user, hand_register):
    client.force_login(make_user("viewer"))
    assert client.post(reverse("reports:issue", args=["nam", 2025])).status_code == 403
    assert client.post(URL, {"situation": "x"}).status_code == 403

    client.force_login(make_user("standing"))
    assert client.get(URL).context["can_issue"] is True


def test_exports_json_and_xlsx(office_client, hand_register):
    figures = json.loads(office_client.get(URL, {"format": "json"}).content)
    workbook = load_workbook(io.BytesIO(office_client.get(URL, {"format": "xlsx"}).content))

    assert (figures["members_start"], figures["members_end"]) == (8, 6)
    rows = {row[0]: row[1:] for row in workbook["Số liệu"].iter_rows(min_row=3, values_only=True)}
    assert rows["Đảng viên cuối kỳ"] == (6, 8, -2, -25.0)
    assert list(workbook["Theo chi bộ"].iter_rows(min_row=2, values_only=True)) == [
        (1, "Chi bộ A", 8, 2, 6, 4, 1, 1),  # Trần Thị Bình, probationary
        (2, "Chi bộ B", 0, 2, 0, 2, 1, 0),
    ]


def test_an_unknown_period_is_not_found(office_client):
    assert office_client.get(reverse("reports:report", args=["quy", 2025])).status_code == 404


@pytest.mark.parametrize("item_count", [1, 3])
def test_reports_index_takes_a_fixed_number_of_queries(
    office_client, office_user, item_count, django_assert_num_queries
):
    for n in range(item_count):
        IssuedReport.objects.create(
            kind="year",
            start=date(2020 + n, 1, 1),
            end=date(2020 + n, 12, 31),
            label=f"năm {2020 + n}",
            number=n + 1,
            document_number=f"Số 0{n + 1}-BC/ĐU",
            term_name="2025–2030",
            issued_on=date(2026, 1, 1),
            issued_by=office_user,
            data={},
            pdf=b"%PDF-",
            sha256="0" * 64,
        )

    # session, user, issued reports with who issued them, committee profile
    with django_assert_num_queries(4):
        response = office_client.get(reverse("reports:index"))

    assert len(response.context["issued"]) == item_count


RANGE = ["2025-03-01", "2025-08-31"]


@pytest.mark.slow
def test_a_custom_range_has_its_page_its_figures_and_can_be_issued(
    office_client,
    hand_register,
):
    chosen = office_client.get(
        reverse("reports:index"), {"start": "01/03/2025", "end": "31/08/2025"}
    )
    assert chosen["Location"] == reverse("reports:range_report", args=RANGE)

    page = office_client.get(chosen["Location"])
    figures = json.loads(office_client.get(chosen["Location"], {"format": "json"}).content)
    office_client.post(reverse("reports:range_issue", args=RANGE))

    assert page.context["period"].label == "từ 01/03/2025 đến 31/08/2025"
    # By hand (see the register): Em out 1/3, Dung in 1/6, Hà re-admitted 1/7, Khoa expelled 1/8,
    # Minh made official 2/5; the badge of 2/9 and the departure of 1/9 fall after the range.
    assert {
        k: figures[k]
        for k in (
            "period_start",
            "period_end",
            "members_start",
            "members_end",
            "admitted",
            "made_official",
            "transferred_in",
            "transferred_out",
            "readmitted",
            "expelled",
            "left",
            "badges",
        )
    } == {
        "period_start": "2025-03-01",
        "period_end": "2025-08-31",
        "members_start": 8,
        "members_end": 8,
        "admitted": 0,
        "made_official": 1,
        "transferred_in": 1,
        "transferred_out": 1,
        "readmitted": 1,
        "expelled": 1,
        "left": 0,
        "badges": {},
    }
    issued = IssuedReport.objects.get()
    assert (issued.kind, issued.start, issued.end, issued.label) == (
        "custom",
        date(2025, 3, 1),
        date(2025, 8, 31),
        "từ 01/03/2025 đến 31/08/2025",
    )


def test_a_range_ending_before_it_starts_is_refused_on_the_reports_page(office_client):
    response = office_client.get(
        reverse("reports:index"), {"start": "01/09/2025", "end": "31/08/2025"}
    )

    assert response.status_code == 200
    assert response.context["range_form"].non_field_errors() == [
        "“Từ ngày” phải trước hoặc bằng “Đến ngày”."
    ]


@pytest.mark.parametrize("dates", [["2025-02-30", "2025-03-31"], ["2025-05-01", "2025-04-30"]])
def test_a_range_address_with_bad_dates_is_not_found(office_client, dates):
    assert office_client.get(reverse("reports:range_report", args=dates)).status_code == 404


@pytest.mark.parametrize("year", [2026, 2099])
def test_a_period_not_over_cannot_be_issued(office_user, year, pinned_today):
    with pytest.raises(ValidationError) as error:
        services.report_issue(period=Period.year(year), user=office_user)

    assert error.value.messages == [
        {
            2026: "Chưa ban hành được báo cáo năm 2026: kỳ báo cáo kết thúc ngày 31/12/2026, "
            "chỉ ban hành từ ngày hôm sau.",
            2099: "Kỳ báo cáo kết thúc sau năm 2026.",
        }[year]
    ]
    assert not IssuedReport.objects.exists()


def test_the_page_of_a_period_not_over_offers_no_issue(client, make_user, pinned_today):
    client.force_login(make_user("standing"))
    this_year = reverse("reports:report", args=["nam", 2026])

    page = client.get(this_year)
    posted = client.post(reverse("reports:issue", args=["nam", 2026]), follow=True)

    assert "Ban hành</button>" not in page.content.decode()
    assert "chỉ ban hành từ ngày hôm sau" in page.content.decode()
    assert [str(m) for m in posted.context["messages"]] == [
        "Chưa ban hành được báo cáo năm 2026: kỳ báo cáo kết thúc ngày 31/12/2026, "
        "chỉ ban hành từ ngày hôm sau."
    ]
    assert not IssuedReport.objects.exists()
