"""The ceremony roster PDF of a large round is made in the background (issue 18c), as the
register's: queued once however often it is asked, kept until the round's lines, numbers, the
committee profile or the date change, shown only to the same scope; a small round still prints
in the request."""

import dataclasses

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from ceremonies import documents, exports, services, tasks
from tests.pdf_utils import read_pdf
from vusta_party.models import CommitteeProfile, KeptDocument

pytestmark = pytest.mark.django_db


def pdf_url(round_):
    return reverse("ceremonies:round_document", args=[round_.pk, "danh-sach-trao-tang", "pdf"])


@pytest.fixture
def large(monkeypatch, decided_round):
    """The round's four lines are "large": its roster is then made in the background."""
    monkeypatch.setattr(exports, "BACKGROUND_LINES", 4)
    return decided_round


def ask(client, capture, round_):
    """Press "Tạo tệp PDF" (a POST: a GET writes nothing)."""
    with capture(execute=True):  # the task is queued once the request's transaction commits
        return client.post(pdf_url(round_))


def page_of(round_, document, name="roster_document"):
    return reverse(f"ceremonies:{name}", args=[round_.pk, document.pk])


def test_a_large_roster_is_offered_then_queued_once_however_often_it_is_asked(
    office_client, large, django_capture_on_commit_callbacks
):
    offer = office_client.get(pdf_url(large))
    text = offer.content.decode()
    assert offer.status_code == 200
    assert "Danh sách có 4 dòng: tệp PDF được tạo nền." in text
    assert f'action="{pdf_url(large)}"' in text
    assert "Danh sách đảng viên được trao tặng Huy hiệu Đảng: Tặng đợt 2/9/2026" in text
    assert (KeptDocument.objects.count(), DBTaskResult.objects.count()) == (0, 0)

    first = ask(office_client, django_capture_on_commit_callbacks, large)
    second = ask(office_client, django_capture_on_commit_callbacks, large)

    (document,) = KeptDocument.objects.all()
    page = page_of(large, document)
    assert (first.status_code, first["Location"]) == (302, page)
    assert (second.status_code, second["Location"]) == (302, page)
    assert (document.kind, document.status, document.params) == (
        "roster-pdf",
        "queued",
        {"round": large.pk, "scope": ["all"]},
    )
    (queued,) = DBTaskResult.objects.all()
    assert (queued.task_path, queued.args_kwargs) == (
        "ceremonies.tasks.make_roster_pdf",
        {"args": [str(document.pk)], "kwargs": {}},
    )
    assert office_client.get(pdf_url(large))["Location"] == page  # asked again: its page
    shown = office_client.get(page).content.decode()
    assert "Đang chờ tạo tài liệu…" in shown
    assert f'data-kept-document="{page_of(large, document, "roster_document_status")}"' in shown
    status = office_client.get(page_of(large, document, "roster_document_status")).json()
    assert status == {
        "status": "queued",
        "label": "Đang chờ tạo",
        "step": "",
        "percent": 0,
        "elapsed_seconds": None,
        "error": "",
    }
    # Its file before it is made: back to its page.
    early = office_client.get(page_of(large, document, "roster_document_file"))
    assert (early.status_code, early["Location"]) == (302, page)


@pytest.mark.slow
def test_the_worker_makes_it_and_the_second_request_is_served_from_the_kept_row(
    office_client, large, django_capture_on_commit_callbacks
):
    ask(office_client, django_capture_on_commit_callbacks, large)
    document = KeptDocument.objects.get()

    tasks.make_roster_pdf.call(str(document.pk))

    document.refresh_from_db()
    assert (document.status, document.filename) == ("ready", "danh-sach-trao-tang-20260902.pdf")
    status = office_client.get(page_of(large, document, "roster_document_status")).json()
    assert (status["status"], status["percent"], status["url"]) == (
        "ready",
        100,
        page_of(large, document, "roster_document_file"),
    )
    pdf = read_pdf(office_client.get(status["url"]).content)
    assert "DANH SÁCH ĐẢNG VIÊN ĐƯỢC TRAO TẶNG HUY HIỆU ĐẢNG" in pdf.flat_text.upper()
    assert [name in pdf.text for name in ("Nguyễn Thị Ánh", "Trần Thị Cúc")] == [True, True]
    assert "Tinos" in pdf.embedded_font_families
    # Asked again, nothing changed: the kept file, no new task, nothing rendered.
    again = office_client.get(pdf_url(large))
    assert (again.status_code, again["Content-Type"]) == (200, "application/pdf")
    assert again.content == bytes(document.content)
    assert (KeptDocument.objects.count(), DBTaskResult.objects.count()) == (1, 1)


