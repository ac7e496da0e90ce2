from django.apps import AppConfig


class CeremoniesConfig(AppConfig):
    name = "ceremonies"
    verbose_name = "Huy hiệu Đảng"

    def ready(self):
        from members import versions  # noqa: PLC0415 -- models are ready only here

        versions.watch(*(self.get_model(name) for name in ("BadgeRules", "Round", "Proposal")))
