"""What each role may do with badges and rounds beyond reading (the office may do everything)."""

from members.enums import Role

APP = "ceremonies"
GRANTS = {Role.SECRETARY: frozenset({"propose_round"})}
