"""The committee's tiêu biểu cells and its commendations (DOMAIN.md §4, §4b; issue 19)."""

from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from ratings import services as ratings
from ratings.commendations import queries, services
from ratings.commendations.documents import commendation_document
from ratings.models import CellRating, Commendation, RatingYear
from tests.factories import CellFactory, make_member

pytestmark = pytest.mark.django_db

LOCKED_AT = datetime(2026, 1, 12, 3, 0, tzinfo=UTC)  # 12/01/2026 in Hà Nội


def _rate(year, cell, levels, cell_level):
    ratings.ratings_save(
        year=year,
        cell=cell,
        levels={m.pk: (level, None) for m, level in levels.items()},
        cell_level=cell_level,
    )


def _lock(year):
    RatingYear.objects.filter(pk=year.pk).update(locked=True, locked_at=LOCKED_AT)
    return RatingYear.objects.get(pk=year.pk)


@pytest.fixture
def year_2025():
    """Chi bộ A and B rated HTXSNV, C rated HTTNV; A marked tiêu biểu. An, Chi and Dũng rated
    HTXSNV, Bình HTTNV."""
    a, b, c = (CellFactory(name=f"Chi bộ {x}") for x in "ABC")
    people = {
        "an": make_member(cell=a, full_name="Nguyễn Văn An"),
        "binh": make_member(cell=a, full_name="Trần Thị Bình", sex="F"),
        "chi": make_member(cell=b, full_name="Lê Thị Chi", sex="F"),
        "dung": make_member(cell=b, full_name="Phạm Văn Dũng"),
        "em": make_member(cell=c, full_name="Hoàng Văn Em"),
    }
    year = ratings.rating_year(2025)
    _rate(year, a, {people["an"]: "HTXSNV", people["binh"]: "HTTNV"}, "HTXSNV")
    _rate(year, b, {people["chi"]: "HTXSNV", people["dung"]: "HTXSNV"}, "HTXSNV")
    _rate(year, c, {people["em"]: "HTTNV"}, "HTTNV")
    ratings.exemplary_cells_save(year=year, cell_ids={a.pk}, cap=2)
    return _lock(year), {"a": a, "b": b, "c": c}, people


def _names(commendation):
    return [
        (line.member.full_name if line.member else line.cell.name, line.title)
        for line in queries.lines_of(commendation)
    ]


# The tiêu biểu mark


def test_only_a_cell_rated_excellent_is_marked_and_the_cap_holds():
    a, b, c = (CellFactory(name=f"Chi bộ {x}") for x in "ABC")
    year = ratings.rating_year(2025)
    for cell in (a, b):
        _rate(year, cell, {}, "HTXSNV")
    _rate(year, c, {}, "HTTNV")

    with pytest.raises(ValidationError) as lower:
        ratings.exemplary_cells_save(year=year, cell_ids={a.pk, c.pk}, cap=None)
    with pytest.raises(ValidationError) as capped:
        ratings.exemplary_cells_save(year=year, cell_ids={a.pk, b.pk}, cap=1)
    marked = ratings.exemplary_cells_save(year=year, cell_ids={b.pk}, cap=1)

    assert lower.value.messages == [
        "Chỉ chi bộ xếp loại hoàn thành xuất sắc nhiệm vụ mới được công nhận tiêu biểu: Chi bộ C."
    ]
    assert capped.value.messages == [
        "Đã chọn 2 chi bộ tiêu biểu, nhiều hơn số tối đa Đảng ủy định (1)."
    ]
    assert marked == 1
    assert sorted(
        CellRating.objects.filter(exemplary=True).values_list("cell__name", flat=True)
    ) == ["Chi bộ B"]
    assert RatingYear.objects.get(pk=year.pk).exemplary_cap == 1


