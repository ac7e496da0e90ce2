"""Biểu 7-BTCTW from the register (DOMAIN.md §5; issue 19): the figures of a year against the
same period last year, counted by hand; the figures staff type, kept per period; the page, its
query count, who may open and type it; the workbook."""

from datetime import date

import pytest
from django.urls import reverse

from ceremonies.models import Proposal, Round
from members import services
from ratings import services as ratings
from ratings.models import Commendation, CommendationLine, RatingYear
from reports.data import membership_summary
from reports.models import StatFormEntry
from reports.periods import Period
from reports.statform.documents import statform_document, statform_xlsx
from reports.statform.queries import statform
from reports.statform.services import statform_entries_save
from tests.docx_utils import docx_to_pdf, needs_soffice, read_docx
from tests.factories import MILESTONES, CellFactory, make_member
from tests.pdf_utils import A4_POINTS, read_pdf

pytestmark = pytest.mark.django_db

YEAR = Period.year(2025)
LAST_YEAR = Period.year(2024)


def _locked_year(year):
    rating_year = ratings.rating_year(year)
    RatingYear.objects.filter(pk=rating_year.pk).update(locked=True)
    return rating_year


def _commendation(year, level, form, state, cells=(), members=(), dated=None, decided=None):
    commendation = Commendation.objects.create(
        year=_locked_year(year),
        level=level,
        form=form,
        state=state,
        reason="Hoàn thành xuất sắc nhiệm vụ",
        dated=dated,
        decision_date=decided,
        decision_number="123-QĐ/ĐU" if decided else "",
    )
    for cell in cells:
        CommendationLine.objects.create(commendation=commendation, cell=cell, title="Tiêu biểu")
    for member in members:
        CommendationLine.objects.create(commendation=commendation, member=member, title="HTXSNV")
    return commendation


def _badge(member, milestone, day, kind="regular"):
    services.badge_record(
        milestones=MILESTONES, member=member, milestone=milestone, kind=kind, decision_date=day
    )


@pytest.fixture
def register():
    """Three cells; commendations, badges, re-issues and transfers of 2025 and 2024, with some
    that must not count (drafts, a proposal still waiting, a decision of 2026, a badge without a
    decision date, a re-issue left out or in a cancelled round, a move between cells)."""
    a, b, c = (CellFactory(name=f"Chi bộ {x}") for x in "ABC")
    people = [
        make_member(
            cell=a,
            full_name=f"Đảng viên {n}",
            admission_date=date(1970, 1, 1),
            official_date=date(1971, 1, 1),
        )
        for n in range(1, 14)
    ]
    m = dict(enumerate(people, 1))
    # I. Commendations, counted by the date of their decision.
    _commendation(2024, "own", "giay_khen", "issued", (a, b), (m[1], m[2], m[3]), date(2025, 1, 20))
    _commendation(
        2024,
        "higher",
        "bang_khen",
        "decided",
        (c,),
        (m[1], m[4]),
        date(2024, 12, 10),
        date(2025, 5, 15),
    )
    _commendation(2023, "own", "giay_khen", "issued", (a,), (m[2], m[5]), date(2024, 1, 15))
    _commendation(2024, "own", "giay_khen", "draft", (b,), (m[5],))
    _commendation(2024, "higher", "bang_khen", "submitted", (a,), (m[3],), date(2025, 3, 1))
    _commendation(2025, "own", "giay_khen", "issued", (), (m[4],), date(2026, 1, 10))
    # II. Badges, by the date of their decision.
    _badge(m[6], 30, date(2025, 2, 3))
    _badge(m[7], 30, date(2025, 9, 2))
    _badge(m[8], 40, date(2025, 5, 19), kind="early")
    _badge(m[9], 50, date(2025, 12, 31), kind="posthumous")
    _badge(m[10], 30, date(2024, 9, 2))
    _badge(m[11], 45, date(2024, 11, 7))
    _badge(m[12], 30, None)  # recorded without a decision date: in no period
    _badge(m[13], 55, date(2026, 2, 3))
    decided = Round.objects.create(
        date=date(2025, 9, 2),
        occasion="0902",
        deadline=date(2025, 8, 3),
        state="decided",
        decision_date=date(2025, 8, 20),
    )
    cancelled = Round.objects.create(
        date=date(2025, 11, 7), occasion="1107", deadline=date(2025, 10, 8), state="cancelled"
    )
    Round.objects.filter(pk=cancelled.pk).update(decision_date=date(2025, 10, 30))
    Proposal.objects.create(round=decided, member=m[10], milestone=30, kind="reissue")
    Proposal.objects.create(
        round=decided, member=m[11], milestone=45, kind="reissue", included=False
    )
    Proposal.objects.create(round=cancelled, member=m[1], milestone=50, kind="reissue")
    # IV. Transfers into and out of the committee.
    make_member(
        cell=b, full_name="Người chuyển đến", entry="transferred_in", entry_date=date(2025, 6, 1)
    )
    for member, day in (
        (m[1], date(2025, 3, 1)),
        (m[2], date(2025, 10, 10)),
        (m[3], date(2024, 4, 1)),
    ):
        services.fact_record(
            member=member, kind="transferred_out", day=day, counterpart="Đảng bộ khác"
        )
    services.fact_record(member=m[4], kind="cell_transfer", day=date(2025, 4, 1), cell=b)
    return a, b, c


