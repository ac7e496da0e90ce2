from django.apps import AppConfig


class CeremoniesConfig(AppConfig):
    name = "ceremonies"
    verbose_name = "Huy hiệu Đảng"

    def ready(self):
        # Rules and round lists are part of the register's state that whole-register answers
        # remember (members/versions.py): a change to them changes the register's version.
        from members import versions  # noqa: PLC0415 -- versions.py imports models, loaded only once the registry is ready

        versions.watch(*(self.get_model(name) for name in ("BadgeRules", "Round", "Proposal")))
