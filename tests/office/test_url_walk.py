"""Every URL of the project, for every role, with the exact outcome (issue 8).

A new URL pattern without a line in EXPECTED fails this test: each page needs a decision on who
may see it. "login" is a redirect to the sign-in page; numbers are HTTP status codes.
"""

import re
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLResolver, get_resolver, reverse

from ceremonies import services as rounds
from ceremonies.models import BonusCoefficient
from members import services
from members.models import ImportBatch
from ratings.models import Commendation, CommendationLine, RatingYear
from reports import services as reports
from reports.periods import Period
from tests.factories import CellFactory, make_member
from vusta_party.models import DocumentLayout

# The world issues a report, whose PDF WeasyPrint renders.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]
ROLES = ("anonymous", "office", "standing", "viewer", "secretary_own", "secretary_other")


def url_names():
    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace != "admin":
                    yield from walk(pattern.url_patterns, pattern.namespace or namespace)
            elif pattern.name:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name

    return sorted(set(walk(get_resolver().url_patterns)))


@pytest.fixture
def world(make_user, office_user):
    own_cell, other_cell = CellFactory(name="Chi bộ A"), CellFactory(name="Chi bộ B")
    own = make_member(
        cell=own_cell,
        full_name="Nguyễn Văn An",
        admission_date=date(1996, 1, 1),
        official_date=date(1997, 1, 1),
    )
    other = make_member(
        cell=other_cell,
        full_name="Trần Văn Bình",
        admission_date=date(1996, 1, 1),
        official_date=date(1997, 1, 1),
    )
    for member in (own, other):
        services.interruption_add(
            member=member, start=date(2000, 1, 1), end=date(2000, 2, 1), reason="lost_contact"
        )
    round_ = rounds.round_create(day=date(2026, 9, 2), occasion="0902")
    rounds.round_fill(round_=round_)
    issued = reports.report_issue(
        period=Period.year(2025), user=office_user, today=date(2026, 1, 15)
    )

    rating_year = RatingYear.objects.create(
        year=2025, late_admission_from=date(2025, 7, 1), locked=True
    )
    commendation = Commendation.objects.create(
        year=rating_year, level="own", form="giay_khen", reason="Hoàn thành xuất sắc nhiệm vụ"
    )

    batch = ImportBatch.objects.create(
        file_name="x.csv", content=b"Ho va ten\n", uploaded_by=office_user
    )
    users = {
        "office": make_user("office"),
        "standing": make_user("standing"),
        "viewer": make_user("viewer"),
        "secretary": make_user("secretary", cells=[own_cell]),
    }
    objects = {}
    for side, member, cell in (("own", own, own_cell), ("other", other, other_cell)):
        objects[side] = {
            "pk": member.pk,
            "event_pk": member.events.first().pk,
            "interruption_pk": member.interruptions.first().pk,
            "cell_pk": cell.pk,
            "line_pk": round_.proposals.get(member=member).pk,
            "account_pk": users["viewer"].pk,
            "commendation_pk": commendation.pk,
            "commendation_line_pk": CommendationLine.objects.create(
                commendation=commendation, member=member, title="Hoàn thành xuất sắc nhiệm vụ"
            ).pk,
        }
    return users, objects, round_, issued, batch


KEPT_DOCUMENT_URLS = (
    "members:register_document",
    "members:register_document_status",
    "members:register_document_file",
)
# A round's ceremony roster PDF of the background (issue 18c): every role reads the round's
# documents (of its scope), so a document never asked for is "not found" to all.
ROSTER_DOCUMENT_URLS = (
    "ceremonies:roster_document",
    "ceremonies:roster_document_status",
    "ceremonies:roster_document_file",
)
NEVER_ASKED = "00000000-0000-4000-8000-000000000000"


