"""Smaller findings of issue 16 (finding 13): Vietnamese 403 and 404 pages, no copy of personal
data kept by browsers (Cache-Control: no-store), password messages fully in Vietnamese, letters of
the committee printed by the office only."""

import pytest
from django.contrib.auth.password_validation import (
    password_validators_help_texts,
    validate_password,
)
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, CellFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db


def test_a_page_not_found_is_in_vietnamese(office_client):
    response = office_client.get(reverse("members:member_detail", args=[999999]))

    assert response.status_code == 404
    content = response.content.decode()
    assert '<h1 class="app-page-title">Không tìm thấy trang</h1>' in content
    assert "Not Found" not in content


def test_a_page_not_allowed_is_in_vietnamese(client, make_user):
    client.force_login(make_user("secretary", cells=[CellFactory()]))

    response = client.get(reverse("office:account_list"))

    assert response.status_code == 403
    content = response.content.decode()
    assert '<h1 class="app-page-title">Không có quyền thực hiện</h1>' in content
    assert "Forbidden" not in content


def test_a_form_without_its_csrf_token_is_refused_in_vietnamese(office_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(office_user)

    response = client.post(reverse("members:cell_create"), {"name": "Chi bộ mới"})

    assert response.status_code == 403
    content = response.content.decode()
    assert "Biểu mẫu đã hết hiệu lực" in content
    assert "Forbidden" not in content


def test_pages_and_files_for_a_signed_in_user_are_not_kept(office_client):
    member = make_member(cell=CellFactory(), full_name="Nguyễn Văn An", citizen_id="001090000001")
    for url in (
        reverse("members:member_detail", args=[member.pk]),
        reverse("members:member_list") + "?format=xlsx",
        reverse("members:register_export"),
        reverse("reports:dashboard"),
    ):
        response = office_client.get(url)

        assert response.status_code == 200, url
        assert {part.strip() for part in response["Cache-Control"].split(",")} >= {
            "no-store",
            "private",
        }, url


@pytest.mark.parametrize(
    ("password", "messages"),
    [
        (
            "abc",
            ["Mật khẩu quá ngắn: cần ít nhất 10 ký tự.", "Mật khẩu này quá phổ biến, dễ bị đoán."],
        ),
        (
            "1234567890",
            ["Mật khẩu này quá phổ biến, dễ bị đoán.", "Mật khẩu không được chỉ gồm chữ số."],
        ),
        ("9081726354", ["Mật khẩu không được chỉ gồm chữ số."]),
        ("thuky-chibo", ["Mật khẩu quá giống thông tin của tài khoản (Tên đăng nhập)."]),
    ],
)
def test_every_password_message_is_in_vietnamese(password, messages):
    user = UserFactory(username="thuky-chibo")

    with pytest.raises(ValidationError) as error:
        validate_password(password, user)

    assert error.value.messages == messages


def test_the_password_rules_are_explained_in_vietnamese():
    assert password_validators_help_texts() == [
        "Mật khẩu không được quá giống tên đăng nhập, họ tên hay thư điện tử.",
        "Mật khẩu có ít nhất 10 ký tự.",
        "Mật khẩu không được là một mật khẩu phổ biến.",
        "Mật khẩu không được chỉ gồm chữ số.",
    ]


def test_the_own_password_change_answers_in_vietnamese(client):
    client.force_login(UserFactory(username="thuky"))

    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "ngan", "new_password2": "ngan"},
    )

    assert response.context["form"].errors == {
        "new_password2": ["Mật khẩu quá ngắn: cần ít nhất 10 ký tự."]
    }


@pytest.mark.parametrize(
    ("role", "status"), [("standing", 403), ("viewer", 403), ("secretary", 403), ("office", 200)]
)
def test_only_the_office_prints_a_letter_of_the_committee(client, make_user, role, status):
    client.force_login(make_user(role, cells=[CellFactory()] if role == "secretary" else ()))

    letter = client.get(
        reverse("office:sample_document"), {"format": "html", "body": "Bất kỳ nội dung nào."}
    )
    menu = client.get(reverse("reports:dashboard")).content.decode()

    assert letter.status_code == status
    assert ("Văn bản mẫu</a>" in menu) is (status == 200)
