"""Downloads of documents and lists are in the audit trail, whoever's view made them (issue 8)."""

import pytest
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone

from office.audit_events import downloaded_file
from office.models import AuditEvent
from tests.factories import CellFactory, make_member

pytestmark = pytest.mark.django_db


def events():
    return list(AuditEvent.objects.values_list("username", "action", "subject", "path"))


def test_an_export_of_the_register_is_recorded_with_its_file_and_address(office_client):
    today = timezone.localdate()
    make_member(cell=CellFactory())
    url = reverse("members:register_export") + "?format=xlsx"

    office_client.get(url, REMOTE_ADDR="10.1.2.3")

    assert events() == [
        ("vanphong", "download", f"so-danh-sach-dang-vien-{today:%Y%m%d}.xlsx", url)
    ]
    assert AuditEvent.objects.get().ip_address == "10.1.2.3"


def test_a_page_or_a_refused_export_is_not_a_download(client, make_user):
    client.force_login(make_user("viewer"))

    assert client.get(reverse("members:member_list")).status_code == 200
    assert client.get(reverse("members:register_export")).status_code == 403

    assert events() == []


@pytest.mark.parametrize(
    ("content_type", "disposition", "name"),
    [
        ("text/html; charset=utf-8", None, None),
        ("application/pdf", 'inline; filename="to-trinh.pdf"', "to-trinh.pdf"),
        ("application/pdf", None, "application/pdf"),
        ("application/json", 'attachment; filename="bao-cao.json"', "bao-cao.json"),
        (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "attachment; filename*=utf-8''Danh%20s%C3%A1ch.xlsx",
            "Danh sách.xlsx",
        ),
    ],
)
def test_the_file_name_is_read_from_the_response(content_type, disposition, name):
    response = HttpResponse(b"x", content_type=content_type)
    if disposition:
        response["Content-Disposition"] = disposition

    assert downloaded_file(response) == name


def test_an_event_cannot_be_changed_or_deleted(office_user):
    event = AuditEvent.objects.create(
        user=office_user, username="vanphong", action="download", subject="a.pdf"
    )
    event.subject = "b.pdf"

    with pytest.raises(ValueError, match=r"^Nhật ký không thể sửa\.$"):
        event.save()
    with pytest.raises(ValueError, match=r"^Nhật ký không thể xóa\.$"):
        event.delete()
    assert events() == [("vanphong", "download", "a.pdf", "")]
