"""python manage.py seed_demo [--members N] [--cells K] [--seed S] [--if-empty]"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from demo.register import seed_demo
from members.models import Member
from vusta_party import clock


class Command(BaseCommand):
    help = "Tạo dữ liệu mẫu (chi bộ, đảng viên và quá trình) giống Đảng bộ đầu tiên dùng ứng dụng."

    def add_arguments(self, parser):
        parser.add_argument("--members", type=int, default=750, help="Số đảng viên (mặc định 750).")
        parser.add_argument("--cells", type=int, default=56, help="Số chi bộ (mặc định 56).")
        parser.add_argument(
            "--seed", type=int, default=1, help="Hạt giống ngẫu nhiên (mặc định 1)."
        )
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            default=None,
            help="Ngày tham chiếu YYYY-MM-DD (mặc định hôm nay): dữ liệu như thể lập vào ngày đó.",
        )
        parser.add_argument(
            "--if-empty", action="store_true", help="Không làm gì nếu đã có đảng viên."
        )

    def handle(self, *args, members, cells, seed, today, if_empty, **options):
        if members < 1 or cells < 1:
            raise CommandError("Số đảng viên và số chi bộ phải lớn hơn 0.")
        if Member.objects.exists():
            if if_empty:
                self.stdout.write("Đã có dữ liệu đảng viên: không tạo dữ liệu mẫu.")
                return
            raise CommandError(
                "Cơ sở dữ liệu đã có đảng viên: dữ liệu mẫu chỉ tạo trên cơ sở dữ liệu trống."
            )
        counts = seed_demo(members=members, cells=cells, seed=seed, today=today or clock.today())
        self.stdout.write(
            "Đã tạo dữ liệu mẫu: {cells} chi bộ, {members} đảng viên, {events} sự kiện, "
            "{interruptions} thời gian gián đoạn, {disciplines} kỷ luật, {badges} huy hiệu.".format(
                **counts
            )
        )
