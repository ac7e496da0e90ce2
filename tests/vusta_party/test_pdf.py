from pathlib import Path

import pytest
from django.conf import settings

from tests.pdf_utils import A4_POINTS, read_pdf
from vusta_party.pdf import BASE_URL, StaticOnlyURLError, html_to_pdf, static_file_path


def test_static_file_path_resolves_the_shipped_font():
    path = static_file_path(f"{BASE_URL}static/fonts/Tinos-Regular.ttf")

    assert path == Path(settings.BASE_DIR) / "static" / "fonts" / "Tinos-Regular.ttf"


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/logo.png",
        "https://example.com/static/css/document.css",
        "file:///etc/passwd",
        f"{BASE_URL}media/secret.pdf",
        f"{BASE_URL}static/../vusta_party/settings.py",
        f"{BASE_URL}static/%2e%2e/vusta_party/settings.py",
        f"{BASE_URL}static/css/missing.css",
        "data:text/plain,hello",
    ],
)
def test_static_file_path_refuses_anything_but_the_apps_static_files(url):
    with pytest.raises(StaticOnlyURLError):
        static_file_path(url)


@pytest.mark.slow
def test_html_to_pdf_never_fetches_outside_static(tmp_path):
    # A remote image and a local file are silently skipped: the PDF still renders.
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not an image")
    html = (
        '<html><body><p>Nội dung</p><img src="http://192.0.2.1/x.png">'
        f'<img src="file://{secret}"></body></html>'
    )

    result = read_pdf(html_to_pdf(html))

    assert result.pages == ("Nội dung",)
    assert result.page_sizes == (A4_POINTS,)  # WeasyPrint's default page is A4 too