def url_for(name, side_objects, round_, issued, batch):
    member_urls = {"pk": side_objects["pk"]}
    args = {
        "members:member_detail": member_urls,
        "members:member_edit": member_urls,
        "members:fact_create": member_urls,
        "members:fact_delete": {"pk": side_objects["pk"], "event_pk": side_objects["event_pk"]},
        "members:interruption_create": member_urls,
        # A register PDF of the background that was never asked for (issue 18b).
        **{url: {"pk": NEVER_ASKED} for url in KEPT_DOCUMENT_URLS},
        **{url: {"pk": round_.pk, "document": NEVER_ASKED} for url in ROSTER_DOCUMENT_URLS},
        "members:interruption_delete": {
            "pk": side_objects["pk"],
            "interruption_pk": side_objects["interruption_pk"],
        },
        "members:discipline_create": member_urls,
        "ceremonies:badge_create": member_urls,
        "members:cell_detail": {"pk": side_objects["cell_pk"]},
        "members:cell_rename": {"pk": side_objects["cell_pk"]},
        "members:cell_founded": {"pk": side_objects["cell_pk"]},
        "members:cell_merge": {"pk": side_objects["cell_pk"]},
        "members:cell_dissolve": {"pk": side_objects["cell_pk"]},
        "office:import_preview": {"pk": batch.pk},
        "office:import_errors": {"pk": batch.pk},
        "ratings:rating_year": {"year": 2025},
        "ratings:unrated": {"year": 2025},
        "ratings:rating_lock": {"year": 2025},
        "ratings:rating_grid": {"year": 2025, "cell_pk": side_objects["cell_pk"]},
        "ratings:member_panel": member_urls,
        "ratings:commendations": {"year": 2025},
        "ratings:exemplary_cells": {"year": 2025},
        "ratings:cell_panel": {"pk": side_objects["cell_pk"]},
        "ratings:commendation_create": {"year": 2025},
        "ratings:commendation_detail": {"pk": side_objects["commendation_pk"]},
        "ratings:commendation_line_add": {"pk": side_objects["commendation_pk"]},
        "ratings:commendation_line_remove": {
            "pk": side_objects["commendation_pk"],
            "line_pk": side_objects["commendation_line_pk"],
        },
        "ratings:commendation_document": {"pk": side_objects["commendation_pk"], "ext": "pdf"},
        "ratings:commendation_action": {"pk": side_objects["commendation_pk"], "action": "xoa"},
        "office:sign_in_unlock": {"pk": 1},
        "office:account_edit": {"pk": side_objects["account_pk"]},
        "office:layout_edit": {"pk": DocumentLayout.objects.first().pk},
        "office:account_password": {"pk": side_objects["account_pk"]},
        "ceremonies:member_explanation": member_urls,
        "ceremonies:round_detail": {"pk": round_.pk},
        "ceremonies:round_fill": {"pk": round_.pk},
        "ceremonies:proposal_add": {"pk": round_.pk},
        "ceremonies:proposal_toggle": {"pk": round_.pk, "line_pk": side_objects["line_pk"]},
        "ceremonies:badge_numbers": {"pk": round_.pk},
        "ceremonies:round_action": {"pk": round_.pk, "action": "lock"},
        "ceremonies:round_correct": {"pk": round_.pk},
        "ceremonies:round_document": {"pk": round_.pk, "name": "4", "ext": "xlsx"},
        "ceremonies:row_edit": {"table": "he-so", "pk": BonusCoefficient.objects.first().pk},
        "ceremonies:row_delete": {"table": "he-so", "pk": BonusCoefficient.objects.first().pk},
        "ceremonies:funding_document": {"year": 2025, "kind": "quyet-toan", "ext": "xlsx"},
        "reports:report": {"kind": "nam", "year": 2025},
        "reports:range_report": {"start": "2025-01-01", "end": "2025-09-30"},
        "reports:range_issue": {"start": "2025-01-01", "end": "2025-09-30"},
        "reports:issue": {"kind": "nam", "year": 2025},
        "reports:issued_file": {"pk": issued.pk, "ext": "json"},
        "reports:statform": {"kind": "nam", "year": 2025},
        "reports:statform_range": {"start": "2025-01-01", "end": "2025-09-30"},
    }
    return reverse(name, kwargs=args.get(name, {}))


def outcome(response):
    if response.status_code == 302 and response["Location"].startswith(reverse("login")):
        return "login"
    return response.status_code


