"""The membership report as a document: figures, comparison, tables and charts (DOMAIN.md §5)."""

from dataclasses import dataclass
from datetime import date

from ceremonies.funding import Estimate, Settlement, funding_estimate, funding_settlement
from reports.charts import bar_chart, bar_chart_png
from reports.data import ComparisonRow, MembershipSummary, compare, membership_summary
from reports.periods import FIRST_HALF, YEAR, Period
from vusta_party import clock
from vusta_party.documents import PartyDocument, party_document
from vusta_party.money import amount_in_words, format_money


@dataclass(frozen=True)
class Charts:
    age_bands: str
    badges: str
    movement: str
    ratings: str


@dataclass(frozen=True)
class FundingQuote:
    """The badge bonus funding a half-year or annual report quotes (DOMAIN.md §4b): the
    settlement of its period and the estimate of the next year, as they stand on the day the
    report is made (issuing freezes them with the rest)."""

    settlement: Settlement
    estimate_year: int
    estimate: Estimate | None  # None when that year is already over on the report's day
    columns = ("Đợt tặng", "Quyết định", "Số Huy hiệu", "Tiền thưởng (đồng)")

    @property
    def settlement_money(self) -> str:
        return format_money(self.settlement.total)

    @property
    def settlement_words(self) -> str:
        return amount_in_words(self.settlement.total)

    @property
    def estimate_money(self) -> str:
        return format_money(self.estimate.total) if self.estimate else ""

    @property
    def estimate_words(self) -> str:
        return amount_in_words(self.estimate.total) if self.estimate else ""

    @property
    def early_money(self) -> str:
        return format_money(self.estimate.early_total) if self.estimate else ""

    @property
    def settlement_sentence(self) -> str:
        """ "Quyết toán năm 2026: 6 Huy hiệu qua 2 đợt …", as the PDF and the Word file print it."""
        s = self.settlement
        outside = (
            f"; ngoài ra {s.outside_count} Huy hiệu ghi nhận ngoài các đợt tặng, không có số liệu"
            " tiền thưởng"
            if s.outside_count
            else ""
        )
        return (
            f"Quyết toán {s.label}: {s.count} Huy hiệu qua {len(s.rounds)} đợt có quyết định"
            f" trong kỳ, tiền thưởng {self.settlement_money} ({self.settlement_words}){outside}."
        )

    @property
    def settlement_rows(self) -> tuple[tuple[str, str, str, str], ...]:
        """(date, decision, badges, money) of each round settled."""
        return tuple(
            (f"{r.day:%d/%m/%Y}", r.decision, str(r.count), f"{r.total:,}".replace(",", "."))
            for r in self.settlement.rounds
        )

    @property
    def estimate_sentence(self) -> str:
        e = self.estimate
        if e is None:
            return f"Dự toán năm {self.estimate_year}: năm đã qua, không lập dự toán."
        early = (
            f"; trường hợp tặng sớm tính riêng: {e.early_count} trường hợp, {self.early_money}"
            if e.early_count
            else ""
        )
        return (
            f"Dự toán năm {self.estimate_year} (lập ngày {e.made_on:%d/%m/%Y}): {e.count} Huy"
            f" hiệu tại {len(e.rounds)} đợt tặng, tiền thưởng {self.estimate_money}"
            f" ({self.estimate_words}){early}."
        )

    @property
    def missing_lines(self) -> tuple[str, ...]:
        return tuple(m.text for m in self.estimate.missing) if self.estimate else ()

    def contract(self) -> dict:
        return {
            "settlement": self.settlement.contract(),
            "estimate_year": self.estimate_year,
            "estimate": self.estimate.contract() if self.estimate else None,
        }


def funding_quote(period: Period, *, today: date) -> FundingQuote | None:
    """What a half-year or annual report quotes of the funding; None for other periods."""
    if period.kind not in (YEAR, FIRST_HALF):
        return None
    year = period.end.year + 1
    return FundingQuote(
        settlement=funding_settlement(start=period.start, end=period.end, label=period.label),
        estimate_year=year,
        estimate=funding_estimate(year, today=today) if year >= today.year else None,
    )


