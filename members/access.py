"""Who may see and do what (DESIGN.md, Access).

Every query that returns members or cells goes through `members_for()` / `cells_for()`, so a cell
secretary cannot reach another cell's member by any URL, export or PDF. What a role may do is
granted by `office.backend.RoleBackend`, from each app's `permissions.py`.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from members.enums import Role
from members.models import Member, Organisation


def role_of(user) -> str | None:
    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        return Role.OFFICE
    access = getattr(user, "access", None)
    return access.role if access else None


def _secretary_cell_ids(user) -> list[int]:
    if not hasattr(user, "_scoped_cell_ids"):
        user._scoped_cell_ids = list(user.access.cells.values_list("id", flat=True))
    return user._scoped_cell_ids


def members_for(user, queryset: QuerySet[Member] | None = None) -> QuerySet[Member]:
    """The members this user may see."""
    queryset = Member.objects.all() if queryset is None else queryset
    role = role_of(user)
    if role in (Role.OFFICE, Role.STANDING, Role.VIEWER):
        return queryset
    if role == Role.SECRETARY:
        return queryset.filter(cell_id__in=_secretary_cell_ids(user))
    return queryset.none()


def sees_whole_register(user) -> bool:
    """The office, the standing committee and viewers read the whole committee (its figures, its
    issued reports); a cell secretary reads their cells only, and a user without a role nothing."""
    return role_of(user) in (Role.OFFICE, Role.STANDING, Role.VIEWER)


def scope_key(user) -> tuple:
    """What `members_for(user)` returns, as a hashable key for remembered answers."""
    if sees_whole_register(user):
        return ("all",)
    role = role_of(user)
    if role == Role.SECRETARY:
        return ("cells", *sorted(_secretary_cell_ids(user)))
    return ("none",)


def members_of_scope(key) -> QuerySet[Member]:
    """The members a `scope_key()` names (as kept in a background document's parameters, a list):
    what `members_for()` returned to the user who asked."""
    kind, *cell_ids = key
    if kind == "all":
        return Member.objects.all()
    if kind == "cells":
        return Member.objects.filter(cell_id__in=cell_ids)
    return Member.objects.none()


def cells_for(user, queryset: QuerySet[Organisation] | None = None) -> QuerySet[Organisation]:
    """The cells this user may see."""
    queryset = (
        Organisation.objects.filter(kind=Organisation.Kind.CELL) if queryset is None else queryset
    )
    role = role_of(user)
    if role in (Role.OFFICE, Role.STANDING, Role.VIEWER):
        return queryset
    if role == Role.SECRETARY:
        return queryset.filter(id__in=_secretary_cell_ids(user))
    return queryset.none()


def member_or_404(user, pk: int, queryset: QuerySet[Member] | None = None) -> Member:
    """A member the user may see; another cell's member is 'not found', not 'forbidden'."""
    try:
        return members_for(user, queryset).get(pk=pk)
    except Member.DoesNotExist as missing:
        raise Http404("Không tìm thấy đảng viên.") from missing


def sees_personal_numbers(user) -> bool:
    """CCCD and phone are for those who keep members' records: the office, and a cell's
    secretary for their cells (scoping has already limited the secretary); other roles see
    them masked and cannot search by them."""
    return user.has_perm("members.change_member")


def is_office(user) -> bool:
    return role_of(user) == Role.OFFICE


def check_may_export(user) -> None:
    """A list's workbook holds every row of the user's scope at once: only for users who may
    export the register (members.export_members)."""
    if not user.has_perm("members.export_members"):
        raise PermissionDenied
