"""The round's page lists who is deferred at its date, and why (DOMAIN.md §2)."""

from datetime import date

import pytest
from django.urls import reverse

from ceremonies import services
from members import services as register
from tests.factories import CellFactory, make_member

pytestmark = pytest.mark.django_db
ROUND_DAY = date(2026, 9, 2)


def test_the_round_page_lists_the_deferred_members_and_why(office_client):
    cell = CellFactory(name="Chi bộ A")
    make_member(
        cell=cell,
        full_name="Nguyễn Văn An",
        admission_date=date(1996, 8, 1),
        official_date=date(1997, 8, 1),
    )
    warned = make_member(
        cell=cell,
        full_name="Trần Văn Bình",
        admission_date=date(1996, 5, 1),
        official_date=date(1997, 5, 1),
    )
    register.discipline_record(
        member=warned, form="warning", decision_date=date(2026, 3, 10), today=date(2026, 3, 10)
    )
    held = make_member(
        cell=cell,
        full_name="Lê Thị Cúc",
        admission_date=date(1976, 1, 1),
        official_date=date(1977, 1, 1),
    )
    held.on_hold, held.hold_reason = True, "Đang xác minh đơn thư"
    held.save()
    round_ = services.round_create(day=ROUND_DAY, occasion="0902")
    services.round_fill(round_=round_)

    page = office_client.get(reverse("ceremonies:round_detail", args=[round_.pk]))

    assert [
        (row.full_name, row.evaluation.milestone, row.evaluation.reason)
        for row in page.context["deferred"]
    ] == [
        ("Lê Thị Cúc", 50, "Tạm hoãn: Đang xác minh đơn thư."),
        (
            "Trần Văn Bình",
            30,
            "Hoãn đến 12/2026 do cảnh cáo ngày 10/03/2026 (xét từ ngày 10/12/2026).",
        ),
    ]
    assert [line.member.full_name for line in page.context["lines"]] == ["Nguyễn Văn An"]
    html = page.content.decode()
    assert "Tạm hoãn tại ngày 02/09/2026" in html
    assert '<td data-label="Lý do">Tạm hoãn: Đang xác minh đơn thư.</td>' in html
