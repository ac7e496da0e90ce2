"""The site's URLs: each app's own, included by name (the project imports no app)."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("reports.urls")),
    path("", include("members.urls")),
    path("", include("ceremonies.urls")),
    path("", include("ratings.urls")),
    path("", include("office.urls")),
    path("tai-khoan/", include("office.auth_urls")),
    path("quan-tri/", admin.site.urls),
]
