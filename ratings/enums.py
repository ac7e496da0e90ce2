"""The rating levels (DOMAIN.md §4), shared by the models and the pure rules."""

from django.db import models


class RatingLevel(models.TextChoices):
    EXCELLENT = "HTXSNV", "Hoàn thành xuất sắc nhiệm vụ"
    GOOD = "HTTNV", "Hoàn thành tốt nhiệm vụ"
    COMPLETED = "HTNV", "Hoàn thành nhiệm vụ"
    NOT_COMPLETED = "KHTNV", "Không hoàn thành nhiệm vụ"


class CommendationLevel(models.TextChoices):
    """Who commends: the committee itself (its decision), or the higher committee on the
    committee's proposal (a tờ trình, then the decision that comes back)."""

    OWN = "own", "Đảng ủy khen thưởng"
    HIGHER = "higher", "Đề nghị cấp trên khen thưởng"


class CommendationForm(models.TextChoices):
    CERTIFICATE = "giay_khen", "Giấy khen"
    MERIT = "bang_khen", "Bằng khen"
    BANNER = "co", "Cờ"


class CommendationState(models.TextChoices):
    DRAFT = "draft", "Đang lập danh sách"
    ISSUED = "issued", "Đã ban hành quyết định"  # the committee's own decision
    SUBMITTED = "submitted", "Đã trình cấp trên"  # a proposal, waiting for the decision
    DECIDED = "decided", "Cấp trên đã quyết định"
