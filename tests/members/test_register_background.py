"""The register 7-HSĐV PDF of a large register is made in the background (issue 18): queued once
however often it is asked, made by the worker, kept until the register changes, shown only to
those who may read it."""

from datetime import date
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from members import exports, services, tasks
from members.models import Member
from tests.factories import CellFactory, make_member
from tests.pdf_utils import read_pdf
from vusta_party import background
from vusta_party.models import KeptDocument

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_today")]
EXPORT = reverse("members:register_export")
PDF = {"format": "pdf"}


@pytest.fixture
def large(monkeypatch):
    """A register "large" from two members on: the PDF is then made in the background."""
    monkeypatch.setattr(exports, "BACKGROUND_ROWS", 1)
    physics, chemistry = (
        CellFactory(name="Chi bộ Hội Vật lý"),
        CellFactory(name="Chi bộ Hội Hóa học"),
    )
    make_member(cell=physics, full_name="Nguyễn Thị Ánh", sex="F")
    make_member(cell=physics, full_name="Trần Văn Bình")
    make_member(cell=chemistry, full_name="Lê Văn Cường")
    return physics, chemistry


def ask(client, capture, params=PDF):
    """Press "Tạo tệp PDF" (a POST: a GET writes nothing)."""
    with capture(execute=True):  # the task is queued once the request's transaction commits
        return client.post(f"{EXPORT}?{urlencode(params)}")


def status(client, document):
    return client.get(reverse("members:register_document_status", args=[document.pk])).json()


def test_a_large_register_is_offered_then_queued_once_however_often_it_is_asked(
    office_client, large, django_capture_on_commit_callbacks
):
    offer = office_client.get(EXPORT, PDF)
    assert offer.status_code == 200
    assert "Sổ có 3 đảng viên: tệp PDF được tạo nền." in offer.content.decode()
    assert 'action="/dang-vien/so-danh-sach/?format=pdf"' in offer.content.decode()
    assert (KeptDocument.objects.count(), DBTaskResult.objects.count()) == (0, 0)

    first = ask(office_client, django_capture_on_commit_callbacks)
    second = ask(office_client, django_capture_on_commit_callbacks)

    (document,) = KeptDocument.objects.all()
    page = reverse("members:register_document", args=[document.pk])
    assert (first.status_code, first["Location"]) == (302, page)
    assert (second.status_code, second["Location"]) == (302, page)
    assert (document.kind, document.status, document.params) == (
        "register-pdf",
        "queued",
        {"scope": ["all"], "cell": None, "title": ""},
    )
    (queued,) = DBTaskResult.objects.all()
    assert (queued.task_path, queued.args_kwargs) == (
        "members.tasks.make_register_pdf",
        {"args": [str(document.pk)], "kwargs": {}},
    )
    assert office_client.get(EXPORT, PDF)["Location"] == page  # asked again: its page
    shown = office_client.get(page)
    assert "Đang chờ tạo tài liệu…" in shown.content.decode()
    assert status(office_client, document) == {
        "status": "queued",
        "label": "Đang chờ tạo",
        "step": "",
        "percent": 0,
        "elapsed_seconds": None,
        "error": "",
    }


@pytest.mark.slow
def test_the_worker_makes_it_and_asking_again_is_instant(
    office_client, large, django_capture_on_commit_callbacks, monkeypatch
):
    ask(office_client, django_capture_on_commit_callbacks)
    document = KeptDocument.objects.get()
    # Between tasks the worker closes connections that are not in autocommit, as the test's own
    # transaction is (PostgreSQL would then lose the test's data): not here.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    document.refresh_from_db()
    assert (document.status, document.filename) == ("ready", "so-danh-sach-dang-vien-20260814.pdf")
    assert document.finished_at >= document.started_at
    state = status(office_client, document)
    assert (state["status"], state["percent"], state["url"]) == (
        "ready",
        100,
        reverse("members:register_document_file", args=[document.pk]),
    )
    pdf = read_pdf(office_client.get(state["url"]).content)
    assert ["Nguyễn Thị Ánh" in pdf.text, "Lê Văn Cường" in pdf.text] == [True, True]
    assert "Tinos" in pdf.embedded_font_families
    # Asked again with the register unchanged: the kept file, no new task, no rendering.
    again = office_client.get(EXPORT, PDF)
    assert (again.status_code, again["Content-Type"]) == (200, "application/pdf")
    assert again.content == bytes(document.content)
    assert (KeptDocument.objects.count(), DBTaskResult.objects.count()) == (1, 1)


