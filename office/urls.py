from django.urls import path

from office.views import accounts, audit, imports, profile

app_name = "office"

urlpatterns = [
    # The members import lives here, above the badge app that says which milestones exist.
    path("dang-vien/nhap/", imports.import_upload, name="import_upload"),
    path("dang-vien/nhap/mau.xlsx", imports.import_template_file, name="import_template"),
    path("dang-vien/nhap/<int:pk>/", imports.import_preview, name="import_preview"),
    path("dang-vien/nhap/<int:pk>/loi.xlsx", imports.import_errors, name="import_errors"),
    path("nhat-ky/", audit.audit_log, name="audit_log"),
    path("nhat-ky/xuat/", audit.audit_export, name="audit_export"),
    path("nhat-ky-dang-nhap/", audit.sign_in_log, name="sign_in_log"),
    path("nhat-ky-dang-nhap/<int:pk>/mo-khoa/", audit.sign_in_unlock, name="sign_in_unlock"),
    path("nguoi-dung/", accounts.account_list, name="account_list"),
    path("nguoi-dung/them/", accounts.account_create, name="account_create"),
    path("nguoi-dung/<int:pk>/", accounts.account_edit, name="account_edit"),
    path("nguoi-dung/<int:pk>/mat-khau/", accounts.account_password, name="account_password"),
    path("thong-tin-cap-uy/", profile.committee_profile, name="committee_profile"),
    path("thong-tin-cap-uy/the-thuc/<int:pk>/", profile.layout_edit, name="layout_edit"),
    path("van-ban/cong-van/", profile.sample_document, name="sample_document"),
]
