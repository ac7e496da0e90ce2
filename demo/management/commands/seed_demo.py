"""python manage.py seed_demo [--members N] [--cells K] [--seed S] [--today YYYY-MM-DD] [--if-empty]
[--register-only]"""

from datetime import date

from django.core.management.base import CommandError

from demo.register import seed_demo
from members.models import Member
from vusta_party import clock
from vusta_party.commands import VietnameseCommand, count_argument, day_argument

MAX_MEMBERS = 1_000_000
MAX_CELLS = 10_000
# The demo register draws admissions up to two years before its day, from eras ending in 2023.
EARLIEST_TODAY = date(2000, 1, 1)


class Command(VietnameseCommand):
    help = "Tạo dữ liệu mẫu (chi bộ, đảng viên và quá trình) giống Đảng bộ đầu tiên dùng ứng dụng."

    def add_arguments(self, parser):
        parser.add_argument("--members", default="750", help="Số đảng viên (mặc định 750).")
        parser.add_argument("--cells", default="56", help="Số chi bộ (mặc định 56).")
        parser.add_argument("--seed", default="1", help="Hạt giống ngẫu nhiên (mặc định 1).")
        parser.add_argument(
            "--today",
            default=None,
            help="Ngày tham chiếu YYYY-MM-DD (mặc định hôm nay): dữ liệu như thể lập vào ngày đó.",
        )
        parser.add_argument(
            "--if-empty", action="store_true", help="Không làm gì nếu đã có đảng viên."
        )
        parser.add_argument(
            "--register-only",
            action="store_true",
            help=(
                "Chỉ tạo sổ đảng viên (với mọi Huy hiệu đã nhận), không tạo các đợt tặng và "
                "kết quả xếp loại của năm qua."
            ),
        )

    def handle(self, *args, members, cells, seed, today, if_empty, register_only, **options):
        members = count_argument(members, "Số đảng viên (--members)", low=1, high=MAX_MEMBERS)
        cells = count_argument(cells, "Số chi bộ (--cells)", low=1, high=MAX_CELLS)
        seed = count_argument(seed, "Hạt giống (--seed)", low=0, high=2**63 - 1)
        real_today = clock.today()
        day = day_argument(today, "--today") if today is not None else real_today
        if day > real_today:
            raise CommandError(f"Ngày tham chiếu {day:%d/%m/%Y} ở tương lai (--today).")
        if day < EARLIEST_TODAY:
            raise CommandError(
                f"Ngày tham chiếu phải từ {EARLIEST_TODAY:%d/%m/%Y} trở đi (--today)."
            )
        if Member.objects.exists():
            if if_empty:
                self.stdout.write("Đã có dữ liệu đảng viên: không tạo dữ liệu mẫu.")
                return
            raise CommandError(
                "Cơ sở dữ liệu đã có đảng viên: dữ liệu mẫu chỉ tạo trên cơ sở dữ liệu trống."
            )
        counts = seed_demo(
            members=members, cells=cells, seed=seed, today=day, year=not register_only
        )
        self.stdout.write(
            "Đã tạo dữ liệu mẫu: {cells} chi bộ, {members} đảng viên, {events} sự kiện, "
            "{interruptions} thời gian gián đoạn, {disciplines} kỷ luật, {badges} huy hiệu, "
            "{rounds} đợt tặng đã tổ chức, {ratings} kết quả xếp loại.".format(**counts)
        )
