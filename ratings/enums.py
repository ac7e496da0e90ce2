"""The rating levels (DOMAIN.md §4), shared by the models and the pure rules."""

from django.db import models


class RatingLevel(models.TextChoices):
    EXCELLENT = "HTXSNV", "Hoàn thành xuất sắc nhiệm vụ"
    GOOD = "HTTNV", "Hoàn thành tốt nhiệm vụ"
    COMPLETED = "HTNV", "Hoàn thành nhiệm vụ"
    NOT_COMPLETED = "KHTNV", "Không hoàn thành nhiệm vụ"
