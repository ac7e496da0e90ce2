from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Đảng viên và chi bộ"

    def ready(self):
        from members import versions  # noqa: PLC0415 -- models are ready only here

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
