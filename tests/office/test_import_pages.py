"""The members import in the browser: upload, preview (kept with the batch), import, errors."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from members import imports, services
from members.models import ImportBatch, Member
from tests.factories import CellFactory, make_member
from tests.spreadsheets import sheet

pytestmark = pytest.mark.django_db


def person(name, admitted="29/02/1972", **more):
    return {"Họ và tên": name, "Chi bộ": "Chi bộ A", "Ngày vào Đảng": admitted, **more}


GOOD = person("Nguyễn Thị Ánh", **{"Ngày sinh": "01/02/1950", "Huy hiệu đã nhận": "30"})
BAD = person("Lê Ân", admitted="01/01/2010", **{"Ngày sinh": "01/01/2000"})
TOO_YOUNG = "Ngày vào Đảng (01/01/2010) khi chưa đủ 18 tuổi (sinh ngày 01/01/2000)."


def upload(client, file):
    name, content = file
    return client.post(reverse("office:import_upload"), {"file": SimpleUploadedFile(name, content)})


def shown_rows(response):
    return [(r.row, r.full_name, r.action) for r in response.context["page"].object_list]


def test_upload_preview_then_import(office_client):
    CellFactory(name="Chi bộ A")

    response = upload(office_client, sheet(GOOD))
    batch = ImportBatch.objects.get()
    preview = office_client.get(response["Location"])
    committed = office_client.post(response["Location"], follow=True)

    assert response["Location"] == reverse("office:import_preview", args=[batch.pk])
    assert shown_rows(preview) == [(2, "Nguyễn Thị Ánh", "create")]
    assert Member.objects.count() == 1
    assert [str(m) for m in committed.context["messages"]] == [
        "Đã nhập: 1 đảng viên mới, 0 cập nhật, 0 không đổi, 0 chi bộ mới."
    ]
    batch.refresh_from_db()
    assert (batch.state, batch.summary["created"]) == ("committed", 1)
    # Posting again does not import twice.
    again = office_client.post(response["Location"], follow=True)
    assert [str(m) for m in again.context["messages"]] == ["Tệp này đã được nhập."]
    assert Member.objects.count() == 1


def test_a_file_with_a_bad_row_shows_it_offers_the_error_report_and_imports_nothing(office_client):
    CellFactory(name="Chi bộ A")
    response = upload(office_client, sheet(GOOD, BAD, name="danh-sach.csv"))

    preview = office_client.get(response["Location"])
    refused = office_client.post(response["Location"], follow=True)
    report = office_client.get(reverse("office:import_errors", args=[ImportBatch.objects.get().pk]))

    html = preview.content.decode()
    assert "chưa nhập dòng nào" in html
    assert TOO_YOUNG in html
    assert [str(m) for m in refused.context["messages"]] == [
        "Tệp còn dòng lỗi: không nhập dòng nào."
    ]
    assert Member.objects.count() == 0
    rows = list(load_workbook(io.BytesIO(report.content)).active.iter_rows(values_only=True))
    assert rows == [
        ("Dòng", "Cột", "Giá trị", "Lỗi"),
        (3, "Ngày vào Đảng", "01/01/2010", TOO_YOUNG),
    ]
    assert report["Content-Disposition"] == 'attachment; filename="danh-sach-loi.xlsx"'


def test_the_preview_reads_no_file_and_says_when_the_register_changed_since_the_check(
    office_client, monkeypatch
):
    CellFactory(name="Chi bộ A")
    checks = []
    real = imports.batches.plan_import
    monkeypatch.setattr(
        imports.batches, "plan_import", lambda *a, **k: checks.append(1) or real(*a, **k)
    )
    response = upload(office_client, sheet(GOOD))  # checked once, on upload

    views = [office_client.get(response["Location"] + query) for query in ("", "?page=1")]
    office_client.get(reverse("office:import_errors", args=[ImportBatch.objects.get().pk]))
    make_member(cell=CellFactory(name="Chi bộ B"), full_name="Trần Văn Bình")
    stale = office_client.get(response["Location"])
    rechecked = office_client.post(response["Location"], {"check": "1"}, follow=True)

    assert checks == [1, 1]  # on upload, and when asked to check again
    assert [view.context["current"] for view in views] == [True, True]
    assert "Kiểm tra lại" in stale.content.decode()
    assert (stale.context["current"], rechecked.context["current"]) == (False, True)
    assert [str(m) for m in rechecked.context["messages"]] == [
        "Đã kiểm tra lại tệp với sổ đảng viên hiện nay."
    ]


def test_the_import_checks_again_and_stops_when_the_register_changed_since_the_preview(
    office_client,
):
    cell = CellFactory(name="Chi bộ A")
    response = upload(office_client, sheet(GOOD))
    make_member(
        cell=cell,
        full_name="Nguyễn Thị Ánh",
        date_of_birth=date(1950, 2, 1),
        admission_date=date(1972, 2, 29),
    )

    stopped = office_client.post(response["Location"], follow=True)
    confirmed = office_client.post(response["Location"], follow=True)

    assert [str(m) for m in stopped.context["messages"]] == [
        "Sổ đảng viên đã thay đổi từ lúc kiểm tra tệp: tệp đã được kiểm tra lại, chưa nhập dòng "
        "nào. Xem kết quả mới rồi bấm nhập lần nữa."
    ]
    assert shown_rows(stopped) == [(2, "Nguyễn Thị Ánh", "update")]
    assert [str(m) for m in confirmed.context["messages"]] == [
        "Đã nhập: 0 đảng viên mới, 1 cập nhật, 0 không đổi, 0 chi bộ mới."
    ]
    assert Member.objects.count() == 1


def test_a_clash_the_commit_would_meet_is_shown_on_the_preview(office_client):
    cell = CellFactory(name="Chi bộ A")
    make_member(cell=cell, full_name="Nguyễn Văn An", party_card_number="00012345")
    make_member(cell=cell, full_name="Trần Văn Bình", citizen_id="001060000002")
    response = upload(
        office_client,
        sheet(
            person("Nguyễn Văn An", **{"Số thẻ đảng viên": "00012345", "Số CCCD": "001060000002"})
        ),
    )

    preview = office_client.get(response["Location"])

    assert [(e.row, e.column, e.message) for e in preview.context["errors"]] == [
        (
            2,
            "Số CCCD",
            "Số CCCD 001060000002 là của đảng viên Trần Văn Bình, còn số thẻ 00012345 là của "
            "đảng viên Nguyễn Văn An.",
        )
    ]


def test_a_long_file_is_shown_a_page_of_rows_at_a_time(office_client):
    CellFactory(name="Chi bộ A")
    response = upload(office_client, sheet(*(person(f"Người Thứ {n}") for n in range(120))))

    second = office_client.get(response["Location"] + "?page=2")

    assert shown_rows(second)[0] == (52, "Người Thứ 50", "create")
    assert len(shown_rows(second)) == 50
    assert second.context["page"].numbers == [1, 2, 3]
    assert '<span class="page-link">2</span>' in second.content.decode()
    assert '<a class="page-link" href="?page=3">3</a>' in second.content.decode()


def test_upload_refuses_other_file_types(office_client):
    response = upload(office_client, ("danh-sach.html", b"<html>"))

    assert "Chỉ nhận tệp .xlsx hoặc .csv." in response.content.decode()
    assert ImportBatch.objects.count() == 0


def test_a_broken_file_says_so_on_the_preview(office_client):
    response = upload(office_client, ("danh-sach.xlsx", b"PK broken"))

    preview = office_client.get(response["Location"])

    assert (
        "Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc sai định dạng." in preview.content.decode()
    )


def test_only_the_office_imports(client, make_user):
    client.force_login(make_user("secretary"))

    assert client.get(reverse("office:import_upload")).status_code == 403


def test_a_merged_cell_is_refused_on_the_preview(office_client):
    old, new = CellFactory(name="Chi bộ A"), CellFactory(name="Chi bộ B")
    services.cell_merge(cell=old, into=new, day=date(2025, 7, 1))
    response = upload(office_client, sheet(GOOD))

    preview = office_client.get(response["Location"])

    assert [(e.row, e.column, e.message) for e in preview.context["errors"]] == [
        (
            2,
            "Chi bộ",
            "Chi bộ A đã sáp nhập vào Chi bộ B từ ngày 01/07/2025. Ghi chi bộ đảng viên đang "
            "sinh hoạt.",
        )
    ]
