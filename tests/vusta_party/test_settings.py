import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import get_format


def _run(command, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    environment["DJANGO_SETTINGS_MODULE"] = "vusta_party.settings"  # not the tests' settings
    environment.update(env)
    return subprocess.run(
        command,
        env=environment,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def _import_settings(**env):
    return _run(
        [
            sys.executable,
            "-c",
            "import vusta_party.settings as s; print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.SECURE_HSTS_SECONDS)",
        ],
        **env,
    )


def test_serving_without_a_secret_key_is_refused_when_debug_is_off():
    result = _run([sys.executable, "-c", "import vusta_party.wsgi"], DEBUG="0")

    assert result.returncode != 0
    assert "SECRET_KEY must be set to serve the app with DEBUG off." in result.stderr


@pytest.mark.parametrize("secret_key", [None, ""])  # unset, or empty as in .env.example
def test_management_commands_run_without_a_secret_key(secret_key):
    env = {"DEBUG": "0"} if secret_key is None else {"DEBUG": "0", "SECRET_KEY": secret_key}
    result = _run([sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"], **env)

    assert (result.returncode, result.stdout) == (0, "No changes detected\n")


def test_the_wsgi_app_starts_with_a_secret_key():
    result = _run(
        [sys.executable, "-c", "import vusta_party.wsgi as w; print(callable(w.application))"],
        DEBUG="0",
        SECRET_KEY="x" * 60,
    )

    assert (result.returncode, result.stdout) == (0, "True\n")


def test_production_settings_turn_on_secure_cookies_and_hsts():
    result = _import_settings(DEBUG="0", SECRET_KEY="x" * 60)

    assert result.stdout.split() == ["False", "True", "31536000"]


def test_vietnamese_locale_and_timezone():
    assert (settings.LANGUAGE_CODE, settings.TIME_ZONE) == ("vi", "Asia/Ho_Chi_Minh")


def test_dates_are_shown_and_parsed_as_dd_mm_yyyy():
    rendered = Template('{{ day|date:"SHORT_DATE_FORMAT" }} {{ day }}').render(
        Context({"day": timezone.datetime(2024, 2, 29).date()})
    )

    assert rendered == "29/02/2024 29/02/2024"
    assert get_format("DATE_INPUT_FORMATS")[0] == "%d/%m/%Y"


@pytest.mark.django_db
def test_every_page_says_which_scripts_and_frames_it_allows(office_client):
    response = office_client.get(reverse("reports:dashboard"))

    assert response["Content-Security-Policy"] == (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
        "base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_an_idle_session_ends_at_its_next_request(office_client, monkeypatch, settings):
    settings.SESSION_IDLE_MINUTES = 60
    clock = [1_000_000.0]
    monkeypatch.setattr("vusta_party.security.now", lambda: clock[0])
    assert office_client.get(reverse("reports:dashboard")).status_code == 200
    stamped = office_client.session["last_seen"]

    clock[0] += 30  # within a minute: the session is not written again
    assert office_client.get(reverse("reports:dashboard")).status_code == 200
    assert office_client.session["last_seen"] == stamped
    clock[0] = stamped + 60 * 60  # exactly the idle limit since the stamp: still signed in
    assert office_client.get(reverse("reports:dashboard")).status_code == 200
    assert office_client.session["last_seen"] == clock[0]
    clock[0] += 60 * 60 + 1

    response = office_client.get(reverse("members:member_list"), follow=True)

    assert response.redirect_chain == [
        (f"{reverse('login')}?next={reverse('members:member_list')}", 302)
    ]
    assert [str(m) for m in response.context["messages"]] == [
        "Phiên làm việc đã kết thúc sau 60 phút không thao tác. Hãy đăng nhập lại."
    ]
    assert office_client.get(reverse("reports:dashboard")).status_code == 302
