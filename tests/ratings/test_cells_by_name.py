"""The year's page lists the cells by name, as the cell list does, not in the order they were
made."""

import pytest

from ratings.models import RatingYear
from ratings.queries import year_progress
from tests.factories import CellFactory

pytestmark = pytest.mark.django_db


def test_cells_are_listed_by_name(office_user):
    for name in (
        "Chi bộ Hội Vật lý",
        "Chi bộ Hội Điện lực",
        "Chi bộ Hội Dược học",
        "Chi bộ Hội Âm nhạc",
    ):
        CellFactory(name=name)

    rows = year_progress(office_user, RatingYear(year=2025))

    assert [row.cell.name for row in rows] == [
        "Chi bộ Hội Âm nhạc",
        "Chi bộ Hội Điện lực",  # names compare folded, as the cell list sorts them
        "Chi bộ Hội Dược học",
        "Chi bộ Hội Vật lý",
    ]
