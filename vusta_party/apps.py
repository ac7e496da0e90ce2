from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import pre_save

from vusta_party.nfc import store_text_in_nfc


class VustaPartyConfig(AppConfig):
    name = "vusta_party"
    verbose_name = "Thiết lập chung"

    def ready(self):
        from vusta_party.security import stamp_sign_in  # noqa: PLC0415 -- it imports django.contrib.auth.views, which loads models

        user_logged_in.connect(stamp_sign_in, dispatch_uid="vusta-party-stamp-sign-in")
        pre_save.connect(store_text_in_nfc, dispatch_uid="vusta-party-text-in-nfc")
