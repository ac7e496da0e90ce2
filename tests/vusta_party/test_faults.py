"""Fault tests: a database that goes away half-way through a write leaves nothing behind."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import OperationalError
from django.test import Client
from django.urls import reverse
from simple_history.utils import bulk_create_with_history

from members import services
from members.imports import commit
from members.models import ImportBatch, Member, MembershipEvent, Organisation
from tests.factories import CellFactory, make_member
from tests.spreadsheets import xlsx_bytes

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LOST = "server closed the connection unexpectedly"


def row(name, cell, admission):
    return [name, "01/02/1950", "Nữ", None, "Cao Bằng", None, cell, admission, None]


def rows():
    # Two new members, one of them in a cell the file creates, and one update of a member.
    return [
        row("Nguyễn Thị Ánh", "Chi bộ A", "29/02/1972"),
        row("Trần Văn Bình", "Chi bộ Mới", "01/03/1975"),
        row("Lê Văn Cũ", "Chi bộ A", "01/06/1980"),
    ]


@pytest.fixture
def register():
    cell = CellFactory(name="Chi bộ A")
    make_member(
        cell=cell,
        full_name="Lê Văn Cũ",
        date_of_birth=date(1950, 2, 1),
        admission_date=date(1980, 6, 1),
        official_date=date(1981, 6, 1),
    )


def counts():
    return {
        "members": Member.objects.count(),
        "member history": Member.history.count(),
        "events": MembershipEvent.objects.count(),
        "cells": Organisation.objects.count(),
    }


@pytest.fixture
def connection_lost_after_members(monkeypatch):
    """The connection drops after the new members are written, before their facts are."""
    calls = []

    def flaky(objects, model, **kwargs):
        calls.append(model)
        if model is MembershipEvent:
            raise OperationalError(LOST)
        return bulk_create_with_history(objects, model, **kwargs)

    monkeypatch.setattr(commit, "bulk_create_with_history", flaky)
    return calls


def test_an_import_command_interrupted_half_way_leaves_nothing(
    register, tmp_path, connection_lost_after_members
):
    before = counts()
    path = tmp_path / "danh-sach.xlsx"
    path.write_bytes(xlsx_bytes(rows()))

    with pytest.raises(OperationalError, match=LOST):
        call_command("import_members", str(path))

    assert connection_lost_after_members == [Organisation, Member, MembershipEvent]  # half-way
    assert counts() == before
    assert not Organisation.objects.filter(name="Chi bộ Mới").exists()


def test_the_database_going_away_mid_request_shows_a_clear_page_and_writes_nothing(
    register, office_user, connection_lost_after_members
):
    client = Client(raise_request_exception=False)
    client.force_login(office_user)
    upload = client.post(
        reverse("office:import_upload"),
        {"file": SimpleUploadedFile("danh-sach.xlsx", xlsx_bytes(rows()))},
    )
    client.get(upload["Location"])  # the preview the user confirms
    before = counts()

    response = client.post(upload["Location"])

    assert response.status_code == 500
    page = response.content.decode()
    assert "Hệ thống đang gặp lỗi" in page
    assert "hồ sơ không bị ghi dở" in page
    assert counts() == before
    assert ImportBatch.objects.get().state == ImportBatch.State.PREVIEWED


def test_a_fact_whose_member_cannot_be_saved_is_not_recorded(register, monkeypatch):
    member = Member.objects.get()
    before = counts()

    events_seen = []

    def lost(*args, **kwargs):
        events_seen.append(MembershipEvent.objects.count())
        raise OperationalError(LOST)

    # The event row is written first; the connection drops when the member's cache is saved.
    monkeypatch.setattr(Member, "save", lost)
    with pytest.raises(OperationalError):
        services.fact_record(
            member=member,
            kind=MembershipEvent.Kind.TRANSFERRED_OUT,
            day=date(2020, 1, 1),
            counterpart="Đảng ủy Bộ Y tế",
        )

    assert events_seen == [before["events"] + 1]  # the event was written, then lost with the rest
    assert counts() == before
