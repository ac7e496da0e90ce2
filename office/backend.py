"""Permissions from roles (DESIGN.md, Access): each app says what its roles may do beyond
reading, in its `permissions.py`; the office, the top of the layers, gathers them here."""

from ceremonies import permissions as ceremonies
from members import permissions as members
from members.access import role_of
from members.enums import Role
from office import permissions as office
from ratings import permissions as ratings
from reports import permissions as reports
from vusta_party import permissions as vusta_party

APPS = {
    module.APP: module.GRANTS
    for module in (vusta_party, members, ceremonies, ratings, reports, office)
}


def granted(role: str, perm: str) -> bool:
    """Whether a role has a permission "app.codename": the office everything, the others reading
    and what their apps grant them."""
    app, _, codename = perm.partition(".")
    if app not in APPS:
        return False
    if role == Role.OFFICE:
        return True
    return codename.startswith("view_") or codename in APPS[app].get(role, frozenset())


class RoleBackend:
    """Grants the permissions of the user's role (authentication stays with ModelBackend)."""

    def authenticate(self, request, **credentials):
        return None

    def has_perm(self, user, perm: str, obj=None) -> bool:
        role = role_of(user)
        return role is not None and granted(role, perm)

    def has_module_perms(self, user, app_label: str) -> bool:
        return role_of(user) is not None and app_label in APPS