@dataclass(frozen=True)
class ReportDocument:
    """The committee's report, or (with `scope`) the same figures for some cells only: then a
    working table, not a document of the committee (no letterhead, number or signature)."""

    doc: PartyDocument | None
    summary: MembershipSummary
    comparison: tuple[ComparisonRow, ...]
    previous_label: str
    charts: Charts
    narrative: dict  # section key -> text written by staff
    scope: str = ""  # the cells the figures are limited to ("" for the whole committee)
    funding: FundingQuote | None = None  # the committee's report of a half-year or a year
    draft: bool = True  # not issued: printed "DỰ THẢO", without its number

    @property
    def draft_mark(self) -> str:
        """ "DỰ THẢO" on every page of the committee's report until it is issued."""
        return "DỰ THẢO" if self.draft and not self.scope else ""

    @property
    def title(self) -> str:
        return "Số liệu đảng viên" if self.scope else "Báo cáo"

    @property
    def subject(self) -> str:
        label = self.summary.period.label
        if self.scope:
            return f"{self.scope}, {label}"
        return f"Tình hình tổ chức đảng và đảng viên {label}"

    @property
    def figures_sentence(self) -> tuple[tuple[str, bool], ...]:
        """The sentence of the figures at the start and the end, as (text, bold) parts."""
        s = self.summary
        start, end = s.start, s.end
        return (
            (
                f"Đầu kỳ (ngày {s.period.day_before:%d/%m/%Y}) {self.scope or 'Đảng bộ'} có ",
                False,
            ),
            (str(start.total), True),
            (
                f" đảng viên ({start.official} chính thức, {start.probationary} dự bị); cuối kỳ "
                f"(ngày {s.period.end:%d/%m/%Y}) có ",
                False,
            ),
            (str(end.total), True),
            (
                f" đảng viên ({end.official} chính thức, {end.probationary} dự bị; {end.women} "
                f"nữ; {end.ethnic_minority} dân tộc thiểu số; {end.religious} có tôn giáo), "
                f"sinh hoạt tại {s.cell_count} chi bộ.",
                False,
            ),
        )

    @property
    def commendation_paragraphs(self) -> tuple[tuple[str, bool], ...]:
        """The year's commendations: (text, is a list of names) for each paragraph."""
        who = self.doc.committee_text if self.doc else "Đảng ủy"
        paragraphs = []
        for c in self.summary.commendations:
            by = f"{who} tặng" if c.own else f"Theo đề nghị của {who}, cấp trên tặng"
            whom = " và ".join(
                part
                for part in (
                    f"{len(c.cells)} chi bộ" if c.cells else "",
                    f"{len(c.members)} đảng viên" if c.members else "",
                )
                if part
            )
            paragraphs.append((f"{by} {c.form} cho {whom} ({c.reference}).", False))
            if c.cells:
                paragraphs.append((f"Chi bộ: {'; '.join(c.cells)}.", True))
            if c.members:
                names = "; ".join(f"{name} ({cell})" if cell else name for name, cell in c.members)
                paragraphs.append((f"Đảng viên: {names}.", True))
        if not paragraphs:
            paragraphs.append(
                (
                    "Chưa có quyết định khen thưởng nào được ghi nhận từ kết quả xếp loại năm "
                    f"{self.summary.ratings_year}.",
                    False,
                )
            )
        return tuple(paragraphs)

    @property
    def discipline_sentence(self) -> str:
        found = self.summary.disciplines
        if not found:
            return "Trong kỳ không có đảng viên bị kỷ luật."
        return "; ".join(f"{form}: {n}" for form, n in found) + "."

    @property
    def identity_sentence(self) -> str:
        s = self.summary
        holds = " (khớp)" if s.identity_holds else " (KHÔNG KHỚP)"
        return (
            f"Kiểm tra: {s.start.total} đầu kỳ + {s.movement.gained} tăng − {s.movement.lost} "
            f"giảm = {s.end.total} cuối kỳ{holds}."
        )


