"""A database made by the migrations before the re-cut of the apps upgrades with its rows: the
ratings, the audit events and the accounts' history keep every row under their new apps."""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from members import models as register
from office.models import AuditEvent
from ratings.models import CellRating, MemberRating, RatingYear

BEFORE_THE_RECUT = [
    ("members", "0010_user_history"),
    ("ceremonies", "0004_default_bonus_tables"),
    ("reports", "0001_initial"),
    ("vusta_party", "0006_audit_event"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_database_from_before_the_recut_upgrades_with_its_rows():
    old = _migrate(BEFORE_THE_RECUT)
    try:
        # (get_or_create: an earlier transactional test may have flushed the migration's root)
        root, _ = old.get_model("members", "Organisation").objects.get_or_create(
            kind="committee", defaults={"name": "Đảng bộ", "name_sort": "dang bo"}
        )
        cell = old.get_model("members", "Organisation").objects.create(
            kind="cell", name="Chi bộ A", parent=root, name_sort="chi bo a"
        )
        member = old.get_model("members", "Member").objects.create(
            full_name="Nguyễn Văn An",
            sex="M",
            admission_date=date(1990, 5, 19),
            party_age_start=date(1990, 5, 19),
            cell=cell,
        )
        year = old.get_model("members", "RatingYear").objects.create(
            year=2025, late_admission_from=date(2025, 7, 1), locked=True
        )
        old.get_model("members", "MemberRating").objects.create(
            year=year, member=member, cell=cell, level="HTXSNV", score=95
        )
        old.get_model("members", "CellRating").objects.create(year=year, cell=cell, level="HTTNV")
        old.get_model("vusta_party", "AuditEvent").objects.create(
            username="vanphong", action="download", subject="so-danh-sach.pdf"
        )
        # Content types as the old apps had them (a permission given on ratings points there).
        ContentType.objects.filter(app_label="ratings", model="memberrating").delete()
        ContentType.objects.create(app_label="members", model="memberrating")
    finally:
        _migrate(_latest())

    assert list(RatingYear.objects.values_list("year", "locked")) == [(2025, True)]
    assert list(MemberRating.objects.values_list("member__full_name", "level", "score")) == [
        ("Nguyễn Văn An", "HTXSNV", 95)
    ]
    assert list(CellRating.objects.values_list("cell__name", "level")) == [("Chi bộ A", "HTTNV")]
    assert list(AuditEvent.objects.values_list("username", "subject")) == [
        ("vanphong", "so-danh-sach.pdf")
    ]
    assert ContentType.objects.filter(app_label="ratings", model="memberrating").count() == 1
    assert not ContentType.objects.filter(app_label="members", model="memberrating").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_register_from_before_dated_cells_upgrades_with_its_names_unique_and_its_facts_linked():
    old = _migrate([("members", "0014_cells_as_dated_facts")])
    try:
        Organisation = old.get_model("members", "Organisation")
        root, _ = Organisation.objects.get_or_create(
            kind="committee", defaults={"name": "Đảng bộ", "name_sort": "dang bo"}
        )
        first = Organisation.objects.create(kind="cell", name="Chi bộ A", parent=root)
        # The import of before made a second cell of one name, in another case and form.
        second = Organisation.objects.create(kind="cell", name="chi  bộ a", parent=root)
        member = old.get_model("members", "Member").objects.create(
            full_name="Nguyễn Văn An",
            sex="M",
            admission_date=date(1990, 5, 19),
            party_age_start=date(1990, 5, 19),
            cell=first,
        )
        events = old.get_model("members", "MembershipEvent").objects
        for kind, day, note in (
            ("admitted", date(1990, 5, 19), ""),
            ("struck_off", date(2000, 1, 1), ""),
            ("readmitted", date(2004, 1, 1), ""),
            ("expelled", date(2010, 1, 1), "Theo quyết định kỷ luật khai trừ."),
        ):
            events.create(member=member, kind=kind, date=day, cell=first, note=note)
        old.get_model("members", "Interruption").objects.create(
            member=member,
            start=date(2000, 1, 1),
            end=date(2004, 1, 1),
            reason="struck_off",
            note="Ghi tự động khi kết nạp lại.",
        )
        old.get_model("members", "Discipline").objects.create(
            member=member, form="expulsion", decision_date=date(2010, 1, 1)
        )
    finally:
        _migrate(_latest())

    assert list(
        register.Organisation.objects.filter(pk__in=[first.pk, second.pk])
        .order_by("pk")
        .values_list("name", "name_key")
    ) == [("Chi bộ A", "chi bộ a"), ("chi bộ a (trùng tên 2)", "chi bộ a (trùng tên 2)")]
    interruption = register.Interruption.objects.get()
    assert (interruption.readmission.kind, interruption.readmission.date) == (
        "readmitted",
        date(2004, 1, 1),
    )
    assert register.Discipline.objects.get().expulsion_event.kind == "expelled"
