"""The register's enumerations, shared by its models and its pure rules (imports no models)."""

from django.db import models


class OrganisationKind(models.TextChoices):
    COMMITTEE = "committee", "Đảng bộ"
    BRANCH = "branch", "Đảng bộ bộ phận"
    CELL = "cell", "Chi bộ"


class Status(models.TextChoices):
    """Where a member stands on the rolls, derived from their facts."""

    ACTIVE = "active", "Đang sinh hoạt"
    EXEMPT = "exempt", "Miễn công tác và sinh hoạt"
    TRANSFERRED_OUT = "transferred_out", "Đã chuyển đi"
    DECEASED = "deceased", "Đã từ trần"
    STRUCK_OFF = "struck_off", "Đã xóa tên"
    EXPELLED = "expelled", "Đã khai trừ"
    LEFT = "left", "Đã ra khỏi Đảng"


ON_ROLLS = (Status.ACTIVE, Status.EXEMPT)
OFF_ROLLS = tuple(sorted(set(Status.values) - set(ON_ROLLS)))
# Statuses that end the committee's part in a member's record (badges, ratings), with the words
# that say so in a sentence ("đảng viên đã bị xóa tên").
REMOVED = {
    Status.STRUCK_OFF: "đã bị xóa tên",
    Status.EXPELLED: "đã bị khai trừ",
    Status.LEFT: "đã ra khỏi Đảng",
    Status.TRANSFERRED_OUT: "đã chuyển sinh hoạt đi khỏi Đảng bộ",
}


class Sex(models.TextChoices):
    MALE = "M", "Nam"
    FEMALE = "F", "Nữ"


class PoliticalTheory(models.TextChoices):
    ELEMENTARY = "elementary", "Sơ cấp"
    INTERMEDIATE = "intermediate", "Trung cấp"
    ADVANCED = "advanced", "Cao cấp"
    BACHELOR = "bachelor", "Cử nhân"


class EventKind(models.TextChoices):
    """The dated facts of a membership."""

    ADMITTED = "admitted", "Kết nạp"
    MADE_OFFICIAL = "made_official", "Công nhận chính thức"
    TRANSFERRED_IN = "transferred_in", "Chuyển sinh hoạt đến"
    CELL_TRANSFER = "cell_transfer", "Chuyển sinh hoạt giữa các chi bộ"
    TRANSFERRED_OUT = "transferred_out", "Chuyển sinh hoạt đi"
    EXEMPTED = "exempted", "Miễn công tác và sinh hoạt"
    EXEMPTION_ENDED = "exemption_ended", "Thôi miễn công tác và sinh hoạt"
    DIED = "died", "Từ trần"
    STRUCK_OFF = "struck_off", "Xóa tên"
    EXPELLED = "expelled", "Khai trừ"
    LEFT = "left", "Ra khỏi Đảng"
    READMITTED = "readmitted", "Kết nạp lại"
    RESTORED = "restored", "Khôi phục đảng tịch"


class InterruptionReason(models.TextChoices):
    EXPELLED = "expelled", "Bị khai trừ (sau đó kết nạp lại)"
    STRUCK_OFF = "struck_off", "Bị xóa tên (sau đó kết nạp lại)"
    LEFT = "left", "Ra khỏi Đảng (sau đó kết nạp lại)"
    LOST_CONTACT = "lost_contact", "Mất liên lạc với tổ chức đảng"
    TRANSFER_GAP = "transfer_gap", "Gián đoạn do chuyển sinh hoạt đảng"
    OTHER = "other", "Lý do khác"


class DisciplineForm(models.TextChoices):
    REPRIMAND = "reprimand", "Khiển trách"
    WARNING = "warning", "Cảnh cáo"
    REMOVAL = "removal", "Cách chức"
    EXPULSION = "expulsion", "Khai trừ"


class BadgeKind(models.TextChoices):
    """How a badge was given (DOMAIN.md §2)."""

    REGULAR = "regular", "Tặng"
    EARLY = "early", "Tặng sớm"
    POSTHUMOUS = "posthumous", "Truy tặng"
    POSTHUMOUS_EARLY = "posthumous_early", "Truy tặng sớm"


class Role(models.TextChoices):
    OFFICE = "office", "Văn phòng Đảng ủy"
    STANDING = "standing", "Ban Thường vụ"
    SECRETARY = "secretary", "Bí thư chi bộ"
    VIEWER = "viewer", "Chỉ xem"


class ImportState(models.TextChoices):
    PREVIEWED = "previewed", "Đã xem trước"
    COMMITTED = "committed", "Đã nhập"