# Decisions, reviewed by hand: 405 is a POST-only action; 302 from the audit export without a
# date range is the audit page with a message; a commendation's printed decision lists every
# cell's members: those who read the whole register print it, a cell secretary does not (403);
# issued reports are the committee's official documents: the office, the standing committee and
# viewers read them, a cell secretary does not (404, README "Roles"); a secretary gets 404 for
# another cell's member, edit page, grid and explanation.
EXPECTED = {
    # url name: (anonymous, office, standing, viewer, secretary: own cell, secretary: another cell)
    "ceremonies:badge_create": ("login", 200, 403, 403, 403, 403),
    "ceremonies:badge_numbers": ("login", 405, 405, 405, 405, 405),
    "ceremonies:bonus_tables": ("login", 200, 200, 200, 200, 200),
    "ceremonies:funding": ("login", 200, 200, 200, 200, 200),
    "ceremonies:funding_document": ("login", 200, 200, 200, 200, 200),
    "ceremonies:index": ("login", 200, 200, 200, 200, 200),
    "ceremonies:member_explanation": ("login", 200, 200, 200, 200, 404),
    "ceremonies:proposal_add": ("login", 405, 405, 405, 405, 405),
    "ceremonies:proposal_toggle": ("login", 405, 405, 405, 405, 405),
    "ceremonies:round_action": ("login", 405, 405, 405, 405, 405),
    "ceremonies:round_correct": ("login", 405, 405, 405, 405, 405),
    "ceremonies:round_detail": ("login", 200, 200, 200, 200, 200),
    "ceremonies:round_document": ("login", 200, 200, 200, 200, 200),
    "ceremonies:round_fill": ("login", 405, 405, 405, 405, 405),
    "ceremonies:round_list": ("login", 200, 200, 200, 200, 200),
    "ceremonies:row_delete": ("login", 405, 405, 405, 405, 405),
    "ceremonies:row_edit": ("login", 200, 403, 403, 403, 403),
    "ceremonies:rules": ("login", 200, 200, 200, 200, 200),
    "login": (200, 200, 200, 200, 200, 200),
    "logout": ("login", 405, 405, 405, 405, 405),
    "members:branch_create": ("login", 200, 403, 403, 403, 403),
    "members:cell_create": ("login", 200, 403, 403, 403, 403),
    "members:cell_detail": ("login", 200, 200, 200, 200, 404),
    "members:cell_list": ("login", 200, 200, 200, 200, 200),
    "members:cell_rename": ("login", 200, 403, 403, 403, 403),
    "members:cell_founded": ("login", 200, 403, 403, 403, 403),
    "members:cell_merge": ("login", 200, 403, 403, 403, 403),
    "members:cell_dissolve": ("login", 200, 403, 403, 403, 403),
    "members:discipline_create": ("login", 200, 403, 403, 403, 403),
    "members:fact_create": ("login", 200, 403, 403, 403, 403),
    "members:fact_delete": ("login", 405, 405, 405, 405, 405),
    "members:interruption_create": ("login", 200, 403, 403, 403, 403),
    "members:interruption_delete": ("login", 405, 405, 405, 405, 405),
    "members:member_create": ("login", 200, 403, 403, 200, 200),
    "members:member_detail": ("login", 200, 200, 200, 200, 404),
    "members:member_edit": ("login", 200, 403, 403, 200, 404),
    "members:member_list": ("login", 200, 200, 200, 200, 200),
    "members:register_export": ("login", 200, 200, 403, 200, 200),
    **dict.fromkeys(KEPT_DOCUMENT_URLS, ("login", 404, 404, 403, 404, 404)),
    **dict.fromkeys(ROSTER_DOCUMENT_URLS, ("login", 404, 404, 404, 404, 404)),
    "office:account_create": ("login", 200, 403, 403, 403, 403),
    "office:account_edit": ("login", 200, 403, 403, 403, 403),
    "office:account_list": ("login", 200, 403, 403, 403, 403),
    "office:account_password": ("login", 200, 403, 403, 403, 403),
    "office:audit_export": ("login", 302, 403, 403, 403, 403),
    "office:audit_log": ("login", 200, 403, 403, 403, 403),
    "office:committee_profile": ("login", 200, 403, 403, 403, 403),
    "office:import_errors": ("login", 200, 403, 403, 403, 403),
    "office:import_preview": ("login", 200, 403, 403, 403, 403),
    "office:import_template": ("login", 200, 403, 403, 403, 403),
    "office:import_upload": ("login", 200, 403, 403, 403, 403),
    "office:layout_edit": ("login", 200, 403, 403, 403, 403),
    "office:sample_document": ("login", 200, 403, 403, 403, 403),
    "office:sign_in_log": ("login", 200, 403, 403, 403, 403),
    "office:sign_in_unlock": ("login", 405, 405, 405, 405, 405),
    "password_change": ("login", 200, 200, 200, 200, 200),
    "password_change_done": ("login", 200, 200, 200, 200, 200),
    "ratings:cell_panel": ("login", 200, 200, 200, 200, 404),
    "ratings:commendation_action": ("login", 405, 405, 405, 405, 405),
    "ratings:commendation_create": ("login", 405, 405, 405, 405, 405),
    "ratings:commendation_detail": ("login", 200, 200, 200, 200, 200),
    "ratings:commendation_document": ("login", 200, 200, 200, 403, 403),
    "ratings:commendation_line_add": ("login", 405, 405, 405, 405, 405),
    "ratings:commendation_line_remove": ("login", 405, 405, 405, 405, 405),
    "ratings:commendations": ("login", 200, 200, 200, 200, 200),
    "ratings:exemplary_cells": ("login", 405, 405, 405, 405, 405),
    "ratings:member_panel": ("login", 200, 200, 200, 200, 404),
    "ratings:rating_grid": ("login", 200, 200, 200, 200, 404),
    "ratings:rating_import": ("login", 405, 405, 405, 405, 405),
    "ratings:rating_index": ("login", 200, 200, 200, 200, 200),
    "ratings:rating_lock": ("login", 405, 405, 405, 405, 405),
    "ratings:rating_year": ("login", 200, 200, 200, 200, 200),
    "ratings:unrated": ("login", 200, 200, 200, 200, 200),
    "reports:dashboard": ("login", 200, 200, 200, 200, 200),
    "reports:index": ("login", 200, 200, 200, 200, 200),
    "reports:issue": ("login", 405, 405, 405, 405, 405),
    "reports:issued_file": ("login", 200, 200, 200, 404, 404),
    "reports:range_issue": ("login", 405, 405, 405, 405, 405),
    "reports:range_report": ("login", 200, 200, 200, 200, 200),
    "reports:report": ("login", 200, 200, 200, 200, 200),
    # Biểu 7-BTCTW is the committee's form: not a cell secretary's; its index picks a period.
    "reports:statform": ("login", 200, 200, 200, 403, 403),
    "reports:statform_index": ("login", 302, 302, 302, 403, 403),
    "reports:statform_range": ("login", 200, 200, 200, 403, 403),
}


