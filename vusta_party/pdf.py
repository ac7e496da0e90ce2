"""HTML to PDF: the one module that imports WeasyPrint.

Documents are rendered from Django templates. WeasyPrint may load only the app's own static files
(stylesheets, the shipped fonts, images): every other URL, on the network or on the disk, is
refused, so a document never depends on the network and never reads a file outside `static/`.
"""

import mimetypes
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string

# Documents are rendered against this origin; only its static URLs resolve. ".invalid" is a
# reserved top-level domain: the name can never reach a real host.
BASE_URL = "https://vusta-party.invalid/"


class StaticOnlyURLError(ValueError):
    """A document asked for something other than one of the app's static files."""


def static_file_path(url: str) -> Path:
    """The local file behind a static URL of the document origin, or StaticOnlyURLError."""
    parts = urlsplit(url)
    origin = urlsplit(BASE_URL)
    prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    if (parts.scheme, parts.netloc) != (origin.scheme, origin.netloc) or not parts.path.startswith(
        prefix
    ):
        raise StaticOnlyURLError(f"Không tải tài nguyên ngoài thư mục static: {url}")
    name = unquote(parts.path[len(prefix) :])
    normalized = posixpath.normpath(name)
    if normalized != name or normalized.startswith(("../", "/")) or normalized == "..":
        raise StaticOnlyURLError(f"Đường dẫn tĩnh không hợp lệ: {url}")
    found = finders.find(normalized)
    if found:
        return Path(found)
    if staticfiles_storage.exists(normalized):  # collected (hashed) names in production
        return Path(staticfiles_storage.path(normalized))
    raise StaticOnlyURLError(f"Không tìm thấy tệp tĩnh: {url}")


def _fetcher():
    from weasyprint.urls import (
        URLFetcher,
        URLFetcherResponse,
    )  # slow: imported only where a PDF is made

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            path = static_file_path(url)
            mime_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                url, body=path.read_bytes(), headers={"Content-Type": mime_type}
            )

    return StaticOnlyFetcher(allowed_protocols=("https",))


def html_to_pdf(html: str) -> bytes:
    """Render an HTML document to PDF bytes."""
    import weasyprint  # slow: imported only where a PDF is made (TID253)

    document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=_fetcher())
    return document.write_pdf()


def render_pdf(template_name: str, context: dict) -> bytes:
    """Render a template to PDF bytes."""
    return html_to_pdf(render_to_string(template_name, context))
