from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from reports.views import dashboard
from vusta_party import views

urlpatterns = [
    path("", dashboard, name="home"),
    path("", include("members.urls")),
    path("", include("ceremonies.urls")),
    path("", include("reports.urls")),
    path("thong-tin-cap-uy/", views.committee_profile, name="committee_profile"),
    path("van-ban/cong-van/", views.sample_document, name="sample_document"),
    # Sign-in, sign-out and password change only: the app sends no e-mail, so no reset by e-mail.
    path("tai-khoan/login/", auth_views.LoginView.as_view(), name="login"),
    path("tai-khoan/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "tai-khoan/doi-mat-khau/",
        views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "tai-khoan/doi-mat-khau/xong/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("quan-tri/", admin.site.urls),
]
