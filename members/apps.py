from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Đảng viên và chi bộ"

    def ready(self):
        # The register's version changes with every write of its own models (members/versions.py).
        from members import versions  # noqa: PLC0415 -- versions.py imports models, loaded only once the registry is ready

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
