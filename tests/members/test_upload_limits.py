"""Uploaded spreadsheets are parsed safely: size, type, unpacked size, rows, XML entities."""

import io
import zipfile
from xml.etree import ElementTree

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from members.models import ImportBatch
from ratings.models import MemberRating
from tests.spreadsheets import csv_bytes, xlsx_bytes
from vusta_party import spreadsheets
from vusta_party.spreadsheets import SpreadsheetError, csv_delimiter, read_table, upload_error

ROW = ["Nguyễn Văn An", "01/01/1960", "Nam"]


def with_part(content: bytes, part: str, replace) -> bytes:
    """The workbook with one of its XML parts passed through `replace`."""
    source, target = io.BytesIO(content), io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for entry in old.infolist():
            data = old.read(entry)
            if entry.filename == part:
                data = replace(data)
            new.writestr(entry, data)
    return target.getvalue()


@pytest.mark.parametrize(
    ("name", "size", "error"),
    [
        ("danh-sach.xlsx", 100, None),
        ("danh-sach.CSV", 100, None),
        ("danh-sach.xls", 100, "Chỉ nhận tệp .xlsx hoặc .csv."),
        ("danh-sach.xlsx.exe", 100, "Chỉ nhận tệp .xlsx hoặc .csv."),
        ("danh-sach.xlsx", 10 * 1024 * 1024 + 1, "Tệp lớn hơn 10 MB."),
    ],
)
def test_an_upload_is_refused_by_type_and_size_before_it_is_read(name, size, error):
    upload = SimpleUploadedFile(name, b"")
    upload.size = size

    assert upload_error(upload) == error


def test_a_workbook_that_unpacks_too_large_is_refused(monkeypatch):
    monkeypatch.setattr(spreadsheets, "MAX_XLSX_UNPACKED_BYTES", 1000)

    with pytest.raises(
        SpreadsheetError, match=r"^Tệp Excel giải nén ra quá lớn: hãy chia nhỏ tệp\.$"
    ):
        read_table("a.xlsx", xlsx_bytes([ROW]))


@pytest.mark.parametrize(("name", "make"), [("a.xlsx", xlsx_bytes), ("a.csv", csv_bytes)])
def test_a_file_with_too_many_rows_is_refused(monkeypatch, name, make):
    monkeypatch.setattr(spreadsheets, "MAX_ROWS", 3)

    assert len(read_table(name, make([ROW, ROW]))) == 3  # the header and two rows
    with pytest.raises(SpreadsheetError, match=r"^Tệp có quá 3 dòng\.$"):
        read_table(name, make([ROW, ROW, ROW]))


def test_xml_entities_in_a_workbook_are_refused():
    def add_entity(xml: bytes) -> bytes:
        bomb = b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        assert xml.startswith(b"<worksheet")
        assert b">Nguy" in xml
        return bomb + xml.replace(b">Nguy", b">&b;Nguy", 1)

    content = with_part(xlsx_bytes([ROW]), "xl/worksheets/sheet1.xml", add_entity)
    # Without defusedxml the entity would expand: the file is well-formed, not broken.
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheet = ElementTree.fromstring(archive.read("xl/worksheets/sheet1.xml"))
    assert "aaaaaaaaaa" * 4 + "Nguyễn" in "".join(sheet.itertext())

    with pytest.raises(SpreadsheetError, match=r"^Không đọc được tệp Excel \(\.xlsx\)"):
        read_table("a.xlsx", content)


def test_a_file_that_is_not_a_workbook_is_refused():
    with pytest.raises(SpreadsheetError, match=r"^Không đọc được tệp Excel \(\.xlsx\)"):
        read_table("a.xlsx", b"PK\x03\x04 not really a zip")


@pytest.mark.django_db
def test_the_import_page_refuses_a_wrong_type_and_keeps_nothing(office_client):
    response = office_client.post(
        reverse("office:import_upload"),
        {"file": SimpleUploadedFile("danh-sach.xls", b"\xd0\xcf\x11\xe0")},
    )

    assert response.context["form"].errors["file"] == ["Chỉ nhận tệp .xlsx hoặc .csv."]
    assert not ImportBatch.objects.exists()


@pytest.mark.django_db
def test_the_ratings_import_refuses_a_wrong_type(office_client):
    response = office_client.post(
        reverse("ratings:rating_import"),
        {"file": SimpleUploadedFile("xep-loai.pdf", b"%PDF-1.7")},
        follow=True,
    )

    assert [str(m) for m in response.context["messages"]] == [
        "Chưa nhập gì. Chỉ nhận tệp .xlsx hoặc .csv."
    ]
    assert not MemberRating.objects.exists()


@pytest.mark.parametrize(
    ("text", "separator"),
    [
        ("Họ và tên,Chi bộ,Huy hiệu đã nhận\r\nAn,A,30; 40; 45\r\n", ","),
        ("Họ và tên;Chi bộ;Quê quán\r\nAn;A;Hà Nội, Việt Nam, Châu Á\r\n", ";"),
        ('"Họ và tên, đầy đủ";Chi bộ\r\nAn;A\r\n', ";"),
        ("Họ và tên\tChi bộ\r\nAn\tA\r\n", "\t"),
        ("\r\nHọ và tên,Chi bộ\r\n", ","),
        ("Họ và tên\r\nAn\r\n", ","),
    ],
)
def test_a_csv_separator_is_read_from_the_header_row(text, separator):
    assert csv_delimiter(text) == separator
