"""Parallel writers on SQLite, the default database, wait for each other instead of failing
(issue 16, finding 12): WAL, a busy timeout and immediate write transactions. Five staff issue
the same report while five edit members, then five save one member's record at once: no 500,
no lost write, the optimistic lock refuses the stale copies in Vietnamese."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

# The issued reports render PDFs.
pytestmark = pytest.mark.slow
SCRIPT = Path(__file__).with_name("sqlite_writers.py")


def test_parallel_issues_and_edits_on_an_sqlite_file_all_land(tmp_path):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }

    result = subprocess.run(
        [sys.executable, str(SCRIPT)],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(result.stdout.splitlines()[-1])
    assert found["issues"] == [[302, False]] * 5
    assert found["issued"] == [[n, n] for n in range(1, 6)]
    assert found["edits"] == [[302, False]] * 5
    assert found["hometowns"] == [[f"Nguyễn Văn {c}", f"Quê {c}"] for c in "ABCDE"]
    # One save wins; the four others opened the same version and are told to reload.
    assert sorted(found["same_member"]) == [[200, True]] * 4 + [[302, False]]
    winner = found["same_member"].index([302, False])
    assert found["shared"] == [f"Quê số {winner}", 1]
