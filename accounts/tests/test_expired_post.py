"""A form posted after the session ran out is kept and shown again, filled in, after logging in again."""

import json
import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts import expired_post
from accounts.roles import Role
from conftest import PASSWORD
from people.models import Contact

pytestmark = pytest.mark.django_db

MESSAGE = "Din session udløb. Det, du skrev, er bevaret: kontroller og gem igen."


@pytest.fixture
def worker(users_a):
    return users_a[Role.OUTREACH_WORKER]


@pytest.fixture
def person(worker_a, person_factory):
    return person_factory(worker_a, start=timezone.localdate() - timedelta(days=10))


def expire(client) -> None:
    Session.objects.filter(session_key=client.cookies[settings.SESSION_COOKIE_NAME].value).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )


def contact_post(client, person, **extra):
    page = reverse("people:detail", args=[person.pk])
    data = {
        "contacted_on": timezone.localdate().strftime("%Y-%m-%d"),
        "kind": "meeting",
        "reached": "1",
        "note": "Talte om boligen på Ågade",
    }
    return client.post(
        reverse("people:contact_add", args=[person.pk]),
        data,
        HTTP_REFERER=f"http://testserver{page}",
        **extra,
    )


def log_in(client, user, next_url):
    return client.post(
        reverse("account_login"), {"login": user.username, "password": PASSWORD, "next": next_url}
    )


def preserved(page: str) -> dict | None:
    found = re.search(r'<script id="hf-preserved-form" type="application/json">(.*?)</script>', page, re.S)
    return json.loads(found.group(1)) if found else None


def test_an_expired_post_is_shown_again_filled_in_after_logging_in(client, worker, person):
    client.force_login(worker)
    expire(client)
    response = contact_post(client, person)
    page_url = reverse("people:detail", args=[person.pk])
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={page_url}"
    assert log_in(client, worker, page_url).url == page_url
    page = client.get(page_url).content.decode()
    assert MESSAGE in page
    stash = preserved(page)
    assert stash["action"] == reverse("people:contact_add", args=[person.pk])
    assert stash["data"]["note"] == ["Talte om boligen på Ågade"]
    assert "csrfmiddlewaretoken" not in stash["data"]
    assert not Contact.objects.filter(person=person).exists()  # shown again, never saved by itself


def test_the_kept_post_is_given_back_once(client, worker, person):
    client.force_login(worker)
    expire(client)
    contact_post(client, person)
    page_url = reverse("people:detail", args=[person.pk])
    log_in(client, worker, page_url)
    client.get(page_url)
    assert preserved(client.get(page_url).content.decode()) is None


def test_another_user_logging_in_on_the_same_computer_never_sees_it(client, worker, person, users_a):
    client.force_login(worker)
    expire(client)
    contact_post(client, person)
    page_url = reverse("people:detail", args=[person.pk])
    log_in(client, users_a[Role.LEADER], page_url)
    page = client.get(page_url).content.decode()
    assert MESSAGE not in page and preserved(page) is None
    assert expired_post.SESSION_KEY not in client.session


def test_the_kept_post_is_encrypted_in_the_session(client, worker, person):
    client.force_login(worker)
    expire(client)
    contact_post(client, person)
    stored = client.session[expired_post.SESSION_KEY]
    assert "Ågade" not in stored and "Talte" not in stored


def test_a_post_that_fails_the_csrf_check_is_not_kept(worker, person):
    client = Client(enforce_csrf_checks=True)
    client.force_login(worker)
    expire(client)
    response = contact_post(client, person)
    assert response.status_code == 403
    assert expired_post.SESSION_KEY not in client.session


def test_passwords_and_codes_are_never_kept(rf):
    assert expired_post._is_secret("password") and expired_post._is_secret("new_password1")
    assert expired_post._is_secret("code") and expired_post._is_secret("csrfmiddlewaretoken")
    assert not expired_post._is_secret("note")


def test_a_visitor_who_never_logged_in_gets_the_plain_login_redirect(client, person):
    response = contact_post(client, person)
    assert (
        response.url == f"{reverse('account_login')}?next={reverse('people:contact_add', args=[person.pk])}"
    )
    assert expired_post.SESSION_KEY not in client.session


def test_an_htmx_request_after_the_session_ran_out_sends_the_whole_page_to_the_login(client, worker, person):
    client.force_login(worker)
    expire(client)
    response = contact_post(client, person, HTTP_HX_REQUEST="true")
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith(reverse("account_login"))


def test_extending_the_session_renews_it_and_answers_without_personal_data(client, worker):
    client.force_login(worker)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() + timedelta(seconds=60))
    response = client.post(reverse("session_extend"))
    assert response.status_code == 200 and response.json() == {"expires_in": settings.SESSION_COOKIE_AGE}
    assert Session.objects.get(session_key=key).expire_date > timezone.now() + timedelta(minutes=25)


def test_extending_an_expired_session_says_so(client, worker):
    client.force_login(worker)
    expire(client)
    response = client.post(reverse("session_extend"))
    assert response.status_code == 401


def test_pages_render_the_warning_with_the_session_age(client, worker):
    client.force_login(worker)
    page = client.get(reverse("people:list")).content.decode()
    assert 'role="alertdialog"' in page
    # The countdown starts from the time left as of the session's last save, a moment before this render.
    left = int(page.split('data-expires-in="')[1].split('"')[0])
    assert settings.SESSION_COOKIE_AGE - 2 <= left <= settings.SESSION_COOKIE_AGE
    assert f'data-warn-before="{settings.SESSION_WARNING_SECONDS}"' in page
    assert "Forlæng" in page
