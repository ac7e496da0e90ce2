from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in


class VustaPartyConfig(AppConfig):
    name = "vusta_party"
    verbose_name = "Thiết lập chung"

    def ready(self):
        from vusta_party.security import stamp_sign_in  # noqa: PLC0415 -- it imports django.contrib.auth.views, which loads models

        user_logged_in.connect(stamp_sign_in, dispatch_uid="vusta-party-stamp-sign-in")
