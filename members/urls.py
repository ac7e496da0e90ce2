from django.urls import path

from members import cell_views, views

app_name = "members"

urlpatterns = [
    path("dang-vien/", views.member_list, name="member_list"),
    path("dang-vien/them/", views.member_create, name="member_create"),
    path("dang-vien/so-danh-sach/", views.register_export, name="register_export"),
    path(
        "dang-vien/so-danh-sach/tai-lieu/<uuid:pk>/",
        views.register_document,
        name="register_document",
    ),
    path(
        "dang-vien/so-danh-sach/tai-lieu/<uuid:pk>/trang-thai/",
        views.register_document_status,
        name="register_document_status",
    ),
    path(
        "dang-vien/so-danh-sach/tai-lieu/<uuid:pk>/tai-ve/",
        views.register_document_file,
        name="register_document_file",
    ),
    path("dang-vien/<int:pk>/", views.member_detail, name="member_detail"),
    path("dang-vien/<int:pk>/sua/", views.member_edit, name="member_edit"),
    path("dang-vien/<int:pk>/su-kien/", views.fact_create, name="fact_create"),
    path("dang-vien/<int:pk>/su-kien/<int:event_pk>/xoa/", views.fact_delete, name="fact_delete"),
    path("dang-vien/<int:pk>/gian-doan/", views.interruption_create, name="interruption_create"),
    path(
        "dang-vien/<int:pk>/gian-doan/<int:interruption_pk>/xoa/",
        views.interruption_delete,
        name="interruption_delete",
    ),
    path("dang-vien/<int:pk>/ky-luat/", views.discipline_create, name="discipline_create"),
    path("chi-bo/", views.cell_list, name="cell_list"),
    path("chi-bo/them/", views.cell_create, name="cell_create"),
    path("chi-bo/them-dang-bo-bo-phan/", views.branch_create, name="branch_create"),
    path("chi-bo/<int:pk>/", views.cell_detail, name="cell_detail"),
    path("chi-bo/<int:pk>/doi-ten/", views.cell_rename, name="cell_rename"),
    path("chi-bo/<int:pk>/thanh-lap/", cell_views.cell_founded, name="cell_founded"),
    path("chi-bo/<int:pk>/sap-nhap/", cell_views.cell_merge, name="cell_merge"),
    path("chi-bo/<int:pk>/giai-the/", cell_views.cell_dissolve, name="cell_dissolve"),
]
