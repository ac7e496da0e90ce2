import sys

import pytest

from tests.factories import TODAY, UserFactory
from vusta_party import clock


@pytest.fixture
def office_user(db):
    """A committee office user: every permission."""
    return UserFactory(username="vanphong", is_staff=True, is_superuser=True)


@pytest.fixture
def plain_user(db):
    """A signed-in user without any permission."""
    return UserFactory(username="nguoixem")


@pytest.fixture
def office_client(client, office_user):
    client.force_login(office_user)
    return client


def pytest_report_header(config):
    from django.conf import settings  # noqa: PLC0415 -- settings are ready only once pytest-django ran

    database = settings.DATABASES["default"]
    return (
        f"database: {database['ENGINE'].rsplit('.', 1)[-1]} {database.get('HOST') or ''}".rstrip()
    )


@pytest.fixture
def make_user(db):
    """make_user(role, cells=()) -> a user with that role and, for a secretary, those cells."""
    from members.models import UserAccess  # noqa: PLC0415 -- app registry is ready at call time

    def make(role: str, cells=(), username=None):
        user = UserFactory(username=username or f"{role}-{UserFactory._meta.model.objects.count()}")
        access = UserAccess.objects.create(user=user, role=role)
        access.cells.set(cells)
        return user

    return make


@pytest.fixture(autouse=True)
def _pdf_only_in_slow_tests(request, monkeypatch):
    """A test that renders a PDF is marked slow (or e2e), so that `make test-fast` needs no
    WeasyPrint: here any other test that reaches WeasyPrint fails."""
    if request.node.get_closest_marker("slow") or request.node.get_closest_marker("e2e"):
        return
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # `import weasyprint` now fails


@pytest.fixture
def pinned_today(monkeypatch):
    """The app's today (vusta_party.clock) is tests.factories.TODAY for this test."""
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    return TODAY