def test_a_cell_rated_down_loses_its_mark_and_a_locked_year_keeps_its_marks():
    a = CellFactory(name="Chi bộ A")
    year = ratings.rating_year(2025)
    _rate(year, a, {}, "HTXSNV")
    ratings.exemplary_cells_save(year=year, cell_ids={a.pk}, cap=None)

    _rate(year, a, {}, "HTTNV")
    demoted = CellRating.objects.get(cell=a).exemplary
    _rate(year, a, {}, "HTXSNV")
    ratings.exemplary_cells_save(year=year, cell_ids={a.pk}, cap=None)
    _lock(year)
    with pytest.raises(ValidationError) as locked:
        ratings.exemplary_cells_save(year=year, cell_ids=set(), cap=None)

    assert demoted is False
    assert locked.value.messages == ["Xếp loại năm 2025 đã khóa: không thể sửa."]
    assert CellRating.objects.get(cell=a).exemplary is True


def test_the_office_marks_the_cells_on_the_year_page(office_client, year_2025):
    _year, cells, _people = year_2025
    RatingYear.objects.filter(year=2025).update(locked=False)

    page = office_client.get(reverse("ratings:rating_year", args=[2025]))
    saved = office_client.post(
        reverse("ratings:exemplary_cells", args=[2025]),
        {"cells": [str(cells["a"].pk), str(cells["b"].pk)], "cap": ""},
        follow=True,
    )
    refused = office_client.post(
        reverse("ratings:exemplary_cells", args=[2025]),
        {"cells": [str(cells["a"].pk), str(cells["b"].pk)], "cap": "1"},
        follow=True,
    )

    assert [label for _value, label in page.context["exemplary_form"].fields["cells"].choices] == [
        "Chi bộ A",
        "Chi bộ B",
    ]
    assert page.context["exemplary_form"]["cells"].initial == [str(cells["a"].pk)]
    assert "Đã công nhận 2 chi bộ tiêu biểu năm 2025." in saved.content.decode()
    assert (
        "Chưa lưu: Đã chọn 2 chi bộ tiêu biểu, nhiều hơn số tối đa Đảng ủy định (1)."
        in refused.content.decode()
    )
    assert RatingYear.objects.get(year=2025).exemplary_cap is None
    assert [r.exemplary for r in page.context["rows"]] == [True, False, False]


# The committee's own decision


def test_the_decision_is_drafted_with_the_exemplary_cells_and_the_excellent_members(year_2025):
    year, _cells, _people = year_2025

    draft = services.commendation_draft(year=year, level="own", form="giay_khen")

    assert (draft.state, draft.number, draft.reason) == (
        "draft",
        None,
        "Đã có thành tích hoàn thành xuất sắc nhiệm vụ năm 2025",
    )
    # Cells first (only A is tiêu biểu), then members by cell and Vietnamese name order.
    assert _names(draft) == [
        ("Chi bộ A", "Chi bộ hoàn thành xuất sắc nhiệm vụ tiêu biểu năm 2025"),
        ("Nguyễn Văn An", "Đảng viên hoàn thành xuất sắc nhiệm vụ năm 2025"),
        ("Lê Thị Chi", "Đảng viên hoàn thành xuất sắc nhiệm vụ năm 2025"),
        ("Phạm Văn Dũng", "Đảng viên hoàn thành xuất sắc nhiệm vụ năm 2025"),
    ]


def test_a_year_not_locked_gives_no_commendation(year_2025):
    RatingYear.objects.filter(year=2025).update(locked=False)
    year = RatingYear.objects.get(year=2025)

    with pytest.raises(ValidationError) as error:
        services.commendation_draft(year=year, level="own", form="giay_khen")

    assert error.value.messages == [
        "Xếp loại năm 2025 chưa khóa: chỉ khen thưởng từ kết quả đã duyệt."
    ]
    assert Commendation.objects.count() == 0


def test_the_list_is_edited_with_only_those_the_year_rated_excellent(year_2025):
    year, cells, people = year_2025
    draft = services.commendation_draft(year=year, level="own", form="giay_khen")
    dung = next(line for line in draft.lines.all() if line.member_id == people["dung"].pk)

    services.commendation_line_remove(line=dung)
    errors = []
    for who in ({"member": people["binh"]}, {"cell": cells["b"]}, {"member": people["an"]}):
        with pytest.raises(ValidationError) as error:
            services.commendation_line_add(commendation=draft, **who)
        errors.append(error.value.messages)
    services.commendation_line_add(
        commendation=draft,
        member=people["dung"],
        title="Hoàn thành xuất sắc nhiệm vụ, có sáng kiến",
    )

    assert errors == [
        ["Trần Thị Bình không xếp loại hoàn thành xuất sắc nhiệm vụ năm 2025."],
        ["Chi bộ B không phải chi bộ hoàn thành xuất sắc nhiệm vụ tiêu biểu năm 2025."],
        ["Nguyễn Văn An đã có trong danh sách."],
    ]
    assert _names(draft)[-1] == ("Phạm Văn Dũng", "Hoàn thành xuất sắc nhiệm vụ, có sáng kiến")


