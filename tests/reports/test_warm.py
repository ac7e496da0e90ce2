"""The whole-register answers are computed before serving (reports/warm.py, gunicorn.conf.py)."""

import importlib.util
import logging
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections
from django.urls import reverse

from reports.warm import warm_remembered_answers
from tests.factories import CellFactory, make_member

pytestmark = pytest.mark.django_db


def test_warmed_answers_serve_the_first_visitors_without_reading_the_register(
    office_client, django_assert_num_queries
):
    make_member(cell=CellFactory(), full_name="Nguyễn Văn An")
    warm_remembered_answers()

    # session, user, register version, the cells of the filter, committee profile
    with django_assert_num_queries(5):
        office_client.get(reverse("ceremonies:index"))
    # session, user, register version, last report, committee profile
    with django_assert_num_queries(5):
        home = office_client.get(reverse("reports:dashboard"))

    assert home.context["on_rolls"] == 1


def load_gunicorn_conf():
    path = Path(settings.BASE_DIR) / "gunicorn.conf.py"
    spec = importlib.util.spec_from_file_location("gunicorn_conf", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Server:
    log = logging.getLogger("gunicorn-test")


def test_gunicorn_preloads_warms_and_closes_the_connections_before_forking(
    office_client, django_assert_num_queries, monkeypatch
):
    conf = load_gunicorn_conf()
    closed = []
    monkeypatch.setattr(connections, "close_all", lambda: closed.append(True))

    conf.when_ready(Server())

    assert conf.preload_app is True
    assert closed == [True]  # each worker opens its own connection
    with django_assert_num_queries(5):
        office_client.get(reverse("ceremonies:index"))


def test_a_failure_to_warm_does_not_stop_the_server(monkeypatch, caplog):
    conf = load_gunicorn_conf()

    def broken():
        raise RuntimeError("database away")

    monkeypatch.setattr("reports.warm.warm_remembered_answers", broken)
    monkeypatch.setattr(connections, "close_all", lambda: None)
    conf.when_ready(Server())

    assert "Could not compute the remembered answers before serving." in caplog.text
