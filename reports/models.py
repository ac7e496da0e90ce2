"""Report drafts (the narrative staff write), issued reports (which never change), and the figures
of Biểu 7-BTCTW staff type."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class ReportDraft(models.Model):
    """The narrative of the report of a period, saved while it is written."""

    kind = models.CharField("Loại kỳ", max_length=6)
    start = models.DateField("Từ ngày")
    end = models.DateField("Đến ngày")
    situation = models.TextField("Tình hình chung", blank=True)
    results = models.TextField("Kết quả thực hiện nhiệm vụ", blank=True)
    shortcomings = models.TextField("Hạn chế, khuyết điểm và nguyên nhân", blank=True)
    tasks = models.TextField("Phương hướng, nhiệm vụ kỳ tới", blank=True)
    proposals = models.TextField("Đề xuất, kiến nghị", blank=True)
    updated_at = models.DateTimeField("Sửa lúc", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "Bản thảo báo cáo"
        verbose_name_plural = "Bản thảo báo cáo"
        constraints = [
            models.UniqueConstraint(fields=["kind", "start", "end"], name="one_draft_per_period")
        ]

    def __str__(self) -> str:
        return f"Bản thảo báo cáo {self.start:%d/%m/%Y}–{self.end:%d/%m/%Y}"


class IssuedReportError(Exception):
    """An issued report is frozen: its data, its PDF and their hash never change."""


class IssuedReport(models.Model):
    kind = models.CharField("Loại kỳ", max_length=6)
    start = models.DateField("Từ ngày")
    end = models.DateField("Đến ngày")
    label = models.CharField("Kỳ báo cáo", max_length=100)
    number = models.PositiveIntegerField("Số")
    document_number = models.CharField("Số, ký hiệu", max_length=40)
    term_name = models.CharField("Nhiệm kỳ", max_length=40)
    version = models.PositiveSmallIntegerField("Lần ban hành", default=1)
    issued_on = models.DateField("Ngày ban hành")
    issued_at = models.DateTimeField("Ghi lúc", auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Người ban hành",
        on_delete=models.PROTECT,
        related_name="+",
    )
    data = models.JSONField("Số liệu và nội dung")
    pdf = models.BinaryField("Tệp PDF")
    # The Word file made with the PDF from the same data (none for reports issued before it).
    docx = models.BinaryField("Tệp Word", null=True)
    sha256 = models.CharField("SHA-256 của tệp PDF", max_length=64)

    class Meta:
        verbose_name = "Báo cáo đã ban hành"
        verbose_name_plural = "Báo cáo đã ban hành"
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["number", "term_name"], name="report_number_once_per_term"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document_number} – Báo cáo {self.label}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise IssuedReportError("Báo cáo đã ban hành không thể sửa: hãy ban hành một bản mới.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise IssuedReportError("Báo cáo đã ban hành không thể xóa.")


class StatFormEntry(models.Model):
    """A figure of Biểu 7-BTCTW that the app does not hold, typed by staff for a period
    (reports.statform.rules: the rows marked "Nhập tay")."""

    kind = models.CharField("Loại kỳ", max_length=6)
    start = models.DateField("Từ ngày")
    end = models.DateField("Đến ngày")
    row = models.CharField("Dòng của biểu", max_length=40)
    value = models.PositiveIntegerField("Số liệu")
    updated_at = models.DateTimeField("Sửa lúc", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "Số liệu nhập tay của Biểu 7-BTCTW"
        verbose_name_plural = "Số liệu nhập tay của Biểu 7-BTCTW"
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "start", "end", "row"], name="statform_entry_once_per_period_row"
            )
        ]

    def __str__(self) -> str:
        return f"Biểu 7-BTCTW {self.start:%d/%m/%Y}–{self.end:%d/%m/%Y}, {self.row}: {self.value}"
