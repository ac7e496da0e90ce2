"""Set-based reads of the register: a fixed number of queries, whatever the number of members."""

from collections.abc import Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q, QuerySet

from members.access import member_or_404, members_for, sees_personal_numbers
from members.enums import ON_ROLLS
from members.models import Member, MembershipEvent, Organisation
from members.party_age import party_age_years
from members.rules import probation_cutoffs


def probation_filter(kind: str, *, on: date) -> Q:
    """Probationary members on the rolls: all, due for recognition (12 months), overdue (24)."""
    base = Q(status__in=ON_ROLLS, official_date__isnull=True)
    due, overdue = probation_cutoffs(on=on)
    if kind == "due":
        return base & Q(admission_date__lte=due)
    if kind == "overdue":
        return base & Q(admission_date__lte=overdue)
    return base


def cells_with_counts(queryset: QuerySet[Organisation]) -> QuerySet[Organisation]:
    """Cells annotated with the members on their rolls: total, official, probationary, women."""
    on_rolls = Q(members__status__in=ON_ROLLS)
    return queryset.select_related("parent").annotate(
        member_count=Count("members", filter=on_rolls),
        official_count=Count("members", filter=on_rolls & Q(members__official_date__isnull=False)),
        probationary_count=Count(
            "members", filter=on_rolls & Q(members__official_date__isnull=True)
        ),
        women_count=Count("members", filter=on_rolls & Q(members__sex="F")),
    )


# The cell list's sortable columns ("?sort=" key -> fields; ties end with id).
CELL_LIST_SORTS = {
    "ten": ("name_sort",),
    "truc-thuoc": ("parent__name_sort", "name_sort"),
    "dang-vien": ("member_count", "name_sort"),
    "chinh-thuc": ("official_count", "name_sort"),
    "du-bi": ("probationary_count", "name_sort"),
    "nu": ("women_count", "name_sort"),
}
CELL_COUNTS = ("member_count", "official_count", "probationary_count", "women_count")


def cell_totals(cells) -> dict[str, int]:
    """The counts of `cells_with_counts()` added up over the cells listed."""
    return {key: sum(getattr(cell, key) for cell in cells) for key in CELL_COUNTS}


def party_years_today(member: Member, today: date) -> int | None:
    """Completed years of party age today (None for a probationary member)."""
    if not member.is_official:
        return None
    return party_age_years(
        start=member.party_age_start, on=today, interrupted_days=member.interrupted_days
    )


def member_list(user, filters: dict, *, today: date) -> QuerySet[Member]:
    """The user's members for the list page's filters (q, cell, status, sex), in name order: the
    scope first, then the filters, all in SQL."""
    queryset = members_for(user)
    status = filters.get("status", "")
    if status == "":
        queryset = queryset.on_rolls()
    elif status.startswith("probation"):
        kind = status.removeprefix("probation").removeprefix("_") or "all"
        queryset = queryset.filter(probation_filter(kind, on=today))
    elif status != "all":
        queryset = queryset.filter(status=status)
    if filters.get("cell"):
        queryset = queryset.filter(cell=filters["cell"])
    if filters.get("sex"):
        queryset = queryset.filter(sex=filters["sex"])
    if filters.get("q"):
        queryset = queryset.search(filters["q"], by_citizen_id=sees_personal_numbers(user))
    return queryset.in_name_order()


# The member list's sortable columns ("?sort=" key -> fields; ties end with id).
MEMBER_LIST_SORTS = {
    "ten": ("name_sort",),
    "ngay-sinh": ("date_of_birth", "name_sort"),
    "chi-bo": ("cell__name_sort", "name_sort"),
    "vao-dang": ("admission_date", "name_sort"),
    "chinh-thuc": ("official_date", "name_sort"),
    "tinh-trang": ("status", "name_sort"),
}


def list_page_members(queryset: QuerySet[Member]) -> QuerySet[Member]:
    """The members of a list with what each row prints (their cell): one query."""
    return queryset.select_related("cell")


class ListPages(Sequence):
    """A member list read a page at a time, for the paginator: the page's ids first, in the
    list's order, then those members (list_page_members). The ids of a page in name order come
    from an index alone (Member.Meta, member_list_name), so a deep page no longer reads from the
    table every member before it. Two queries a page, and the count."""

    def __init__(self, queryset: QuerySet[Member]):
        self.queryset = queryset

    def __len__(self) -> int:
        return self.queryset.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            found = self[index : index + 1] if index >= 0 else []
            if not found:
                raise IndexError("member list index out of range")
            return found[0]
        ids = list(self.queryset.values_list("pk", flat=True)[index])
        found = list_page_members(Member.objects.all()).in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]  # one deleted meanwhile is left out


def member_page(user, pk: int) -> Member:
    """A member the user may see, with every fact their page shows (one query per kind)."""
    return member_or_404(
        user,
        pk,
        members_for(user)
        .select_related("cell")
        .prefetch_related(
            Prefetch("events", queryset=MembershipEvent.objects.select_related("cell")),
            "interruptions",
            "disciplines",
            "badges",
        ),
    )


def find_member(scope: QuerySet[Member], text: str) -> Member:
    """The one member of `scope` a person typed: a card number, else words of the name;
    ValidationError (Vietnamese) when none or several match."""
    found = list(scope.filter(party_card_number=text.strip())[:2]) or list(scope.search(text)[:2])
    if len(found) != 1:
        raise ValidationError(
            f"Không tìm thấy đảng viên “{text}”."
            if not found
            else f"Có nhiều đảng viên khớp “{text}”: hãy nhập số thẻ."
        )
    return found[0]