def _by_key(form):
    return {row.key: (row.current, row.previous, row.percent) for row in form.rows}


def test_the_form_of_a_year_against_last_year_counted_by_hand(register):
    form = statform(YEAR)
    rows = _by_key(form)

    assert form.previous == LAST_YEAR
    computed = {
        key: rows[key]
        for key in (
            "cells",
            "cells_merit",
            "cells_certificate",
            "members",
            "members_merit",
            "members_certificate",
            "badges",
            "badges_30",
            "badges_40",
            "badges_45",
            "badges_50",
            "badges_55",
            "badges_regular",
            "badges_early",
            "badges_posthumous",
            "badges_posthumous_early",
            "badges_reissued",
            "official",
            "transferred_out",
            "transferred_in",
        )
    }
    assert computed == {
        "cells": (3, 1, "300,0"),
        "cells_merit": (1, 0, "—"),
        "cells_certificate": (2, 1, "200,0"),
        "members": (5, 2, "250,0"),
        "members_merit": (2, 0, "—"),
        "members_certificate": (3, 2, "150,0"),
        "badges": (4, 2, "200,0"),
        "badges_30": (2, 1, "200,0"),
        "badges_40": (1, 0, "—"),
        "badges_45": (0, 1, "0,0"),
        "badges_50": (1, 0, "—"),
        "badges_55": (0, 0, "—"),
        "badges_regular": (2, 2, "100,0"),
        "badges_early": (1, 0, "—"),
        "badges_posthumous": (1, 0, "—"),
        "badges_posthumous_early": (0, 0, "—"),
        "badges_reissued": (1, 0, "—"),
        "official": (3, 1, "300,0"),
        "transferred_out": (2, 1, "200,0"),
        "transferred_in": (1, 0, "—"),
    }
    # Nothing typed yet: the typed rows and their totals are blank.
    assert {key: rows[key] for key in ("cards_issued", "temporary", "grassroots")} == {
        "cards_issued": (None, None, "—"),
        "temporary": (None, None, "—"),
        "grassroots": (None, None, "—"),
    }


def test_the_first_half_counts_its_six_months_against_last_years(register):
    rows = _by_key(statform(Period.first_half(2025)))

    assert {k: rows[k] for k in ("cells", "members", "badges_30", "transferred_out")} == {
        "cells": (3, 1, "300,0"),  # 20/01/2025 and 15/05/2025; 15/01/2024
        "members": (5, 2, "250,0"),
        "badges_30": (1, 0, "—"),  # 03/02/2025; the 30 of 2024 was decided on 02/09
        "transferred_out": (1, 1, "100,0"),  # 01/03/2025; 01/04/2024
    }


def test_the_transfers_are_those_of_the_annual_report(hand_register):
    rows = _by_key(statform(YEAR))
    summary = membership_summary(YEAR)

    assert (rows["transferred_in"][0], rows["transferred_out"][0]) == (
        summary.movement.transferred_in,
        summary.movement.transferred_out,
    )
    assert (rows["transferred_in"][0], rows["transferred_out"][0]) == (1, 1)


