"""python manage.py import_members FILE [--dry-run] (DOMAIN.md §8, §9): --dry-run says what the
import does, because both are the same check; bad arguments get one Vietnamese line."""

import re
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from members.models import Member
from tests.factories import CellFactory, make_member
from tests.spreadsheets import sheet

pytestmark = pytest.mark.django_db


def person(name, admitted="19/05/1990", **more):
    return {"Họ và tên": name, "Chi bộ": "Chi bộ Hội Vật lý", "Ngày vào Đảng": admitted, **more}


def write(tmp_path, file):
    name, content = file
    path = tmp_path / name
    path.write_bytes(content)
    return str(path)


def test_dry_run_then_import(tmp_path, capsys):
    CellFactory(name="Chi bộ Hội Vật lý")
    path = write(
        tmp_path,
        sheet(person("Nguyễn Văn An"), person("Lê Ân", cell="x"), person("Trần Thị Bình")),
    )

    call_command("import_members", path, "--dry-run")
    assert Member.objects.count() == 0
    call_command("import_members", path)

    out = capsys.readouterr().out
    assert out.splitlines() == [
        "Kiểm tra xong, tệp hợp lệ (3 thêm mới, 0 cập nhật, 0 không đổi). Chưa ghi gì (--dry-run).",
        "Đã nhập: 3 thêm mới, 0 cập nhật, 0 không đổi.",
    ]
    assert Member.objects.count() == 3


def test_every_bad_row_is_listed_and_nothing_is_imported(tmp_path, capsys):
    path = write(
        tmp_path,
        sheet(
            {"Họ và tên": "Lê Ân", "Chi bộ": "", "Giới tính": "Nam", "Ngày vào Đảng": "01/13/2025"},
            name="loi.csv",
        ),
    )

    with pytest.raises(
        CommandError, match=re.escape("Tệp có 2 lỗi ở 1 dòng: không nhập dòng nào.")
    ):
        call_command("import_members", path)

    assert capsys.readouterr().err.splitlines() == [
        "Dòng 2, cột Chi bộ: Thiếu chi bộ.",
        "Dòng 2, cột Ngày vào Đảng [01/13/2025]: Ngày 01/13/2025 không có trên lịch.",
    ]
    assert Member.objects.count() == 0


def test_dry_run_finds_the_clashes_the_import_would_meet(tmp_path, capsys):
    cell = CellFactory(name="Chi bộ Hội Vật lý")
    make_member(cell=cell, full_name="Nguyễn Văn An", party_card_number="00012345")
    make_member(
        cell=cell,
        full_name="Trần Văn Bình",
        citizen_id="001060000002",
        date_of_birth=date(1960, 1, 1),
    )
    path = write(
        tmp_path,
        sheet(
            person("Nguyễn Văn An", **{"Số thẻ đảng viên": "00012345", "Số CCCD": "001060000002"}),
            person("Trần Văn Bình", **{"Ngày sinh": "01/01/1960"}),
            person("tran van binh", **{"Ngày sinh": "01/01/1960"}),
        ),
    )

    for arguments in ([path, "--dry-run"], [path]):
        with pytest.raises(CommandError, match=re.escape("Tệp có 2 lỗi ở 2 dòng")):
            call_command("import_members", *arguments)
        assert capsys.readouterr().err.splitlines() == [
            "Dòng 2, cột Số CCCD [001060000002]: Số CCCD 001060000002 là của đảng viên Trần Văn "
            "Bình, còn số thẻ 00012345 là của đảng viên Nguyễn Văn An.",
            "Dòng 4, cột Họ và tên [tran van binh]: Đảng viên Trần Văn Bình đã có ở dòng 3 của "
            "tệp.",
        ]
    assert Member.objects.count() == 2


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("khong-co.xlsx", "Không tìm thấy tệp {path}."),
        ("danh-sach.xls", "Chỉ nhận tệp .xlsx hoặc .csv."),
        ("thu-muc", "Không tìm thấy tệp {path}."),
    ],
)
def test_a_bad_file_argument_gets_one_vietnamese_line(tmp_path, name, message):
    path = tmp_path / name
    if name.endswith(".xls"):
        path.write_bytes(b"\xd0\xcf\x11\xe0")
    elif name == "thu-muc":
        path.mkdir()

    with pytest.raises(CommandError) as refused:
        call_command("import_members", str(path))

    assert str(refused.value) == message.format(path=path)
