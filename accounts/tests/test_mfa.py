"""A role that needs the second factor reaches no page without it, whichever way the user logged in."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from accounts.middleware import MfaRequiredMiddleware
from accounts.roles import Role
from conftest import PASSWORD

pytestmark = pytest.mark.django_db

SECRET = "JBSWY3DPEHPK3PXP"


def current_code() -> str:
    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(SECRET, counters[len(counters) // 2]))


def every_page_without_arguments() -> list[str]:
    """Every URL of the project that takes no argument, the admin's included (found from the resolver)."""
    found = []

    def walk(patterns, namespace):
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, f"{namespace}{p.namespace}:" if p.namespace else namespace)
            elif isinstance(p, URLPattern) and p.name:
                try:
                    found.append(reverse(namespace + p.name))
                except NoReverseMatch:
                    pass

    walk(get_resolver().url_patterns, "")
    return sorted(set(found))


@pytest.fixture
def leader_with_totp(municipality_a, users_a):
    municipality_a.mfa_required_roles = [Role.LEADER.value]
    municipality_a.save()
    user = users_a[Role.LEADER]
    user.is_staff = user.is_superuser = True  # may use the Django admin: the strongest case
    user.save()
    TOTP.activate(user, SECRET)
    return user


def test_the_admin_login_sends_to_the_login_with_the_second_factor(client, leader_with_totp):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_the_admin_login_form_does_not_log_in_on_a_password_alone(client, leader_with_totp):
    client.post("/admin/login/?next=/admin/", {"username": leader_with_totp.username, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_a_session_without_the_second_factor_reaches_no_page_admin_included(client, leader_with_totp):
    client.force_login(leader_with_totp)  # as a login path that skipped the second factor would leave it
    pages = [
        p for p in every_page_without_arguments() if not p.startswith(MfaRequiredMiddleware.ALLOWED_PREFIXES)
    ]
    assert "/admin/" in pages and reverse("people:list") in pages and "/admin/accounts/user/" in pages
    for page in pages:
        response = client.get(page)
        assert response.status_code == 302, page
        assert response.url.startswith(reverse("mfa_reauthenticate")), page


def test_the_password_change_page_is_not_reachable_on_the_password_alone(client, leader_with_totp):
    client.force_login(leader_with_totp)
    response = client.get(reverse("account_change_password"))
    assert response.url.startswith(reverse("mfa_reauthenticate"))


def test_password_then_code_logs_in_and_opens_pages_and_admin(client, leader_with_totp):
    response = client.post(
        reverse("account_login"), {"login": leader_with_totp.username, "password": PASSWORD}
    )
    assert response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session  # the password alone is not a login
    client.post(reverse("mfa_authenticate"), {"code": current_code()})
    assert "_auth_user_id" in client.session
    assert client.get(reverse("people:list")).status_code == 200
    assert client.get("/admin/").status_code == 200


def test_a_code_asked_later_opens_the_page_asked_for(client, leader_with_totp):
    client.force_login(leader_with_totp)
    target = reverse("people:list")
    response = client.get(target)
    response = client.post(response.url, {"code": current_code()})
    assert response.url == target
    assert client.get(target).status_code == 200


def test_a_role_without_the_requirement_is_not_asked(client, leader_with_totp, users_a):
    client.force_login(users_a[Role.OUTREACH_WORKER])
    assert client.get(reverse("people:list")).status_code == 200
    assert Authenticator.objects.filter(user=users_a[Role.OUTREACH_WORKER]).count() == 0
