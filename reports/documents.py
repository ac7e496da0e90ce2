"""The membership report as a document: figures, comparison, tables and charts (DOMAIN.md §5)."""

from dataclasses import dataclass

from reports.charts import bar_chart
from reports.data import ComparisonRow, MembershipSummary, compare, membership_summary
from reports.periods import Period
from vusta_party.documents import PartyDocument, party_document


@dataclass(frozen=True)
class Charts:
    age_bands: str
    badges: str
    movement: str
    ratings: str


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
    )
