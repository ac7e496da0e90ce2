"""Badge rule parameters as dated data (DOMAIN.md §1–§2): the version in force on a round date
applies. Seeded with the defaults of DOMAIN.md; the office corrects them without a code change."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from ceremonies.eligibility import RuleSet, RuleVersions
from ceremonies.enums import CLOSED_STATES, Occasion, ProposalKind, RoundState
from members.enums import DisciplineForm
from members.models import Member
from vusta_party.dated import DatedQuerySet
from vusta_party.text import ascii_int, decimal_text


def parse_milestones(text: str) -> tuple[int, ...]:
    """ "30, 40, 45" -> (30, 40, 45); a clear Vietnamese error otherwise."""
    parts = [ascii_int(part) for part in text.replace(";", ",").split(",") if part.strip()]
    if not parts or None in parts:
        raise ValidationError("Ghi các mốc là số năm, cách nhau bằng dấu phẩy, ví dụ: 30, 40, 45.")
    values = tuple(sorted(set(parts)))
    if values[0] < 1 or values[-1] > 100:
        raise ValidationError("Mốc Huy hiệu phải từ 1 đến 100 năm.")
    return values


class BadgeRules(models.Model):
    valid_from = models.DateField("Áp dụng từ ngày", unique=True)
    milestones = models.CharField(
        "Các mốc Huy hiệu (năm tuổi Đảng)",
        max_length=100,
        default=", ".join(map(str, RuleSet().milestones)),
        validators=[parse_milestones],
    )
    early_months_low = models.PositiveSmallIntegerField(
        "Tặng sớm tối đa (tháng), mốc đến", default=12
    )
    early_split = models.PositiveSmallIntegerField("… năm tuổi Đảng trở xuống", default=65)
    early_months_high = models.PositiveSmallIntegerField(
        "Tặng sớm tối đa (tháng), các mốc cao hơn", default=24
    )
    posthumous_early_months = models.PositiveSmallIntegerField(
        "Truy tặng sớm tối đa (tháng)", default=12
    )
    reprimand_delay_months = models.PositiveSmallIntegerField(
        "Hoãn xét sau khiển trách (tháng)", default=6
    )
    warning_delay_months = models.PositiveSmallIntegerField(
        "Hoãn xét sau cảnh cáo (tháng)", default=9
    )
    removal_delay_months = models.PositiveSmallIntegerField(
        "Hoãn xét sau cách chức (tháng)", default=12
    )
    legal_basis = models.CharField("Căn cứ", max_length=300)
    created_at = models.DateTimeField("Ghi lúc", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Người ghi",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = DatedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "Quy định xét Huy hiệu"
        verbose_name_plural = "Quy định xét Huy hiệu"
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"Quy định từ {self.valid_from:%d/%m/%Y}"

    def rule_set(self) -> RuleSet:
        return RuleSet(
            milestones=parse_milestones(self.milestones),
            early_months_low=self.early_months_low,
            early_months_high=self.early_months_high,
            early_split=self.early_split,
            posthumous_early_months=self.posthumous_early_months,
            discipline_delay_months={
                DisciplineForm.REPRIMAND: self.reprimand_delay_months,
                DisciplineForm.WARNING: self.warning_delay_months,
                DisciplineForm.REMOVAL: self.removal_delay_months,
            },
        )


def rule_versions() -> RuleVersions:
    """Every version of the badge rules (one query)."""
    return RuleVersions(
        tuple(
            (version.valid_from, version.rule_set())
            for version in BadgeRules.objects.order_by("valid_from")
        )
    )


def rules_on(day: date) -> RuleSet:
    """The rule set in force on a date: before the first version, the first version; the
    defaults of DOMAIN.md if the table is empty."""
    version = BadgeRules.objects.in_force(day, earliest_before_first=True)
    return version.rule_set() if version else RuleSet()


# --- bonus money: coefficients and base salary, dated (DOMAIN.md §3) ------------------------


class BaseSalary(models.Model):
    """The base salary (lương cơ sở) in force from a date."""

    valid_from = models.DateField("Áp dụng từ ngày", unique=True)
    amount = models.PositiveIntegerField("Mức lương cơ sở (đồng/tháng)")
    legal_basis = models.CharField("Căn cứ", max_length=200, blank=True)
    verified = models.BooleanField(
        "Đã đối chiếu văn bản gốc",
        default=True,
        help_text="Bỏ chọn khi mức này chỉ biết qua nguồn thứ cấp: trang Tiền thưởng ghi rõ "
        "“chưa đối chiếu văn bản gốc” cho đến khi văn phòng xác nhận.",
    )

    objects = DatedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "Lương cơ sở"
        verbose_name_plural = "Lương cơ sở"
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"{self.amount:,} đồng từ {self.valid_from:%d/%m/%Y}".replace(",", ".")


class BonusCoefficient(models.Model):
    """Coefficient × base salary = the bonus with a badge of a milestone, from a date."""

    milestone = models.PositiveSmallIntegerField("Huy hiệu (năm)")
    valid_from = models.DateField("Áp dụng từ ngày")
    coefficient = models.DecimalField("Hệ số", max_digits=5, decimal_places=2)
    legal_basis = models.CharField("Căn cứ", max_length=200, blank=True)

    objects = DatedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "Hệ số tiền thưởng"
        verbose_name_plural = "Hệ số tiền thưởng"
        ordering = ["milestone", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["milestone", "valid_from"], name="coefficient_once_per_day"
            )
        ]

    def __str__(self) -> str:
        return (
            f"Huy hiệu {self.milestone} năm: hệ số {decimal_text(self.coefficient)} "
            f"từ {self.valid_from:%d/%m/%Y}"
        )


# --- award rounds and their proposal lines (DOMAIN.md §3) -----------------------------------


class Round(models.Model):
    Occasion = Occasion
    State = RoundState

    date = models.DateField("Ngày trao tặng")
    occasion = models.CharField("Dịp", max_length=5, choices=Occasion.choices)
    title = models.CharField("Tên đợt", max_length=200, blank=True)
    deadline = models.DateField("Hạn nộp hồ sơ lên cấp trên")
    state = models.CharField(
        "Trạng thái", max_length=10, choices=State.choices, default=State.DRAFT, db_index=True
    )
    submission_number = models.PositiveIntegerField("Số tờ trình", null=True, blank=True)
    submission_date = models.DateField("Ngày tờ trình", null=True, blank=True)
    submitted_on = models.DateField("Ngày gửi cấp trên", null=True, blank=True)
    decision_number = models.CharField("Số quyết định", max_length=50, blank=True)
    decision_date = models.DateField("Ngày quyết định", null=True, blank=True)
    decided_by = models.CharField("Cấp quyết định", max_length=200, blank=True)
    held_on = models.DateField("Ngày tổ chức lễ", null=True, blank=True)
    cancel_reason = models.CharField("Lý do hủy", max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "Đợt tặng Huy hiệu"
        verbose_name_plural = "Đợt tặng Huy hiệu"
        ordering = ["-date", "-id"]
        permissions = [
            ("lock_round", "Chốt danh sách đề nghị của đợt tặng"),
            ("propose_round", "Đề nghị, loại đảng viên trong danh sách của đợt tặng"),
        ]
        constraints = [
            # §3: one round a day, besides the cancelled ones.
            models.UniqueConstraint(
                fields=["date"],
                condition=~models.Q(state="cancelled"),
                name="one_live_round_per_date",
            )
        ]

    def __str__(self) -> str:
        return self.title or f"Đợt tặng Huy hiệu Đảng ngày {self.date:%d/%m/%Y}"

    @property
    def is_open(self) -> bool:
        """Open rounds hold their members' milestones (§2: one open round per milestone)."""
        return self.state not in CLOSED_STATES


