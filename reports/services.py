"""Writes of the reports: saving a draft, issuing a report (numbered, frozen, hashed)."""

import hashlib
import json
from dataclasses import asdict
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string

from reports.documents import NARRATIVE_SECTIONS, ReportDocument, report_document
from reports.models import IssuedReport, ReportDraft
from reports.periods import Period, issue_error
from reports.word import report_docx
from vusta_party import clock
from vusta_party.pdf import html_to_pdf
from vusta_party.services import coming_document_number, next_document_number

REPORT_TYPE = "BC"


def draft_for(period: Period) -> ReportDraft:
    draft, _ = ReportDraft.objects.get_or_create(
        kind=period.kind, start=period.start, end=period.end
    )
    return draft


def narrative_of(draft: ReportDraft | None) -> list[tuple[str, str, list[str]]]:
    """(key, title, paragraphs) of the sections staff wrote, in the report's order."""
    if draft is None:
        return []
    sections = []
    for key, title in NARRATIVE_SECTIONS:
        paragraphs = [line.strip() for line in getattr(draft, key).splitlines() if line.strip()]
        if paragraphs:
            sections.append((key, title, paragraphs))
    return sections


@transaction.atomic
def draft_save(*, period: Period, values: dict, user) -> ReportDraft:
    draft = draft_for(period)
    for key, _title in NARRATIVE_SECTIONS:
        setattr(draft, key, values.get(key, "").strip())
    draft.updated_by = user
    draft.save()
    return draft


def render_report(
    period: Period, *, members=None, cells=None, scope="", number=None, issued_on=None, draft=None
):
    """(report document, HTML) of a period: the same HTML for the page and the PDF. With
    `cells` and their `scope`, the figures of those cells only, without the committee's text."""
    narrative = [] if scope else narrative_of(draft)
    report = report_document(
        period,
        members=members,
        cells=cells,
        scope=scope,
        number=number,
        issued_on=issued_on,
        narrative={key: paragraphs for key, _title, paragraphs in narrative},
    )
    html = render_to_string(
        "reports/documents/membership_report.html",
        {
            "report": report,
            "doc": report.doc,
            "narrative": [(title, p) for _k, title, p in narrative],
        },
    )
    return report, html


def report_issue(*, period: Period, user, today: date | None = None) -> IssuedReport:
    """Issue the report of a period that is over: the next number of the term, the figures and
    the narrative frozen as JSON, the PDF and its SHA-256, the Word file from the same data. Issuing again makes a new version with
    a new number.

    The PDF takes seconds to print, so it is printed with the number coming and outside the write
    transaction: parallel writers (on SQLite, every writer) do not wait for it. If another report
    took that number meanwhile, it is printed again with the next one."""
    today = today or clock.today()
    if error := issue_error(period, today=today):
        raise ValidationError(error)
    while True:
        number, _term = coming_document_number(type_code=REPORT_TYPE, day=today)
        draft = ReportDraft.objects.filter(
            kind=period.kind, start=period.start, end=period.end
        ).first()
        report, html = render_report(period, number=number, issued_on=today, draft=draft)
        files = {"pdf": html_to_pdf(html), "docx": report_docx(report)}
        with transaction.atomic():
            taken, term = next_document_number(type_code=REPORT_TYPE, day=today)
            if taken == number:
                return _issued_report_create(period, report, number, term, files, user, today)
            transaction.set_rollback(True)


def _frozen(report: ReportDocument) -> dict:
    """What an issued report keeps of its data (as JSON): its figures, comparison, narrative
    and funding."""
    return {
        "figures": report.summary.contract(),
        "comparison": [asdict(row) for row in report.comparison],
        "narrative": report.narrative,
        "funding": report.funding.contract() if report.funding else None,
    }


def issued_report_docx(issued: IssuedReport) -> bytes | None:
    """The Word file of an issued report: the one made with its PDF. A report issued before
    Word files were made with the PDF has it made now, numbered and dated as issued, only if
    its period's data is still what it froze (else None: the issued PDF is the document)."""
    if issued.docx is not None:
        return bytes(issued.docx)
    report = report_document(
        Period(issued.start, issued.end, issued.kind),
        number=issued.number,
        issued_on=issued.issued_on,
        narrative=issued.data["narrative"],
    )
    if json.loads(json.dumps(_frozen(report))) != issued.data:
        return None
    return report_docx(report)


def _issued_report_create(period, report, number, term, files, user, today) -> IssuedReport:
    version = (
        IssuedReport.objects.filter(kind=period.kind, start=period.start, end=period.end).count()
        + 1
    )
    return IssuedReport.objects.create(
        kind=period.kind,
        start=period.start,
        end=period.end,
        label=period.label,
        number=number,
        document_number=report.doc.number,
        term_name=term,
        version=version,
        issued_on=today,
        issued_by=user,
        data=_frozen(report),
        pdf=files["pdf"],
        docx=files["docx"],
        sha256=hashlib.sha256(files["pdf"]).hexdigest(),
    )
