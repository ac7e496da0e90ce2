from django.apps import AppConfig


class CeremoniesConfig(AppConfig):
    name = "ceremonies"
    verbose_name = "Huy hiệu Đảng"

    def ready(self):
        from members import versions  # noqa: PLC0415 -- models are ready only here
        from members.audit import register_source  # noqa: PLC0415

        for key, label, name in (
            ("round", "Đợt tặng Huy hiệu", "Round"),
            ("proposal", "Danh sách đề nghị", "Proposal"),
            ("badge_rules", "Quy định xét Huy hiệu", "BadgeRules"),
            ("base_salary", "Lương cơ sở", "BaseSalary"),
            ("coefficient", "Hệ số tiền thưởng", "BonusCoefficient"),
        ):
            register_source(key, label, self.get_model(name))

        versions.watch(*(self.get_model(name) for name in ("BadgeRules", "Round", "Proposal")))
