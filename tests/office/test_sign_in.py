"""Login throttling (django-axes) and the office's sign-in log."""

import pytest
from axes.models import AccessAttempt, AccessLog
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.clients import sign_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-thu-nghiem"


def test_five_wrong_passwords_lock_the_account_on_that_address_only(client, settings):
    settings.AXES_FAILURE_LIMIT = 5
    UserFactory(username="thuky")
    for _ in range(4):
        response = sign_in(client, "thuky", "sai")
        assert response.status_code == 200
        assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()

    locked = sign_in(client, "thuky", "sai")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Tạm khóa đăng nhập" in page
    assert "đã nhập sai mật khẩu 5 lần" in page
    assert "Xin thử lại sau 30 phút" in page

    # The right password is refused too while the lock lasts ...
    assert sign_in(client, "thuky", PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session
    # ... but only for that username from that address.
    other_address = sign_in(client, "thuky", PASSWORD, address="10.0.0.8")
    assert other_address.status_code == 302
    assert other_address["Location"] == reverse("reports:dashboard")


def test_a_successful_sign_in_clears_the_failures_and_is_logged(client):
    UserFactory(username="thuky")
    sign_in(client, "thuky", "sai")
    sign_in(client, "thuky", "sai")
    assert AccessAttempt.objects.get(username="thuky").failures_since_start == 2

    assert sign_in(client, "thuky", PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username="thuky").exists()
    assert list(AccessLog.objects.values_list("username", "ip_address", "user_agent")) == [
        ("thuky", "10.0.0.7", "Trình duyệt thử")
    ]


def test_the_office_sees_sign_ins_and_failures_and_can_unlock(client, office_user, settings):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(username="thuky")
    UserFactory(username="xem")
    sign_in(client, "xem", PASSWORD, address="10.0.0.9")
    client.logout()
    for _ in range(3):
        sign_in(client, "thuky", "sai")
    sign_in(client, "khongco", "sai", address="10.0.0.5")

    client.force_login(office_user)
    page = client.get(reverse("office:sign_in_log")).content.decode()
    assert "Đang tạm khóa" in page
    assert page.count("Đang tạm khóa") == 1  # only thuky; khongco has one failure
    for cell in (
        "<td>khongco</td>",
        "<td>10.0.0.5</td>",
        '<td data-label="Tài khoản">xem</td>',
        '<td data-label="Địa chỉ IP">10.0.0.9</td>',
    ):
        assert cell in page

    locked = AccessAttempt.objects.get(username="thuky")
    response = client.post(reverse("office:sign_in_unlock", args=[locked.pk]), follow=True)
    assert "Đã mở khóa đăng nhập cho tài khoản thuky từ 10.0.0.7." in response.content.decode()
    assert not AccessAttempt.objects.filter(username="thuky").exists()

    client.logout()
    assert sign_in(client, "thuky", PASSWORD).status_code == 302


def test_only_the_office_may_unlock(client, make_user):
    attempt = AccessAttempt.objects.create(
        username="thuky", ip_address="10.0.0.7", failures_since_start=5, user_agent="x"
    )
    client.force_login(make_user("standing"))
    response = client.post(reverse("office:sign_in_unlock", args=[attempt.pk]))
    assert response.status_code == 403
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()


def test_the_sign_in_log_takes_the_same_queries_for_few_and_many_rows(office_client):
    def queries_with(count):
        start = AccessLog.objects.count()
        for n in range(start, start + count):
            AccessLog.objects.create(username=f"u{n}", ip_address="10.0.0.1", user_agent="x")
            AccessAttempt.objects.create(
                username=f"u{n}", ip_address="10.0.0.1", user_agent="x", failures_since_start=1
            )
        with CaptureQueriesContext(connection) as captured:
            assert office_client.get(reverse("office:sign_in_log")).status_code == 200
        return len(captured)

    assert queries_with(2) == queries_with(20)
