from django.urls import path

from reports import views
from reports.statform import views as statform

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("bao-cao/", views.index, name="index"),
    path("bao-cao/<str:kind>/<int:year>/", views.report, name="report"),
    path("bao-cao/<str:kind>/<int:year>/ban-hanh/", views.issue, name="issue"),
    path("bao-cao/khoang/<str:start>/<str:end>/", views.range_report, name="range_report"),
    path("bao-cao/khoang/<str:start>/<str:end>/ban-hanh/", views.range_issue, name="range_issue"),
    path("bao-cao/bieu-7/", statform.index, name="statform_index"),
    path("bao-cao/bieu-7/<str:kind>/<int:year>/", statform.year_form, name="statform"),
    path(
        "bao-cao/bieu-7/khoang/<str:start>/<str:end>/", statform.range_form, name="statform_range"
    ),
    path("bao-cao/da-ban-hanh/<int:pk>.<str:ext>", views.issued_file, name="issued_file"),
]