NARRATIVE_SECTIONS = (
    ("situation", "Tình hình chung"),
    ("results", "Kết quả thực hiện nhiệm vụ"),
    ("shortcomings", "Hạn chế, khuyết điểm và nguyên nhân"),
    ("tasks", "Phương hướng, nhiệm vụ kỳ tới"),
    ("proposals", "Đề xuất, kiến nghị"),
)


@dataclass(frozen=True)
class ChartData:
    """What a chart of the report draws: its title, and a bar for each label."""

    title: str
    labels: tuple[str, ...]
    values: tuple[int, ...]

    def svg(self) -> str:
        return bar_chart(title=self.title, labels=list(self.labels), values=list(self.values))

    def png(self) -> bytes:
        return bar_chart_png(title=self.title, labels=list(self.labels), values=list(self.values))

    @property
    def figures(self) -> str:
        """The chart in words, for who cannot see it: "Đầu kỳ: 8; Tăng: 3; …"."""
        return "; ".join(
            f"{label}: {value:,}".replace(",", ".")
            for label, value in zip(self.labels, self.values, strict=True)
        )


def chart_data(summary: MembershipSummary) -> dict[str, ChartData | None]:
    """The report's charts by name (those of `Charts`); the ratings chart is None when no
    member was rated."""
    movement = summary.movement
    return {
        "age_bands": ChartData(
            title=f"Đảng viên theo độ tuổi (ngày {summary.period.end:%d/%m/%Y})",
            labels=tuple(label for label, _ in summary.end.age_bands),
            values=tuple(count for _, count in summary.end.age_bands),
        ),
        "badges": ChartData(
            title="Huy hiệu Đảng được tặng theo mốc",
            labels=tuple(f"{row.milestone} năm" for row in summary.badges) or ("—",),
            values=tuple(row.total for row in summary.badges) or (0,),
        ),
        "movement": ChartData(
            title="Biến động đảng viên trong kỳ",
            labels=("Đầu kỳ", "Tăng", "Giảm", "Cuối kỳ"),
            values=(summary.start.total, movement.gained, movement.lost, summary.end.total),
        ),
        "ratings": ChartData(
            title=f"Xếp loại đảng viên năm {summary.ratings_year}",
            labels=tuple(row.level for row in summary.ratings),
            values=tuple(row.members for row in summary.ratings),
        )
        if any(row.members for row in summary.ratings)
        else None,
    }


def charts(summary: MembershipSummary) -> Charts:
    """The report's charts as SVG, for the page and the PDF."""
    return Charts(
        **{name: data.svg() if data else "" for name, data in chart_data(summary).items()}
    )


def report_document(
    period: Period,
    *,
    members=None,
    cells=None,
    scope: str = "",
    number: int | None = None,
    issued_on=None,
    narrative: dict | None = None,
) -> ReportDocument:
    """The report of a period with its comparison and charts, dated and numbered as issued; with
    `cells` (named by `scope`), the figures of those cells and their `members` only."""
    summary = membership_summary(period, members, cells)
    previous = membership_summary(period.previous(), members, cells)
    return ReportDocument(
        doc=None
        if scope
        else party_document(
            day=issued_on or period.end,
            type_code="BC",
            sequence=number,
            recipients=(
                "Ban Thường vụ cấp ủy cấp trên (để báo cáo)",
                "Các chi bộ trực thuộc",
                "Lưu Văn phòng Đảng ủy",
            ),
        ),
        summary=summary,
        comparison=compare(summary.contract(), previous.contract()),
        previous_label=previous.period.label,
        charts=charts(summary),
        narrative={} if scope else (narrative or {}),
        scope=scope,
        funding=None if scope else funding_quote(period, today=issued_on or clock.today()),
        draft=number is None,
    )
