"""Writes of commendations (DOMAIN.md §4b): the committee's own decision, drafted from a locked
rating year and issued with its number; a proposal to the higher committee for streaks, submitted
with a tờ trình, its decision recorded when it comes back. One transaction each."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from members.models import Member, Organisation
from ratings.commendations.queries import DECISION_TYPE, SUBMISSION_TYPE
from ratings.enums import CommendationLevel, CommendationState, RatingLevel
from ratings.models import CellRating, Commendation, CommendationLine, MemberRating, RatingYear
from ratings.queries import streaks
from vusta_party import clock
from vusta_party.services import next_document_number

EXCELLENT_MEMBER = "Đảng viên hoàn thành xuất sắc nhiệm vụ năm {year}"
EXEMPLARY_CELL = "Chi bộ hoàn thành xuất sắc nhiệm vụ tiêu biểu năm {year}"


def _d(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _streak_title(subject: str, years: int, up_to: int) -> str:
    return f"{subject} {years} năm liền ({up_to - years + 1}–{up_to})"


def _draft_lines(commendation: Commendation) -> list[CommendationLine]:
    year = commendation.year.year
    if commendation.level == CommendationLevel.OWN:
        cells = (
            CellRating.objects.filter(year=commendation.year, exemplary=True)
            .select_related("cell")
            .order_by("cell__name_sort")
        )
        members = (
            MemberRating.objects.filter(year=commendation.year, level=RatingLevel.EXCELLENT)
            .select_related("member", "cell")
            .order_by("cell__name_sort", "member__name_sort")
        )
        return [
            *(
                CommendationLine(
                    commendation=commendation,
                    cell=r.cell,
                    title=EXEMPLARY_CELL.format(year=year),
                )
                for r in cells
            ),
            *(
                CommendationLine(
                    commendation=commendation,
                    member=r.member,
                    title=EXCELLENT_MEMBER.format(year=year),
                )
                for r in members
            ),
        ]
    # The proposals read the whole committee (user None), as the office does.
    members, cells = streaks(None, up_to=year, threshold=commendation.year.streak_threshold)
    return [
        *(
            CommendationLine(
                commendation=commendation,
                cell_id=s.cell_id,
                years=s.years,
                title=_streak_title("Chi bộ hoàn thành xuất sắc nhiệm vụ tiêu biểu", s.years, year),
            )
            for s in cells
        ),
        *(
            CommendationLine(
                commendation=commendation,
                member_id=s.member_id,
                years=s.years,
                title=_streak_title("Đảng viên hoàn thành xuất sắc nhiệm vụ", s.years, year),
            )
            for s in members
        ),
    ]


@transaction.atomic
def commendation_draft(
    *, year: RatingYear, level: str, form: str, reason: str = "", user=None
) -> Commendation:
    """Draft a commendation of a locked rating year, its list filled: for the committee's own
    decision, the cells marked tiêu biểu and the members rated HTXSNV in the year; for a proposal to
    the higher committee, the cells and members of a streak of the year's threshold."""
    if not year.pk or not year.locked:
        raise ValidationError(
            f"Xếp loại năm {year.year} chưa khóa: chỉ khen thưởng từ kết quả đã duyệt."
        )
    if level not in CommendationLevel.values:
        raise ValidationError("Cấp khen thưởng không hợp lệ.")
    first = year.year - year.streak_threshold + 1
    default = (
        f"Đã có thành tích hoàn thành xuất sắc nhiệm vụ năm {year.year}"
        if level == CommendationLevel.OWN
        else f"Đã có thành tích {year.streak_threshold} năm liền hoàn thành xuất sắc nhiệm vụ "
        f"({first}–{year.year})"
    )
    commendation = Commendation(
        year=year, level=level, form=form, reason=reason.strip() or default, created_by=user
    )
    commendation._history_user = user
    commendation.save()
    CommendationLine.objects.bulk_create(_draft_lines(commendation))
    return commendation


def _draft(commendation: Commendation) -> Commendation:
    locked = Commendation.objects.select_for_update().select_related("year").get(pk=commendation.pk)
    if locked.state != CommendationState.DRAFT:
        raise ValidationError(
            f"{locked} {locked.get_state_display().lower()}: danh sách không sửa được nữa."
        )
    return locked


