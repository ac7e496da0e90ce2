"""The membership report as a document: figures, comparison, tables and charts (DOMAIN.md §5)."""

from dataclasses import dataclass
from datetime import date

from ceremonies.funding import Estimate, Settlement, funding_estimate, funding_settlement
from reports.charts import bar_chart
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


NARRATIVE_SECTIONS = (
    ("situation", "Tình hình chung"),
    ("results", "Kết quả thực hiện nhiệm vụ"),
    ("shortcomings", "Hạn chế, khuyết điểm và nguyên nhân"),
    ("tasks", "Phương hướng, nhiệm vụ kỳ tới"),
    ("proposals", "Đề xuất, kiến nghị"),
)


def charts(summary: MembershipSummary) -> Charts:
    movement = summary.movement
    return Charts(
        age_bands=bar_chart(
            title=f"Đảng viên theo độ tuổi (ngày {summary.period.end:%d/%m/%Y})",
            labels=[label for label, _ in summary.end.age_bands],
            values=[count for _, count in summary.end.age_bands],
        ),
        badges=bar_chart(
            title="Huy hiệu Đảng được tặng theo mốc",
            labels=[f"{row.milestone} năm" for row in summary.badges] or ["—"],
            values=[row.total for row in summary.badges] or [0],
        ),
        movement=bar_chart(
            title="Biến động đảng viên trong kỳ",
            labels=["Đầu kỳ", "Tăng", "Giảm", "Cuối kỳ"],
            values=[summary.start.total, movement.gained, movement.lost, summary.end.total],
        ),
        ratings=bar_chart(
            title=f"Xếp loại đảng viên năm {summary.ratings_year}",
            labels=[row.level for row in summary.ratings],
            values=[row.members for row in summary.ratings],
        )
        if any(row.members for row in summary.ratings)
        else "",
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
    )
