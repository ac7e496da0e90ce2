"""The report of a period as a Word file, from the same data as its PDF (reports/documents.py):
the narrative, the figures and their comparison, the tables by cell, badges and ratings, the
badge funding, the commendations and disciplines, and the charts: the same matplotlib drawing as the PDF's SVG,
as PNG images (python-docx embeds raster images), each with its figures as alternative text."""

from reports.documents import NARRATIVE_SECTIONS, ChartData, ReportDocument, chart_data
from vusta_party.docx import CENTER, Cell, WordDocument


def _n(value: int) -> str:
    """ "1.234" and "-2", as the PDF prints them (humanize's intcomma in Vietnamese)."""
    return f"{value:,}".replace(",", ".")


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}".replace(".", ",")


def _shown(value: float | None) -> str:
    """A percentage as the page shows it (Vietnamese decimal comma), "—" without one."""
    return "—" if value is None else str(value).replace(".", ",")


def _num(value) -> Cell:
    return Cell(value if isinstance(value, str) else _n(value), "right")


def _chart(word: WordDocument, chart: ChartData | None) -> None:
    if chart is not None:
        word.picture(chart.png(), description=f"{chart.title}. {chart.figures}.", share=90)


def report_docx(report: ReportDocument) -> bytes:
    if report.doc is None:
        raise ValueError("A cell secretary's table of figures is not a document of the committee.")
    s = report.summary
    charts = chart_data(s)
    word = WordDocument(report.doc)
    if report.draft_mark:
        word.paragraph(report.draft_mark, size=12, bold=True, align=CENTER, indent=False)
    word.header()
    word.title(report.title, report.subject)
    number = 0
    for key, title in NARRATIVE_SECTIONS:
        if report.narrative.get(key):
            number += 1
            word.heading(f"{number}. {title}")
            for paragraph in report.narrative[key]:
                word.paragraph(paragraph)
    prefix = f"{number + 1}. " if number else ""
    word.heading(f"{prefix}Số liệu đảng viên {s.period.label}")
    word.runs(report.figures_sentence)
    word.paragraph(report.identity_sentence, italic=True)
    word.table(
        (
            "Chỉ tiêu",
            s.period.label.capitalize(),
            report.previous_label.capitalize(),
            "Tăng, giảm",
            "%",
        ),
        [
            (
                row.label,
                _num(row.current),
                _num(row.previous),
                _num(("+" if row.difference > 0 else "") + _n(row.difference)),
                _num(_percent(row.percent)),
            )
            for row in report.comparison
        ],
        widths=(44, 16, 16, 12, 12),
        size=12,
    )
    _chart(word, charts["movement"])
    word.heading("Đảng viên theo chi bộ")
    word.table(
        ("STT", "Chi bộ", "Đầu kỳ", "Tăng", "Giảm", "Cuối kỳ", "Nữ", "Dự bị"),
        [
            (
                Cell(str(n), "center"),
                row.name,
                *(_num(v) for v in (row.start, row.gained, row.lost, row.end)),
                _num(row.women_end),
                _num(row.probationary_end),
            )
            for n, row in enumerate(s.cells, 1)
        ],
        widths=(8, 36, 10, 9, 9, 10, 8, 10),
    )
    word.heading("Đảng viên theo độ tuổi (cuối kỳ)")
    _chart(word, charts["age_bands"])
    word.heading("Huy hiệu Đảng")
    badge_rows = [
        (f"{row.milestone} năm", *(_num(v) for v in row.by_kind), _num(row.total), _num(row.bonus))
        for row in s.badges
    ] or [("Không có Huy hiệu được tặng trong kỳ.", "", "", "", "", "", "")]
    badge_rows.append(
        (
            Cell("Cộng", bold=True),
            "",
            "",
            "",
            "",
            Cell(_n(s.badges_total), "right", True),
            Cell(_n(s.bonus_total), "right", True),
        )
    )
    word.table(
        (
            "Huy hiệu",
            "Tặng",
            "Tặng sớm",
            "Truy tặng",
            "Truy tặng sớm",
            "Cộng",
            "Tiền thưởng (đồng)",
        ),
        badge_rows,
        widths=(16, 11, 12, 12, 14, 11, 24),
    )
    if s.reissued:
        word.paragraph(f"Cấp lại Huy hiệu bị mất: {s.reissued} trường hợp.")
    if s.badges:
        _chart(word, charts["badges"])
    if report.funding:
        funding = report.funding
        word.heading("Kinh phí tiền thưởng Huy hiệu Đảng")
        word.paragraph(funding.settlement_sentence)
        if funding.settlement_rows:
            word.table(
                funding.columns,
                [
                    (Cell(day, "center"), decision, _num(count), _num(total))
                    for day, decision, count, total in funding.settlement_rows
                ],
                widths=(16, 52, 12, 20),
            )
        word.paragraph(funding.estimate_sentence)
        for text in funding.missing_lines:
            word.paragraph(text, indent=False)
    if s.ratings_year:
        word.heading(f"Xếp loại chất lượng năm {s.ratings_year}")
        word.table(
            ("Mức xếp loại", "Đảng viên", "%", "Chi bộ", "%"),
            [
                (
                    f"{row.label} ({row.level})",
                    _num(row.members),
                    _num(_shown(row.members_percent)),
                    _num(row.cells),
                    _num(_shown(row.cells_percent)),
                )
                for row in s.ratings
            ],
            widths=(48, 14, 12, 14, 12),
        )
        _chart(word, charts["ratings"])
        word.heading(f"Khen thưởng năm {s.ratings_year}")
        for text, names in report.commendation_paragraphs:
            word.paragraph(text, indent=not names)
    word.heading("Kỷ luật đảng viên")
    word.paragraph(report.discipline_sentence)
    word.closing()
    return word.to_bytes()
