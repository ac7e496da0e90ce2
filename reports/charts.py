"""Charts of the reports as SVG (matplotlib): the same drawing in the page and in the PDF.

Text is drawn as paths in the shipped Tinos font, so the SVG needs no font where it is shown.
"""

import io
from functools import cache
from pathlib import Path

from django.conf import settings

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


def bar_chart(*, title: str, labels: list[str], values: list[int], unit: str = "") -> str:
    """A bar chart with its values written on the bars, as an SVG string."""
    pyplot = _pyplot()
    from matplotlib.ticker import MaxNLocator  # noqa: PLC0415 -- loaded with matplotlib

    figure, axes = pyplot.subplots(figsize=(6.2, 2.6), dpi=100)
    bars = axes.bar(labels, values, color=[COLOURS[i % len(COLOURS)] for i in range(len(labels))])
    axes.bar_label(bars, labels=[f"{v:,}".replace(",", ".") for v in values], padding=2)
    axes.set_title(title, fontweight="bold")
    if unit:
        axes.set_ylabel(unit)
    axes.margins(y=0.2)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    figure.tight_layout()
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    pyplot.close(figure)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]  # without the XML prolog, to sit inside HTML
