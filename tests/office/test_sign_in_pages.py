import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url_name",
    ["reports:dashboard", "office:committee_profile", "office:sample_document", "password_change"],
)
def test_pages_redirect_anonymous_users_to_login(client, url_name):
    url = reverse(url_name)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


def test_login_page_speaks_vietnamese(client):
    response = client.get(reverse("login"))

    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Tên đăng nhập" in html
    assert "Mật khẩu" in html
    assert ">Đăng nhập</button>" in html


def test_wrong_password_shows_a_vietnamese_error(client, plain_user):
    response = client.post(reverse("login"), {"username": "nguoixem", "password": "sai"})

    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_then_home_shows_the_navigation(client, plain_user):
    response = client.post(
        reverse("login"),
        {"username": "nguoixem", "password": "mat-khau-thu-nghiem"},
        follow=True,
    )

    html = response.content.decode()
    assert response.redirect_chain == [(reverse("reports:dashboard"), 302)]
    for label in ["Đảng viên", "Chi bộ", "Huy hiệu Đảng", "Xếp loại", "Báo cáo"]:
        assert label in html
    assert "ĐẢNG ỦY LIÊN HIỆP CÁC HỘI KH&amp;KT VIỆT NAM" in html


def test_logout_is_a_post_and_ends_the_session(client, plain_user):
    client.force_login(plain_user)

    response = client.post(reverse("logout"))

    assert response.status_code == 302
    assert response["Location"] == reverse("login")
    assert client.get(reverse("reports:dashboard")).status_code == 302


def test_static_files_are_served_without_login(client):
    response = client.get("/static/css/document.css")

    assert response.status_code == 200
    assert b"@font-face" in b"".join(response.streaming_content)
