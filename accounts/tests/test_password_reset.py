"""Password reset by e-mail (allauth), with the mail backend from the settings (in memory in tests)."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.roles import Role
from conftest import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "et-helt-nyt-kodeord-2026"


@pytest.fixture
def leader(users_a):
    user = users_a[Role.LEADER]
    user.email = "Leder@Frederikssund.dk"  # as an administrator typed it
    user.save()
    return user


def reset_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+/)", message.body).group(1)


def test_a_user_with_an_email_resets_the_password_and_logs_in_with_the_new_one(client, leader):
    response = client.post(reverse("account_reset_password"), {"email": "leder@frederikssund.dk"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["leder@frederikssund.dk"]
    response = client.get(reset_link(mail.outbox[0]), follow=True)  # the key moves into the session
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    client.post(reverse("account_login"), {"login": leader.username, "password": NEW_PASSWORD})
    assert "_auth_user_id" in client.session


def test_the_old_password_no_longer_works_after_a_reset(client, leader):
    client.post(reverse("account_reset_password"), {"email": leader.email})
    form_url = client.get(reset_link(mail.outbox[0]), follow=True).redirect_chain[-1][0]
    client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    client.post(reverse("account_login"), {"login": leader.username, "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_an_unknown_address_gets_no_reset_link(client, leader):
    client.post(reverse("account_reset_password"), {"email": "ukendt@frederikssund.dk"})
    assert all("/password/reset/key/" not in m.body for m in mail.outbox)


def test_the_reset_page_says_whom_to_contact_without_an_email(client):
    page = client.get(reverse("account_reset_password")).content.decode()
    assert "kontakt administratoren af Housing First-platformen i din kommune" in page
    assert 'name="email"' in page


def test_the_login_page_links_to_the_reset(client):
    assert reverse("account_reset_password") in client.get(reverse("account_login")).content.decode()
