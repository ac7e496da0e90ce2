"""Create (or reset) the demo account that `make run` prints."""

from django.contrib.auth import get_user_model

from vusta_party.commands import VietnameseCommand

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "vusta-demo-2026"


class Command(VietnameseCommand):
    help = "Tạo tài khoản dùng thử (văn phòng cấp ủy, toàn quyền) và in thông tin đăng nhập."

    def handle(self, *args, **options):
        user, created = get_user_model().objects.get_or_create(
            username=DEMO_USERNAME,
            defaults={"first_name": "Văn phòng", "last_name": "Đảng ủy"},
        )
        user.is_staff = True
        user.is_superuser = True
        user.set_password(DEMO_PASSWORD)
        user.save()
        verb = "Đã tạo" if created else "Đã đặt lại"
        self.stdout.write(
            f"{verb} tài khoản dùng thử — tên đăng nhập: {DEMO_USERNAME}  mật khẩu: {DEMO_PASSWORD}"
        )
