from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save

from members.signals import party_age_changed


class CeremoniesConfig(AppConfig):
    name = "ceremonies"
    verbose_name = "Huy hiệu Đảng"

    def ready(self):
        # Imports that load models, possible only once the app registry is ready.
        from ceremonies import milestones  # noqa: PLC0415 -- imports models (registry ready only here)
        from members import versions  # noqa: PLC0415 -- imports models (registry ready only here)

        # The register tells of changes to what milestones depend on; the badge app keeps each
        # member's next milestone in step (ceremonies/milestones.py), and again for everyone
        # when a rule version is added, corrected or deleted.
        party_age_changed.connect(
            milestones.on_party_age_changed, dispatch_uid="ceremonies-next-milestone"
        )
        rules = self.get_model("BadgeRules")
        post_save.connect(
            milestones.on_rules_changed, sender=rules, dispatch_uid="ceremonies-rules-saved"
        )
        post_delete.connect(
            milestones.on_rules_changed, sender=rules, dispatch_uid="ceremonies-rules-deleted"
        )
        # The rules say which badges an import may record: a change to them makes a kept import
        # check stale (members/versions.py).
        versions.watch(rules)