def test_every_url_has_a_decision():
    assert sorted(EXPECTED) == url_names()


def test_every_url_gives_each_role_the_decided_outcome(client, world):
    users, objects, round_, issued, batch = world
    found = {}
    for name in url_names():
        row = []
        for role in ROLES:
            side = "other" if role == "secretary_other" else "own"
            url = url_for(name, objects[side], round_, issued, batch)
            client.logout()
            if role != "anonymous":
                client.force_login(users["secretary" if role.startswith("secretary") else role])
            row.append(outcome(client.get(url)))
        found[name] = tuple(row)

    assert found == EXPECTED


def test_a_secretary_cannot_print_the_committees_submission_letter(client, world):
    users, _objects, round_, _issued, _batch = world
    client.force_login(users["secretary"])

    response = client.get(reverse("ceremonies:round_document", args=[round_.pk, "to-trinh", "pdf"]))

    assert response.status_code == 403


def test_every_url_refuses_a_post_without_the_csrf_token(world):
    """Every form posts with Django's CSRF token: a POST without it changes nothing."""
    users, objects, round_, issued, batch = world
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["office"])
    refused = {}
    for name in url_names():
        response = client.post(url_for(name, objects["own"], round_, issued, batch))
        refused[name] = (response.status_code, b"CSRF" in response.content)

    assert refused == dict.fromkeys(url_names(), (403, True))


# What a GET may write: the session (the idle timer, vusta_party/security.py) and the audit
# trail's record of a download (office/audit_events.py). Nothing else (issue 16, finding 13).
WRITE = re.compile(r'^\s*(INSERT INTO|UPDATE|DELETE FROM|REPLACE INTO)\s+"?(\w+)"?', re.IGNORECASE)
GET_MAY_WRITE = {"django_session", "office_auditevent"}


