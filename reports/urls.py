from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("bao-cao/", views.index, name="index"),
    path("bao-cao/<str:kind>/<int:year>/", views.report, name="report"),
    path("bao-cao/<str:kind>/<int:year>/ban-hanh/", views.issue, name="issue"),
    path("bao-cao/khoang/<str:start>/<str:end>/", views.range_report, name="range_report"),
    path("bao-cao/khoang/<str:start>/<str:end>/ban-hanh/", views.range_issue, name="range_issue"),
    path("bao-cao/da-ban-hanh/<int:pk>.<str:ext>", views.issued_file, name="issued_file"),
]
