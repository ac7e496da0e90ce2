"""What every page of the site frame needs: the navigation and the committee's name."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

from vusta_party import clock
from vusta_party.models import CommitteeProfile


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str | None  # None: the section is not part of this installation yet
    active: bool


# (label, URL name, URL prefix that marks the section as active)
NAVIGATION = (
    ("Đảng viên", "members:member_list", "/dang-vien/"),
    ("Chi bộ", "members:cell_list", "/chi-bo/"),
    ("Huy hiệu Đảng", "ceremonies:index", "/huy-hieu/"),
    ("Xếp loại", "ratings:rating_index", "/xep-loai/"),
    ("Báo cáo", "reports:index", "/bao-cao/"),
)


def _nav_items(path: str) -> tuple[NavItem, ...]:
    items = []
    for label, url_name, prefix in NAVIGATION:
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            url = None
        items.append(NavItem(label=label, url=url, active=path.startswith(prefix)))
    return tuple(items)


def site(request):
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    profile = CommitteeProfile.objects.in_force(clock.today(), earliest_before_first=True)
    return {
        "nav_items": _nav_items(request.path),
        "committee_name": profile.committee_name if profile else "",
    }