def test_issuing_numbers_the_decision_in_the_term_and_freezes_its_list(year_2025, pinned_today):
    year, _cells, people = year_2025
    first = services.commendation_draft(year=year, level="own", form="giay_khen")
    second = services.commendation_draft(year=year, level="own", form="giay_khen", reason="Lý do")
    refused = []
    for day in (date(2026, 8, 15), date(2026, 1, 11)):  # tomorrow; the day before the lock
        with pytest.raises(ValidationError) as error:
            services.commendation_issue(commendation=first, on=day)
        refused.append(error.value.messages)

    services.commendation_issue(commendation=first, on=date(2026, 1, 12))
    services.commendation_issue(commendation=second, on=date(2026, 2, 3))
    with pytest.raises(ValidationError) as frozen:
        services.commendation_line_remove(line=first.lines.first())

    first.refresh_from_db()
    second.refresh_from_db()
    assert refused == [
        ["Ngày văn bản (từ ngày duyệt xếp loại) không được ở tương lai."],
        ["Ngày văn bản (từ ngày duyệt xếp loại) phải từ ngày 12/01/2026 trở đi."],
    ]
    assert [(c.number, c.term_name, c.dated, c.state) for c in (first, second)] == [
        (1, "2025–2030", date(2026, 1, 12), "issued"),
        (2, "2025–2030", date(2026, 2, 3), "issued"),
    ]
    assert frozen.value.messages == [
        "Quyết định khen thưởng năm 2025 (Giấy khen) đã ban hành quyết định: "
        "danh sách không sửa được nữa."
    ]
    assert [line.commendation.number for line in queries.recorded_for(member=people["an"])] == [
        2,
        1,
    ]
    assert queries.recorded_for(member=people["binh"]) == []


# Proposals to the higher committee for streaks


@pytest.fixture
def five_years():
    """Chi bộ A tiêu biểu 2021–2025; Chi bộ B HTXSNV all five years but tiêu biểu in 2024–2025
    only; An HTXSNV 2021–2025; Bình HTXSNV 2022–2025 (four years)."""
    a, b = CellFactory(name="Chi bộ A"), CellFactory(name="Chi bộ B")
    an = make_member(cell=a, full_name="Nguyễn Văn An")
    binh = make_member(cell=b, full_name="Trần Thị Bình", sex="F")
    for y in range(2021, 2026):
        year = ratings.rating_year(y)
        _rate(year, a, {an: "HTXSNV"}, "HTXSNV")
        _rate(year, b, {binh: "HTXSNV" if y > 2021 else "HTTNV"}, "HTXSNV")
        ratings.exemplary_cells_save(
            year=year, cell_ids={a.pk, b.pk} if y >= 2024 else {a.pk}, cap=None
        )
        _lock(year)
    return RatingYear.objects.get(year=2025), a, b, an, binh


def test_a_proposal_lists_the_streaks_of_the_year_threshold(five_years):
    year, *_ = five_years

    proposal = services.commendation_draft(year=year, level="higher", form="bang_khen")

    assert proposal.reason == (
        "Đã có thành tích 5 năm liền hoàn thành xuất sắc nhiệm vụ (2021–2025)"
    )
    assert [(name, title) for name, title in _names(proposal)] == [
        ("Chi bộ A", "Chi bộ hoàn thành xuất sắc nhiệm vụ tiêu biểu 5 năm liền (2021–2025)"),
        ("Nguyễn Văn An", "Đảng viên hoàn thành xuất sắc nhiệm vụ 5 năm liền (2021–2025)"),
    ]
    assert [line.years for line in queries.lines_of(proposal)] == [5, 5]


