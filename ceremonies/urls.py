from django.urls import path

from ceremonies import funding_views, round_views, table_views, views

app_name = "ceremonies"

urlpatterns = [
    path("huy-hieu/", views.index, name="index"),
    path("dang-vien/<int:pk>/huy-hieu/", views.badge_create, name="badge_create"),
    path("huy-hieu/quy-dinh/", views.rules, name="rules"),
    path("huy-hieu/tien-thuong/", views.bonus_tables, name="bonus_tables"),
    path("huy-hieu/kinh-phi/", funding_views.funding, name="funding"),
    path(
        "huy-hieu/kinh-phi/<int:year>/<str:kind>.<str:ext>",
        funding_views.funding_document,
        name="funding_document",
    ),
    path("huy-hieu/bang/<str:table>/<int:pk>/sua/", table_views.row_edit, name="row_edit"),
    path("huy-hieu/bang/<str:table>/<int:pk>/xoa/", table_views.row_delete, name="row_delete"),
    path("huy-hieu/dang-vien/<int:pk>/", views.member_explanation, name="member_explanation"),
    path("huy-hieu/dot/", round_views.round_list, name="round_list"),
    path("huy-hieu/dot/<int:pk>/", round_views.round_detail, name="round_detail"),
    path("huy-hieu/dot/<int:pk>/bo-sung/", round_views.round_fill, name="round_fill"),
    path("huy-hieu/dot/<int:pk>/them/", round_views.proposal_add, name="proposal_add"),
    path(
        "huy-hieu/dot/<int:pk>/dong/<int:line_pk>/",
        round_views.proposal_toggle,
        name="proposal_toggle",
    ),
    path("huy-hieu/dot/<int:pk>/sua-ngay/", round_views.round_correct, name="round_correct"),
    path("huy-hieu/dot/<int:pk>/so-huy-hieu/", round_views.badge_numbers, name="badge_numbers"),
    path("huy-hieu/dot/<int:pk>/<str:action>/", round_views.round_action, name="round_action"),
    path(
        "huy-hieu/dot/<int:pk>/van-ban/<str:name>.<str:ext>",
        round_views.document,
        name="round_document",
    ),
    path(
        "huy-hieu/dot/<int:pk>/van-ban/danh-sach-trao-tang/tai-lieu/<uuid:document>/",
        round_views.roster_document,
        name="roster_document",
    ),
    path(
        "huy-hieu/dot/<int:pk>/van-ban/danh-sach-trao-tang/tai-lieu/<uuid:document>/trang-thai/",
        round_views.roster_document_status,
        name="roster_document_status",
    ),
    path(
        "huy-hieu/dot/<int:pk>/van-ban/danh-sach-trao-tang/tai-lieu/<uuid:document>/tai-ve/",
        round_views.roster_document_file,
        name="roster_document_file",
    ),
]