def test_a_change_to_a_line_makes_a_new_document_and_drops_the_old(
    office_client, large, django_capture_on_commit_callbacks
):
    ask(office_client, django_capture_on_commit_callbacks, large)
    old = KeptDocument.objects.get()
    old.status = KeptDocument.Status.READY  # as the worker leaves it
    old.save()
    line = large.proposals.get(member__full_name="Nguyễn Thị Ánh")
    services.round_set_badge_numbers(round_=large, numbers={line.pk: "A123456"})

    offer = office_client.get(pdf_url(large))
    assert "Tạo tệp PDF" in offer.content.decode()  # the kept one no longer shows the round
    response = ask(office_client, django_capture_on_commit_callbacks, large)

    new = KeptDocument.objects.get()
    assert new.pk != old.pk
    assert (new.status, response["Location"]) == ("queued", page_of(large, new))
    assert DBTaskResult.objects.count() == 2


def test_its_fingerprint_follows_the_lines_the_numbers_the_profile_and_the_date(large):
    everyone = None  # every line, as the office sees them

    def version():
        return exports.roster_pdf_version(documents.roster(large, everyone))

    seen = [version()]
    assert version() == seen[0]  # the same data: the same document
    line = large.proposals.get(member__full_name="Đặng Văn Dũng")
    services.round_set_badge_numbers(round_=large, numbers={line.pk: "A000777"})
    seen.append(version())  # a number
    line.refresh_from_db()
    line.presented_at_home = True
    line.save()
    seen.append(version())  # a line
    CommitteeProfile.objects.update(signer_name="Phạm Văn Mới")
    seen.append(version())  # the profile in force
    data = documents.roster(large, everyone)
    later = dataclasses.replace(
        data, doc=dataclasses.replace(data.doc, place_date="Hà Nội, ngày 03 tháng 9 năm 2026")
    )
    seen.append(exports.roster_pdf_version(later))  # the date

    assert len(set(seen)) == 5


def test_only_the_same_scope_and_round_see_its_document(
    client, office_client, large, cells, make_user, django_capture_on_commit_callbacks
):
    physics, _chemistry = cells
    ask(office_client, django_capture_on_commit_callbacks, large)
    document = KeptDocument.objects.get()
    urls = [
        page_of(large, document, name)
        for name in ("roster_document", "roster_document_status", "roster_document_file")
    ]
    other_round = services.round_create(day=large.date.replace(month=11, day=7), occasion="0711")
    elsewhere = reverse("ceremonies:roster_document", args=[other_round.pk, document.pk])

    client.force_login(make_user("standing"))  # the whole register, as the office
    assert [client.get(url).status_code for url in urls] == [200, 200, 302]
    assert client.get(elsewhere).status_code == 404  # not that round's document
    client.force_login(make_user("secretary", cells=[physics]))  # another scope: not theirs
    assert [client.get(url).status_code for url in urls] == [404, 404, 404]
    client.logout()
    assert [client.get(url).status_code for url in urls] == [302, 302, 302]  # to sign-in


def test_a_secretary_gets_a_roster_of_their_own_lines(
    client, large, cells, make_user, django_capture_on_commit_callbacks, monkeypatch
):
    physics, _chemistry = cells
    monkeypatch.setattr(exports, "BACKGROUND_LINES", 2)  # their two lines are large too
    client.force_login(make_user("secretary", cells=[physics]))

    response = ask(client, django_capture_on_commit_callbacks, large)

    document = KeptDocument.objects.get()
    assert response["Location"] == page_of(large, document)
    assert document.params == {"round": large.pk, "scope": ["cells", physics.pk]}


@pytest.mark.slow
def test_a_small_round_still_prints_in_the_request(office_client, decided_round):
    assert exports.BACKGROUND_LINES == 250  # from the measurement (ceremonies/exports.py)

    response = office_client.get(pdf_url(decided_round))

    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    assert "Nguyễn Thị Ánh" in read_pdf(response.content).text
    assert (KeptDocument.objects.count(), DBTaskResult.objects.count()) == (0, 0)
    refused = office_client.post(pdf_url(decided_round))
    assert (refused.status_code, KeptDocument.objects.count()) == (405, 0)
