"""The page after an import says what happened: counts that agree with the message, each row's
outcome with a link to its member, errors counted by row, a template file, another upload."""

import io
import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from members.imports.columns import COLUMNS
from members.models import ImportBatch, Member
from tests.factories import CellFactory, make_member
from tests.office.test_import_pages import person, upload
from tests.spreadsheets import sheet

pytestmark = pytest.mark.django_db


def cards(html: str) -> list[str]:
    """The summary cards as read: number and label."""
    found = re.findall(r'<div class="card card-body">(.*?)</div></div>', html)
    return [" ".join(re.sub(r"<[^>]+>", " ", card).split()) for card in found]


def test_the_page_after_an_import_says_what_was_done_row_by_row_with_links(office_client):
    cell = CellFactory(name="Chi bộ A")
    kept = make_member(
        cell=cell,
        full_name="Trần Văn Bình",
        party_card_number="00012345",
        admission_date=date(1972, 2, 29),
    )
    response = upload(
        office_client,
        sheet(
            person("Nguyễn Thị Ánh"),
            person("Lê Văn Cường"),
            person("Trần Văn Bình", **{"Số thẻ đảng viên": "00012345", "Quê quán": "Huế"}),
        ),
    )

    result = office_client.post(response["Location"], follow=True)

    html = result.content.decode()
    created = {m.full_name: m.pk for m in Member.objects.exclude(pk=kept.pk)}
    assert [str(m) for m in result.context["messages"]] == [
        "Đã nhập: 2 đảng viên mới, 1 cập nhật, 0 không đổi, 0 chi bộ mới."
    ]
    assert "<title>Kết quả nhập: danh-sach.xlsx" in html
    assert "Xem trước tệp" not in html
    assert cards(html) == [
        "3 dòng dữ liệu",
        "2 đã thêm mới",
        "1 đã cập nhật",
        "0 không đổi",
        "0 dòng lỗi",
    ]
    assert [
        (row.row, row.full_name, row.action, row.member_id)
        for row in result.context["page"].object_list
    ] == [
        (2, "Nguyễn Thị Ánh", "create", created["Nguyễn Thị Ánh"]),
        (3, "Lê Văn Cường", "create", created["Lê Văn Cường"]),
        (4, "Trần Văn Bình", "update", kept.pk),
    ]
    for name, pk in created.items():
        link = f'<a href="{reverse("members:member_detail", args=[pk])}">{name}</a>'
        assert link in html
    assert html.count("Đã thêm mới</td>") == 2
    assert "Đã cập nhật: Quê quán</td>" in html
    assert f'href="{reverse("office:import_upload")}">Nhập tệp khác</a>' in html


def test_errors_are_counted_by_row_and_by_error(office_client):
    CellFactory(name="Chi bộ A")
    two_errors = person("Lê Ân", **{"Số CCCD": "123", "Giới tính": "X"})
    response = upload(
        office_client, sheet(person("Nguyễn Thị Ánh"), two_errors, person("Lê Văn Cường"))
    )

    preview = office_client.get(response["Location"])

    html = preview.content.decode()
    assert cards(html)[-1] == "1 dòng lỗi (2 lỗi)"
    assert "Tệp có 1 dòng lỗi (2 lỗi): <strong>chưa nhập dòng nào</strong>." in html
    assert "Xem trước tệp danh-sach.xlsx" in html
    assert f'href="{reverse("office:import_upload")}">Nhập tệp khác</a>' in html


def test_the_template_has_every_column_and_an_example_that_imports(office_client):
    CellFactory(name="Chi bộ 1")

    template = office_client.get(reverse("office:import_template"))
    rows = list(load_workbook(io.BytesIO(template.content)).active.iter_rows(values_only=True))
    checked = office_client.post(
        reverse("office:import_upload"),
        {"file": SimpleUploadedFile("mau-nhap-dang-vien.xlsx", template.content)},
        follow=True,
    )

    assert template["Content-Disposition"] == 'attachment; filename="mau-nhap-dang-vien.xlsx"'
    assert rows[0] == tuple(COLUMNS)
    assert dict(zip(rows[0], rows[1], strict=True))["Ngày vào Đảng"] == "19/05/1985"
    assert [(r.row, r.full_name, r.action) for r in checked.context["page"].object_list] == [
        (2, "Nguyễn Văn An", "create")
    ]
    upload_page = office_client.get(reverse("office:import_upload")).content.decode()
    assert f'href="{reverse("office:import_template")}">Tải tệp mẫu (Excel)</a>' in upload_page


@pytest.mark.parametrize("rows", [3, 30])
def test_the_result_page_reads_a_fixed_number_of_queries(
    office_client, rows, django_assert_num_queries
):
    CellFactory(name="Chi bộ A")
    response = upload(office_client, sheet(*(person(f"Người Thứ {n}") for n in range(rows))))
    office_client.post(response["Location"])
    batch = ImportBatch.objects.get()

    with django_assert_num_queries(6):
        office_client.get(reverse("office:import_preview", args=[batch.pk]))
