import pytest
from django.urls import reverse

from accounts.roles import Role

pytestmark = pytest.mark.django_db


def test_interface_is_danish_by_default(login, users_a):
    client = login(users_a[Role.LEADER])
    html = client.get(reverse("people:list")).content.decode()
    assert 'lang="da"' in html and "Hjemløselisten" in html and "Gå til sidens indhold" in html


def test_english_is_available_through_the_language_switch(login, users_a):
    client = login(users_a[Role.LEADER])
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("people:list")).content.decode()
    assert 'lang="en"' in html
    assert "Skip to content" in html and "By-name list" in html and "Leader" in html


def test_accessibility_statement_is_linked_in_the_footer_without_login(client):
    html = client.get(reverse("account_login")).content.decode()
    assert reverse("core:accessibility") in html
    assert client.get(reverse("core:accessibility")).status_code == 200
