"""Badge rule parameters as dated data (DOMAIN.md §1–§2): the version in force on a round date
applies. Seeded with the defaults of DOMAIN.md; the office corrects them without a code change."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from ceremonies.eligibility import RuleSet


def parse_milestones(text: str) -> tuple[int, ...]:
    """ "30, 40, 45" -> (30, 40, 45); a clear Vietnamese error otherwise."""
    parts = [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
    if not parts or not all(part.isdigit() for part in parts):
        raise ValidationError("Ghi các mốc là số năm, cách nhau bằng dấu phẩy, ví dụ: 30, 40, 45.")
    values = tuple(sorted({int(part) for part in parts}))
    if values[0] < 1 or values[-1] > 100:
        raise ValidationError("Mốc Huy hiệu phải từ 1 đến 100 năm.")
    return values


class BadgeRulesQuerySet(models.QuerySet):
    def in_force(self, on: date) -> "BadgeRules":
        """The version in force on a date; before the first version, the first version."""
        return (
            self.filter(valid_from__lte=on).order_by("-valid_from").first()
            or self.order_by("valid_from").first()
        )


class BadgeRules(models.Model):
    valid_from = models.DateField("Áp dụng từ ngày", unique=True)
    milestones = models.CharField(
        "Các mốc Huy hiệu (năm tuổi Đảng)",
        max_length=100,
        default="30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90",
        validators=[parse_milestones],
    )
    early_months_low = models.PositiveSmallIntegerField(
        "Tặng sớm tối đa (tháng), mốc đến", default=12
    )
    early_split = models.PositiveSmallIntegerField("… năm tuổi Đảng trở xuống", default=65)
    early_months_high = models.PositiveSmallIntegerField(
        "Tặng sớm tối đa (tháng), các mốc cao hơn", default=24
    )
    posthumous_early_months = models.PositiveSmallIntegerField(
        "Truy tặng sớm tối đa (tháng)", default=12
    )
    reprimand_delay_months = models.PositiveSmallIntegerField(
        "Hoãn xét sau khiển trách (tháng)", default=6
    )
    warning_delay_months = models.PositiveSmallIntegerField(
        "Hoãn xét sau cảnh cáo (tháng)", default=9
    )
    removal_delay_months = models.PositiveSmallIntegerField(
        "Hoãn xét sau cách chức (tháng)", default=12
    )
    legal_basis = models.CharField("Căn cứ", max_length=300)
    created_at = models.DateTimeField("Ghi lúc", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Người ghi",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = BadgeRulesQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "Quy định xét Huy hiệu"
        verbose_name_plural = "Quy định xét Huy hiệu"
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"Quy định từ {self.valid_from:%d/%m/%Y}"

    def rule_set(self) -> RuleSet:
        return RuleSet(
            milestones=parse_milestones(self.milestones),
            early_months_low=self.early_months_low,
            early_months_high=self.early_months_high,
            early_split=self.early_split,
            posthumous_early_months=self.posthumous_early_months,
            discipline_delay_months={
                "reprimand": self.reprimand_delay_months,
                "warning": self.warning_delay_months,
                "removal": self.removal_delay_months,
            },
        )


def rules_on(day: date) -> RuleSet:
    """The rule set in force on a date (the defaults of DOMAIN.md if the table is empty)."""
    version = BadgeRules.objects.in_force(day)
    return version.rule_set() if version else RuleSet()
