"""What every management command of the app shares (DOMAIN.md §9): a bad argument is answered
with one line in Vietnamese and a non-zero exit, never a traceback nor argparse's English.

Arguments typed as dates or years are read by `day_argument` and `year_argument`, which refuse
what the app's date arithmetic cannot take (a year such as 0 or 10000).
"""

import re
import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

# The days a command may be asked about: from the Party's founding to far beyond any record.
FIRST_DAY = date(1930, 2, 3)
LAST_DAY = date(9000, 12, 31)

# argparse's messages (Python 3.11 to 3.13), in Vietnamese.
_ARGPARSE = [
    (re.compile(r"the following arguments are required: (.+)"), "Thiếu tham số: {0}."),
    (re.compile(r"unrecognized arguments: (.+)"), "Không nhận ra tham số: {0}."),
    (
        re.compile(r"argument (\S+): invalid choice: '?(.*?)'? \(choose from (.+)\)"),
        "Tham số {0} không nhận giá trị {1} (chỉ nhận: {2}).",
    ),
    (
        re.compile(r"argument (\S+): invalid \S+ value: '?(.*?)'?$"),
        "Tham số {0} không hợp lệ: {1}.",
    ),
    (re.compile(r"argument (\S+): expected one argument"), "Tham số {0} cần một giá trị."),
    (re.compile(r"argument (\S+): (.+)"), "Tham số {0}: {1}"),
]


def vietnamese_argument_error(message: str) -> str:
    for pattern, text in _ARGPARSE:
        found = pattern.fullmatch(message.strip())
        if found:
            return text.format(*(part.replace("'", "") for part in found.groups()))
    return f"Tham số không hợp lệ: {message}."


def day_argument(text, name: str = "--date") -> date:
    """A date typed as YYYY-MM-DD, within the days the app can compute with."""
    if isinstance(text, date):
        text = text.isoformat()
    try:
        day = date.fromisoformat(str(text).strip())
    except ValueError as error:
        raise CommandError(f"Ngày không hợp lệ: {text} (cần dạng YYYY-MM-DD).") from error
    if not FIRST_DAY <= day <= LAST_DAY:
        raise CommandError(
            f"Ngày {text} ngoài khoảng cho phép của {name}: từ {FIRST_DAY:%d/%m/%Y} đến "
            f"{LAST_DAY:%d/%m/%Y}."
        )
    return day


def year_argument(text, name: str = "--year") -> int:
    text = str(text).strip()
    if not re.fullmatch(r"\d{1,9}", text):
        raise CommandError(f"Năm không hợp lệ: {text} ({name} cần một số, ví dụ 2025).")
    year = int(text)
    if not FIRST_DAY.year <= year <= LAST_DAY.year:
        raise CommandError(
            f"Năm {year} ngoài khoảng cho phép của {name}: từ {FIRST_DAY.year} đến {LAST_DAY.year}."
        )
    return year


def count_argument(text, name: str, *, low: int, high: int) -> int:
    text = str(text).strip()
    if not re.fullmatch(r"\d+", text) or not low <= int(text) <= high:
        raise CommandError(f"{name} phải là một số từ {low:,} đến {high:,}.".replace(",", "."))
    return int(text)


def output_argument(text: str, name: str = "--output") -> Path:
    """A file to write: its folder must exist, and it must not be a folder."""
    path = Path(text)
    if path.is_dir():
        raise CommandError(f"{name} {text} là một thư mục: hãy ghi tên tệp.")
    if not path.parent.is_dir():
        raise CommandError(f"Không có thư mục {path.parent} để ghi {path.name} ({name}).")
    return path


class VietnameseCommand(BaseCommand):
    """A command whose errors, those of its arguments included, are one Vietnamese line on
    stderr with a non-zero exit when run from the command line (a CommandError otherwise)."""

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)

        def error(message):
            text = vietnamese_argument_error(message)
            if parser.called_from_command_line:
                sys.stderr.write(text + "\n")
                sys.exit(2)
            raise CommandError(text)

        parser.error = error
        return parser

    def execute(self, *args, **options):
        try:
            return super().execute(*args, **options)
        except CommandError as error:
            if not getattr(self, "_called_from_command_line", False) or options.get("traceback"):
                raise
            self.stderr.write(str(error))
            sys.exit(error.returncode)
