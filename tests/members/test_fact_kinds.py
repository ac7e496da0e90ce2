"""The fields each kind of fact takes and the kind the event form opens on (pure rules)."""

import pytest

from members.enums import EventKind as Kind
from members.enums import Status
from members.fact_kinds import default_fact_kind, fact_fields
from members.services import FACT_KINDS_WITHOUT_NEW_CELL


@pytest.mark.parametrize(
    ("kind", "fields"),
    [
        (Kind.MADE_OFFICIAL, ("day", "decision_number", "note")),
        (Kind.CELL_TRANSFER, ("day", "cell", "decision_number", "note")),
        (Kind.TRANSFERRED_OUT, ("day", "counterpart", "decision_number", "note")),
        (Kind.TRANSFERRED_IN, ("day", "cell", "counterpart", "decision_number", "note")),
        (Kind.DIED, ("day", "note")),
        (Kind.READMITTED, ("day", "cell", "decision_number", "note")),
        (Kind.STRUCK_OFF, ("day", "decision_number", "note")),
    ],
)
def test_each_kind_takes_only_its_fields(kind, fields):
    assert fact_fields(kind) == fields


def test_the_service_keeps_the_cell_of_exactly_the_kinds_without_a_cell_field():
    assert {k for k in Kind if "cell" not in fact_fields(k)} - {Kind.ADMITTED} == (
        FACT_KINDS_WITHOUT_NEW_CELL
    )
    assert {
        Kind.MADE_OFFICIAL,
        Kind.EXEMPTED,
        Kind.EXEMPTION_ENDED,
        Kind.TRANSFERRED_OUT,
        Kind.DIED,
        Kind.STRUCK_OFF,
        Kind.EXPELLED,
        Kind.LEFT,
    } == FACT_KINDS_WITHOUT_NEW_CELL


@pytest.mark.parametrize(
    ("status", "official", "kind"),
    [
        (Status.ACTIVE, False, Kind.MADE_OFFICIAL),
        (Status.ACTIVE, True, Kind.CELL_TRANSFER),
        (Status.EXEMPT, True, Kind.EXEMPTION_ENDED),
        (Status.TRANSFERRED_OUT, True, Kind.TRANSFERRED_IN),
        (Status.STRUCK_OFF, True, Kind.READMITTED),
        (Status.EXPELLED, True, Kind.READMITTED),
        (Status.LEFT, False, Kind.READMITTED),
        (Status.DECEASED, True, ""),
    ],
)
def test_the_form_opens_on_the_kind_that_fits_the_member(status, official, kind):
    assert default_fact_kind(status=status, official=official) == kind
