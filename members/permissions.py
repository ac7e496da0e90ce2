"""What each role may do in the register beyond reading (the office may do everything)."""

from members.enums import Role

APP = "members"
GRANTS = {
    Role.STANDING: frozenset({"export_members"}),
    Role.SECRETARY: frozenset({"add_member", "change_member", "export_members"}),
}
