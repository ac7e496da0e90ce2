"""Reading Word files back in tests: the party header, the body, the tables, the closing."""

import io
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True)
class DocxReadBack:
    header_left: tuple[tuple[str, bool], ...]  # (text, bold) of the header's left column
    header_right: tuple[tuple[str, bool], ...]
    paragraphs: tuple[str, ...]  # the body's paragraphs outside tables
    tables: tuple[tuple[tuple[str, ...], ...], ...]  # every table after the header, by rows
    repeated_header_rows: tuple[bool, ...]  # each of those tables: its first row repeats
    closing_left: tuple[str, ...]
    closing_right: tuple[tuple[str, bool], ...]
    fonts: frozenset[str]  # every font named by a style or a run
    landscape: tuple[bool, ...]  # each section
    page_number_restarts: int  # sections whose page numbers start again at 1
    pictures: tuple[tuple[str, bytes], ...] = ()  # (alternative text, image) in the body

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.paragraphs).split())


def _cell_lines(cell) -> tuple[tuple[str, bool], ...]:
    return tuple(
        (_nfc(p.text), any(r.bold for r in p.runs if r.text.strip()))
        for p in cell.paragraphs
        if p.text.strip()
    )


def read_docx(data: bytes) -> DocxReadBack:
    assert data[:2] == b"PK", "not a .docx (zip) file"
    document = Document(io.BytesIO(data))
    header, *rest = document.tables
    grids = [t for t in rest if t.style is not None and t.style.name == "Table Grid"]
    plain = [t for t in rest if t not in grids]  # the closing (two columns, no borders)
    fonts = {document.styles["Normal"].font.name}
    for element in document.element.body.iter(qn("w:rFonts")):
        fonts.update(v for k, v in element.attrib.items() if k != qn("w:hint"))
    return DocxReadBack(
        header_left=_cell_lines(header.rows[0].cells[0]),
        header_right=_cell_lines(header.rows[0].cells[1]),
        paragraphs=tuple(_nfc(p.text) for p in document.paragraphs if p.text.strip()),
        tables=tuple(
            tuple(tuple(_nfc(c.text) for c in _unique(row.cells)) for row in table.rows)
            for table in grids
        ),
        repeated_header_rows=tuple(
            table.rows[0]._tr.trPr is not None
            and table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
            for table in grids
        ),
        closing_left=tuple(t for t, _ in _cell_lines(plain[-1].rows[0].cells[0])) if plain else (),
        closing_right=_cell_lines(plain[-1].rows[0].cells[-1]) if plain else (),
        fonts=frozenset(fonts),
        landscape=tuple(s.page_width > s.page_height for s in document.sections),
        page_number_restarts=sum(
            1
            for section in document.sections
            if (found := section._sectPr.find(qn("w:pgNumType"))) is not None
            and found.get(qn("w:start")) == "1"
        ),
        pictures=tuple(
            (
                _nfc(drawing.find(f".//{qn('wp:docPr')}").get("descr", "")),
                document.part.related_parts[
                    drawing.find(f".//{qn('a:blip')}").get(qn("r:embed"))
                ].blob,
            )
            for drawing in document.element.body.iter(qn("w:drawing"))
        ),
    )


def _unique(cells):
    """A merged row's cells once (python-docx repeats a merged cell for each grid column)."""
    seen, out = set(), []
    for cell in cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            out.append(cell)
    return out


SOFFICE = shutil.which("soffice")
needs_soffice = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) is not installed: scripts/install-system-packages.sh test",
)


def docx_to_pdf(data: bytes, folder: Path) -> bytes:
    """The Word file as LibreOffice prints it (for its page count and page images)."""
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "document.docx"
    source.write_bytes(data)
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{folder}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return (folder / "document.pdf").read_bytes()
