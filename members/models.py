"""The register: the organisation tree, members and their dated facts (DOMAIN.md §1, DESIGN.md).

Models hold fields, constraints and small properties. Every write that carries a rule goes through
members/services.py, which keeps the cached fields of a member (status, cell, dates) in step with
its facts.
"""

from datetime import date

from django.conf import settings
from django.db import connections, models
from django.db.models import F, Q
from django.db.models.expressions import RawSQL
from simple_history.models import HistoricalRecords

from members import search_index
from members.enums import (
    OFF_ROLLS,
    ON_ROLLS,
    BadgeKind,
    DisciplineForm,
    EventKind,
    ImportState,
    InterruptionReason,
    OrganisationKind,
    PoliticalTheory,
    Role,
    Sex,
    Status,
)
from members.rules import cell_refusal
from vusta_party.text import fold, name_key, name_sort_key, nfc, normalize_spaces


class OrganisationQuerySet(models.QuerySet):
    def live(self):
        """Organisations that have not ended (by a merger or dissolution)."""
        return self.filter(ended_on__isnull=True)


class Organisation(models.Model):
    """A node of the organisation tree: the committee at the root, cells as leaves.

    A cell is a dated fact too (DOMAIN.md §5): it exists from its founding date (unknown: from the
    first day a member was on its rolls) to the day before `ended_on`, when it was merged into
    another cell (its members moved there that day) or dissolved."""

    Kind = OrganisationKind

    kind = models.CharField("Loại", max_length=12, choices=Kind.choices, default=Kind.CELL)
    name = models.CharField("Tên", max_length=200)
    parent = models.ForeignKey(
        "self",
        verbose_name="Trực thuộc",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    founded_on = models.DateField("Ngày thành lập", null=True, blank=True)
    ended_on = models.DateField(
        "Ngày sáp nhập hoặc giải thể",
        null=True,
        blank=True,
        help_text="Từ ngày này chi bộ không còn: đã sáp nhập vào chi bộ khác, hoặc giải thể.",
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name="Sáp nhập vào",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_cells",
    )
    name_sort = models.CharField(max_length=400, editable=False, db_index=True, default="")
    # The name as matched (vusta_party.text.name_key): live names are unique by it.
    name_key = models.CharField(max_length=400, editable=False, default="")

    objects = OrganisationQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["name_sort", "name_key"])

    class Meta:
        verbose_name = "Tổ chức đảng"
        verbose_name_plural = "Tổ chức đảng"
        ordering = ["name_sort", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(parent__isnull=True) | ~Q(kind="committee"),
                name="organisation_committee_is_root",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True)
                | Q(founded_on__isnull=True)
                | Q(ended_on__gt=F("founded_on")),
                name="organisation_ended_after_founded",
            ),
            models.CheckConstraint(
                condition=Q(merged_into__isnull=True)
                | (Q(ended_on__isnull=False) & ~Q(merged_into=F("id"))),
                name="organisation_merged_into_another_when_ended",
            ),
            # Two live cells (or branches) never have one name, whatever its case, spacing or
            # Unicode form (the services say so first; this holds against any other write).
            models.UniqueConstraint(
                fields=["kind", "name_key"],
                condition=Q(ended_on__isnull=True),
                name="organisation_live_name_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.fill_derived_fields()
        super().save(*args, **kwargs)

    def fill_derived_fields(self) -> None:
        """The sort key and the matching key of the name (also for bulk inserts)."""
        self.name = nfc(normalize_spaces(self.name))
        self.name_sort = fold(self.name)
        self.name_key = name_key(self.name)

    @property
    def is_cell(self) -> bool:
        return self.kind == self.Kind.CELL

    def refusal_on(self, day: date) -> str | None:
        """Why a member cannot be on this cell's rolls on `day` (before it was founded, from the
        day it ended), or None."""
        return cell_refusal(
            name=self.name,
            founded_on=self.founded_on,
            ended_on=self.ended_on,
            merged_into=self.merged_into.name if self.merged_into_id else None,
            day=day,
        )

    def name_on(self, day: date) -> str:
        """The name in force on a date (documents keep the name of their day)."""
        for old in self.former_names.all():  # oldest first
            if day <= old.used_until:
                return old.name
        return self.name


class FormerName(models.Model):
    """A name an organisation had until a date (renaming keeps old names for old documents)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="former_names"
    )
    name = models.CharField("Tên cũ", max_length=200)
    used_until = models.DateField("Dùng đến hết ngày")

    class Meta:
        verbose_name = "Tên cũ"
        verbose_name_plural = "Tên cũ"
        ordering = ["used_until"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "used_until"], name="former_name_once_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} (đến {self.used_until:%d/%m/%Y})"


class MemberQuerySet(models.QuerySet):
    def on_rolls(self):
        """The members on the rolls. On SQLite written as "not off them": its planner takes the
        index of the status for "status in (...)", then reads and sorts every member on the
        rolls instead of reading the index of a list's order a page at a time. PostgreSQL
        weighs both well, and counts "status in (...)" from the status index alone."""
        if connections[self.db].vendor == "sqlite":
            return self.exclude(status__in=OFF_ROLLS)
        return self.filter(status__in=ON_ROLLS)

    def search(self, query: str, *, by_citizen_id: bool = True):
        """Every word of the query, folded, in the folded name, card number or CCCD (§7).

        Without `by_citizen_id`, a word of digits matches the card number only, so a role that
        sees CCCD masked cannot confirm whose a number is by searching for it."""
        qs = self
        words = fold(query).split()
        for word in words:
            if word.isdigit() and not by_citizen_id:
                qs = qs.filter(party_card_number__contains=word)
            else:
                qs = qs.filter(search_text__contains=word)
        indexed = [word for word in words if len(word) >= search_index.SHORTEST]
        if indexed and search_index.available(self.db):
            # SQLite: the FTS5 trigram index finds the rows holding every long word (a card
            # number is in the search text too); the filters above, the same as on PostgreSQL,
            # then run on those rows only.
            qs = qs.filter(
                pk__in=RawSQL(
                    f"SELECT rowid FROM {search_index.TABLE} WHERE {search_index.TABLE} MATCH %s",
                    [search_index.match_expression(indexed)],
                )
            )
        return qs

    def in_name_order(self):
        return self.order_by("name_sort", "id")


# The badge app's stored dates of a member (ceremonies/milestones.py keeps them, in SQL).
BADGE_DATE_FIELDS = ("next_milestone", "next_milestone_due", "candidate_from")


# What the register-wide badge questions read of each member (ceremonies.queries.FIELDS): the
# columns of their index, first the stored date their range is read by.
BADGE_READ_FIELDS = [
    "candidate_from",
    "id",
    "full_name",
    "name_sort",
    "party_card_number",
    "cell",
    "party_age_start",
    "official_date",
    "interrupted_days",
    "status",
    "death_date",
    "seriously_ill",
    "on_hold",
    "hold_reason",
    "highest_badge",
    "next_milestone",  # what ceremonies.settled counts by
]


class Member(models.Model):
    # Identity
    full_name = models.CharField("Họ và tên", max_length=100)
    birth_name = models.CharField("Họ và tên khai sinh", max_length=100, blank=True)
    sex = models.CharField("Giới tính", max_length=1, choices=Sex.choices, blank=True)
    date_of_birth = models.DateField("Ngày sinh", null=True, blank=True)
    hometown = models.CharField("Quê quán", max_length=200, blank=True)
    ethnicity = models.CharField("Dân tộc", max_length=50, default="Kinh")
    religion = models.CharField("Tôn giáo", max_length=50, blank=True)
    citizen_id = models.CharField("Số CCCD", max_length=12, null=True, blank=True, unique=True)
    phone = models.CharField("Điện thoại", max_length=20, blank=True)
    # Background
    education = models.CharField("Giáo dục phổ thông", max_length=20, blank=True)
    qualification = models.CharField("Chuyên môn, học hàm, học vị", max_length=200, blank=True)
    political_theory = models.CharField(
        "Lý luận chính trị", max_length=12, choices=PoliticalTheory.choices, blank=True
    )
    occupation = models.CharField("Nghề nghiệp", max_length=200, blank=True)
    position = models.CharField("Chức vụ", max_length=200, blank=True)
    # Party data
    admission_date = models.DateField("Ngày vào Đảng")
    official_date = models.DateField("Ngày chính thức", null=True, blank=True)
    party_card_number = models.CharField(
        "Số thẻ đảng viên", max_length=20, null=True, blank=True, unique=True
    )
    record_number = models.CharField("Số lý lịch đảng viên", max_length=20, blank=True)
    party_age_start_override = models.DateField(
        "Ngày tính tuổi Đảng (xác nhận riêng)",
        null=True,
        blank=True,
        help_text="Chỉ dùng cho trường hợp đặc biệt (vào Đảng trước năm 1976, có quyết định riêng).",
    )
    party_age_override_reason = models.CharField(
        "Lý do xác nhận ngày tính tuổi Đảng", max_length=300, blank=True
    )
    party_age_override_basis = models.CharField("Căn cứ (văn bản)", max_length=300, blank=True)
    seriously_ill = models.BooleanField("Bệnh nặng", default=False)
    seriously_ill_reason = models.CharField("Lý do (bệnh nặng)", max_length=300, blank=True)
    on_hold = models.BooleanField("Tạm hoãn xét Huy hiệu", default=False)
    hold_reason = models.CharField("Lý do tạm hoãn", max_length=300, blank=True)
    # Cached from the facts by the services (never edited directly)
    status = models.CharField(
        "Tình trạng", max_length=16, choices=Status.choices, default=Status.ACTIVE, db_index=True
    )
    cell = models.ForeignKey(
        Organisation,
        verbose_name="Chi bộ",
        on_delete=models.PROTECT,
        related_name="members",
        limit_choices_to={"kind": Organisation.Kind.CELL},
    )
    death_date = models.DateField("Ngày từ trần", null=True, blank=True)
    left_rolls_on = models.DateField("Ngày ra khỏi danh sách", null=True, blank=True)
    interrupted_days = models.PositiveIntegerField("Số ngày gián đoạn", default=0)
    highest_badge = models.PositiveSmallIntegerField(
        "Huy hiệu cao nhất đã nhận", default=0, help_text="0: chưa nhận Huy hiệu nào."
    )
    party_age_start = models.DateField(
        "Ngày bắt đầu tính tuổi Đảng",
        editable=False,
        help_text="Ngày tính tuổi Đảng xác nhận riêng nếu có, nếu không là ngày vào Đảng.",
    )
    # The lowest milestone of any rule version above the badges held, and its due date: where the
    # whole-register badge questions start (an index). The badge app computes them and keeps them
    # in step (ceremonies/milestones.py, on members.signals.party_age_changed and on every rule
    # change); the register never computes them.
    next_milestone = models.PositiveSmallIntegerField(
        "Mốc Huy hiệu thấp nhất chưa nhận", null=True, blank=True, editable=False
    )
    next_milestone_due = models.DateField(
        "Ngày đủ tuổi Đảng của mốc thấp nhất chưa nhận", null=True, blank=True, editable=False
    )
    # The first round date at which the badge rules can find a milestone for the member (a
    # candidate, or deferred): the range the whole-register badge questions read (an index).
    # Kept by the badge app with the two above (ceremonies.eligibility.candidate_from).
    candidate_from = models.DateField(
        "Ngày sớm nhất có thể được xét Huy hiệu", null=True, blank=True, editable=False
    )
    name_sort = models.CharField(max_length=400, editable=False, default="")
    search_text = models.CharField(max_length=300, editable=False, default="")
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MemberQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=[
            "name_sort",
            "search_text",
            "updated_at",
            "party_age_start",
            *BADGE_DATE_FIELDS,
        ]
    )

    class Meta:
        verbose_name = "Đảng viên"
        verbose_name_plural = "Đảng viên"
        ordering = ["name_sort", "id"]
        permissions = [
            ("import_members", "Nhập danh sách đảng viên từ tệp"),
            ("export_members", "Xuất danh sách, sổ danh sách đảng viên"),
        ]
        indexes = [
            models.Index(fields=["cell", "name_sort"], name="member_cell_name"),
            # The member list in name order, a page at a time: the ids of a page are read from
            # this index alone (status is the list's default filter), however deep the page.
            models.Index(fields=["name_sort", "id", "status"], name="member_list_name"),
            models.Index(fields=["next_milestone_due"], name="member_next_milestone_due"),
            # The badge pre-filter: everyone whose first possible round date is on or before D,
            # read from the index alone (it holds every column the badge questions read,
            # ceremonies.queries.FIELDS): the range is thousands of rows scattered over the table.
            models.Index(fields=BADGE_READ_FIELDS, name="member_badge_read"),
            # Probationary members due for recognition (the home page, the list's filter).
            models.Index(
                fields=["admission_date"],
                condition=Q(official_date__isnull=True),
                name="member_probation",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(official_date__isnull=True) | Q(official_date__gte=F("admission_date")),
                name="member_official_after_admission",
            ),
            models.CheckConstraint(
                condition=Q(date_of_birth__isnull=True)
                | Q(death_date__isnull=True)
                | Q(death_date__gte=F("date_of_birth")),
                name="member_death_after_birth",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.fill_derived_fields()
        if not self._state.adding and kwargs.get("update_fields") is None:
            # A copy read before the badge app refreshed its stored dates (in SQL) must not write
            # its stale values back over them.
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name not in BADGE_DATE_FIELDS
            ]
        super().save(*args, **kwargs)

    def fill_derived_fields(self) -> None:
        """Fields derived from the record itself (also for bulk inserts): the start of party age
        (the staff override, else the admission date, §1), the name sort key, the search text."""
        self.party_age_start = self.party_age_start_override or self.admission_date
        self.name_sort = name_sort_key(self.full_name)
        self.search_text = " ".join(
            part
            for part in (
                fold(self.full_name),
                fold(self.birth_name) if self.birth_name else "",
                self.party_card_number or "",
                self.citizen_id or "",
            )
            if part
        )

    @property
    def is_official(self) -> bool:
        return self.official_date is not None

    @property
    def on_rolls(self) -> bool:
        return self.status in ON_ROLLS


class MembershipEvent(models.Model):
    """A dated fact of a member's membership; the member's status is derived from them."""

    Kind = EventKind

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField("Sự kiện", max_length=16, choices=Kind.choices)
    date = models.DateField("Ngày")
    cell = models.ForeignKey(
        Organisation,
        verbose_name="Chi bộ",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Chi bộ đảng viên sinh hoạt sau sự kiện.",
    )
    counterpart = models.CharField("Nơi chuyển đến / chuyển đi", max_length=200, blank=True)
    decision_number = models.CharField("Số quyết định / giấy giới thiệu", max_length=50, blank=True)
    note = models.CharField("Ghi chú", max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "Sự kiện đảng tịch"
        verbose_name_plural = "Sự kiện đảng tịch"
        ordering = ["date", "id"]
        indexes = [models.Index(fields=["kind", "date"], name="event_kind_date")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date:%d/%m/%Y}"


class Interruption(models.Model):
    """A period that does not count toward party age (§1): [start, end)."""

    Reason = InterruptionReason

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="interruptions")
    start = models.DateField("Từ ngày", help_text="Ngày đầu tiên không sinh hoạt đảng.")
    end = models.DateField("Đến ngày", help_text="Ngày trở lại sinh hoạt đảng.")
    reason = models.CharField("Lý do", max_length=16, choices=Reason.choices)
    note = models.CharField("Ghi chú", max_length=300, blank=True)
    # The re-admission that made this interruption (the time out before it): deleting that fact
    # takes the interruption with it.
    readmission = models.OneToOneField(
        MembershipEvent,
        verbose_name="Do kết nạp lại",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="readmission_interruption",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "Thời gian gián đoạn"
        verbose_name_plural = "Thời gian gián đoạn"
        ordering = ["start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="interruption_end_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.start:%d/%m/%Y}–{self.end:%d/%m/%Y}"

    @property
    def days(self) -> int:
        return (self.end - self.start).days


class Discipline(models.Model):
    Form = DisciplineForm

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="disciplines")
    form = models.CharField("Hình thức", max_length=10, choices=Form.choices)
    decision_date = models.DateField("Ngày quyết định")
    decision_number = models.CharField("Số quyết định", max_length=50, blank=True)
    issued_by = models.CharField("Cấp quyết định", max_length=200, blank=True)
    reason = models.CharField("Lý do", max_length=300, blank=True)
    correction_confirmed = models.BooleanField("Chi bộ đã xác nhận sửa chữa", default=False)
    correction_confirmed_on = models.DateField("Ngày xác nhận sửa chữa", null=True, blank=True)
    # An expulsion removes the member from the rolls by a fact of its own; deleting that fact
    # (entered by mistake) takes the expulsion with it.
    expulsion_event = models.OneToOneField(
        MembershipEvent,
        verbose_name="Sự kiện khai trừ",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="expulsion",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "Kỷ luật"
        verbose_name_plural = "Kỷ luật"
        ordering = ["decision_date", "id"]
        indexes = [models.Index(fields=["decision_date"], name="discipline_decision_date")]

    def __str__(self) -> str:
        return f"{self.get_form_display()} {self.decision_date:%d/%m/%Y}"


class Badge(models.Model):
    """A Party badge the member holds (Huy hiệu Đảng), whether recorded by hand, imported or
    awarded through a round of the badge app."""

    Kind = BadgeKind

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="badges")
    milestone = models.PositiveSmallIntegerField("Huy hiệu (năm tuổi Đảng)")
    kind = models.CharField("Loại", max_length=16, choices=Kind.choices, default=Kind.REGULAR)
    awarded_on = models.DateField("Ngày trao tặng", null=True, blank=True)
    decision_number = models.CharField("Số quyết định", max_length=50, blank=True)
    decision_date = models.DateField("Ngày quyết định", null=True, blank=True)
    badge_number = models.CharField("Số Huy hiệu", max_length=30, blank=True)
    note = models.CharField("Ghi chú", max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "Huy hiệu Đảng đã nhận"
        verbose_name_plural = "Huy hiệu Đảng đã nhận"
        ordering = ["milestone"]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "milestone"], name="badge_once_per_milestone"
            ),
            # §3: a badge number is on one live badge (a badge taken back is deleted).
            models.UniqueConstraint(
                fields=["badge_number"],
                condition=~Q(badge_number=""),
                name="badge_number_on_one_badge",
            ),
        ]

    def __str__(self) -> str:
        return f"Huy hiệu {self.milestone} năm tuổi Đảng"


class UserAccess(models.Model):
    """The role of a user and, for a cell secretary, the cells they may see."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access"
    )
    role = models.CharField("Vai trò", max_length=10, choices=Role.choices)
    cells = models.ManyToManyField(
        Organisation,
        verbose_name="Chi bộ phụ trách",
        blank=True,
        related_name="+",
        limit_choices_to={"kind": Organisation.Kind.CELL},
    )

    history = HistoricalRecords(m2m_fields=[cells])

    class Meta:
        verbose_name = "Quyền truy cập"
        verbose_name_plural = "Quyền truy cập"

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()}"


