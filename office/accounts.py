"""User accounts and their roles, managed by the committee office (DESIGN.md, Access).

The role and the cells live in UserAccess, whose history records every change; creating an
account, switching it on or off and setting its password are recorded as audit events. An office
user cannot lock themselves out: they cannot switch off their own account or leave the office.
System administrators (superusers) are managed in the admin only.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from members.enums import Role
from members.models import UserAccess
from office.audit_events import record
from office.models import AuditEvent

User = get_user_model()


NO_ROLE = "Chưa có vai trò"
# The account list's sortable columns ("?sort=" key -> fields; ties end with id); by default the
# accounts in use first.
ACCOUNT_SORTS = {
    "trang-thai": ("-is_active", "username"),
    "ten-dang-nhap": ("username",),
    "ho-ten": ("last_name", "first_name", "username"),
    "dang-nhap": ("last_login", "username"),
}


def role_label(account) -> str:
    """An account's role as the account list says it."""
    if account.is_superuser:
        return "Quản trị hệ thống"
    access = getattr(account, "access", None)
    return access.get_role_display() if access else NO_ROLE


def account_cells(account) -> list[str]:
    """The names of the cells an account is given (prefetched, in name order)."""
    access = getattr(account, "access", None)
    return [cell.name for cell in access.cells.all()] if access else []


def record_last_login(sender, user, **kwargs) -> None:
    """Replaces Django's receiver, which saves the whole user and so would add a row to the
    account's history at every sign-in (the sign-ins have their own log)."""
    user.last_login = timezone.now()
    type(user).objects.filter(pk=user.pk).update(last_login=user.last_login)


def _check_role(role: str, cells) -> None:
    if role == Role.SECRETARY and not cells:
        raise ValidationError({"cells": "Bí thư chi bộ phải phụ trách ít nhất một chi bộ."})
    if role != Role.SECRETARY and cells:
        raise ValidationError({"cells": "Chỉ bí thư chi bộ mới được giao chi bộ phụ trách."})


def _log(request, account, what: str) -> None:
    record(request, AuditEvent.Action.ACCOUNT, f"{account.get_username()}: {what}")


@transaction.atomic
def account_create(
    request, *, username: str, full_name: str, email: str, role: str, cells, password: str
):
    username = username.strip()
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": f"Đã có tài khoản “{username}”."})
    _check_role(role, cells)
    account = User(username=username, first_name=full_name.strip(), email=email.strip())
    try:
        validate_password(password, account)
    except ValidationError as error:
        raise ValidationError({"password1": error.messages}) from error
    account.set_password(password)
    account.save()
    access = UserAccess(user=account, role=role)
    access._history_user = request.user
    access.save()
    access.cells.set(cells)
    _log(request, account, f"tạo tài khoản, vai trò {Role(role).label}")
    return account


@transaction.atomic
def account_update(
    request, *, account, full_name: str, email: str, role: str, cells, is_active: bool
):
    if account.is_superuser:
        raise ValidationError("Tài khoản quản trị hệ thống chỉ sửa được trong trang quản trị.")
    _check_role(role, cells)
    if account == request.user and (not is_active or role != Role.OFFICE):
        raise ValidationError(
            "Không thể tự khóa tài khoản của mình hoặc tự bỏ vai trò Văn phòng Đảng ủy."
        )
    if account.is_active != is_active:
        _log(request, account, "mở lại tài khoản" if is_active else "khóa tài khoản")
    # The whole name is kept in first_name (Vietnamese names are not split into given and family).
    account.first_name, account.last_name = full_name.strip(), ""
    account.email, account.is_active = email.strip(), is_active
    account.save(update_fields=["first_name", "last_name", "email", "is_active"])
    access, _ = UserAccess.objects.get_or_create(user=account, defaults={"role": role})
    if access.role != role or {c.pk for c in access.cells.all()} != {c.pk for c in cells}:
        access.role = role
        access._history_user = request.user
        access.save()
        access.cells.set(cells)
    return account


@transaction.atomic
def account_set_password(request, *, account, password: str) -> None:
    if account.is_superuser and account != request.user:
        raise ValidationError("Mật khẩu quản trị hệ thống chỉ đặt được trong trang quản trị.")
    try:
        validate_password(password, account)
    except ValidationError as error:
        raise ValidationError({"password1": error.messages}) from error
    account.set_password(password)
    account.skip_history_when_saving = True  # the history never holds passwords; the event says it
    account.save(update_fields=["password"])
    _log(request, account, "đặt lại mật khẩu")
