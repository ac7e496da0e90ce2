"""The members register 7-HSĐV as a Word file, read back with python-docx."""

from datetime import date

import pytest
from django.urls import reverse

from members import services
from members.models import MembershipEvent
from tests.docx_utils import read_docx
from tests.factories import CellFactory, make_member

pytestmark = pytest.mark.django_db


def test_the_register_as_word_is_a_landscape_table_by_cell_with_the_form_columns(
    office_client,
):
    cell = CellFactory(name="Chi bộ Hội Vật lý")
    make_member(
        cell=cell,
        full_name="Đặng Thị Ánh",
        sex="F",
        party_card_number="00012345",
        admission_date=date(1996, 9, 2),
        official_date=date(1997, 9, 2),
    )
    gone = make_member(cell=cell, full_name="Lê Văn Cường")
    services.fact_record(member=gone, kind=MembershipEvent.Kind.STRUCK_OFF, day=date(2010, 6, 30))

    response = office_client.get(reverse("members:register_export"), {"format": "docx"})
    document = read_docx(response.content)

    assert response["Content-Disposition"].startswith(
        'attachment; filename="so-danh-sach-dang-vien-'
    )
    assert document.landscape == (True,)
    assert document.header_right[0] == ("ĐẢNG CỘNG SẢN VIỆT NAM", True)
    assert document.paragraphs[0] == "SỔ DANH SÁCH ĐẢNG VIÊN"
    table = document.tables[0]
    assert table[0][:3] == (
        "STT",
        "Họ và tên đang dùng / Họ và tên khai sinh",
        "Giới tính / Dân tộc / Tôn giáo",
    )
    assert table[1] == ("Chi bộ Hội Vật lý",)  # the cell's row before its members
    assert [row[:2] for row in table[2:]] == [("1", "Đặng Thị Ánh"), ("2", "Lê Văn Cường")]
    assert table[2][6] == "02/09/1996\n02/09/1997"
    assert table[2][7].startswith("00012345")
    assert table[3][12] == "30/06/2010 Xóa tên"
    assert document.repeated_header_rows == (True,)
