from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from vusta_party.backup import BackupError, create_backup, prune_backups


class Command(BaseCommand):
    help = (
        "Sao lưu toàn bộ cơ sở dữ liệu (kể cả văn bản đã ban hành) vào một tệp .tar.gz có ngày giờ."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", default="backups", help="Thư mục lưu (mặc định: backups)")
        parser.add_argument(
            "--keep",
            type=int,
            default=0,
            help="Sau khi sao lưu, chỉ giữ N bản mới nhất trong thư mục (mặc định: giữ tất cả)",
        )

    def handle(self, *args, output, keep, **options):
        if keep < 0:
            raise CommandError("--keep phải là số không âm.")
        try:
            archive = create_backup(Path(output))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Đã sao lưu vào {archive}")
        for old in prune_backups(Path(output), keep):
            self.stdout.write(f"Đã xóa bản sao lưu cũ {old}")
