"""The navbar meets WCAG AA: text at least 4.5:1 on its red, the focus ring at least 3:1 (WCAG
2.2, non-text contrast), computed from the values in static/css/app.css.

Measured (relative luminance per WCAG 2.x):
    link #fde8e8 on #a61b1b: 6.40:1     hover/active #ffffff on #a61b1b: 7.52:1
    disabled #f3c4c4 on #a61b1b: 4.83:1 committee bar #fbe9e7 on #7f1212: 8.97:1
    focus ring #f2c94c on #a61b1b: 4.74:1 (Bootstrap's navbar-dark links were about 3.2:1)
"""

import re
from pathlib import Path

import pytest

CSS = (Path(__file__).resolve().parents[2] / "static" / "css" / "app.css").read_text()


def css_value(name: str) -> str:
    return re.search(rf"{re.escape(name)}:\s*(#[0-9a-fA-F]{{6}})", CSS).group(1)


def luminance(colour: str) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_formula_gives_the_known_extremes():
    assert round(contrast("#ffffff", "#000000"), 2) == 21.0
    assert round(contrast("#a61b1b", "#a61b1b"), 2) == 1.0


@pytest.mark.parametrize(
    ("foreground", "background", "ratio"),
    [
        ("--bs-navbar-color", "--app-red", 6.40),
        ("--bs-navbar-hover-color", "--app-red", 7.52),
        ("--bs-navbar-active-color", "--app-red", 7.52),
        ("--bs-navbar-disabled-color", "--app-red", 4.83),
    ],
)
def test_navbar_text_meets_aa(foreground, background, ratio):
    measured = contrast(css_value(foreground), css_value(background))

    assert round(measured, 2) == ratio
    assert measured >= 4.5


def test_the_committee_bar_and_the_focus_ring_show_on_the_red():
    bar = re.search(r"background: var\(--app-red-dark\); color: (#[0-9a-f]{6})", CSS).group(1)

    assert round(contrast(bar, css_value("--app-red-dark")), 2) == 8.97
    assert "outline: 3px solid var(--app-gold)" in CSS
    assert round(contrast(css_value("--app-gold"), css_value("--app-red")), 2) == 4.74
    assert contrast(css_value("--app-gold"), css_value("--app-red")) >= 3


@pytest.mark.django_db
def test_every_page_starts_with_a_skip_link_and_has_a_favicon(office_client):
    from django.urls import reverse  # noqa: PLC0415

    html = office_client.get(reverse("members:member_list")).content.decode()

    body = html.split("<body", 1)[1].split(">", 1)[1].lstrip()
    assert body.startswith(
        '<a class="visually-hidden-focusable app-skip-link" href="#main">'
        "Bỏ qua menu, đến nội dung chính</a>"
    )
    assert '<main class="container-fluid py-3 app-main" id="main" tabindex="-1">' in html
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
    favicon = (Path(__file__).resolve().parents[2] / "static" / "favicon.svg").read_text()
    assert favicon.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
