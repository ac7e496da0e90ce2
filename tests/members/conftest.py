from datetime import date

import pytest

from ceremonies.milestones import known_milestones
from members.imports import commit_import, plan_import

IMPORT_TODAY = date(2026, 11, 22)


@pytest.fixture
def check(db):
    """check(name, content) -> the import's plan of a file, as of 22/11/2026."""

    def plan(name, content, today=IMPORT_TODAY):
        return plan_import(name, content, milestones=known_milestones(), today=today)

    return plan


@pytest.fixture
def run_import(check):
    """run_import(name, content) -> the plan, carried out if it has no errors."""

    def run(name, content, today=IMPORT_TODAY):
        result = check(name, content, today)
        if result.ok:
            commit_import(result, milestones=known_milestones(), today=today)
        return result

    return run