@transaction.atomic
def commendation_line_add(
    *,
    commendation: Commendation,
    member: Member | None = None,
    cell: Organisation | None = None,
    title: str = "",
    user=None,
) -> CommendationLine:
    """Add a member or a cell to a draft's list: only those rated HTXSNV in the year (a cell for
    the committee's own decision also marked tiêu biểu)."""
    commendation = _draft(commendation)
    year = commendation.year
    if (member is None) == (cell is None):
        raise ValidationError("Hãy chọn một đảng viên hoặc một chi bộ.")
    if member is not None:
        rated = MemberRating.objects.filter(year=year, member=member, level=RatingLevel.EXCELLENT)
        if not rated.exists():
            raise ValidationError(
                f"{member.full_name} không xếp loại hoàn thành xuất sắc nhiệm vụ năm {year.year}."
            )
        default = EXCELLENT_MEMBER.format(year=year.year)
    else:
        rated = CellRating.objects.filter(year=year, cell=cell, level=RatingLevel.EXCELLENT)
        if commendation.level == CommendationLevel.OWN:
            rated = rated.filter(exemplary=True)
        if not rated.exists():
            raise ValidationError(
                f"{cell.name} không phải chi bộ hoàn thành xuất sắc nhiệm vụ"
                f"{' tiêu biểu' if commendation.level == CommendationLevel.OWN else ''} "
                f"năm {year.year}."
            )
        default = EXEMPLARY_CELL.format(year=year.year)
    line = CommendationLine(
        commendation=commendation, member=member, cell=cell, title=title.strip() or default
    )
    line._history_user = user
    try:
        with transaction.atomic():
            line.save()
    except IntegrityError as error:
        raise ValidationError(f"{member or cell} đã có trong danh sách.") from error
    return line


@transaction.atomic
def commendation_line_remove(*, line: CommendationLine, user=None) -> None:
    _draft(line.commendation)
    line._history_user = user
    line.delete()


def _check_date(day: date, *, after: date, what: str, today: date) -> None:
    if day > today:
        raise ValidationError({"on": f"{what} không được ở tương lai."})
    if day < after:
        raise ValidationError({"on": f"{what} phải từ ngày {_d(after)} trở đi."})


@transaction.atomic
def commendation_issue(
    *, commendation: Commendation, on: date, user=None, today: date | None = None
) -> Commendation:
    """Issue the committee's own decision: its number of the term, its date, and from then its
    list is on the members' and cells' pages."""
    commendation = _draft(commendation)
    if commendation.level != CommendationLevel.OWN:
        raise ValidationError("Đề nghị cấp trên khen thưởng được trình, không ban hành.")
    return _number(commendation, on, DECISION_TYPE, CommendationState.ISSUED, user, today)


@transaction.atomic
def commendation_submit(
    *, commendation: Commendation, on: date, user=None, today: date | None = None
) -> Commendation:
    """Submit a proposal to the higher committee: the tờ trình's number of the term and date."""
    commendation = _draft(commendation)
    if commendation.level != CommendationLevel.HIGHER:
        raise ValidationError("Quyết định khen thưởng của Đảng ủy được ban hành, không trình.")
    return _number(commendation, on, SUBMISSION_TYPE, CommendationState.SUBMITTED, user, today)


def _number(commendation, on, type_code, state, user, today) -> Commendation:
    locked_on = commendation.year.locked_at
    _check_date(
        on,
        after=clock.local_day(locked_on) if locked_on else date(commendation.year.year, 1, 1),
        what="Ngày văn bản (từ ngày duyệt xếp loại)",
        today=today or clock.today(),
    )
    if not commendation.lines.exists():
        raise ValidationError("Danh sách khen thưởng chưa có ai.")
    commendation.number, commendation.term_name = next_document_number(type_code=type_code, day=on)
    commendation.dated, commendation.state = on, state
    commendation._history_user = user
    commendation.save()
    return commendation


@transaction.atomic
def commendation_record_decision(
    *,
    commendation: Commendation,
    number: str,
    on: date,
    decided_by: str = "",
    user=None,
    today: date | None = None,
) -> Commendation:
    """Record the higher committee's decision on a proposal (its number and date)."""
    commendation = Commendation.objects.select_for_update().get(pk=commendation.pk)
    if commendation.state != CommendationState.SUBMITTED:
        raise ValidationError("Chỉ ghi quyết định của cấp trên cho một đề nghị đã trình.")
    if not number.strip():
        raise ValidationError({"number": "Hãy nhập số quyết định."})
    _check_date(on, after=commendation.dated, what="Ngày quyết định", today=today or clock.today())
    commendation.decision_number = number.strip()
    commendation.decision_date = on
    commendation.decided_by = decided_by.strip()
    commendation.state = CommendationState.DECIDED
    commendation._history_user = user
    commendation.save()
    return commendation


@transaction.atomic
def commendation_delete(*, commendation: Commendation, user=None) -> None:
    commendation = _draft(commendation)
    commendation._history_user = user
    commendation.delete()
