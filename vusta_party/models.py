"""Settings of the installation that documents print: the committee profile, with its history,
the register of document numbers, and the long documents made in the background."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from vusta_party.dated import DatedQuerySet


class DocumentLayout(models.Model):
    """A layout profile of party documents (thể thức văn bản, DOMAIN.md §6): margins, the subject
    line, the recipients and signature styles. Two ship (HD 36-HD/VPTW 2018, HD 05-HD/VPTW 2026 as
    reported); the office corrects them and chooses, in the committee profile, which is in force
    from which date."""

    code = models.SlugField("Mã", max_length=20, unique=True)
    name = models.CharField("Tên", max_length=120)
    legal_basis = models.CharField("Căn cứ", max_length=300)
    verified = models.BooleanField(
        "Đã đối chiếu văn bản gốc",
        default=True,
        help_text="Bỏ chọn khi thể thức chỉ biết qua nguồn thứ cấp.",
    )
    margin_top = models.PositiveSmallIntegerField("Lề trên (mm)")
    margin_bottom = models.PositiveSmallIntegerField("Lề dưới (mm)")
    margin_left = models.PositiveSmallIntegerField("Lề trái (mm)")
    margin_right = models.PositiveSmallIntegerField("Lề phải (mm)")
    subject_prefix = models.CharField(
        "Trích yếu của công văn bắt đầu bằng",
        max_length=20,
        help_text="Ví dụ: V/v (HD 36-HD/VPTW), Về việc (HD 05-HD/VPTW).",
    )
    recipients_underlined = models.BooleanField("Gạch chân “Nơi nhận:”", default=True)
    signer_title_bold = models.BooleanField("Chức vụ người ký in đậm", default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "Thể thức văn bản"
        verbose_name_plural = "Thể thức văn bản"
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(margin_top__lte=60, margin_bottom__lte=60, margin_left__lte=60)
                & models.Q(margin_right__lte=60),
                name="document_layout_margins_at_most_60mm",
            )
        ]

    def __str__(self) -> str:
        return self.name


class CommitteeProfile(models.Model):
    """One version of the committee's names, place, symbol, term and signer (DOMAIN.md §6).

    A change is a new version from a date, so a document keeps the names in force on its date.
    """

    valid_from = models.DateField("Áp dụng từ ngày", unique=True)
    higher_committee_name = models.CharField(
        "Tên cấp ủy cấp trên trực tiếp",
        max_length=200,
        help_text="Dòng thứ nhất của tiêu đề bên trái, ví dụ: ĐẢNG BỘ MẶT TRẬN TỔ QUỐC, "
        "CÁC ĐOÀN THỂ TRUNG ƯƠNG.",
    )
    committee_name = models.CharField(
        "Tên cấp ủy ban hành",
        max_length=200,
        help_text="Dòng in đậm của tiêu đề bên trái, ví dụ: ĐẢNG ỦY LIÊN HIỆP CÁC HỘI KH&KT VIỆT NAM.",
    )
    higher_committee_text = models.CharField(
        "Tên cấp ủy cấp trên trong câu văn",
        max_length=200,
        blank=True,
        help_text="Viết thường như trong câu, ví dụ: Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương.",
    )
    committee_text = models.CharField(
        "Tên cấp ủy trong câu văn",
        max_length=200,
        blank=True,
        help_text="Ví dụ: Đảng ủy Liên hiệp các Hội KH&KT Việt Nam.",
    )
    place_name = models.CharField(
        "Địa danh", max_length=100, help_text="Dùng ở dòng ngày tháng, ví dụ: Hà Nội."
    )
    document_symbol = models.CharField(
        "Ký hiệu cơ quan ban hành",
        max_length=20,
        help_text="Phần sau dấu gạch chéo của số văn bản, ví dụ: ĐU (Số 12-BC/ĐU).",
    )
    term_name = models.CharField("Nhiệm kỳ", max_length=40, help_text="Ví dụ: 2025–2030.")
    term_start = models.DateField(
        "Nhiệm kỳ bắt đầu từ ngày", help_text="Số văn bản bắt đầu lại từ 01 ở mỗi nhiệm kỳ."
    )
    signer_authority = models.CharField(
        "Thẩm quyền ký", max_length=60, help_text="Ví dụ: T/M ĐẢNG ỦY."
    )
    signer_title = models.CharField("Chức vụ người ký", max_length=60, help_text="Ví dụ: BÍ THƯ.")
    signer_name = models.CharField(
        "Họ và tên người ký",
        max_length=100,
        blank=True,
        help_text="Để trống nếu chưa rõ: văn bản chừa chỗ để ghi tay.",
    )
    layout = models.ForeignKey(
        DocumentLayout,
        verbose_name="Thể thức văn bản",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Văn bản ghi ngày từ ngày áp dụng trở đi in theo thể thức này.",
    )
    created_at = models.DateTimeField("Ghi lúc", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Người ghi",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    # A date before the first version gets the first version: the oldest names known.
    objects = DatedQuerySet.as_manager()

    class Meta:
        verbose_name = "Thông tin cấp ủy"
        verbose_name_plural = "Thông tin cấp ủy"
        ordering = ["-valid_from"]
        # A letter under the committee's letterhead, with any text: the office's (no role is
        # granted it, vusta_party/permissions.py).
        permissions = [("print_letter", "In công văn của Đảng ủy")]

    def __str__(self) -> str:
        return f"{self.committee_name} (từ {self.valid_from:%d/%m/%Y})"


class DocumentCounter(models.Model):
    """The last number given to a document type within a committee term (DOMAIN.md §6:
    numbers restart at 01 per document type per term, not per calendar year)."""

    type_code = models.CharField("Loại văn bản", max_length=10)
    term_name = models.CharField("Nhiệm kỳ", max_length=40)
    last_number = models.PositiveIntegerField("Số đã cấp gần nhất", default=0)

    class Meta:
        verbose_name = "Sổ đăng ký số văn bản"
        verbose_name_plural = "Sổ đăng ký số văn bản"
        constraints = [
            models.UniqueConstraint(fields=["type_code", "term_name"], name="counter_per_type_term")
        ]

    def __str__(self) -> str:
        return f"{self.type_code} nhiệm kỳ {self.term_name}: {self.last_number}"


class KeptDocument(models.Model):
    """A long document made in the background and kept until the data it shows changes
    (vusta_party/background.py): one row per request (the document and its parameters) and data
    fingerprint, so a second click finds the first and asking again is instant."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Đang chờ tạo"
        RUNNING = "running", "Đang tạo"
        READY = "ready", "Đã xong"
        FAILED = "failed", "Không tạo được"

    # The link to the document: not guessable, and the views still check who asks.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField("Loại tài liệu", max_length=40)
    request_key = models.CharField(max_length=64)  # the kind and its parameters, hashed
    fingerprint = models.CharField(max_length=64)  # the version of the data it shows, hashed
    params = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    step = models.CharField("Đang làm", max_length=100, blank=True)
    filename = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    content = models.BinaryField(null=True, editable=False)
    error = models.TextField(blank=True)
    requested_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True)
    finished_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = "Tài liệu tạo nền"
        verbose_name_plural = "Tài liệu tạo nền"
        constraints = [
            models.UniqueConstraint(
                fields=["request_key", "fingerprint"], name="kept_document_once_per_data"
            )
        ]
        indexes = [models.Index(fields=["kind", "status", "finished_at"])]

    def __str__(self) -> str:
        return f"{self.kind} ({self.get_status_display()})"