def test_a_proposal_is_submitted_then_its_decision_recorded(five_years, pinned_today):
    year, a, _b, an, _binh = five_years
    proposal = services.commendation_draft(year=year, level="higher", form="bang_khen")
    with pytest.raises(ValidationError) as not_issued:
        services.commendation_issue(commendation=proposal, on=date(2026, 3, 2))
    services.commendation_submit(commendation=proposal, on=date(2026, 3, 2))
    before_decision = queries.recorded_for(cell=a)
    with pytest.raises(ValidationError) as early:
        services.commendation_record_decision(
            commendation=proposal, number="123-QĐ/ĐUK", on=date(2026, 3, 1)
        )

    services.commendation_record_decision(
        commendation=proposal,
        number=" 123-QĐ/ĐUK ",
        on=date(2026, 4, 20),
        decided_by="Ban Thường vụ Đảng ủy Khối",
    )

    proposal.refresh_from_db()
    assert not_issued.value.messages == ["Đề nghị cấp trên khen thưởng được trình, không ban hành."]
    assert (proposal.number, proposal.dated) == (1, date(2026, 3, 2))
    assert before_decision == []
    assert early.value.messages == ["Ngày quyết định phải từ ngày 02/03/2026 trở đi."]
    assert (proposal.state, proposal.decision_number, proposal.decision_date) == (
        "decided",
        "123-QĐ/ĐUK",
        date(2026, 4, 20),
    )
    assert [line.title for line in queries.recorded_for(cell=a)] == [
        "Chi bộ hoàn thành xuất sắc nhiệm vụ tiêu biểu 5 năm liền (2021–2025)"
    ]
    assert [line.commendation_id for line in queries.recorded_for(member=an)] == [proposal.pk]


# What is printed and what the report says


def test_the_decision_prints_its_numbered_list_by_part(year_2025, pinned_today):
    year, _cells, _people = year_2025
    decision = services.commendation_draft(year=year, level="own", form="giay_khen")
    draft = commendation_document(decision)
    services.commendation_issue(commendation=decision, on=date(2026, 1, 20))

    issued = commendation_document(Commendation.objects.get(pk=decision.pk))

    assert (draft.draft, draft.doc.number, draft.dated_text) == (
        True,
        "Số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-QĐ/ĐU",
        "ngày   /   /    ",
    )
    assert (issued.doc.number, issued.dated_text, issued.whom) == (
        "Số 01-QĐ/ĐU",
        "ngày 20/01/2026",
        "1 chi bộ và 3 đảng viên",
    )
    assert issued.subject == "Về việc khen thưởng tổ chức đảng, đảng viên năm 2025"
    assert [(n.number, n.name, n.cell) for n in issued.cell_lines] == [(1, "Chi bộ A", "")]
    assert [(n.number, n.name, n.cell) for n in issued.member_lines] == [
        (1, "Nguyễn Văn An", "Chi bộ A"),
        (2, "Lê Thị Chi", "Chi bộ B"),
        (3, "Phạm Văn Dũng", "Chi bộ B"),
    ]


def test_the_annual_report_names_the_commendations_of_its_year(year_2025, pinned_today):
    from reports.data import membership_summary  # noqa: PLC0415 -- a higher layer, read here
    from reports.periods import Period  # noqa: PLC0415 -- a higher layer, read here

    year, _cells, _people = year_2025
    decision = services.commendation_draft(year=year, level="own", form="giay_khen")
    services.commendation_draft(year=year, level="own", form="giay_khen")  # a draft: not said
    services.commendation_issue(commendation=decision, on=date(2026, 1, 20))

    summary = membership_summary(Period.year(2025))

    assert [(c.own, c.form, c.reference, c.cells, c.members) for c in summary.commendations] == [
        (
            True,
            "Giấy khen",
            "Quyết định số 01-QĐ/ĐU ngày 20/01/2026",
            ("Chi bộ A",),
            # Vietnamese name order: by the given name (An, Chi, Dũng).
            (
                ("Nguyễn Văn An", "Chi bộ A"),
                ("Lê Thị Chi", "Chi bộ B"),
                ("Phạm Văn Dũng", "Chi bộ B"),
            ),
        )
    ]
    assert summary.contract()["commendations"] == [
        {
            "own": True,
            "form": "Giấy khen",
            "reference": "Quyết định số 01-QĐ/ĐU ngày 20/01/2026",
            "cells": 1,
            "members": 3,
        }
    ]
    assert membership_summary(Period.year(2024)).commendations == ()


