"""The office's own records: downloads and account actions (AuditEvent), and the history of user
accounts."""

from django.conf import settings
from django.contrib.auth.models import User
from django.db import models
from simple_history import register


class AuditEvent(models.Model):
    """What the change history does not hold: each download of a document or a list, and each
    action on a user account. Written once; never changed or deleted."""

    class Action(models.TextChoices):
        DOWNLOAD = "download", "Tải xuống"
        ACCOUNT = "account", "Tài khoản người dùng"

    at = models.DateTimeField("Lúc", auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Người dùng",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    username = models.CharField("Tài khoản", max_length=150)  # kept if the user is deleted
    ip_address = models.GenericIPAddressField("Địa chỉ IP", null=True, blank=True)
    action = models.CharField("Loại", max_length=10, choices=Action.choices)
    subject = models.CharField("Nội dung", max_length=300)
    path = models.CharField("Địa chỉ trang", max_length=500, blank=True)

    class Meta:
        permissions = [("read_audit_log", "Xem nhật ký thay đổi")]
        verbose_name = "Sự kiện nhật ký"
        verbose_name_plural = "Sự kiện nhật ký"
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.username}: {self.subject}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Nhật ký không thể sửa.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Nhật ký không thể xóa.")


# User accounts' history (name, email, switched on or off): the audit trail's "Tài khoản người
# dùng". Passwords are never copied; sign-ins are in django-axes' log, not here (see
# office/apps.py, which records last_login without a save).
register(User, app="office", excluded_fields=["password", "last_login"])
