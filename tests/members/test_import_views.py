import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from members.models import ImportBatch, Member
from tests.factories import CellFactory
from tests.spreadsheets import csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db

ROW = [
    "Nguyễn Thị Ánh",
    "01/02/1950",
    "Nữ",
    None,
    "Cao Bằng",
    None,
    "Chi bộ A",
    "29/02/1972",
    "01/03/1973",
    "00012345",
    None,
    None,
    "30",
    None,
    None,
]
BAD = [
    "Lê Ân",
    "01/01/2000",
    "Nam",
    None,
    None,
    None,
    "Chi bộ A",
    "01/01/2010",
    None,
    None,
    None,
    None,
    None,
    None,
    None,
]


def upload(client, content, name="danh-sach.xlsx"):
    return client.post(
        reverse("members:import_upload"), {"file": SimpleUploadedFile(name, content)}
    )


def test_upload_preview_then_commit(office_client):
    CellFactory(name="Chi bộ A")

    response = upload(office_client, xlsx_bytes([ROW]))
    batch = ImportBatch.objects.get()
    preview = office_client.get(response["Location"])
    committed = office_client.post(response["Location"], follow=True)

    assert response["Location"] == reverse("members:import_preview", args=[batch.pk])
    assert [(r.row, r.full_name, r.action) for r in preview.context["plan"].rows] == [
        (2, "Nguyễn Thị Ánh", "create")
    ]
    assert Member.objects.count() == 1
    assert (
        "Đã nhập: 1 đảng viên mới, 0 cập nhật, 0 không đổi, 0 chi bộ mới."
        in committed.content.decode()
    )
    batch.refresh_from_db()
    assert (batch.state, batch.summary["created"]) == ("committed", 1)
    # Posting again does not import twice.
    office_client.post(response["Location"])
    assert Member.objects.count() == 1


def test_a_file_with_a_bad_row_shows_it_offers_the_error_report_and_imports_nothing(office_client):
    CellFactory(name="Chi bộ A")
    response = upload(office_client, csv_bytes([ROW, BAD]), "danh-sach.csv")

    preview = office_client.get(response["Location"])
    office_client.post(response["Location"])
    report = office_client.get(
        reverse("members:import_errors", args=[ImportBatch.objects.get().pk])
    )

    html = preview.content.decode()
    assert "chưa nhập dòng nào" in html
    assert "Ngày vào Đảng (01/01/2010) khi chưa đủ 18 tuổi (sinh ngày 01/01/2000)." in html
    assert Member.objects.count() == 0
    rows = list(load_workbook(io.BytesIO(report.content)).active.iter_rows(values_only=True))
    assert rows == [
        ("Dòng", "Cột", "Giá trị", "Lỗi"),
        (
            3,
            "Ngày vào Đảng",
            None,
            "Ngày vào Đảng (01/01/2010) khi chưa đủ 18 tuổi (sinh ngày 01/01/2000).",
        ),
    ]
    assert report["Content-Disposition"] == 'attachment; filename="danh-sach-loi.xlsx"'


def test_upload_refuses_other_file_types(office_client):
    response = upload(office_client, b"<html>", "danh-sach.html")

    assert "Chỉ nhận tệp .xlsx hoặc .csv." in response.content.decode()
    assert ImportBatch.objects.count() == 0


def test_a_broken_file_says_so_on_the_preview(office_client):
    response = upload(office_client, b"PK broken", "danh-sach.xlsx")

    preview = office_client.get(response["Location"])

    assert (
        "Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc sai định dạng." in preview.content.decode()
    )


def test_only_the_office_imports(client, make_user):
    client.force_login(make_user("secretary"))

    assert client.get(reverse("members:import_upload")).status_code == 403
