"""Every command answers a bad argument with one Vietnamese line and a non-zero exit, never a
traceback (DOMAIN.md §9)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from vusta_party.commands import vietnamese_argument_error

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("message", "vietnamese"),
    [
        ("the following arguments are required: --year", "Thiếu tham số: --year."),
        ("unrecognized arguments: --nam 2025", "Không nhận ra tham số: --nam 2025."),
        (
            "argument --format: invalid choice: 'doc' (choose from 'json', 'html', 'pdf')",
            "Tham số --format không nhận giá trị doc (chỉ nhận: json, html, pdf).",
        ),
        (
            "argument --format: invalid choice: 'doc' (choose from json, html, pdf)",
            "Tham số --format không nhận giá trị doc (chỉ nhận: json, html, pdf).",
        ),
        ("argument --date: expected one argument", "Tham số --date cần một giá trị."),
    ],
)
def test_argparse_errors_are_said_in_vietnamese(message, vietnamese):
    assert vietnamese_argument_error(message) == vietnamese


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["summary_report", "--year", "0"],
            "Năm 0 ngoài khoảng cho phép của --year: từ 1930 đến 9000.",
        ),
        (
            ["summary_report", "--year", "10000"],
            "Năm 10000 ngoài khoảng cho phép của --year: từ 1930 đến 9000.",
        ),
        (
            ["summary_report", "--year", "2025a"],
            "Năm không hợp lệ: 2025a (--year cần một số, ví dụ 2025).",
        ),
        (["summary_report", "--year", "2027"], "Năm 2027 chưa đến: chưa có báo cáo."),
        (
            ["summary_report", "--year", "2025", "--half", "2"],
            "Tham số --half không nhận giá trị 2 (chỉ nhận: 1).",
        ),
        (["summary_report"], "Thiếu tham số: --year."),
        (
            ["badge_candidates", "--date", "0001-01-01"],
            "Ngày 0001-01-01 ngoài khoảng cho phép của --date: từ 03/02/1930 đến 31/12/9000.",
        ),
        (
            ["badge_candidates", "--date", "2026-02-30"],
            "Ngày không hợp lệ: 2026-02-30 (cần dạng YYYY-MM-DD).",
        ),
        (["badge_candidates"], "Thiếu tham số: --date."),
        (
            ["seed_demo", "--members", "0"],
            "Số đảng viên (--members) phải là một số từ 1 đến 1.000.000.",
        ),
        (["seed_demo", "--cells", "nhiều"], "Số chi bộ (--cells) phải là một số từ 1 đến 10.000."),
        (
            ["seed_demo", "--today", "0001-01-01"],
            "Ngày 0001-01-01 ngoài khoảng cho phép của --today: từ 03/02/1930 đến 31/12/9000.",
        ),
        (
            ["seed_demo", "--today", "2027-01-01"],
            "Ngày tham chiếu 01/01/2027 ở tương lai (--today).",
        ),
        (
            ["seed_demo", "--today", "1999-12-31"],
            "Ngày tham chiếu phải từ 01/01/2000 trở đi (--today).",
        ),
        (["import_members"], "Thiếu tham số: file."),
        (["create_demo_user", "--them"], "Không nhận ra tham số: --them."),
    ],
)
def test_a_bad_argument_gets_one_vietnamese_line(pinned_today, arguments, message):
    with pytest.raises(CommandError) as refused:
        call_command(*arguments)

    assert str(refused.value) == message


@pytest.mark.django_db
def test_a_report_into_a_missing_folder_is_refused(pinned_today, tmp_path):
    missing = tmp_path / "khong-co" / "bao-cao.json"

    with pytest.raises(CommandError) as refused:
        call_command("summary_report", "--year", "2025", "--output", str(missing))

    assert str(refused.value) == (
        f"Không có thư mục {missing.parent} để ghi bao-cao.json (--output)."
    )


def run(*arguments, tmp_path):
    """The command as a user runs it, in a process of its own (on an empty database)."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "PYTHONPATH": str(ROOT),
    }
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *arguments],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.slow  # starts Django in other processes
@pytest.mark.parametrize(
    ("arguments", "line"),
    [
        (
            ["summary_report", "--year", "10000"],
            "Năm 10000 ngoài khoảng cho phép của --year: từ 1930 đến 9000.",
        ),
        (
            ["summary_report", "--year", "2025", "--output", "/khong-co-thu-muc/bao-cao.json"],
            "Không có thư mục /khong-co-thu-muc để ghi bao-cao.json (--output).",
        ),
        (
            ["badge_candidates", "--date", "0001-01-01"],
            "Ngày 0001-01-01 ngoài khoảng cho phép của --date: từ 03/02/1930 đến 31/12/9000.",
        ),
        (
            ["summary_report", "--format", "doc"],
            "Tham số --format không nhận giá trị doc (chỉ nhận: json, html, pdf).",
        ),
    ],
)
def test_on_the_command_line_it_is_one_line_and_a_non_zero_exit(tmp_path, arguments, line):
    finished = run(*arguments, tmp_path=tmp_path)

    assert (finished.returncode != 0, finished.stderr.splitlines(), finished.stdout) == (
        True,
        [line],
        "",
    )
