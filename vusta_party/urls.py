from django.contrib import admin
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
    path("tai-khoan/", include("django.contrib.auth.urls")),
    path("quan-tri/", admin.site.urls),
]
