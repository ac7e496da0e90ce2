"""The audit log and the sign-in log: newest first, sortable by a whitelisted column, with page
numbers and a page size that keep the tab and the sort, in a fixed number of queries."""

from datetime import UTC, datetime, timedelta

import pytest
from axes.models import AccessLog
from django.urls import reverse

from members import services
from office.models import AuditEvent
from tests.factories import make_member

pytestmark = pytest.mark.django_db
START = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def events(*rows):
    """Audit events (username, minutes after START), dated as given (auto_now_add overridden)."""
    for username, minutes in rows:
        event = AuditEvent.objects.create(username=username, action="download", subject="x")
        AuditEvent.objects.filter(pk=event.pk).update(at=START + timedelta(minutes=minutes))


def sign_ins(*rows):
    for username, ip, minutes in rows:
        log = AccessLog.objects.create(username=username, ip_address=ip, user_agent="Firefox")
        AccessLog.objects.filter(pk=log.pk).update(attempt_time=START + timedelta(minutes=minutes))


def test_the_events_tab_is_newest_first_and_sorts_by_account(office_client):
    events(("thuky", 5), ("admin", 1), ("vanphong", 9), ("admin", 7))
    url = reverse("office:audit_log")

    newest = office_client.get(url, {"loai": "su-kien"})
    oldest = office_client.get(url, {"loai": "su-kien", "sort": "thoi-gian"})
    by_account = office_client.get(url, {"loai": "su-kien", "sort": "tai-khoan"})
    by_account_down = office_client.get(url, {"loai": "su-kien", "sort": "-tai-khoan"})

    def rows(response):
        return [
            (e.username, int((e.at - START).total_seconds() // 60))
            for e in response.context["rows"]
        ]

    assert rows(newest) == [("vanphong", 9), ("admin", 7), ("thuky", 5), ("admin", 1)]
    assert rows(oldest) == [("admin", 1), ("thuky", 5), ("admin", 7), ("vanphong", 9)]
    assert rows(by_account) == [("admin", 1), ("admin", 7), ("thuky", 5), ("vanphong", 9)]
    assert rows(by_account_down) == [("vanphong", 9), ("thuky", 5), ("admin", 7), ("admin", 1)]
    html = newest.content.decode()
    assert 'href="?loai=su-kien&amp;sort=thoi-gian" aria-sort="descending">Thời gian ▼</a>' in html


def test_the_changes_tab_pages_keep_the_tab_and_the_sort(office_client):
    member = make_member(full_name="Nguyễn Văn An")
    for n in range(30):
        services.member_update(
            member=member, values={"hometown": f"Quê {n:02d}"}, expected_version=member.version
        )
        member.refresh_from_db()
    url = reverse("office:audit_log")

    first = office_client.get(url, {"loai": "member", "sort": "thoi-gian", "per": "25"})
    second = office_client.get(
        url, {"loai": "member", "sort": "thoi-gian", "per": "25", "page": "2"}
    )

    assert first.context["page"].numbers == [1, 2]
    html = first.content.decode()
    assert 'href="?loai=member&amp;sort=thoi-gian&amp;per=25&amp;page=2">2</a>' in html
    assert [row.action for row in first.context["rows"]][:2] == ["Tạo mới", "Sửa"]
    assert [c.after for c in second.context["rows"][-1].changes] == ["Quê 29"]
    assert len(second.context["rows"]) == 6


def test_the_sign_in_log_is_newest_first_and_sorts_by_account_and_address(office_client):
    sign_ins(("thuky", "10.0.0.9", 3), ("admin", "10.0.0.2", 1), ("vanphong", "10.0.0.5", 2))
    url = reverse("office:sign_in_log")

    def rows(response):
        # The office's own sign-in (now, from the test client) is left out.
        return [
            log.username
            for log in response.context["page"].object_list
            if log.attempt_time < START + timedelta(days=1)
        ]

    assert rows(office_client.get(url)) == ["thuky", "vanphong", "admin"]
    assert rows(office_client.get(url, {"sort": "thoi-gian"})) == ["admin", "vanphong", "thuky"]
    assert rows(office_client.get(url, {"sort": "tai-khoan"})) == ["admin", "thuky", "vanphong"]
    assert rows(office_client.get(url, {"sort": "-ip"})) == ["thuky", "vanphong", "admin"]
    assert rows(office_client.get(url, {"sort": "-id"})) == ["thuky", "vanphong", "admin"]
    assert len(office_client.get(url).context["page"].object_list) == 4


@pytest.mark.parametrize("count", [1, 4])
def test_the_sorted_events_tab_takes_the_same_queries(
    office_client, count, django_assert_num_queries
):
    events(*((f"u{n}", n) for n in range(count)))

    # session, user, count, the page, committee profile
    with django_assert_num_queries(5):
        response = office_client.get(
            reverse("office:audit_log"), {"loai": "su-kien", "sort": "tai-khoan", "per": "25"}
        )
    assert len(response.context["rows"]) == count
