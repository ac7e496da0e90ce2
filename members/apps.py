from django.apps import AppConfig
from django.db.models.signals import post_migrate

from members import search_index


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Đảng viên và chi bộ"

    def ready(self):
        from members import versions  # noqa: PLC0415 -- versions.py imports models, loaded only once the registry is ready

        # SQLite's search index survives later migrations that rebuild the member table.
        post_migrate.connect(
            search_index.on_post_migrate, sender=self, dispatch_uid="members-search-index"
        )
        # The register's version changes with every write of its own models (members/versions.py):
        # what a kept import check is compared with.
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
