"""python manage.py refresh_badge_dates [--dry-run]

Recompute every member's stored badge dates (the lowest milestone above their badges with its due
date, the first possible round date) from their facts and every rule version, in one transaction.
The services keep them in step on every change; this command is for a register written around them
(a restored copy, rows changed in the database by hand). With --dry-run, says how many would change
and writes nothing.
"""

from django.db import transaction

from ceremonies.milestones import refresh_badge_dates
from vusta_party.commands import VietnameseCommand


class Command(VietnameseCommand):
    help = "Tính lại các ngày xét Huy hiệu lưu sẵn của mọi đảng viên theo mọi phiên bản quy định."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Chỉ đếm số đảng viên sẽ thay đổi, không ghi."
        )

    def handle(self, *args, dry_run: bool, **options):
        with transaction.atomic():
            changed = refresh_badge_dates(dry_run=dry_run)
        if dry_run:
            self.stdout.write(f"Sẽ thay đổi ngày xét Huy hiệu của {changed} đảng viên (chưa ghi).")
        else:
            self.stdout.write(f"Đã tính lại ngày xét Huy hiệu: {changed} đảng viên thay đổi.")
