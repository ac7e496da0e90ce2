from django.urls import path

from ratings import views
from ratings.commendations.urls import urlpatterns as commendation_urls

app_name = "ratings"

urlpatterns = [
    path("xep-loai/", views.rating_index, name="rating_index"),
    path("xep-loai/nhap/", views.rating_import, name="rating_import"),
    path("xep-loai/dang-vien/<int:pk>/", views.member_panel, name="member_panel"),
    path("xep-loai/chi-bo/<int:pk>/", views.cell_panel, name="cell_panel"),
    path("xep-loai/<int:year>/", views.rating_index, name="rating_year"),
    path("xep-loai/<int:year>/khoa/", views.rating_lock, name="rating_lock"),
    path("xep-loai/<int:year>/chi-bo/<int:cell_pk>/", views.rating_grid, name="rating_grid"),
    path("xep-loai/<int:year>/chua-xep-loai/", views.unrated_list, name="unrated"),
    path("xep-loai/<int:year>/khen-thuong/", views.commendation_list, name="commendations"),
    path("xep-loai/<int:year>/tieu-bieu/", views.exemplary_cells, name="exemplary_cells"),
    *commendation_urls,
]
