"""The office manages user accounts and roles in the app (issue 8)."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from members.access import members_for, role_of
from members.models import UserAccess
from office.models import AuditEvent
from tests.clients import sign_in
from tests.factories import PASSWORD, CellFactory, make_member

pytestmark = pytest.mark.django_db
User = get_user_model()
NEW_PASSWORD = "Chi-bo-moi-2026"


def signed_in(client, username, password) -> bool:
    return sign_in(client, username, password).status_code == 302


def create(client, **values):
    data = {
        "username": "bithu.a",
        "full_name": "Lê Thị Hoa",
        "email": "",
        "role": "secretary",
        "cells": [],
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        **values,
    }
    return client.post(reverse("office:account_create"), data)


def edit(client, account, **values):
    access = account.access
    data = {
        "full_name": account.get_full_name(),
        "email": account.email,
        "role": access.role,
        "cells": [cell.pk for cell in access.cells.all()],
        "is_active": "on" if account.is_active else "",
        **values,
    }
    return client.post(reverse("office:account_edit", args=[account.pk]), data)


def test_the_office_creates_a_cell_secretary_who_sees_only_their_cell(office_client):
    client = Client()
    own, other = CellFactory(name="Chi bộ A"), CellFactory(name="Chi bộ B")
    make_member(cell=own, full_name="Nguyễn Văn An")
    make_member(cell=other, full_name="Trần Văn Bình", citizen_id=None)

    response = create(office_client, cells=[own.pk])

    assert response.status_code == 302
    account = User.objects.get(username="bithu.a")
    assert (account.get_full_name(), role_of(account)) == ("Lê Thị Hoa", "secretary")
    assert list(account.access.cells.all()) == [own]
    assert signed_in(client, "bithu.a", NEW_PASSWORD)
    assert [m.full_name for m in members_for(account)] == ["Nguyễn Văn An"]
    event = AuditEvent.objects.get()
    assert (event.username, event.action, event.subject) == (
        "vanphong",
        "account",
        "bithu.a: tạo tài khoản, vai trò Bí thư chi bộ",
    )


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"cells": []}, "cells", "Bí thư chi bộ phải phụ trách ít nhất một chi bộ."),
        ({"role": "viewer"}, "cells", "Chỉ bí thư chi bộ mới được giao chi bộ phụ trách."),
        ({"username": "VANPHONG"}, "username", "Đã có tài khoản “VANPHONG”."),
        (
            {"username": "bí.thư"},
            "username",
            "Tên đăng nhập chỉ gồm chữ không dấu, số và . @ + - _",
        ),
        ({"password2": "khac-nhau-2026"}, "password2", "Hai lần nhập mật khẩu không khớp."),
        (
            {"password1": "12345678901", "password2": "12345678901"},
            "password1",
            "Mật khẩu không được chỉ gồm chữ số.",
        ),
    ],
)
def test_a_bad_account_is_refused_with_a_message_and_nothing_is_made(
    office_client, values, field, message
):
    cell = CellFactory()
    values = {"cells": [cell.pk], **values}

    response = create(office_client, **values)

    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert list(User.objects.values_list("username", flat=True)) == ["vanphong"]
    assert not AuditEvent.objects.exists()


def test_changing_a_role_is_in_the_access_history(office_client, make_user):
    cell = CellFactory(name="Chi bộ A")
    account = make_user("viewer", username="xem")

    edit(office_client, account, role="secretary", cells=[cell.pk])

    account.access.refresh_from_db()
    assert (account.access.role, list(account.access.cells.all())) == ("secretary", [cell])
    history = UserAccess.history.filter(user=account).order_by("history_date")
    assert [(h.role, h.history_user.username if h.history_user else None) for h in history] == [
        ("viewer", None),
        ("secretary", "vanphong"),  # the role
        ("secretary", "vanphong"),  # the cells (django-simple-history records the m2m apart)
    ]
    assert [row.organisation for row in history.last().cells.all()] == [cell]


def test_a_locked_account_is_signed_out_at_its_next_request(office_client, make_user):
    client = Client()
    account = make_user("viewer", username="xem")
    client.force_login(account)
    assert client.get(reverse("reports:dashboard")).status_code == 200

    edit(office_client, account, is_active="")

    assert client.get(reverse("reports:dashboard"))["Location"].startswith(reverse("login"))
    assert not signed_in(client, "xem", PASSWORD)
    assert AuditEvent.objects.get().subject == "xem: khóa tài khoản"


def test_the_office_cannot_lock_itself_out(client, make_user):
    me = make_user("office", username="vp")
    client.force_login(me)

    for values in ({"is_active": ""}, {"role": "viewer"}):
        response = edit(client, me, **values)
        assert response.context["form"].non_field_errors() == [
            "Không thể tự khóa tài khoản của mình hoặc tự bỏ vai trò Văn phòng Đảng ủy."
        ]

    me.refresh_from_db()
    assert (me.is_active, role_of(me)) == (True, "office")


def test_setting_a_password_ends_the_users_sessions(office_client, make_user):
    client = Client()
    account = make_user("viewer", username="xem")
    client.force_login(account)

    response = office_client.post(
        reverse("office:account_password", args=[account.pk]),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    assert client.get(reverse("reports:dashboard"))["Location"].startswith(reverse("login"))
    assert signed_in(client, "xem", NEW_PASSWORD)
    assert AuditEvent.objects.get().subject == "xem: đặt lại mật khẩu"


def test_a_system_administrator_is_not_edited_here(office_client, office_user):
    response = office_client.post(
        reverse("office:account_edit", args=[office_user.pk]),
        {"full_name": "X", "email": "", "role": "viewer", "cells": [], "is_active": "on"},
    )

    assert response.context["form"].non_field_errors() == [
        "Tài khoản quản trị hệ thống chỉ sửa được trong trang quản trị."
    ]


@pytest.mark.parametrize("count", [1, 3])
def test_account_list_query_count_is_fixed(
    office_client, make_user, count, django_assert_num_queries
):
    cell = CellFactory(name="Chi bộ A")
    for n in range(count):
        make_user("secretary", cells=[cell], username=f"bithu{n}")

    # session, user, committee profile (page header), count, users with their access, their
    # cells
    with django_assert_num_queries(6):
        response = office_client.get(reverse("office:account_list"), {"sort": "trang-thai"})

    assert [row["account"].username for row in response.context["rows"]] == [
        *[f"bithu{n}" for n in range(count)],
        "vanphong",
    ]
    assert "Chi bộ A" in response.content.decode()


def test_a_user_changing_their_own_password_is_in_the_audit_trail(client, make_user):
    account = make_user("viewer", username="xem")
    client.force_login(account)

    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response["Location"] == reverse("password_change_done")
    event = AuditEvent.objects.get()
    assert (event.username, event.action, event.subject) == (
        "xem",
        "account",
        "xem: tự đổi mật khẩu",
    )
    assert NEW_PASSWORD not in event.subject


def test_an_accounts_history_has_its_name_and_state_but_not_sign_ins_or_passwords(
    office_client, make_user
):
    account = make_user("viewer", username="xem")
    rows_before = account.history.count()

    edit(office_client, account, full_name="Lê Thị Hoa", is_active="")
    account.refresh_from_db()
    edit(office_client, account, is_active="on")
    signed_in(Client(), "xem", PASSWORD)
    office_client.post(
        reverse("office:account_password", args=[account.pk]),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    changes = [
        (h.history_user.username, h.first_name, h.is_active)
        for h in account.history.order_by("history_date")[rows_before:]
    ]
    assert changes == [("vanphong", "Lê Thị Hoa", False), ("vanphong", "Lê Thị Hoa", True)]
    assert not hasattr(account.history.first(), "password")
    account.refresh_from_db()
    assert account.last_login is not None  # the sign-in is recorded, without a history row
