from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from vusta_party.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Khôi phục cơ sở dữ liệu từ một bản sao lưu (thay thế toàn bộ dữ liệu hiện có)."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Tệp .tar.gz do lệnh backup tạo ra")
        parser.add_argument(
            "--yes", action="store_true", help="Xác nhận thay thế toàn bộ dữ liệu hiện có"
        )

    def handle(self, *args, archive, yes, **options):
        if not yes:
            raise CommandError(
                "Khôi phục sẽ thay thế toàn bộ dữ liệu hiện có. Dừng ứng dụng, rồi chạy lại với --yes."
            )
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp {archive}.")
        try:
            manifest = restore_backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Đã khôi phục bản sao lưu lập lúc {manifest['created']}.")
