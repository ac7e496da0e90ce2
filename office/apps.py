from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in


class OfficeConfig(AppConfig):
    name = "office"
    verbose_name = "Văn phòng Đảng ủy"

    def ready(self):
        from django.contrib.auth.models import update_last_login  # noqa: PLC0415 -- models load only once the registry is ready

        from office.accounts import record_last_login  # noqa: PLC0415 -- imports models, as above

        user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
        user_logged_in.connect(record_last_login, dispatch_uid="office-record-last-login")
