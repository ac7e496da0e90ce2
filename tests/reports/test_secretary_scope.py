"""A cell secretary's reports and round totals count their cells only (issue 16, finding 8): the
figures of their cells as a table of theirs, not the committee's report under its letterhead; no
narrative editor and no "Ban hành" offered to those who cannot use them; issued reports are the
committee's documents, not shown to a secretary (README, Roles)."""

import json
from datetime import date

import pytest
from django.urls import reverse

from ceremonies import services as rounds
from ratings import services as ratings
from reports import services
from reports.models import IssuedReport
from reports.periods import Period
from tests.factories import make_member

pytestmark = pytest.mark.django_db
URL = reverse("reports:report", args=["nam", 2025])


@pytest.fixture
def secretary_client(client, make_user, hand_register):
    a, _b, _m1 = hand_register
    client.force_login(make_user("secretary", cells=[a]))
    return client


def test_a_secretarys_figures_are_those_of_their_cells(secretary_client, hand_register):
    a, b, m1 = hand_register
    ratings.ratings_save(
        year=ratings.rating_year(2025), cell=a, levels={m1.pk: ("HTTNV", None)}, cell_level="HTTNV"
    )
    ratings.ratings_save(year=ratings.rating_year(2025), cell=b, levels={}, cell_level="HTXSNV")

    figures = json.loads(secretary_client.get(URL, {"format": "json"}).content)

    assert (figures["cells"], figures["members_end"]) == (1, 4)
    assert [row["name"] for row in figures["per_cell"]] == ["Chi bộ A"]
    assert figures["ratings"]["HTTNV"] == {"members": 1, "cells": 1}
    assert figures["ratings"]["HTXSNV"] == {"members": 0, "cells": 0}


def test_the_office_sees_the_whole_committee(office_client, hand_register):
    figures = json.loads(office_client.get(URL, {"format": "json"}).content)

    assert (figures["cells"], figures["members_end"]) == (2, 6)


def test_a_secretarys_report_is_not_under_the_committees_letterhead(secretary_client):
    html = secretary_client.get(URL, {"format": "html"}).content.decode()

    assert "Bảng số liệu của Chi bộ A (không phải văn bản của Đảng ủy)" in html
    assert "Chi bộ A có <strong>" in html
    assert "sinh hoạt tại 1 chi bộ" in html
    assert "ĐẢNG ỦY LIÊN HIỆP CÁC HỘI KH&amp;KT VIỆT NAM" not in html
    assert "Nơi nhận" not in html
    assert "-BC/ĐU" not in html


def test_a_secretary_is_offered_neither_the_narrative_nor_the_issue(secretary_client):
    services.draft_save(
        period=Period.year(2025), values={"situation": "Bí mật của Đảng ủy."}, user=None
    )

    page = secretary_client.get(URL)
    html = secretary_client.get(URL, {"format": "html"}).content.decode()
    saved = secretary_client.post(URL, {"situation": "Sửa"})

    content = page.content.decode()
    assert (page.context["form"], page.context["can_issue"]) == (None, False)
    assert "Lưu bản thảo" not in content
    assert "Ban hành" not in content
    assert "Bí mật của Đảng ủy." not in html
    assert saved.status_code == 403


def test_the_standing_committee_issues_but_is_not_offered_the_narrative(
    client, make_user, hand_register
):
    client.force_login(make_user("standing"))

    page = client.get(URL)

    assert (page.context["form"], page.context["can_issue"]) == (None, True)
    assert "Lưu bản thảo" not in page.content.decode()


@pytest.mark.slow
def test_issued_reports_are_not_shown_to_a_secretary(secretary_client, office_user):
    issued = services.report_issue(
        period=Period.year(2025), user=office_user, today=date(2026, 1, 15)
    )

    index = secretary_client.get(reverse("reports:index"))
    page = secretary_client.get(URL)
    home = secretary_client.get(reverse("reports:dashboard"))
    file = secretary_client.get(reverse("reports:issued_file", args=[issued.pk, "pdf"]))

    assert index.context["issued"] is None
    assert "Báo cáo đã ban hành" not in index.content.decode()
    assert page.context["issued"] is None
    assert home.context["last_report"] is None
    assert "Xem số liệu của chi bộ" in home.content.decode()
    assert file.status_code == 404
    assert IssuedReport.objects.count() == 1


def test_a_secretarys_round_totals_count_their_cells(client, make_user, hand_register):
    a, b, _m1 = hand_register
    for cell, name in ((a, "Cao Văn Phúc"), (b, "Mai Thị Quỳnh")):
        make_member(
            cell=cell,
            full_name=name,
            admission_date=date(1996, 9, 2),
            official_date=date(1997, 9, 2),
        )
    round_ = rounds.round_create(day=date(2026, 9, 2), occasion="0902")
    rounds.round_fill(round_=round_)
    client.force_login(make_user("secretary", cells=[a]))

    mine = client.get(reverse("ceremonies:round_list")).context["rounds"]
    client.force_login(make_user("office"))
    everyone = client.get(reverse("ceremonies:round_list")).context["rounds"]

    assert [(r.pk, r.lines) for r in mine] == [(round_.pk, 2)]  # Đỗ Văn Hà, Cao Văn Phúc
    assert [(r.pk, r.lines) for r in everyone] == [(round_.pk, 3)]