def test_no_get_writes_anything_but_the_session_and_the_download_trail(client, world):
    users, objects, round_, issued, batch = world
    written = set()
    for name in url_names():
        for role in ROLES[1:]:
            side = "other" if role == "secretary_other" else "own"
            url = url_for(name, objects[side], round_, issued, batch)
            client.force_login(users["secretary" if role.startswith("secretary") else role])
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            for query in queries.captured_queries:
                found = WRITE.match(query["sql"])
                if found and found.group(2).lower() not in GET_MAY_WRITE:
                    written.add((name, role, found.group(2)))

    assert written == set()


# --- the Word file beside each PDF (issue 18): each role gets the Word file when it gets the PDF
WORD_BESIDE_PDF = [
    *(("ceremonies:round_document", name) for name in ("to-trinh", "4", "4a", "4b", "to-khai")),
    ("ceremonies:round_document", "danh-sach-trao-tang"),
    ("ceremonies:round_document", "so-ky-nhan"),
    ("ratings:commendation_document", None),
    ("reports:report", None),
    ("members:register_export", None),
    *(("ceremonies:funding_document", kind) for kind in ("du-toan", "quyet-toan")),
    ("reports:statform", None),
    # issue 18c: the letter, the streaks proposed for commendation, an issued report
    ("office:sample_document", None),
    ("ratings:commendations", None),
    ("reports:issued_file", None),
]


def _word_and_pdf_urls(name, document, objects, round_, issued):
    if name == "reports:issued_file":
        return tuple(reverse(name, kwargs={"pk": issued.pk, "ext": ext}) for ext in ("docx", "pdf"))
    if name in ("office:sample_document", "ratings:commendations"):
        url = reverse(name, kwargs={"year": 2025} if name == "ratings:commendations" else {})
        return f"{url}?format=docx", f"{url}?format=pdf"
    if name == "ceremonies:round_document":
        return tuple(
            reverse(name, kwargs={"pk": round_.pk, "name": document, "ext": ext})
            for ext in ("docx", "pdf")
        )
    if name == "ratings:commendation_document":
        pk = objects["commendation_pk"]
        return tuple(reverse(name, kwargs={"pk": pk, "ext": ext}) for ext in ("docx", "pdf"))
    if name == "ceremonies:funding_document":
        year = 2025 if document == "quyet-toan" else 2026
        kwargs = {"year": year, "kind": document}
        return tuple(reverse(name, kwargs={**kwargs, "ext": ext}) for ext in ("docx", "pdf"))
    if name == "members:register_export":
        url = reverse(name)
        return f"{url}?format=docx", f"{url}?format=pdf"
    url = reverse(name, kwargs={"kind": "nam", "year": 2025})
    return f"{url}?format=docx", f"{url}?format=pdf"


def test_every_word_file_is_offered_to_the_roles_that_get_its_pdf(client, world, monkeypatch):
    from reports import exports  # noqa: PLC0415
    from vusta_party import pdf  # noqa: PLC0415

    monkeypatch.setattr(pdf, "html_to_pdf", lambda html: b"%PDF-1.7")  # no WeasyPrint here
    monkeypatch.setattr(exports, "html_to_pdf", lambda html: b"%PDF-1.7")
    users, objects, round_, issued, _batch = world
    found, expected = {}, {}
    for name, document in WORD_BESIDE_PDF:
        for role in ROLES:
            side = "other" if role == "secretary_other" else "own"
            word, printed = _word_and_pdf_urls(name, document, objects[side], round_, issued)
            client.logout()
            if role != "anonymous":
                client.force_login(users["secretary" if role.startswith("secretary") else role])
            response = client.get(word)
            found[name, document, role] = (
                outcome(response),
                response.get("Content-Type", "").endswith("wordprocessingml.document"),
            )
            answer = outcome(client.get(printed))
            expected[name, document, role] = (answer, answer == 200)
    # a cell secretary reads the figures of their cells, not the committee's report: no Word
    for side in ("secretary_own", "secretary_other"):
        expected["reports:report", None, side] = (404, False)

    assert found == expected
