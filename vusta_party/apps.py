from django.apps import AppConfig


class VustaPartyConfig(AppConfig):
    name = "vusta_party"
    verbose_name = "Thiết lập chung"
