"""Downloads and account actions in the audit trail (AuditEvent), for an inspection.

Every response that is a file (a PDF, a spreadsheet, an attachment) is recorded by
`DownloadAuditMiddleware`, so a new export is covered without its view doing anything.
"""

import re
from urllib.parse import unquote

from office.models import AuditEvent
from vusta_party.security import client_address

FILE_TYPES = (
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "text/csv",
)
FILE_NAME = re.compile(r"filename\*?=(?:utf-8'')?\"?([^\";]+)", re.IGNORECASE)


def record(request, action: str, subject: str) -> AuditEvent:
    user = request.user if request.user.is_authenticated else None
    return AuditEvent.objects.create(
        user=user,
        username=user.get_username() if user else "",
        ip_address=client_address(request),
        action=action,
        subject=subject[:300],
        path=request.get_full_path()[:500],
    )


def downloaded_file(response) -> str | None:
    """The file name a response delivers, or None if it is a page."""
    disposition = response.get("Content-Disposition", "")
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    if not disposition and content_type not in FILE_TYPES:
        return None
    found = FILE_NAME.search(disposition)
    return unquote(found.group(1)) if found else content_type


class DownloadAuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 200 and request.user.is_authenticated:
            name = downloaded_file(response)
            if name is not None:
                record(request, AuditEvent.Action.DOWNLOAD, name)
        return response
