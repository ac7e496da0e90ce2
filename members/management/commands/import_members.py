"""python manage.py import_members FILE [--dry-run] (DOMAIN.md §8, §9).

Exit status 0 when the file is imported (or, with --dry-run, when it would be); non-zero when any
row is invalid, after listing every bad row. Nothing is written unless every row is valid.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from members.imports import commit_import, plan_import
from vusta_party.spreadsheets import SpreadsheetError


class Command(BaseCommand):
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
            plan = plan_import(path.name, path.read_bytes())
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
        commit_import(plan)
        self.stdout.write(f"Đã nhập: {counts}.")