# Pages


def test_the_office_drafts_edits_and_issues_on_the_pages(office_client, year_2025, pinned_today):
    _year, _cells, people = year_2025

    drafted = office_client.post(
        reverse("ratings:commendation_create", args=[2025]),
        {"level": "own", "form": "giay_khen", "reason": ""},
        follow=True,
    )
    commendation = Commendation.objects.get()
    added = office_client.post(
        reverse("ratings:commendation_line_add", args=[commendation.pk]),
        {"who": "trần thị  bình", "title": ""},
        follow=True,
    )
    issued = office_client.post(
        reverse("ratings:commendation_action", args=[commendation.pk, "ban-hanh"]),
        {"on": "20/01/2026"},
        follow=True,
    )
    hub = office_client.get(reverse("ratings:commendations", args=[2025]))
    panel = office_client.get(reverse("ratings:member_panel", args=[people["an"].pk]))

    assert "Đã lập Quyết định khen thưởng năm 2025 (Giấy khen) với 4 chi bộ, đảng viên." in (
        drafted.content.decode()
    )
    assert [line.member.full_name for line in drafted.context["lines"] if line.member] == [
        "Nguyễn Văn An",
        "Lê Thị Chi",
        "Phạm Văn Dũng",
    ]
    assert "Trần Thị Bình không xếp loại hoàn thành xuất sắc nhiệm vụ năm 2025." in (
        added.content.decode()
    )
    assert "Đã ban hành quyết định số 01 ngày 20/01/2026." in issued.content.decode()
    assert [(c.cell_count, c.member_count, c.state) for c in hub.context["commendations"]] == [
        (1, 3, "issued")
    ]
    assert (
        "Giấy khen của Đảng ủy: Đảng viên hoàn thành xuất sắc nhiệm vụ năm 2025"
        in panel.content.decode()
    )
    assert "Quyết định số 01, ngày 20/01/2026" in panel.content.decode()


def test_a_cell_secretary_sees_the_lines_of_their_cells_and_cannot_draft(
    client, make_user, year_2025
):
    year, cells, _people = year_2025
    decision = services.commendation_draft(year=year, level="own", form="giay_khen")
    client.force_login(make_user("secretary", cells=[cells["b"]]))

    page = client.get(reverse("ratings:commendation_detail", args=[decision.pk]))
    drafted = client.post(
        reverse("ratings:commendation_create", args=[2025]), {"level": "own", "form": "giay_khen"}
    )

    assert [
        line.member.full_name if line.member else line.cell.name for line in page.context["lines"]
    ] == ["Lê Thị Chi", "Phạm Văn Dũng"]
    assert drafted.status_code == 403


def test_the_cell_page_shows_its_ratings_and_commendations(office_client, year_2025, pinned_today):
    year, cells, _people = year_2025
    decision = services.commendation_draft(year=year, level="own", form="giay_khen")
    services.commendation_issue(commendation=decision, on=date(2026, 1, 20))

    page = office_client.get(reverse("members:cell_detail", args=[cells["a"].pk]))
    panel = office_client.get(reverse("ratings:cell_panel", args=[cells["a"].pk])).content.decode()

    assert page.context["cell"].member_count == 2
    assert f'data-include="{reverse("ratings:cell_panel", args=[cells["a"].pk])}"' in (
        page.content.decode()
    )
    assert "Hoàn thành xuất sắc nhiệm vụ (HTXSNV) <span" in panel
    assert ">Tiêu biểu</span>" in panel
    assert "Chi bộ hoàn thành xuất sắc nhiệm vụ tiêu biểu năm 2025" in panel