def test_typed_figures_are_kept_per_period_and_read_back_as_last_year(register, office_user):
    changed = statform_entries_save(
        figures={
            YEAR: {"cards_issued": 12, "temporary_out": 3, "temporary_in": 2},
            LAST_YEAR: {"cards_issued": 8, "temporary_out": 0},
        },
        user=office_user,
    )
    this_year, next_year = _by_key(statform(YEAR)), _by_key(statform(Period.year(2026)))

    assert changed == 5
    assert {
        k: this_year[k] for k in ("cards_issued", "temporary_out", "temporary_in", "temporary")
    } == {
        "cards_issued": (12, 8, "150,0"),
        "temporary_out": (3, 0, "—"),
        "temporary_in": (2, None, "—"),
        "temporary": (5, None, "—"),
    }
    # 2025's figures are the "same period last year" of 2026.
    assert next_year["cards_issued"] == (None, 12, "—")
    # The first half of 2025 is another period: nothing typed there.
    assert _by_key(statform(Period.first_half(2025)))["cards_issued"] == (None, None, "—")


def test_a_figure_changed_or_cleared_is_in_the_audit_trail(office_user):
    statform_entries_save(figures={YEAR: {"forged": 1}}, user=office_user)
    unchanged = statform_entries_save(figures={YEAR: {"forged": 1}}, user=office_user)
    statform_entries_save(figures={YEAR: {"forged": 4}}, user=office_user)
    statform_entries_save(figures={YEAR: {"forged": None}}, user=office_user)

    assert unchanged == 0
    assert StatFormEntry.objects.count() == 0
    assert [
        (h.history_type, h.value, h.history_user)
        for h in StatFormEntry.history.order_by("history_id")
    ] == [("+", 1, office_user), ("~", 4, office_user), ("-", 4, office_user)]


def test_only_typed_rows_and_whole_numbers_are_kept(office_user):
    from django.core.exceptions import ValidationError  # noqa: PLC0415

    with pytest.raises(ValidationError) as computed:
        statform_entries_save(figures={YEAR: {"badges_30": 5}}, user=office_user)
    with pytest.raises(ValidationError) as negative:
        statform_entries_save(figures={YEAR: {"forged": -1}}, user=office_user)
    with pytest.raises(ValidationError) as future:
        statform_entries_save(figures={Period.year(2099): {"forged": 1}}, user=office_user)

    assert computed.value.messages == ["Dòng không nhập tay được: badges_30."]
    assert negative.value.messages == ["Số liệu phải từ 0 đến 999.999."]
    assert future.value.messages[0].startswith("Kỳ báo cáo kết thúc sau năm")
    assert StatFormEntry.objects.count() == 0


@pytest.mark.parametrize("size", [1, 3])
def test_the_form_takes_seven_queries_whatever_the_register(django_assert_num_queries, size):
    cells = [CellFactory(name=f"Chi bộ {n}") for n in range(size)]
    for n, cell in enumerate(cells):
        member = make_member(cell=cell, full_name=f"Đảng viên {n}", admission_date=date(1990, 1, 1))
        _badge(member, 30, date(2025, 3, 3))
        _commendation(2024, "own", "giay_khen", "issued", (cell,), (member,), date(2025, 1, 2 + n))
        statform_entries_save(figures={YEAR: {"forged": n}, LAST_YEAR: {"wrong_in": n}})

    with django_assert_num_queries(7):
        form = statform(YEAR)

    assert _by_key(form)["badges_30"] == (size, 0, "—")
    assert _by_key(form)["cells_certificate"] == (size, 0, "—")


# The page


def _url(period_kind="nam", year=2025):
    return reverse("reports:statform", args=[period_kind, year])


@pytest.mark.parametrize("size", [1, 3])
def test_the_page_takes_a_fixed_number_of_queries(office_client, django_assert_num_queries, size):
    for n in range(size):
        cell = CellFactory(name=f"Chi bộ {n}")
        _commendation(2024, "own", "giay_khen", "issued", (cell,), (), date(2025, 1, 2 + n))
        statform_entries_save(figures={YEAR: {"forged": n}})
    office_client.get(_url())  # the session and the user are read once

    with django_assert_num_queries(10):  # session, user, the form's seven, the page's header
        response = office_client.get(_url())

    rows = _by_key(response.context["form"])
    assert rows["cells_certificate"] == (size, 0, "—")
    assert rows["forged"][0] == size - 1  # the figure typed last


