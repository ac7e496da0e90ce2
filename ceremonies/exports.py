"""The files of an award round: each printed document as PDF, the lists also as workbooks."""

from ceremonies import documents, word
from ceremonies.documents import ProposalList, Roster
from ceremonies.models import Round
from members.access import members_of_scope
from vusta_party import clock
from vusta_party.background import fingerprint
from vusta_party.documents import party_document
from vusta_party.exports import DOCX, PDF, Export
from vusta_party.pdf import render_pdf
from vusta_party.spreadsheets import (
    MONEY_FORMAT,
    append_row,
    list_xlsx,
    new_workbook,
    table_sheet,
    xlsx_export,
)

# The documents of a round (URL name -> what it is), besides the lists of documents.LISTS.
SUBMISSION = "to-trinh"
DECLARATIONS = "to-khai"
ROSTER = "danh-sach-trao-tang"
SIGNATURES = "so-ky-nhan"
DOCUMENTS = (*documents.LISTS, SUBMISSION, DECLARATIONS, ROSTER, SIGNATURES)
ROSTER_TEMPLATE = "ceremonies/documents/round_roster.html"


def file_stem(round_: Round, name: str) -> str:
    return f"{name}-{round_.date:%Y%m%d}"


def document_page(round_: Round, name: str, members) -> tuple[str, dict]:
    """(template, context) of a round's document, for the members given (a user's scope)."""
    if name in documents.LISTS:
        data = documents.proposal_list(round_, name, members)
        return "ceremonies/documents/round_list.html", {"list": data, "doc": data.doc}
    if name == SUBMISSION:
        data = documents.submission(round_)
        return "ceremonies/documents/round_submission.html", {"sub": data, "doc": data.doc}
    if name == DECLARATIONS:
        data = documents.declarations(round_, members)
        return "ceremonies/documents/declaration_6hhd.html", {
            "declarations": data,
            "doc": data.doc,
            "blank_lines": range(data.blank_lines),
        }
    if name in (ROSTER, SIGNATURES):
        data = documents.roster(round_, members)
        template = (
            ROSTER_TEMPLATE if name == ROSTER else "ceremonies/documents/round_signatures.html"
        )
        return template, {"roster": data, "doc": data.doc}
    raise ValueError(f"unknown document {name}")


def document_pdf(round_: Round, name: str, members) -> Export:
    template, context = document_page(round_, name, members)
    return Export(f"{file_stem(round_, name)}.pdf", PDF, render_pdf(template, context))


# --- the ceremony roster PDF in the background (vusta_party/background.py) --------------------

ROSTER_PDF = "roster-pdf"
# From this many lines the roster PDF is made in the background. WeasyPrint took 1.3 s for 100
# lines, 2.2 s for 300 and 7.3 s for 1,000 (about 0.9 s and 6.4 ms a line): 2 s at about 250.
BACKGROUND_LINES = 250


def roster_pdf(round_: Round, data: Roster, step=None) -> Export:
    """The roster PDF of its data; `step(text)` hears what it is doing (a background document)."""
    if step:
        step(f"Đang dàn trang {len(data.lines):,} dòng".replace(",", "."))
    pdf = render_pdf(ROSTER_TEMPLATE, {"roster": data, "doc": data.doc})
    return Export(f"{file_stem(round_, ROSTER)}.pdf", PDF, pdf)


def roster_pdf_params(round_: Round, scope: tuple) -> dict:
    """The parameters of a roster PDF made in the background: which round, whose lines."""
    return {"round": round_.pk, "scope": list(scope)}


def roster_pdf_version(data: Roster) -> str:
    """The version of what the roster prints: its data is all of it (the lines with their
    numbers and bonus, the header and signer of the profile in force on the round's date, the
    date itself, the decision)."""
    return fingerprint(data)


def roster_pdf_of(params: dict, step) -> Export:
    """The roster PDF of the parameters kept by `roster_pdf_params()`."""
    round_ = Round.objects.get(pk=params["round"])
    return roster_pdf(round_, documents.roster(round_, members_of_scope(params["scope"])), step)


# Column widths of the lists' workbooks, in the order of documents.LIST_COLUMNS.
LIST_WIDTHS = [6, 24, 12, 22, 13, 13, 13, 26, 22, 26]


