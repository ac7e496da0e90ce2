"""What each role may do in the register beyond reading (the office may do everything)."""

from members.enums import Role

APP = "members"
GRANTS = {
    Role.STANDING: frozenset({"export_members"}),
    Role.SECRETARY: frozenset({"add_member", "change_member", "export_members"}),
}

# The admission date is the admission fact, and the start of party age that replaces it (§1)
# goes with it: only those who may correct facts set them, the office (no role is granted it).
SET_PARTY_AGE_START = "members.change_membershipevent"
