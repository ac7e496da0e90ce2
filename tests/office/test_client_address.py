"""Behind the nginx the README recommends, each user has their own address (issue 16, finding 6):
the lockout of five wrong passwords and the audit trail see the browser, not the proxy; and a
header a browser sends itself is never believed."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from office.models import AuditEvent
from tests.factories import PASSWORD, UserFactory
from vusta_party.security import client_address

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"


def sign_in_through(client, username, password, forwarded, remote=PROXY):
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=remote,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


@pytest.mark.parametrize(
    ("proxies", "forwarded", "address"),
    [
        (0, "10.0.0.7", PROXY),  # no proxy trusted: the header is anyone's word
        (1, "10.0.0.7", "10.0.0.7"),
        (1, "1.2.3.4, 10.0.0.7", "10.0.0.7"),  # the browser wrote 1.2.3.4 itself
        (2, "1.2.3.4, 10.0.0.7, 192.168.1.1", "10.0.0.7"),
        (2, "10.0.0.7", PROXY),  # shorter than the proxies: not believed
        (1, "", PROXY),
        (1, "unknown", PROXY),
        (1, " 2001:db8::7 ", "2001:db8::7"),
    ],
)
def test_the_address_is_the_one_the_outermost_trusted_proxy_saw(
    settings, proxies, forwarded, address
):
    settings.TRUSTED_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)

    assert client_address(request) == address


def test_behind_one_proxy_five_wrong_passwords_lock_out_only_their_address(client, settings):
    settings.TRUSTED_PROXIES = 1
    UserFactory(username="thuky")
    for _ in range(5):
        sign_in_through(client, "thuky", "sai", forwarded="10.0.0.66")

    attacker = sign_in_through(client, "thuky", PASSWORD, forwarded="10.0.0.66")
    user = sign_in_through(client, "thuky", PASSWORD, forwarded="10.0.0.7")

    assert attacker.status_code == 429
    assert user.status_code == 302


def test_without_trusted_proxies_a_forged_header_does_not_dodge_the_lockout(client, settings):
    settings.TRUSTED_PROXIES = 0
    UserFactory(username="thuky")
    for n in range(5):
        sign_in_through(client, "thuky", "sai", forwarded=f"10.0.1.{n}", remote="10.0.0.66")

    again = sign_in_through(client, "thuky", PASSWORD, forwarded="10.0.2.1", remote="10.0.0.66")

    assert again.status_code == 429


def test_the_audit_trail_records_the_users_address_behind_the_proxy(client, settings):
    settings.TRUSTED_PROXIES = 1
    UserFactory(username="thuky", is_superuser=True)
    sign_in_through(client, "thuky", PASSWORD, forwarded="10.0.0.7")

    client.get(
        reverse("members:register_export"), REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="10.0.0.7"
    )

    assert list(AuditEvent.objects.values_list("username", "ip_address")) == [("thuky", "10.0.0.7")]
