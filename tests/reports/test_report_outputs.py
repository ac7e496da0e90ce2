import io
import json
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from pypdf import PdfReader

from reports.data import compare
from tests.pdf_utils import read_pdf

pytestmark = pytest.mark.django_db


def test_summary_report_json_is_the_contract(hand_register, capsys):
    call_command("summary_report", "--year", "2025", "--format", "json")

    figures = json.loads(capsys.readouterr().out)
    assert {
        k: figures[k]
        for k in (
            "period_start",
            "period_end",
            "members_start",
            "members_end",
            "admitted",
            "left",
            "cells",
            "badges",
        )
    } == {
        "period_start": "2025-01-01",
        "period_end": "2025-12-31",
        "members_start": 8,
        "members_end": 6,
        "admitted": 1,
        "left": 1,
        "cells": 2,
        "badges": {"30": 1},
    }


def test_summary_report_for_the_first_half(hand_register, capsys):
    call_command("summary_report", "--year", "2025", "--half", "1", "--format", "json")

    figures = json.loads(capsys.readouterr().out)
    assert (figures["period_end"], figures["members_end"], figures["badges"]) == (
        "2025-06-30",
        8,
        {},
    )


def test_pdf_needs_an_output_file(hand_register):
    with pytest.raises(CommandError, match="Báo cáo PDF cần --output TỆP"):
        call_command("summary_report", "--year", "2025", "--format", "pdf")


@pytest.mark.slow
def test_summary_report_pdf_has_the_header_figures_charts_and_font(hand_register, tmp_path):
    output = tmp_path / "bao-cao.pdf"

    call_command("summary_report", "--year", "2025", "--format", "pdf", "--output", str(output))

    pdf = read_pdf(output.read_bytes())
    text = pdf.flat_text
    assert pdf.embedded_font_families == {"Tinos"}
    for expected in [
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "ĐẢNG ỦY LIÊN HIỆP CÁC HỘI KH&KT VIỆT NAM",
        "-BC/ĐU",
        "BÁO CÁO",
        "Tình hình tổ chức đảng và đảng viên năm 2025",
        "Kiểm tra: 8 đầu kỳ + 3 tăng − 5 giảm = 6 cuối kỳ (khớp).",
        "Đảng viên đầu kỳ 8 8 0 0,0",  # 2024 also started with 8 (Hà struck off only in June 2024)
        "Kết nạp đảng viên mới 1 1 0 0,0",
        "Đảng viên cuối kỳ 6 8 -2 -25,0",
        "Chi bộ A 8 2 6 4",
        "Chi bộ B 0 2 0 2",
    ]:
        assert expected in text, expected
    # The charts are drawn into the pages: their first bar fills with the report red (#a61b1b).
    reader = PdfReader(io.BytesIO(output.read_bytes()))
    bar = re.compile(rb"0\.65098 0\.105882 0\.105882 rg")
    assert sum(len(bar.findall(page.get_contents().get_data())) for page in reader.pages) >= 2


def test_html_report_embeds_the_charts_as_svg(hand_register, tmp_path):
    output = tmp_path / "bao-cao.html"

    call_command("summary_report", "--year", "2025", "--format", "html", "--output", str(output))

    html = output.read_text()
    assert html.count("<svg") == 3
    assert "Đảng viên theo chi bộ" in html


def test_comparison_gives_difference_and_percentage():
    current = dict.fromkeys(
        (
            "members_start",
            "admitted",
            "made_official",
            "transferred_in",
            "readmitted",
            "restored",
            "transferred_out",
            "died",
            "struck_off",
            "expelled",
            "left",
            "cells",
            "badges_total",
            "bonus_total",
        ),
        0,
    )
    current |= {"members_end": 110, "admitted": 5, "bonus_total": 3_510_000}
    previous = dict(current) | {"members_end": 100, "admitted": 0, "bonus_total": 7_020_000}

    rows = {row.key: row for row in compare(current, previous)}

    assert (rows["members_end"].difference, rows["members_end"].percent) == (10, 10.0)
    assert (rows["admitted"].difference, rows["admitted"].percent) == (5, None)
    assert (rows["bonus_total"].difference, rows["bonus_total"].percent) == (-3_510_000, -50.0)
    assert next(iter(rows)) == "members_start"
