"""Browser tests: Playwright for Python driving Debian's Chromium against the live test server.

Screenshots are kept in test-artifacts/ (ignored by git) so that a person can look at them.
"""

import io
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from demo.management.commands.create_demo_user import DEMO_PASSWORD

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# there (arranging data) are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "1")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"


@pytest.fixture(scope="session")
def browser(django_db_setup, django_db_blocker):
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 -- only browser tests need it

    if not Path(CHROMIUM).is_file():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package.")
    # The rows the migrations seed, as Django serialized them when it made the test database.
    # Playwright's event loop gives this thread a context of its own, where Django's
    # connection is a new object without them: hand them over, so that the serialized rollback
    # of every transactional test that follows still puts them back after a flush.
    seeded = getattr(connection, "_test_serialized_contents", None)
    with sync_playwright() as playwright:
        if seeded is not None:
            connection._test_serialized_contents = seeded
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="vi-VN", viewport={"width": 1366, "height": 900}
    )
    page = context.new_page()
    # Generous: a page that prints a PDF (issuing a report) takes seconds on a busy 2-core CI.
    page.set_default_timeout(40_000)
    blocked = []  # what the Content-Security-Policy refused: each is a broken part of a page
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()
    assert blocked == []


@pytest.fixture
def screenshot(request, page):
    """screenshot("step") saves test-artifacts/<test name>-<step>.png of the whole page."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(step: str) -> Path:
        path = ARTIFACTS / f"{request.node.name}-{step}.png"
        page.screenshot(path=path, full_page=True)
        return path

    return take


@pytest.fixture
def demo_user(transactional_db):
    from django.core.management import call_command  # noqa: PLC0415 -- needs the test database

    call_command("create_demo_user", stdout=io.StringIO())
    return "demo", DEMO_PASSWORD


@pytest.fixture
def signed_in_page(page, demo_user):
    username, password = demo_user
    page.goto("/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/")
    return page
