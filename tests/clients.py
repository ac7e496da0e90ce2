"""Helpers for tests that talk to the site as a browser would."""

from django.urls import reverse


def sign_in(client, username, password, address="10.0.0.7"):
    """Post the sign-in form from an address; returns the response."""
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_USER_AGENT="Trình duyệt thử",
    )
