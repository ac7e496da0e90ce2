"""The one export contract: a document or a list is a file name, a content type and bytes.

Domain code builds an `Export`; a view hands it to `send()`. No domain module returns an HTTP
response.
"""

from dataclasses import dataclass

from django.http import HttpResponse
from django.utils.http import content_disposition_header

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
JSON = "application/json"
HTML = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Export:
    filename: str
    content_type: str
    content: bytes


def send(export: Export, *, inline: bool | None = None) -> HttpResponse:
    """The HTTP response that delivers an export: PDFs open in the browser, the rest download."""
    if inline is None:
        inline = export.content_type == PDF
    response = HttpResponse(export.content, content_type=export.content_type)
    response["Content-Disposition"] = content_disposition_header(not inline, export.filename)
    return response
