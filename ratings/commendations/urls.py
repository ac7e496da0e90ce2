from django.urls import path

from ratings.commendations import views

urlpatterns = [
    path(
        "xep-loai/<int:year>/khen-thuong/lap/",
        views.commendation_create,
        name="commendation_create",
    ),
    path("xep-loai/khen-thuong/<int:pk>/", views.commendation_detail, name="commendation_detail"),
    path("xep-loai/khen-thuong/<int:pk>/them/", views.line_add, name="commendation_line_add"),
    path(
        "xep-loai/khen-thuong/<int:pk>/dong/<int:line_pk>/xoa/",
        views.line_remove,
        name="commendation_line_remove",
    ),
    path(
        "xep-loai/khen-thuong/<int:pk>/van-ban.<str:ext>",
        views.commendation_document,
        name="commendation_document",
    ),
    path(
        "xep-loai/khen-thuong/<int:pk>/<str:action>/",
        views.commendation_action,
        name="commendation_action",
    ),
]
