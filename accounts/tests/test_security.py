"""Login security (accounts/): lockout after repeated failures, session timeout, MFA per role."""

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.urls import reverse

from accounts.roles import Role
from conftest import PASSWORD

pytestmark = pytest.mark.django_db


def attempt(client, username, password):
    return client.post(reverse("account_login"), {"login": username, "password": password})


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_a_correct_password_logs_in(client, users_a):
    attempt(client, users_a[Role.LEADER].username, PASSWORD)
    assert logged_in(client)


def test_test_settings_lock_out_after_three_failures():
    assert settings.AXES_FAILURE_LIMIT == 3


def test_login_is_locked_after_the_failure_limit_even_with_the_right_password(client, users_a):
    username = users_a[Role.LEADER].username
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, username, "forkert-kodeord")
    response = attempt(client, username, PASSWORD)
    assert not logged_in(client)
    assert response.status_code in (403, 429)


def test_failures_below_the_limit_do_not_lock(client, users_a):
    username = users_a[Role.LEADER].username
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, username, "forkert-kodeord")
    attempt(client, username, PASSWORD)
    assert logged_in(client)


def test_lockout_is_per_username_not_per_office(client, users_a):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, users_a[Role.LEADER].username, "forkert-kodeord")
    attempt(client, users_a[Role.ANALYST].username, PASSWORD)  # same IP address
    assert logged_in(client)


def test_session_expires_after_thirty_minutes():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    # 30 minutes of inactivity, not since login: renewed at most once a minute (accounts/session_activity.py)
    assert not settings.SESSION_SAVE_EVERY_REQUEST
    assert "accounts.middleware.SessionActivityMiddleware" in settings.MIDDLEWARE


def _session_row(client):
    from django.contrib.sessions.models import Session

    return Session.objects.get(session_key=client.cookies[settings.SESSION_COOKIE_NAME].value)


def test_a_request_renews_the_session_at_most_once_a_minute(login, users_a):
    from datetime import timedelta

    from django.contrib.sessions.models import Session

    from accounts import session_activity

    client = login(users_a[Role.LEADER])
    client.get(reverse("core:accessibility"))
    expires = _session_row(client).expire_date
    client.get(reverse("core:accessibility"))
    assert _session_row(client).expire_date == expires  # not saved again within the minute

    # A minute later the next request saves it with a full age again.
    session = client.session
    session[session_activity.RENEWED_KEY] -= 61
    session.save()
    Session.objects.filter(session_key=session.session_key).update(expire_date=expires - timedelta(minutes=5))
    client.get(reverse("core:accessibility"))
    assert _session_row(client).expire_date >= expires


def test_the_warning_counts_from_the_time_left(login, users_a):
    from accounts import session_activity

    client = login(users_a[Role.LEADER])
    client.get(reverse("core:accessibility"))
    session = client.session
    session[session_activity.RENEWED_KEY] -= 40  # saved 40 seconds ago, not yet renewed
    session.save()
    page = client.get(reverse("core:accessibility")).content.decode()
    age = settings.SESSION_COOKIE_AGE
    left = int(page.split('data-expires-in="')[1].split('"')[0])
    assert age - 42 <= left <= age - 40
    assert f'data-renewed-in="{age - 60}"' in page


def test_a_logged_in_session_uses_the_session_age(login, users_a):
    client = login(users_a[Role.LEADER])
    client.get(reverse("people:figures"))
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


@pytest.fixture
def leaders_need_mfa(municipality_a):
    municipality_a.mfa_required_roles = [Role.LEADER.value]
    municipality_a.save()
    return municipality_a


def test_role_requiring_mfa_without_totp_is_sent_to_totp_activation(leaders_need_mfa, login, users_a):
    client = login(users_a[Role.LEADER])
    for url in [reverse("people:list"), reverse("people:figures"), reverse("audit:log"), "/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url == reverse("mfa_intro"), url


def test_the_totp_activation_is_reachable_without_a_redirect_loop(leaders_need_mfa, client, users_a):
    attempt(client, users_a[Role.LEADER].username, PASSWORD)
    assert logged_in(client)
    response = client.get(reverse("people:list"), follow=True)
    # allauth may ask for the password again before activation; either page is under /accounts/.
    assert response.status_code == 200
    assert response.redirect_chain[0][0] == reverse("mfa_intro")
    assert f'href="{reverse("mfa_activate_totp")}"' in response.content.decode()
    setup = client.get(reverse("mfa_activate_totp"), follow=True)
    assert setup.status_code == 200
    # allauth may ask for the password again before activation; either page is under /accounts/.
    assert setup.request["PATH_INFO"].startswith("/accounts/")


def test_role_not_requiring_mfa_is_let_through(leaders_need_mfa, login, users_a):
    assert login(users_a[Role.OUTREACH_WORKER]).get(reverse("people:list")).status_code == 200


def test_role_requiring_mfa_with_totp_used_in_the_session_is_let_through(leaders_need_mfa, login, users_a):
    from accounts.tests.test_mfa import SECRET, current_code

    user = users_a[Role.LEADER]
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": SECRET})
    client = login(user)
    client.post(reverse("mfa_reauthenticate"), {"code": current_code()})  # a TOTP device alone is not enough
    assert client.get(reverse("people:list")).status_code == 200


def test_no_mfa_is_required_when_the_municipality_requires_none(login, users_a):
    assert login(users_a[Role.LEADER]).get(reverse("people:list")).status_code == 200


def test_mfa_requirement_of_another_municipality_does_not_apply(municipality_b, login, users_a):
    municipality_b.mfa_required_roles = [Role.LEADER.value]
    municipality_b.save()
    assert login(users_a[Role.LEADER]).get(reverse("people:list")).status_code == 200
