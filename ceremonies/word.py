"""The documents of an award round as Word files, from the same data as their PDFs
(ceremonies/documents.py), in the party layout of vusta_party/docx.py."""

from ceremonies.documents import Declarations, ProposalList, Roster, Submission
from vusta_party.docx import CENTER, LEFT, Cell, WordDocument


def _money(value: int | None) -> str:
    """ "7.590.000", as the PDF prints it (humanize's intcomma in Vietnamese)."""
    return "" if value is None else f"{value:,}".replace(",", ".")


def submission_docx(sub: Submission) -> bytes:
    word = WordDocument(sub.doc)
    word.header()
    word.title("Tờ trình", sub.subject)
    word.paragraph(sub.addressee, indent=False, align=CENTER)
    word.runs(sub.opening)
    rows = [
        (
            f"Huy hiệu {row.milestone} năm tuổi Đảng",
            Cell(str(row.count), "right"),
            Cell(str(row.early), "right"),
            Cell(str(row.posthumous), "right"),
        )
        for row in sub.totals.by_milestone
    ]
    rows.append((Cell("Cộng", bold=True), Cell(str(sub.totals.count), "right", True), "", ""))
    word.table(sub.columns, rows, widths=(43, 19, 19, 19))
    if sub.early:
        word.paragraph("Các trường hợp đề nghị tặng sớm do bệnh nặng:")
        for text in sub.early_lines:
            word.paragraph(text, indent=False)
    word.paragraph("(Có danh sách và hồ sơ kèm theo.)")
    word.paragraph(sub.closing_sentence)
    word.closing()
    return word.to_bytes()


def _list_row(data: ProposalList, line) -> list:
    row = [
        Cell(str(line.number), "center"),
        line.full_name,
        Cell(line.date_of_birth, "center"),
        line.hometown,
        Cell(line.admission_date, "center"),
        Cell(line.official_date, "center"),
        Cell(line.card, "center"),
        line.cell,
        line.badge_label,
        line.note,
    ]
    if data.code == "4A-HHĐ":
        row.insert(1, line.old_badge_number)
    return row


def proposal_list_docx(data: ProposalList) -> bytes:
    word = WordDocument(data.doc, landscape=True)
    word.header(number=False, right=((f"Mẫu {data.code}", True),), place_date=False)
    word.title(data.title, data.round_label)
    rows = [_list_row(data, line) for line in data.lines] or [
        ["Không có đảng viên.", *[""] * (len(data.columns) - 1)]
    ]
    word.table(
        data.columns,
        rows,
        widths=data.widths,
        size=11,
    )
    word.paragraph(data.total_line, indent=False)
    word.closing(recipients=False)
    return word.to_bytes()


def declarations_docx(data: Declarations) -> bytes:
    """Every declaration from a new page, each numbered on its own (a section per declaration)."""
    word = WordDocument(data.doc)
    for n, item in enumerate(data.items):
        if n:
            word.new_section(restart_numbering=True)
        word.header(
            left=((item.committee_name, False), (item.cell_name, True)),
            number=False,
            right=(("Mẫu 6-HHĐ", True),),
            place_date=False,
        )
        word.title("Tờ khai", item.subject)
        word.paragraph(item.addressee, indent=False)
        for fact in item.facts:
            word.paragraph(fact, indent=False, space_after=2)
        word.paragraph(data.history_prompt, indent=False)
        for _ in range(data.blank_lines):
            word.paragraph("." * 150, size=11, indent=False, align=LEFT, space_after=2)
        word.paragraph(item.pledge)
        table = word.closing_table()
        left, right = table.rows[0].cells
        word.signature(left, authority=data.cell_confirmation, title="", name="")
        word.paragraph(
            data.doc.place_date,
            italic=True,
            align=CENTER,
            space_after=0,
            keep_with_next=True,
            container=right,
        )
        word.signature(
            right, authority=item.signer, title="", name=item.signer_name, hint=item.signer_hint
        )
    return word.to_bytes()


def roster_docx(data: Roster) -> bytes:
    word = WordDocument(data.doc, landscape=True)
    word.header(number=False)
    word.title(data.title, data.subject)
    groups, rows = {}, []
    for line in data.lines:
        if not rows or data.lines[len(rows) - 1].milestone != line.milestone:
            groups[len(rows)] = f"Huy hiệu {line.milestone} năm tuổi Đảng"
        rows.append(
            (
                Cell(str(line.number), "center"),
                line.full_name,
                Cell(line.date_of_birth[-4:], "center"),
                line.cell,
                Cell(line.admission_date, "center"),
                f"{line.kind_label} Huy hiệu {line.milestone} năm",
                Cell(line.badge_number, "center"),
                Cell(_money(line.bonus), "right"),
                line.roster_note,
            )
        )
    word.table(
        data.columns,
        rows,
        widths=data.widths,
        size=11,
        group_rows=groups,
    )
    totals = [
        (
            f"Huy hiệu {row.milestone} năm tuổi Đảng",
            Cell(str(row.count), "right"),
            Cell(_money(row.bonus), "right"),
        )
        for row in data.totals.by_milestone
    ]
    if data.totals.reissued:
        totals.append(("Cấp lại Huy hiệu bị mất", Cell(str(data.totals.reissued), "right"), ""))
    totals.append(
        (
            Cell("Tổng cộng", bold=True),
            Cell(str(data.totals.count), "right", True),
            Cell(_money(data.totals.bonus), "right", True),
        )
    )
    word.table(data.total_columns, totals, widths=(30, 13, 17), size=11)
    word.closing(recipients=False)
    return word.to_bytes()


def signatures_docx(data: Roster) -> bytes:
    word = WordDocument(data.doc, landscape=True)
    word.header(number=False, place_date=False)
    word.title(data.signature_title, data.subject)
    rows = [
        (
            Cell(str(line.number), "center"),
            line.full_name,
            line.cell,
            line.milestone_label,
            Cell(line.badge_number, "center"),
            "",
            "Trao tại nhà" if line.at_home else "",
        )
        for line in data.lines
    ]
    word.table(data.signature_columns, rows, widths=data.signature_widths, size=12)
    return word.to_bytes()