@pytest.mark.slow
def test_the_decision_pdf_reads_back(office_client, year_2025, pinned_today):
    from tests.pdf_utils import read_pdf  # noqa: PLC0415 -- slow tests only

    year, _cells, _people = year_2025
    decision = services.commendation_draft(year=year, level="own", form="giay_khen")
    services.commendation_issue(commendation=decision, on=date(2026, 1, 20))

    response = office_client.get(
        reverse("ratings:commendation_document", args=[decision.pk, "pdf"])
    )
    pdf = read_pdf(response.content)
    text = pdf.flat_text

    assert response["Content-Disposition"].endswith('quyet-dinh-khen-thuong-2025-01.pdf"')
    assert len(pdf.pages) == 2  # the decision, then its list from a new page
    for expected in (
        "Số 01-QĐ/ĐU",
        "QUYẾT ĐỊNH",
        "Về việc khen thưởng tổ chức đảng, đảng viên năm 2025",
        "Điều 1.",
        "DANH SÁCH KHEN THƯỞNG",
        "(Kèm theo Quyết định số 01-QĐ/ĐU, ngày 20/01/2026",
        "cho 1 chi bộ và 3 đảng viên đã có thành tích hoàn thành xuất sắc nhiệm vụ năm 2025 (có",
        "Phạm Văn Dũng",
    ):
        assert expected in text, expected
    assert "DANH SÁCH KHEN THƯỞNG" in pdf.pages[1]
    assert pdf.embedded_font_families == {"Tinos"}


def test_the_decision_as_word_has_the_header_the_articles_the_signature_and_the_list(
    office_client, year_2025, pinned_today
):
    from tests.docx_utils import read_docx  # noqa: PLC0415 -- Word tests only

    year, _cells, _people = year_2025
    decision = services.commendation_draft(year=year, level="own", form="giay_khen")
    services.commendation_issue(commendation=decision, on=date(2026, 1, 20))

    response = office_client.get(
        reverse("ratings:commendation_document", args=[decision.pk, "docx"])
    )
    document = read_docx(response.content)

    assert response["Content-Disposition"].endswith('quyet-dinh-khen-thuong-2025-01.docx"')
    assert [text for text, _bold in document.header_left][-1] == "Số 01-QĐ/ĐU"
    assert document.header_left[1][1] is True  # the issuing committee in bold
    assert document.paragraphs[:2] == (
        "QUYẾT ĐỊNH",
        "Về việc khen thưởng tổ chức đảng, đảng viên năm 2025",
    )
    assert (
        "Điều 1. Tặng Giấy khen của Đảng ủy Liên hiệp các Hội KH&KT Việt Nam cho 1 chi bộ và "
        "3 đảng viên đã có thành tích hoàn thành xuất sắc nhiệm vụ năm 2025 (có danh sách kèm "
        "theo)."
    ) in document.paragraphs
    assert (
        "(Kèm theo Quyết định số 01-QĐ/ĐU, ngày 20/01/2026 của Đảng ủy Liên hiệp các Hội "
        "KH&KT Việt Nam)" in document.paragraphs
    )
    assert document.tables == (
        (
            ("STT", "Tên chi bộ", "Thành tích"),
            ("1", "Chi bộ A", "Chi bộ hoàn thành xuất sắc nhiệm vụ tiêu biểu năm 2025"),
        ),
        (
            ("STT", "Họ và tên", "Chi bộ", "Thành tích"),
            ("1", "Nguyễn Văn An", "Chi bộ A", "Đảng viên hoàn thành xuất sắc nhiệm vụ năm 2025"),
            ("2", "Lê Thị Chi", "Chi bộ B", "Đảng viên hoàn thành xuất sắc nhiệm vụ năm 2025"),
            ("3", "Phạm Văn Dũng", "Chi bộ B", "Đảng viên hoàn thành xuất sắc nhiệm vụ năm 2025"),
        ),
    )
    assert document.repeated_header_rows == (True, True)
    assert document.paragraphs[-1] == "Danh sách có 1 chi bộ và 3 đảng viên."
    assert document.closing_left == ("Nơi nhận:", "- Như Điều 2,", "- Lưu Văn phòng Đảng ủy.")
    assert document.closing_right[:2] == (("T/M ĐẢNG ỦY", True), ("BÍ THƯ", True))