def test_the_office_types_a_row_and_sees_it_with_its_percentage(office_client, register):
    response = office_client.post(
        _url(),
        {"current-cards_issued": "12", "previous-cards_issued": "8", "current-forged": " "},
        follow=True,
    )
    page = response.content.decode()

    assert "Đã lưu 2 số liệu nhập tay." in page
    assert _by_key(response.context["form"])["cards_issued"] == (12, 8, "150,0")
    assert list(
        StatFormEntry.objects.order_by("start", "row").values_list("start", "row", "value")
    ) == [(date(2024, 1, 1), "cards_issued", 8), (date(2025, 1, 1), "cards_issued", 12)]
    assert 'value="12"' in page
    assert "Nhập tay" in page


def test_a_wrong_figure_is_refused_in_vietnamese_and_nothing_is_kept(office_client):
    response = office_client.post(
        _url(),
        {"current-cards_issued": "12", "current-cards_lost": "-2", "previous-forged": "1,5"},
    )
    page = response.content.decode()

    assert response.status_code == 200
    assert "Chưa lưu: có số liệu chưa đúng, xem lời nhắn dưới ô nhập." in page
    assert "Số liệu không được âm." in page
    assert "Số liệu là số nguyên: không có phần thập phân." in page
    assert response.context["entries"].errors == {
        "current-cards_lost": ["Số liệu không được âm."],
        "previous-forged": ["Số liệu là số nguyên: không có phần thập phân."],
    }
    assert 'class="form-control form-control-sm is-invalid" aria-invalid="true"' in page
    assert StatFormEntry.objects.count() == 0


def test_who_may_open_and_type_the_form(client, make_user):
    cell = CellFactory(name="Chi bộ A")
    viewer, secretary = make_user("viewer"), make_user("secretary", cells=[cell])
    client.force_login(viewer)
    read = client.get(_url())
    typed = client.post(_url(), {"current-forged": "1"})
    client.force_login(secretary)
    refused = client.get(_url())

    assert read.status_code == 200
    assert read.context["entries"] is None
    assert 'name="current-forged"' not in read.content.decode()
    assert typed.status_code == 403
    assert refused.status_code == 403
    assert StatFormEntry.objects.count() == 0


def test_the_period_is_chosen_on_the_page(office_client, pinned_today):
    half = office_client.get(reverse("reports:statform_index"), {"kind": "6-thang", "year": "2025"})
    default = office_client.get(reverse("reports:statform_index"))
    span = office_client.get(
        reverse("reports:statform_index"), {"start": "01/03/2025", "end": "31/05/2025"}
    )
    wrong = office_client.get(
        reverse("reports:statform_index"), {"start": "31/05/2025", "end": "01/03/2025"}
    )
    page = office_client.get(span["Location"])

    assert half["Location"] == reverse("reports:statform", args=["6-thang", 2025])
    assert default["Location"] == reverse("reports:statform", args=["nam", 2026])
    assert span["Location"] == reverse("reports:statform_range", args=["2025-03-01", "2025-05-31"])
    assert (page.context["form"].period.label, page.context["form"].previous.label) == (
        "từ 01/03/2025 đến 31/05/2025",
        "từ 01/03/2024 đến 31/05/2024",
    )
    assert "“Từ ngày” phải trước hoặc bằng “Đến ngày”." in wrong.content.decode()


# The workbook


def test_the_workbook_keeps_the_three_columns_and_the_typed_marks(register, pinned_today):
    import io  # noqa: PLC0415

    from openpyxl import load_workbook  # noqa: PLC0415

    statform_entries_save(figures={YEAR: {"cards_issued": 12}, LAST_YEAR: {"cards_issued": 8}})
    export = statform_xlsx(statform_document(YEAR, day=pinned_today))
    sheet = load_workbook(io.BytesIO(export.content))["Biểu 7-BTCTW"]
    rows = {row[0]: row[1:] for row in sheet.iter_rows(min_row=6, values_only=True) if row[0]}

    assert export.filename == "bieu-7-btctw-20250101-20251231.xlsx"
    assert [c.value for c in sheet[4]] == [
        "Tiêu chí",
        "Kỳ này",
        "Cùng kỳ năm trước",
        "(%) kỳ này so với cùng kỳ năm trước",
        "Ghi chú",
    ]
    assert sheet["A2"].value == "THỐNG KÊ VỀ NGHIỆP VỤ CÔNG TÁC ĐẢNG VIÊN – NĂM 2025"
    assert rows["d) Số chi bộ trực thuộc đảng bộ cơ sở được khen, chia ra:"] == (
        3,
        1,
        "300,0",
        None,
    )
    assert rows["1. Số thẻ đảng viên được phát cho đảng viên chính thức"] == (
        12,
        8,
        "150,0",
        "Nhập tay",
    )
    assert rows["2. Số thẻ đảng viên được cấp lại cho đảng viên do mất"] == (
        None,
        None,
        "—",
        "Nhập tay",
    )


