"""Kinh phí tiền thưởng Huy hiệu Đảng: the page with a year choice, the document as PDF (the
committee's, as the round's tờ trình) and the workbook (of the user's scope, as the lists)."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render

from ceremonies.forms import FundingYearForm
from ceremonies.funding import funding_estimate, funding_settlement
from ceremonies.funding_documents import (
    ESTIMATE,
    KINDS,
    estimate_document,
    funding_pdf,
    funding_xlsx,
    settlement_document,
)
from ceremonies.funding_word import funding_word
from members.access import members_for
from vusta_party import clock
from vusta_party.exports import send


def _d(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def estimate_of(year: int, *, today: date, members):
    """The estimate's document of a year, or None for a year over."""
    if year < today.year:
        return None
    return estimate_document(funding_estimate(year, today=today, members=members))


def settlement_of(year: int, *, today: date, members):
    """The settlement's document of a year, so far for the current one; None for a year to come."""
    if year > today.year:
        return None
    end = min(date(year, 12, 31), today)
    label = f"năm {year}" + (f" (đến ngày {_d(today)})" if end == today else "")
    settlement = funding_settlement(start=date(year, 1, 1), end=end, label=label, members=members)
    return settlement_document(settlement, made_on=today)


def funding(request):
    today = clock.today()
    form = FundingYearForm(request.GET or None, initial={"year": today.year + 1})
    year = form.cleaned_data["year"] if form.is_valid() else today.year + 1
    members = members_for(request.user)
    return render(
        request,
        "ceremonies/funding.html",
        {
            "form": form,
            "year": year,
            "estimate": estimate_of(year, today=today, members=members),
            "settlement": settlement_of(year, today=today, members=members),
            "can_print": request.user.has_perm("ceremonies.lock_round"),
        },
    )


def funding_document(request, year, kind, ext):
    """The estimate or the settlement of a year: PDF and Word (the committee's document: the
    office's) or workbook (the members the user may see)."""
    if kind not in KINDS or ext not in ("pdf", "docx", "xlsx") or not 1930 <= year <= 9999:
        raise Http404
    if ext in ("pdf", "docx") and not request.user.has_perm("ceremonies.lock_round"):
        raise PermissionDenied
    today = clock.today()
    build = estimate_of if kind == ESTIMATE else settlement_of
    data = build(year, today=today, members=members_for(request.user))
    if data is None:
        raise Http404("Không có dự toán của năm đã qua, hay quyết toán của năm chưa đến.")
    stem = f"kinh-phi-huy-hieu-{kind}-{year}"
    if ext == "pdf":
        return send(funding_pdf(data, stem=stem), inline=False)
    if ext == "docx":
        return send(funding_word(data, stem=stem))
    return send(funding_xlsx(data, stem=stem))
