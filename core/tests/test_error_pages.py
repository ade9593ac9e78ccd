"""Error pages (issue 10 item 7): whichever layer refuses, the user sees the platform's own page in its
layout and language, never Django's technical page (the test settings run with DEBUG off)."""

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import include, path, reverse

from accounts.roles import Role


def _forbidden(request):
    raise PermissionDenied("technical detail")


def _boom(request):
    raise RuntimeError("technical detail")


# This module is the URLconf of the tests marked below: the platform's URLs plus two views that fail.
urlpatterns = [
    path("test-forbidden/", _forbidden),
    path("test-boom/", _boom),
    path("", include("config.urls")),
]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

LAYOUT = 'class="hf-brand"'
FOOTER = "Tilgængelighedserklæring"


def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def text(response):
    return response.content.decode()


def test_debug_is_off():
    assert settings.DEBUG is False


def test_missing_url_is_the_platforms_404_in_danish(client):
    response = client.get("/findes-ikke/")
    assert response.status_code == 404
    page = text(response)
    assert LAYOUT in page and FOOTER in page
    assert "Siden findes ikke" in page
    assert "technical" not in page and "Traceback" not in page and "urlpatterns" not in page


def test_missing_url_in_english(client):
    page = text(english(client).get("/findes-ikke/"))
    assert "Page not found" in page and "Go to the front page" in page
    assert "Siden findes ikke" not in page


def test_missing_object_from_get_object_or_404_is_the_404_page(login, users_a):
    response = login(users_a[Role.OUTREACH_WORKER]).get(reverse("people:detail", args=[987654]))
    assert response.status_code == 404
    assert "Siden findes ikke" in text(response) and LAYOUT in text(response)


def test_permission_denied_is_the_403_page(login, users_a):
    client = login(users_a[Role.OUTREACH_WORKER])
    response = client.get("/test-forbidden/")
    assert response.status_code == 403
    page = text(response)
    assert "Ingen adgang" in page and LAYOUT in page and "technical detail" not in page
    # The page keeps the user's navigation: it is the platform's layout, not a bare error.
    assert reverse("people:list") in page
    assert "No access" in text(english(client).get("/test-forbidden/"))


def test_a_role_without_the_capability_gets_the_same_403_page(login, users_a):
    response = login(users_a[Role.ANALYST]).get(reverse("people:list"))
    assert response.status_code == 403
    assert "Ingen adgang" in text(response) and FOOTER in text(response)


def test_an_exception_is_the_500_page_without_a_traceback():
    client = Client(raise_request_exception=False)
    response = client.get("/test-boom/")
    assert response.status_code == 500
    page = text(response)
    assert "Der opstod en fejl" in page and LAYOUT in page
    assert "technical detail" not in page and "Traceback" not in page and "RuntimeError" not in page
    assert "An error occurred" in text(english(client).get("/test-boom/"))


def test_csrf_failure_is_the_platforms_403_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("account_login"), {"login": "x", "password": "y"})
    assert response.status_code == 403
    page = text(response)
    assert "Formularen kunne ikke sendes" in page and LAYOUT in page
    assert "CSRF verification failed" not in page
    english_page = text(english(client).post(reverse("account_login"), {"login": "x", "password": "y"}))
    assert "The form could not be sent" in english_page
