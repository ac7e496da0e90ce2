"""Sign-in, sign-out and password change, under Django's own URL names (no namespace: Django's
views and settings refer to them by these names). The app sends no e-mail, so there is no reset
by e-mail."""

from django.contrib.auth import views as auth_views
from django.urls import path

from office.views.profile import PasswordChangeView

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", PasswordChangeView.as_view(), name="password_change"),
    path(
        "doi-mat-khau/xong/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
]
