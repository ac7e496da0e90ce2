"""What each role may do with ratings beyond reading (the office may do everything)."""

from members.enums import Role

APP = "ratings"
GRANTS = {Role.SECRETARY: frozenset({"add_memberrating"})}
