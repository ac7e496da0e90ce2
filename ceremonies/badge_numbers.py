"""Badge numbers typed or pasted onto the lines of a decided round. Pure: no database.

Each line is a badge of one member, milestone and kind, so a member with two lines (a 65-year
badge given early and the re-issue of a lost 60-year one) has two numbers, each named by its
milestone and kind. A pasted row is "số thẻ ⇥ số Huy hiệu", or "số thẻ ⇥ mốc ⇥ số Huy hiệu"
when the member has more than one line.
"""

from dataclasses import dataclass

from ceremonies.enums import ProposalKind

KIND_WORDS = {
    ProposalKind.REGULAR: "tặng",
    ProposalKind.EARLY: "tặng sớm",
    ProposalKind.POSTHUMOUS: "truy tặng",
    ProposalKind.POSTHUMOUS_EARLY: "truy tặng sớm",
    ProposalKind.REISSUE: "cấp lại (4A)",
}


def line_label(*, milestone: int, kind: str) -> str:
    """ "65 năm · tặng sớm", "60 năm · cấp lại (4A)": what tells two lines of a member apart."""
    return f"{milestone} năm · {KIND_WORDS[kind]}"


@dataclass(frozen=True)
class NumberLine:
    pk: int
    card: str  # the member's party card number ("" when none)
    name: str
    milestone: int
    kind: str


@dataclass(frozen=True)
class Pasted:
    numbers: dict[int, str]  # line pk -> badge number
    errors: tuple[str, ...]  # one per row that lands on no line, in Vietnamese


def _milestone(text: str) -> int | None:
    text = text.lower().removesuffix("năm").strip()
    return int(text) if text.isascii() and text.isdigit() else None


def read_pasted(text: str, lines: list[NumberLine]) -> Pasted:
    """The numbers of the pasted rows (tab- or semicolon-separated, as a spreadsheet copies),
    each landing on the one line its card (and milestone) names; a row that names no line, or
    two, is an error that names it (row numbers count from 1, blank rows included)."""
    by_card: dict[str, list[NumberLine]] = {}
    for line in lines:
        if line.card:
            by_card.setdefault(line.card, []).append(line)
    numbers, errors = {}, []
    for number, row in enumerate(text.splitlines(), start=1):
        parts = [part.strip() for part in row.replace(";", "\t").split("\t") if part.strip()]
        if not parts:
            continue
        shown = " ⇥ ".join(parts)
        found = by_card.get(parts[0], [])
        if len(parts) < 2:
            errors.append(f"Dòng {number} ({shown}): cần số thẻ đảng viên và số Huy hiệu.")
        elif not found:
            errors.append(f"Dòng {number} ({shown}): không có số thẻ {parts[0]} trong đợt này.")
        elif len(parts) >= 3:
            milestone = _milestone(parts[1])
            match = [line for line in found if line.milestone == milestone]
            if len(match) == 1:
                numbers[match[0].pk] = parts[-1]
            else:
                errors.append(
                    f"Dòng {number} ({shown}): {found[0].name} không có Huy hiệu {parts[1]} "
                    "năm trong đợt này."
                )
        elif len(found) == 1:
            numbers[found[0].pk] = parts[-1]
        else:
            which = ", ".join(line_label(milestone=x.milestone, kind=x.kind) for x in found)
            errors.append(
                f"Dòng {number} ({shown}): {found[0].name} có {len(found)} dòng ({which}): "
                "ghi thêm mốc, ví dụ “số thẻ ⇥ 65 ⇥ số Huy hiệu”."
            )
    return Pasted(numbers, tuple(errors))