def test_the_audit_log_shows_who_typed_a_figure(office_client, office_user):
    office_client.post(_url(), {"current-cards_lost": "3"})
    office_client.post(_url(), {"current-cards_lost": "5"})

    page = office_client.get(reverse("office:audit_log"), {"loai": "statform_entry"})
    rows = page.context["rows"]

    assert "Biểu 7-BTCTW: số liệu nhập tay" in page.content.decode()
    assert [(row.action, row.record.history_user) for row in rows] == [
        ("Sửa", office_user),
        ("Tạo mới", office_user),
    ]
    assert [(c.label, c.before, c.after) for c in rows[0].changes if c.label == "Số liệu"] == [
        ("Số liệu", "3", "5")
    ]


@pytest.mark.slow
def test_the_pdf_reads_back_with_its_three_columns_and_the_typed_rows(
    office_client, register, pinned_today
):
    statform_entries_save(figures={YEAR: {"cards_issued": 12}, LAST_YEAR: {"cards_issued": 8}})

    response = office_client.get(_url(), {"format": "pdf"})
    pdf = read_pdf(response.content)
    text = pdf.flat_text

    assert response["Content-Type"] == "application/pdf"
    assert len(pdf.pages) == 2
    assert pdf.page_sizes == (A4_POINTS, A4_POINTS)
    assert "Tinos" in pdf.embedded_font_families
    for line in (
        "ĐẢNG ỦY LIÊN HIỆP CÁC HỘI KH&KT VIỆT NAM",
        "Biểu số 7-BTCTW",
        "THỐNG KÊ VỀ NGHIỆP VỤ CÔNG TÁC ĐẢNG VIÊN",
        "Kỳ này: năm 2025 (từ 01/01/2025 đến 31/12/2025); cùng kỳ năm trước: năm 2024",
        "(%) kỳ này so với cùng kỳ năm trước",
        "d) Số chi bộ trực thuộc đảng bộ cơ sở được khen, chia ra: 3 1 300,0",
        "- Tặng giấy khen 2 1 200,0",
        "2. Số đảng viên được khen, chia ra: 5 2 250,0",
        "- Huy hiệu Đảng 30 năm 2 1 200,0",
        "- Huy hiệu Đảng 45 năm 0 1 0,0",
        "1. Số thẻ đảng viên được phát cho đảng viên chính thức (Nhập tay) 12 8 150,0",
        "- Giới thiệu chuyển đi 2 1 200,0",
        "NGƯỜI LẬP BIỂU",
        "Hà Nội, ngày 14 tháng 8 năm 2026",
        "T/M ĐẢNG ỦY BÍ THƯ",
    ):
        assert line in text, line


def test_a_badge_of_a_milestone_the_form_does_not_print_gets_its_row(register):
    member = make_member(full_name="Đảng viên 35 năm", admission_date=date(1990, 1, 1))
    services.badge_record(  # as a rule version with 35 allows (DOMAIN.md §2)
        milestones=MILESTONES | {35}, member=member, milestone=35, decision_date=date(2025, 6, 1)
    )

    form = statform(YEAR)
    labels = [row.label for row in form.rows]

    assert labels.index("- Huy hiệu Đảng 35 năm") == labels.index("- Huy hiệu Đảng 30 năm") + 1
    assert _by_key(form)["badges_35"] == (1, 0, "—")
    assert _by_key(form)["badges"] == (5, 2, "250,0")


def test_a_figure_typed_by_someone_else_at_the_same_moment_is_refused(office_user):
    from django.core.exceptions import ValidationError  # noqa: PLC0415
    from django.db.models.signals import pre_save  # noqa: PLC0415

    def other_writer(sender, instance, **kwargs):
        pre_save.disconnect(other_writer, sender=StatFormEntry)
        StatFormEntry.objects.create(
            kind="year", start=YEAR.start, end=YEAR.end, row="forged", value=2
        )

    pre_save.connect(other_writer, sender=StatFormEntry)
    with pytest.raises(ValidationError) as clash:
        statform_entries_save(figures={YEAR: {"forged": 1}}, user=office_user)

    assert clash.value.messages == [
        "Số liệu vừa được người khác lưu cùng lúc: hãy tải lại trang rồi nhập lại."
    ]
    assert list(StatFormEntry.objects.values_list("row", "value")) == []  # all rolled back


