"""Người dùng: the office manages user accounts, their roles and their cells."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from members.enums import Role
from members.models import Organisation
from office import accounts
from office.account_export import account_list_xlsx
from office.forms import AccountCreateForm, AccountForm, PasswordPairForm
from vusta_party.exports import send
from vusta_party.forms import show_errors
from vusta_party.pages import list_links, paginate, sort_of

MANAGE = "members.change_useraccess"
User = get_user_model()


def _form_page(request, form, title):
    return render(
        request,
        "simple_form.html",
        {"form": form, "title": title, "cancel_url": reverse("office:account_list")},
    )


@permission_required(MANAGE, raise_exception=True)
def account_list(request):
    sort = sort_of(request.GET, accounts.ACCOUNT_SORTS, default="trang-thai")
    users = (
        User.objects.select_related("access")
        .prefetch_related(
            Prefetch("access__cells", queryset=Organisation.objects.order_by("name_sort"))
        )
        .order_by(*sort.order)
    )
    if request.GET.get("format") == "xlsx":
        return send(account_list_xlsx(users))
    page = paginate(users, request.GET)
    rows = [
        {
            "account": account,
            "role": (role := accounts.role_label(account)),
            "no_role": role == accounts.NO_ROLE,
            "cells": accounts.account_cells(account),
        }
        for account in page.object_list
    ]
    return render(
        request,
        "office/account_list.html",
        {"page": page, "rows": rows, **list_links(request.GET, sort)},
    )


@permission_required(MANAGE, raise_exception=True)
def account_create(request):
    form = AccountCreateForm(request.POST or None, initial={"role": Role.VIEWER})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            account = accounts.account_create(
                request,
                username=data["username"],
                full_name=data["full_name"],
                email=data["email"],
                role=data["role"],
                cells=list(data["cells"]),
                password=data["password1"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, f"Đã tạo tài khoản {account.username}.")
            return redirect("office:account_list")
    return _form_page(request, form, "Thêm người dùng")


@permission_required(MANAGE, raise_exception=True)
def account_edit(request, pk):
    account = get_object_or_404(User.objects.select_related("access"), pk=pk)
    access = getattr(account, "access", None)
    initial = {
        "full_name": account.get_full_name(),
        "email": account.email,
        "role": access.role if access else Role.VIEWER,
        "cells": list(access.cells.all()) if access else [],
        "is_active": account.is_active,
    }
    form = AccountForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            accounts.account_update(
                request,
                account=account,
                full_name=data["full_name"],
                email=data["email"],
                role=data["role"],
                cells=list(data["cells"]),
                is_active=data["is_active"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, f"Đã lưu tài khoản {account.username}.")
            return redirect("office:account_list")
    return _form_page(request, form, f"Tài khoản {account.username}")


@permission_required(MANAGE, raise_exception=True)
def account_password(request, pk):
    account = get_object_or_404(User, pk=pk)
    form = PasswordPairForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            accounts.account_set_password(
                request, account=account, password=form.cleaned_data["password1"]
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                f"Đã đặt mật khẩu mới cho {account.username}; các phiên đăng nhập cũ đã hết hiệu lực.",
            )
            return redirect("office:account_list")
    return _form_page(request, form, f"Đặt mật khẩu cho {account.username}")