def document_docx(round_: Round, name: str, members) -> Export:
    """A round's document as an editable Word file, from the data of its PDF."""
    if name in documents.LISTS:
        content = word.proposal_list_docx(documents.proposal_list(round_, name, members))
    elif name == SUBMISSION:
        content = word.submission_docx(documents.submission(round_))
    elif name == DECLARATIONS:
        content = word.declarations_docx(documents.declarations(round_, members))
    elif name == ROSTER:
        content = word.roster_docx(documents.roster(round_, members))
    elif name == SIGNATURES:
        content = word.signatures_docx(documents.roster(round_, members))
    else:
        raise ValueError(f"unknown document {name}")
    return Export(f"{file_stem(round_, name)}.docx", DOCX, content)


def proposal_list_xlsx(round_: Round, name: str, members) -> Export:
    """A list 4-HHĐ, 4A-HHĐ or 4B-HHĐ with the columns of the printed form, set up for printing
    on landscape A4 under the committee's header."""
    data: ProposalList = documents.proposal_list(round_, name, members)
    widths = list(LIST_WIDTHS)
    if data.code == "4A-HHĐ":
        widths.insert(1, 13)
    workbook = new_workbook()
    sheet = table_sheet(
        workbook,
        data.code,
        list(data.columns),
        widths,
        doc=data.doc,
        title_lines=[data.title, f"{data.round_label} – Mẫu {data.code}"],
        landscape=True,
    )
    for line in data.lines:
        row = [
            line.number,
            line.full_name,
            line.born,
            line.hometown,
            line.admitted,
            line.official,
            line.card,
            line.cell,
            line.badge_label,
            line.note,
        ]
        if data.code == "4A-HHĐ":
            row.insert(1, line.old_badge_number)
        append_row(sheet, row)
    return xlsx_export(workbook, f"{file_stem(round_, 'danh-sach-' + name)}.xlsx")


OUTLOOK_WIDTHS = [6, 28, 30, 12, 16, 16, 50]


def outlook_xlsx(result, *, months: int, cell=None) -> Export:
    """The "Sắp đến hạn" page as a workbook: its three tables (due, early, deferred) as sheets,
    in the page's order, under the committee's header."""
    workbook = new_workbook()
    doc = party_document(day=result.today, type_code="DS")
    scope = f" – {cell}" if cell else ""
    window = f"Trong {months} tháng tới (từ {result.today:%d/%m/%Y} đến {result.until:%d/%m/%Y})"

    def sheet(title, headers):
        return table_sheet(
            workbook,
            title,
            headers,
            OUTLOOK_WIDTHS,
            doc=doc,
            title_lines=[f"HUY HIỆU ĐẢNG: {title.upper()}{scope}", window],
            landscape=True,
        )

    base = ["STT", "Họ và tên", "Chi bộ", "Huy hiệu"]
    due = sheet("Đến hạn", [*base, "Ngày đủ tuổi Đảng", "Đợt tặng"])
    for number, (row, occasion) in enumerate(result.due, 1):
        answer = row.evaluation
        append_row(
            due,
            [number, row.full_name, row.cell, f"{answer.milestone} năm", answer.due_date, occasion],
        )
    early = sheet("Tặng sớm", [*base, "Ngày đủ tuổi Đảng", "Ghi chú"])
    for number, row in enumerate(result.early, 1):
        answer = row.evaluation
        append_row(
            early,
            [
                number,
                row.full_name,
                row.cell,
                f"{answer.milestone} năm",
                answer.due_date,
                answer.reason,
            ],
        )
    deferred = sheet("Tạm hoãn", [*base, "Lý do"])
    for number, (row, answer) in enumerate(result.deferred, 1):
        append_row(
            deferred, [number, row.full_name, row.cell, f"{answer.milestone} năm", answer.reason]
        )
    return xlsx_export(workbook, f"sap-den-han-{months}-thang.xlsx")


def round_list_xlsx(rounds) -> Export:
    """The round list (rounds of `rounds_with_totals()`, in the page's sort)."""
    today = clock.today()
    return list_xlsx(
        f"danh-sach-dot-tang-{today:%Y%m%d}.xlsx",
        "Đợt tặng",
        [
            "STT",
            "Ngày trao tặng",
            "Dịp",
            "Hạn nộp",
            "Trạng thái",
            "Đảng viên",
            "Tiền thưởng (đồng)",
        ],
        [6, 14, 40, 12, 16, 11, 18],
        (
            [
                n,
                r.date,
                r.title or r.get_occasion_display(),
                r.deadline,
                r.get_state_display(),
                r.lines,
                r.bonus,
            ]
            for n, r in enumerate(rounds, 1)
        ),
        heading="DANH SÁCH ĐỢT TẶNG HUY HIỆU ĐẢNG",
        number_formats={6: MONEY_FORMAT},
    )
