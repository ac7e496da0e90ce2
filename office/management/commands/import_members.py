"""python manage.py import_members FILE [--dry-run] (DOMAIN.md §8, §9).

Exit status 0 when the file is imported (or, with --dry-run, when it would be); non-zero when any
row is invalid, after listing every bad row. Nothing is written unless every row is valid. The
check is the same as the import's, so --dry-run says exactly what the import would do.
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from ceremonies.milestones import known_milestones
from members.imports import commit_import, plan_import
from vusta_party.commands import VietnameseCommand
from vusta_party.spreadsheets import SpreadsheetError


class Command(VietnameseCommand):
    help = "Nhập danh sách đảng viên từ tệp .xlsx hoặc .csv."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp .xlsx hoặc .csv")
        parser.add_argument(
            "--dry-run", action="store_true", help="Chỉ kiểm tra, không ghi gì vào cơ sở dữ liệu."
        )

    def handle(self, *args, file, dry_run, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp {file}.")
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Không đọc được tệp {file}: {error.strerror}.") from error
        milestones = known_milestones()
        try:
            plan = plan_import(path.name, content, milestones=milestones)
        except SpreadsheetError as error:
            raise CommandError(str(error)) from error
        counts = (
            f"{plan.count('create')} thêm mới, {plan.count('update')} cập nhật, "
            f"{plan.count('unchanged')} không đổi"
        )
        if not plan.ok:
            for error in plan.errors:
                value = f" [{error.value}]" if error.value else ""
                self.stderr.write(f"Dòng {error.row}, cột {error.column}{value}: {error.message}")
            raise CommandError(
                f"Tệp có {len(plan.errors)} lỗi ở {len({e.row for e in plan.errors})} dòng: "
                "không nhập dòng nào."
            )
        if plan.new_cells:
            self.stdout.write("Chi bộ mới: " + ", ".join(plan.new_cells))
        if dry_run:
            self.stdout.write(f"Kiểm tra xong, tệp hợp lệ ({counts}). Chưa ghi gì (--dry-run).")
            return
        try:
            commit_import(plan, milestones=milestones)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(f"Đã nhập: {counts}.")
