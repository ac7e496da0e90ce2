"""What the register needs to know of the badge milestones, which the badge rules own
(ceremonies/milestones.py): the register records badges held and imports them, but only the rule
versions say which milestones exist. Callers above the register pass it in."""

from dataclasses import dataclass


@dataclass(frozen=True)
class KnownMilestones:
    """Every milestone of some rule version, and the versions said in words for a refusal."""

    values: frozenset[int]
    versions_text: str  # e.g. "30, 40, 45 … 90 (từ 28/09/2021); 30, 35, … 95 (từ 19/05/2026)"

    def refusal(self, text: str) -> str:
        return f"“{text}” không phải mốc Huy hiệu của quy định nào: {self.versions_text}."