class Proposal(models.Model):
    """A member on the list of a round: a badge to propose, or a lost badge to re-issue."""

    Kind = ProposalKind

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="proposals")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="badge_proposals")
    milestone = models.PositiveSmallIntegerField("Huy hiệu (năm)")
    kind = models.CharField("Loại", max_length=16, choices=Kind.choices)
    due_date = models.DateField("Ngày đủ tuổi Đảng", null=True, blank=True)
    included = models.BooleanField("Đưa vào danh sách", default=True)
    note = models.CharField(
        "Ghi chú",
        max_length=300,
        blank=True,
        help_text="Lý do loại; lý do tặng sớm (bệnh nặng); ghi chú trên danh sách.",
    )
    old_badge_number = models.CharField("Số Huy hiệu cũ (bị mất)", max_length=30, blank=True)
    loss_statement = models.CharField("Bản tường trình", max_length=300, blank=True)
    # `live` is True while the line holds its milestone: included, in a round not cancelled.
    live = models.BooleanField(default=True, editable=False)
    badge_number = models.CharField("Số Huy hiệu", max_length=30, blank=True)
    coefficient = models.DecimalField(
        "Hệ số", max_digits=5, decimal_places=2, null=True, blank=True
    )
    base_salary = models.PositiveIntegerField("Lương cơ sở", null=True, blank=True)
    bonus = models.PositiveIntegerField("Tiền thưởng (đồng)", null=True, blank=True)
    presented_on = models.DateField("Ngày trao", null=True, blank=True)
    presented_at_home = models.BooleanField("Trao tại nhà", default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "Đảng viên trong danh sách đề nghị"
        verbose_name_plural = "Danh sách đề nghị"
        ordering = ["-milestone", "id"]
        constraints = [
            # §2/§3: a milestone is proposed to a member in one open round, and awarded once.
            models.UniqueConstraint(
                fields=["member", "milestone"],
                condition=models.Q(live=True) & ~models.Q(kind="reissue"),
                name="one_live_proposal_per_milestone",
            ),
            models.UniqueConstraint(
                fields=["round", "member", "kind"], name="member_once_per_round_kind"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} – {self.get_kind_display()} Huy hiệu {self.milestone} năm"


def open_round_lines():
    """The lines that hold a milestone in a round not yet held or cancelled (a re-issue holds
    none): what is already proposed, and so not "coming" any more."""
    lines = Proposal.objects.filter(live=True).exclude(kind=Proposal.Kind.REISSUE)
    return lines.exclude(round__state__in=CLOSED_STATES)
