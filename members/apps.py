from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Đảng viên và chi bộ"

    def ready(self):
        from django.contrib.auth import get_user_model  # noqa: PLC0415 -- models are ready only here
        from django.contrib.auth.models import update_last_login  # noqa: PLC0415
        from django.contrib.auth.signals import user_logged_in  # noqa: PLC0415

        from members import versions  # noqa: PLC0415
        from members.accounts import record_last_login  # noqa: PLC0415
        from members.audit import register_source  # noqa: PLC0415

        user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
        user_logged_in.connect(record_last_login, dispatch_uid="members-record-last-login")

        for key, label, name in (
            ("member", "Hồ sơ đảng viên", "Member"),
            ("event", "Sự kiện đảng tịch", "MembershipEvent"),
            ("interruption", "Thời gian gián đoạn", "Interruption"),
            ("discipline", "Kỷ luật", "Discipline"),
            ("badge", "Huy hiệu đã nhận", "Badge"),
            ("organisation", "Tổ chức đảng", "Organisation"),
            ("rating", "Xếp loại đảng viên", "MemberRating"),
            ("cell_rating", "Xếp loại chi bộ", "CellRating"),
            ("access", "Quyền truy cập", "UserAccess"),
        ):
            register_source(key, label, self.get_model(name))
        register_source("user", "Tài khoản người dùng", get_user_model())

        versions.watch(
            *(
                self.get_model(name)
                for name in (
                    "Organisation",
                    "Member",
                    "MembershipEvent",
                    "Interruption",
                    "Discipline",
                    "Badge",
                )
            )
        )
