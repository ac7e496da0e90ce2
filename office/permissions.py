"""The office's own pages (accounts, the audit log, the committee profile) are the office's
alone: no other role is granted anything here beyond reading its plain lists."""

APP = "office"
GRANTS: dict = {}
