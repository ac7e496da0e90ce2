"""Parallel staff on an SQLite file database, run in a process of its own by
test_sqlite_concurrency.py (the test suite's own SQLite database lives in memory).

Usage: DATABASE_URL=sqlite:////tmp/x/db.sqlite3 python tests/vusta_party/sqlite_writers.py
Prints one JSON object: every response's status and what the database holds afterwards.
"""

import json
import os
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django

django.setup()

from datetime import date  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from members.models import Member  # noqa: E402
from members.services import STALE_EDIT  # noqa: E402
from reports.models import IssuedReport  # noqa: E402
from tests.factories import CellFactory, UserFactory, make_member  # noqa: E402

WRITERS = 5


def at_once(actions):
    """Run each action (client -> response) in its own thread with its own signed-in client,
    all released together; (status, stale message shown) of each response, in order."""
    barrier = threading.Barrier(len(actions))
    results = [None] * len(actions)

    def worker(index, action):
        try:
            client = Client(raise_request_exception=False)
            client.force_login(office)
            barrier.wait()
            response = action(client)
            results[index] = (response.status_code, STALE_EDIT in response.content.decode())
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=item) for item in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def edit(member, hometown):
    def action(client):
        return client.post(
            reverse("members:member_edit", args=[member.pk]),
            {
                "full_name": member.full_name,
                "sex": member.sex,
                "ethnicity": "Kinh",
                "date_of_birth": f"{member.date_of_birth:%d/%m/%Y}",
                "admission_date": f"{member.admission_date:%d/%m/%Y}",
                "hometown": hometown,
                "version": member.version,
            },
        )

    return action


def issue(client):
    return client.post(reverse("reports:issue", args=["nam", 2025]))


setup_test_environment()  # the test client's host, the fast password hasher of the settings
call_command("migrate", verbosity=0)
office = UserFactory(username="vanphong", is_superuser=True)
cell = CellFactory(name="Chi bộ A")
members = [
    make_member(
        cell=cell,
        full_name=f"Nguyễn Văn {letter}",
        admission_date=date(2000, 1, 1),
        official_date=date(2001, 1, 1),
    )
    for letter in "ABCDE"
]
shared = make_member(cell=cell, full_name="Trần Thị Chung", sex="F")
connection.close()

# Five issues of the report and five edits of five members, at the same moment.
first = at_once(
    [issue] * WRITERS + [edit(m, f"Quê {m.full_name[-1]}") for m in members],
)
# Five staff saving one member's record opened at the same version.
second = at_once([edit(shared, f"Quê số {n}") for n in range(WRITERS)])

shared.refresh_from_db()
print(
    json.dumps(
        {
            "issues": first[:WRITERS],
            "edits": first[WRITERS:],
            "same_member": second,
            "issued": sorted(IssuedReport.objects.values_list("number", "version")),
            "hometowns": sorted(
                Member.objects.filter(pk__in=[m.pk for m in members]).values_list(
                    "full_name", "hometown"
                )
            ),
            "shared": [shared.hometown, shared.version - members[0].version],
        },
        ensure_ascii=False,
    )
)
