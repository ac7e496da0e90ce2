"""Reading PDFs back in tests: text, page count, page size and the embedded fonts."""

import io
import unicodedata
from dataclasses import dataclass

from fontTools.ttLib import TTFont
from pypdf import PdfReader

A4_POINTS = (595.28, 841.89)


@dataclass(frozen=True)
class PdfReadBack:
    pages: tuple[str, ...]  # text of each page, NFC-normalised
    page_sizes: tuple[tuple[float, float], ...]  # (width, height) in points
    embedded_font_families: frozenset[str]  # family names read from the embedded font files

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    @property
    def flat_text(self) -> str:
        """The text with line breaks and runs of spaces made single spaces (wrapped lines)."""
        return " ".join(self.text.replace("\xa0", " ").split())


def _embedded_families(reader: PdfReader) -> frozenset[str]:
    families = set()
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for font_ref in fonts.values():
            font = font_ref.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is None:
                    continue
                file_ref = descriptor.get_object().get("/FontFile2")
                if file_ref is None:
                    continue
                ttf = TTFont(io.BytesIO(file_ref.get_object().get_data()))
                families.add(ttf["name"].getDebugName(1) or "")
    return frozenset(families)


def read_pdf(data: bytes) -> PdfReadBack:
    assert data.startswith(b"%PDF-"), "not a PDF"
    reader = PdfReader(io.BytesIO(data))
    pages = tuple(unicodedata.normalize("NFC", page.extract_text()) for page in reader.pages)
    sizes = tuple(
        (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2))
        for page in reader.pages
    )
    return PdfReadBack(
        pages=pages, page_sizes=sizes, embedded_font_families=_embedded_families(reader)
    )


MM = 72 / 25.4  # points per millimetre


def text_bounds_mm(data: bytes, page: int = 0) -> tuple[float, float]:
    """(left, top) of the text on a page, in millimetres from the page's left and top edges:
    where the margins of the layout put the first letters."""
    reader = PdfReader(io.BytesIO(data))
    sheet = reader.pages[page]
    height = float(sheet.mediabox.height)
    xs, ys = [], []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            xs.append(x)
            ys.append(y + font_size * abs(cm[3] or 1) * 0.75)  # the top of the line's letters

    sheet.extract_text(visitor_text=visit)
    return round(min(xs) / MM, 1), round((height - max(ys)) / MM, 1)
