from django.urls import path

from ceremonies import views

app_name = "ceremonies"

urlpatterns = [
    path("huy-hieu/", views.index, name="index"),
    path("huy-hieu/quy-dinh/", views.rules, name="rules"),
    path("huy-hieu/dang-vien/<int:pk>/", views.member_explanation, name="member_explanation"),
]
