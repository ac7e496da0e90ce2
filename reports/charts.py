"""Charts of the reports (matplotlib): one drawing, as SVG in the page and the PDF, as PNG in the
Word file.

Text is drawn as paths in the shipped Tinos font, so the SVG needs no font where it is shown.
"""

import io
from functools import cache
from pathlib import Path

from django.conf import settings

# The size of every chart, and the resolution of its PNG (sharp when printed at that size).
FIGURE_INCHES = (6.2, 2.6)
PNG_DPI = 200
COLOURS = ("#a61b1b", "#d98c2b", "#4f6d7a", "#7a9e7e", "#b5838d", "#6d597a")


@cache
def _pyplot():
    import matplotlib  # noqa: PLC0415 -- heavy, loaded on the first chart

    matplotlib.use("svg")
    from matplotlib import font_manager, pyplot  # noqa: PLC0415 -- after choosing the backend

    for name in ("Tinos-Regular.ttf", "Tinos-Bold.ttf"):
        font_manager.fontManager.addfont(str(Path(settings.BASE_DIR) / "static" / "fonts" / name))
    matplotlib.rcParams.update(
        {
            "font.family": "Tinos",
            "font.size": 10,
            "svg.fonttype": "path",
            "svg.hashsalt": "vusta-party",  # the same data draws the same SVG
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )
    return pyplot


def _bar_figure(*, title: str, labels: list[str], values: list[int], unit: str = ""):
    """The one drawing of a bar chart, with its values written on the bars."""
    pyplot = _pyplot()
    from matplotlib.ticker import MaxNLocator  # noqa: PLC0415 -- loaded with matplotlib

    figure, axes = pyplot.subplots(figsize=FIGURE_INCHES, dpi=100)
    bars = axes.bar(labels, values, color=[COLOURS[i % len(COLOURS)] for i in range(len(labels))])
    axes.bar_label(bars, labels=[f"{v:,}".replace(",", ".") for v in values], padding=2)
    axes.set_title(title, fontweight="bold")
    if unit:
        axes.set_ylabel(unit)
    axes.margins(y=0.2)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    figure.tight_layout()
    return pyplot, figure


def bar_chart(*, title: str, labels: list[str], values: list[int], unit: str = "") -> str:
    """A bar chart as an SVG string (the page and the PDF)."""
    pyplot, figure = _bar_figure(title=title, labels=labels, values=values, unit=unit)
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    pyplot.close(figure)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]  # without the XML prolog, to sit inside HTML


def bar_chart_png(*, title: str, labels: list[str], values: list[int], unit: str = "") -> bytes:
    """The same bar chart as a PNG image (the Word file: python-docx embeds raster images)."""
    pyplot, figure = _bar_figure(title=title, labels=labels, values=values, unit=unit)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=PNG_DPI, metadata={"Software": None})
    pyplot.close(figure)
    return buffer.getvalue()
