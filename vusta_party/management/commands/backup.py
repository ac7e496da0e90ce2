from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from vusta_party.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Sao lưu toàn bộ cơ sở dữ liệu (kể cả văn bản đã ban hành) vào một tệp .tar.gz có ngày giờ."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", default="backups", help="Thư mục lưu (mặc định: backups)")

    def handle(self, *args, output, **options):
        try:
            archive = create_backup(Path(output))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Đã sao lưu vào {archive}")
