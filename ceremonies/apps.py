from django.apps import AppConfig


class CeremoniesConfig(AppConfig):
    name = "ceremonies"
    verbose_name = "Huy hiệu Đảng"
