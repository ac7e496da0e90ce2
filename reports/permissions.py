"""What each role may do with reports beyond reading (the office may do everything)."""

from members.enums import Role

APP = "reports"
GRANTS = {Role.STANDING: frozenset({"add_issuedreport"})}