class ImportBatch(models.Model):
    """An uploaded members file: kept so the preview, the commit and the error report read the
    same bytes, and so an inspection can see who imported what."""

    State = ImportState

    file_name = models.CharField("Tên tệp", max_length=255)
    content = models.BinaryField("Nội dung")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField("Tải lên lúc", auto_now_add=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PREVIEWED)
    committed_at = models.DateTimeField("Nhập lúc", null=True, blank=True)
    summary = models.JSONField("Kết quả", default=dict, blank=True)
    # What the check of the file found (members/imports/batches.py): the counts here, each row's
    # outcome and error in ImportRowOutcome and ImportRowError; and the register version and day
    # it was checked against.
    outcome = models.JSONField("Kết quả kiểm tra", default=dict, blank=True)
    checked_version = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = "Lần nhập danh sách"
        verbose_name_plural = "Các lần nhập danh sách"
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.uploaded_at:%d/%m/%Y %H:%M})"


class ImportRowOutcome(models.Model):
    """What one row of a batch's file would do, as its last check found (the preview pages
    through these rather than reading the file again)."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="row_outcomes")
    row = models.PositiveIntegerField("Dòng")
    full_name = models.CharField("Họ và tên", max_length=200, blank=True)
    cell_name = models.CharField("Chi bộ", max_length=200, blank=True)
    action = models.CharField("Kết quả", max_length=10)  # create, update, unchanged, error
    changes = models.CharField("Thay đổi", max_length=500, blank=True)
    # The member the row matches (update, unchanged) or, once imported, created: the result page
    # links to them.
    member = models.ForeignKey(
        "Member", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "Kết quả một dòng của tệp nhập"
        verbose_name_plural = "Kết quả các dòng của tệp nhập"
        ordering = ["batch", "row"]
        indexes = [models.Index(fields=["batch", "row"], name="import_row_outcome_order")]

    def __str__(self) -> str:
        return f"Dòng {self.row}: {self.action}"


class ImportRowError(models.Model):
    """A reason a row of a batch's file cannot be imported, as its last check found."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="row_errors")
    position = models.PositiveIntegerField()  # the order of the check's report
    row = models.PositiveIntegerField("Dòng")
    column = models.CharField("Cột", max_length=50)
    value = models.TextField("Giá trị", blank=True)
    message = models.TextField("Lỗi")

    class Meta:
        verbose_name = "Lỗi một dòng của tệp nhập"
        verbose_name_plural = "Lỗi các dòng của tệp nhập"
        ordering = ["batch", "position"]
        indexes = [models.Index(fields=["batch", "position"], name="import_row_error_order")]

    def __str__(self) -> str:
        return f"Dòng {self.row}, cột {self.column}: {self.message}"


class RegisterVersion(models.Model):
    """One row whose token changes in the same transaction as any write that a whole-register
    answer depends on (members/versions.py). A token, not a counter: a restored database can
    never reuse the label of a different state."""

    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = "Phiên bản sổ đảng viên"
        verbose_name_plural = "Phiên bản sổ đảng viên"

    def __str__(self) -> str:
        return self.token
