from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Đảng viên và chi bộ"

    def ready(self):
        from members import versions  # noqa: PLC0415 -- models are ready only here
        from members.audit import register_source  # noqa: PLC0415

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