@pytest.mark.slow
def test_a_change_of_the_register_makes_a_new_document_and_drops_the_old(
    office_client, large, django_capture_on_commit_callbacks
):
    ask(office_client, django_capture_on_commit_callbacks)
    old = KeptDocument.objects.get()
    tasks.make_register_pdf.call(str(old.pk))
    member = Member.objects.get(full_name="Trần Văn Bình")
    services.fact_record(member=member, kind="died", day=date(2026, 8, 1), today=date(2026, 8, 14))

    offer = office_client.get(EXPORT, PDF)
    assert "Tạo tệp PDF" in offer.content.decode()
    old.refresh_from_db()
    seconds = max(1, round((old.finished_at - old.started_at).total_seconds()))  # the last one
    assert f"tệp PDF được tạo nền, mất khoảng {seconds} giây." in offer.content.decode()
    response = ask(office_client, django_capture_on_commit_callbacks)

    new = KeptDocument.objects.get()
    assert new.pk != old.pk
    assert (new.status, response["Location"]) == (
        "queued",
        reverse("members:register_document", args=[new.pk]),
    )
    tasks.make_register_pdf.call(str(new.pk))
    pdf = read_pdf(bytes(KeptDocument.objects.get().content))
    assert "01/08/2026" in pdf.text  # the death date the old document did not show
    assert DBTaskResult.objects.count() == 2


def test_each_step_is_on_the_page_while_it_is_made(office_client, large):
    document = background.document_request(
        kind=exports.REGISTER_PDF,
        params={"scope": ["all"], "cell": None, "title": ""},
        data_version="v1",
        enqueue=lambda document_id: None,
    )
    seen = []

    def build(params, step):
        seen.append(status(office_client, document))
        step("Đang dàn trang 3 đảng viên")
        seen.append(status(office_client, document))
        return exports.Export("so.pdf", "application/pdf", b"%PDF-1.7 ...")

    background.document_make(str(document.pk), build)

    assert [(s["status"], s["label"], s["step"], s["percent"]) for s in seen] == [
        ("running", "Đang tạo", "Đang đọc dữ liệu", None),  # none made before: unknown
        ("running", "Đang tạo", "Đang dàn trang 3 đảng viên", None),
    ]
    assert status(office_client, document)["status"] == "ready"
    assert office_client.get(
        reverse("members:register_document_file", args=[document.pk])
    ).content == (b"%PDF-1.7 ...")


def test_a_document_that_failed_says_so_and_is_queued_again(office_client, large):
    queued = []
    request = {
        "kind": exports.REGISTER_PDF,
        "params": {"scope": ["all"], "cell": None, "title": ""},
        "data_version": "v1",
        "enqueue": queued.append,
    }
    document = background.document_request(**request)

    def broken(params, step):
        raise ValueError("hỏng")

    with pytest.raises(ValueError, match="hỏng"):
        background.document_make(str(document.pk), broken)

    assert status(office_client, document) == {
        "status": "failed",
        "label": "Không tạo được",
        "step": "",
        "percent": None,
        "elapsed_seconds": None,
        "error": "Có lỗi khi tạo tài liệu, hãy thử lại hoặc báo cho quản trị.",
    }
    again = background.document_request(**request)
    assert (again.pk, again.status, again.error) == (document.pk, "queued", "")


def test_only_those_who_may_read_the_register_see_its_document(
    client, office_client, large, make_user, django_capture_on_commit_callbacks
):
    physics, _chemistry = large
    ask(office_client, django_capture_on_commit_callbacks)
    document = KeptDocument.objects.get()
    urls = [
        reverse(name, args=[document.pk])
        for name in (
            "members:register_document",
            "members:register_document_status",
            "members:register_document_file",
        )
    ]

    client.force_login(make_user("standing"))  # reads the whole register, as the office
    assert [client.get(url).status_code for url in urls] == [200, 200, 302]
    client.force_login(make_user("secretary", cells=[physics]))  # another scope: not theirs
    assert [client.get(url).status_code for url in urls] == [404, 404, 404]
    client.force_login(make_user("viewer"))  # may not export
    assert [client.get(url).status_code for url in urls] == [403, 403, 403]
    client.logout()
    assert [client.get(url).status_code for url in urls] == [302, 302, 302]  # to sign-in


def test_a_secretary_gets_their_own_document_of_their_cells(
    client, large, make_user, django_capture_on_commit_callbacks
):
    physics, _chemistry = large
    client.force_login(make_user("secretary", cells=[physics]))

    response = ask(
        client, django_capture_on_commit_callbacks, {"format": "pdf", "cell": physics.pk}
    )

    document = KeptDocument.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("members:register_document", args=[document.pk])
    assert document.params == {
        "scope": ["cells", physics.pk],
        "cell": physics.pk,
        "title": "Chi bộ Hội Vật lý",
    }


@pytest.mark.slow
def test_a_small_register_is_still_made_in_the_request(office_client, large, monkeypatch):
    monkeypatch.setattr(exports, "BACKGROUND_ROWS", 3)

    response = office_client.get(EXPORT, PDF)

    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    assert "Lê Văn Cường" in read_pdf(response.content).text
    assert (KeptDocument.objects.count(), DBTaskResult.objects.count()) == (0, 0)
