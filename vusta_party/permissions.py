"""The installation's settings (committee profile, document numbers) are changed by the office
alone."""

APP = "vusta_party"
GRANTS: dict = {}
