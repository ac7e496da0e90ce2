"""Yearly quality ratings of members and cells (DOMAIN.md §4)."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from members.models import Member, Organisation
from ratings.enums import RatingLevel


def default_late_admission_from(year: int) -> date:
    """Members admitted from this day on are not rated in `year` (1 July by default)."""
    return date(year, 7, 1)


class RatingYear(models.Model):
    """The yearly rating of a year, with its parameters; locked once the office approves it."""

    year = models.PositiveSmallIntegerField("Năm", unique=True)
    quota_enabled = models.BooleanField("Áp dụng tỉ lệ HTXSNV", default=True)
    quota_percent = models.PositiveSmallIntegerField("Tỉ lệ HTXSNV tối đa (% số HTTNV)", default=20)
    late_admission_from = models.DateField(
        "Kết nạp từ ngày này trở đi thì chưa xếp loại",
        help_text="Mặc định 01/07 của năm; cần đối chiếu hướng dẫn hiện hành.",
    )
    streak_threshold = models.PositiveSmallIntegerField(
        "Số năm liền HTXSNV để đề nghị khen thưởng", default=5
    )
    locked = models.BooleanField("Đã khóa", default=False)
    locked_at = models.DateTimeField(null=True, blank=True)
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "Năm xếp loại"
        verbose_name_plural = "Năm xếp loại"
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"Xếp loại năm {self.year}"

    @classmethod
    def unsaved(cls, year: int) -> "RatingYear":
        """A year nobody has rated yet, with its default parameters (not written)."""
        return cls(year=year, late_admission_from=default_late_admission_from(year))


class MemberRating(models.Model):
    year = models.ForeignKey(RatingYear, on_delete=models.CASCADE, related_name="member_ratings")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="ratings")
    cell = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    level = models.CharField("Mức xếp loại", max_length=6, choices=RatingLevel.choices)
    score = models.PositiveSmallIntegerField("Điểm (thang 100)", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "Xếp loại đảng viên"
        verbose_name_plural = "Xếp loại đảng viên"
        constraints = [
            models.UniqueConstraint(fields=["year", "member"], name="member_rated_once_a_year"),
            models.CheckConstraint(condition=Q(score__lte=100), name="member_score_at_most_100"),
        ]

    def __str__(self) -> str:
        return f"{self.member} – {self.level} ({self.year.year})"


class CellRating(models.Model):
    year = models.ForeignKey(RatingYear, on_delete=models.CASCADE, related_name="cell_ratings")
    cell = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="ratings")
    level = models.CharField("Mức xếp loại chi bộ", max_length=6, choices=RatingLevel.choices)
    score = models.PositiveSmallIntegerField("Điểm (thang 100)", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "Xếp loại chi bộ"
        verbose_name_plural = "Xếp loại chi bộ"
        constraints = [
            models.UniqueConstraint(fields=["year", "cell"], name="cell_rated_once_a_year"),
            models.CheckConstraint(condition=Q(score__lte=100), name="cell_score_at_most_100"),
        ]

    def __str__(self) -> str:
        return f"{self.cell} – {self.level} ({self.year.year})"
