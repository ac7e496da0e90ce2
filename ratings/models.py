"""Yearly quality ratings of members and cells (DOMAIN.md §4)."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from members.models import Member, Organisation
from ratings.enums import CommendationForm, CommendationLevel, CommendationState, RatingLevel


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
    exemplary_cap = models.PositiveSmallIntegerField(
        "Số chi bộ tiêu biểu tối đa",
        null=True,
        blank=True,
        help_text="Để trống nếu Đảng ủy không giới hạn số chi bộ được công nhận tiêu biểu.",
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
    # "Hoàn thành xuất sắc nhiệm vụ tiêu biểu" (the seeds' "Trong sạch vững mạnh tiêu biểu"):
    # the committee marks some of the cells rated HTXSNV (DOMAIN.md §4).
    exemplary = models.BooleanField("Tiêu biểu", default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "Xếp loại chi bộ"
        verbose_name_plural = "Xếp loại chi bộ"
        constraints = [
            models.UniqueConstraint(fields=["year", "cell"], name="cell_rated_once_a_year"),
            models.CheckConstraint(condition=Q(score__lte=100), name="cell_score_at_most_100"),
            models.CheckConstraint(
                condition=Q(exemplary=False) | Q(level=RatingLevel.EXCELLENT),
                name="exemplary_cell_rated_excellent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cell} – {self.level} ({self.year.year})"


class Commendation(models.Model):
    """A commendation made from a locked rating year (DOMAIN.md §4b): the committee's own decision
    (Quyết định khen thưởng, numbered like its other documents), or a proposal to the higher
    committee (tờ trình) with the decision recorded when it comes back. Its lines are the cells
    and members commended."""

    Level = CommendationLevel
    Form = CommendationForm
    State = CommendationState

    year = models.ForeignKey(
        RatingYear, verbose_name="Năm xếp loại", on_delete=models.PROTECT, related_name="+"
    )
    level = models.CharField("Cấp khen thưởng", max_length=8, choices=Level.choices)
    form = models.CharField(
        "Hình thức", max_length=12, choices=Form.choices, default=Form.CERTIFICATE
    )
    reason = models.CharField("Lý do, thành tích", max_length=300)
    state = models.CharField(
        "Trạng thái", max_length=10, choices=State.choices, default=State.DRAFT
    )
    number = models.PositiveIntegerField("Số văn bản", null=True, blank=True)
    dated = models.DateField("Ngày văn bản", null=True, blank=True)
    term_name = models.CharField("Nhiệm kỳ", max_length=40, blank=True)
    decision_number = models.CharField("Số quyết định của cấp trên", max_length=50, blank=True)
    decision_date = models.DateField("Ngày quyết định của cấp trên", null=True, blank=True)
    decided_by = models.CharField("Cấp quyết định", max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "Khen thưởng"
        verbose_name_plural = "Khen thưởng"
        ordering = ["-year__year", "-id"]

    def __str__(self) -> str:
        what = "Quyết định khen thưởng" if self.level == self.Level.OWN else "Đề nghị khen thưởng"
        return f"{what} năm {self.year.year} ({self.get_form_display()})"

    @property
    def recorded(self) -> bool:
        """The commendation is a fact: the committee's decision issued, or the higher one's
        decision recorded."""
        return self.state in (self.State.ISSUED, self.State.DECIDED)


class CommendationLine(models.Model):
    """A cell or a member on a commendation's list."""

    commendation = models.ForeignKey(Commendation, on_delete=models.CASCADE, related_name="lines")
    member = models.ForeignKey(
        Member,
        verbose_name="Đảng viên",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="commendation_lines",
    )
    cell = models.ForeignKey(
        Organisation,
        verbose_name="Chi bộ",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="commendation_lines",
    )
    title = models.CharField("Thành tích", max_length=300)
    years = models.PositiveSmallIntegerField("Số năm liền", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "Dòng danh sách khen thưởng"
        verbose_name_plural = "Danh sách khen thưởng"
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(member__isnull=True, cell__isnull=False)
                | Q(member__isnull=False, cell__isnull=True),
                name="commendation_line_member_or_cell",
            ),
            models.UniqueConstraint(
                fields=["commendation", "member"], name="commendation_member_once"
            ),
            models.UniqueConstraint(fields=["commendation", "cell"], name="commendation_cell_once"),
        ]

    def __str__(self) -> str:
        return f"{self.member or self.cell}: {self.title}"