def test_the_word_file_has_the_same_rows_the_typed_marks_and_both_signatures(
    office_client, register, pinned_today
):
    statform_entries_save(figures={YEAR: {"cards_issued": 12}, LAST_YEAR: {"cards_issued": 8}})

    response = office_client.get(_url(), {"format": "docx"})
    document = read_docx(response.content)
    table = document.tables[0]

    assert response["Content-Disposition"].endswith('"bieu-7-btctw-20250101-20251231.docx"')
    assert document.header_left == (
        ("ĐẢNG BỘ MẶT TRẬN TỔ QUỐC, CÁC ĐOÀN THỂ TRUNG ƯƠNG", False),
        ("ĐẢNG ỦY LIÊN HIỆP CÁC HỘI KH&KT VIỆT NAM", True),
        ("*", False),
    )
    assert document.header_right == (("Biểu số 7-BTCTW", False),)
    assert document.paragraphs == (
        "THỐNG KÊ VỀ NGHIỆP VỤ CÔNG TÁC ĐẢNG VIÊN",
        "Năm 2025",
        "—————",
        "Kỳ này: năm 2025 (từ 01/01/2025 đến 31/12/2025); cùng kỳ năm trước: năm 2024 (từ "
        "01/01/2024 đến 31/12/2024).",
        "Dòng ghi “Nhập tay”: số liệu ứng dụng không quản lý, do Văn phòng Đảng ủy nhập; các "
        "dòng khác được tính từ sổ đảng viên, khen thưởng và Huy hiệu Đảng.",
    )
    assert table[:3] == (
        ("Tiêu chí", "Kỳ này", "Cùng kỳ năm trước", "(%) kỳ này so với cùng kỳ năm trước"),
        ("1", "2", "3", "4 (= 2 × 100 / 3)"),
        ("I. Khen thưởng tổ chức đảng và đảng viên", "", "", ""),
    )
    assert len(table) == 2 + len(statform(YEAR).rows)
    for row in (
        ("d) Số chi bộ trực thuộc đảng bộ cơ sở được khen, chia ra:", "3", "1", "300,0"),
        ("- Tặng giấy khen", "2", "1", "200,0"),
        ("2. Số đảng viên được khen, chia ra:", "5", "2", "250,0"),
        ("II. Tặng Huy hiệu Đảng", "4", "2", "200,0"),
        ("- Huy hiệu Đảng 45 năm", "0", "1", "0,0"),
        ("1. Số thẻ đảng viên được phát cho đảng viên chính thức (Nhập tay)", "12", "8", "150,0"),
        ("2. Số thẻ đảng viên được cấp lại cho đảng viên do mất (Nhập tay)", "", "", "—"),
        ("- Giới thiệu chuyển đi", "2", "1", "200,0"),
    ):
        assert row in table, row
    assert document.repeated_header_rows == (True,)
    assert document.closing_left == (
        "NGƯỜI LẬP BIỂU",
        "(Ký, ghi rõ họ và tên; số điện thoại liên hệ)",
    )
    assert document.closing_right == (
        ("Hà Nội, ngày 14 tháng 8 năm 2026", False),
        ("T/M ĐẢNG ỦY", True),
        ("BÍ THƯ", True),
    )
    assert document.fonts == {"Times New Roman"}


def test_the_page_links_the_word_file_beside_the_pdf(office_client):
    page = office_client.get(_url()).content.decode()

    assert '<a class="btn btn-outline-secondary" href="?format=pdf">PDF</a>' in page
    assert '<a class="btn btn-outline-secondary" href="?format=docx">Word</a>' in page


@pytest.mark.slow
@needs_soffice
def test_the_word_file_prints_on_two_pages_with_its_signatures_on_the_last(
    office_client, register, pinned_today, tmp_path
):
    response = office_client.get(_url(), {"format": "docx"})
    printed = read_pdf(docx_to_pdf(response.content, tmp_path))

    assert len(printed.pages) == 2
    assert "NGƯỜI LẬP BIỂU" in printed.pages[1]
    assert "T/M ĐẢNG ỦY" in printed.pages[1]
