import pytest
from django.urls import reverse

from accounts.models import Membership, User
from accounts.roles import Role
from audit.models import AccessLogEntry

pytestmark = pytest.mark.django_db


def test_administrator_creates_user_in_own_municipality(login, users_a, municipality_a):
    client = login(users_a[Role.ADMINISTRATOR])
    response = client.post(
        reverse("accounts:user_create"),
        {
            "username": "ny-medarbejder",
            "first_name": "Ny",
            "last_name": "Medarbejder",
            "email": "",
            "role": Role.SUPPORT_WORKER,
            "password": "en-lang-adgangskode-42",
        },
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user__username="ny-medarbejder")
    assert membership.municipality == municipality_a and membership.role == Role.SUPPORT_WORKER
    assert AccessLogEntry.objects.filter(purpose="Brugeradministration", municipality=municipality_a).exists()


def test_short_password_is_refused_with_danish_message(login, users_a):
    client = login(users_a[Role.ADMINISTRATOR])
    response = client.post(
        reverse("accounts:user_create"),
        {
            "username": "kort",
            "role": Role.ANALYST,
            "password": "kort",
        },
    )
    assert response.status_code == 200
    assert not User.objects.filter(username="kort").exists()


def test_administrator_cannot_change_role_in_other_municipality(login, users_a, users_b):
    client = login(users_a[Role.ADMINISTRATOR])
    other = Membership.objects.get(user=users_b[Role.ANALYST])
    response = client.post(reverse("accounts:user_role", args=[other.pk]), {"role": Role.LEADER})
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.role == Role.ANALYST


def test_role_change_and_removal_in_own_municipality(login, users_a):
    client = login(users_a[Role.ADMINISTRATOR])
    membership = Membership.objects.get(user=users_a[Role.ANALYST])
    client.post(reverse("accounts:user_role", args=[membership.pk]), {"role": Role.LEADER})
    membership.refresh_from_db()
    assert membership.role == Role.LEADER
    client.post(reverse("accounts:user_remove", args=[membership.pk]))
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert not User.objects.get(pk=users_a[Role.ANALYST].pk).is_active


def test_only_administrators_manage_users(login, users_a):
    client = login(users_a[Role.LEADER])
    assert client.get(reverse("accounts:users")).status_code == 403


def test_mfa_requirement_per_role_is_saved(login, users_a, municipality_a):
    client = login(users_a[Role.ADMINISTRATOR])
    client.post(reverse("accounts:mfa_roles"), {"roles": [Role.LEADER, Role.SUPPORT_WORKER]})
    municipality_a.refresh_from_db()
    assert municipality_a.mfa_required_roles == [Role.LEADER.value, Role.SUPPORT_WORKER.value]


def test_user_with_two_municipalities_switches_and_sees_the_other(login, users_a, municipality_b, client):
    user = users_a[Role.LEADER]
    Membership.objects.create(user=user, municipality=municipality_b, role=Role.ANALYST)
    client = login(user)
    client.post(reverse("accounts:switch"), {"municipality": municipality_b.pk})
    response = client.get(reverse("people:figures"))
    assert response.status_code == 200
    assert "Odense" in response.content.decode()
    # As an analyst in Odense the by-name list is closed.
    assert client.get(reverse("people:list")).status_code == 403


def test_switch_to_a_municipality_without_membership_is_refused(login, users_a, municipality_b):
    client = login(users_a[Role.LEADER])
    response = client.post(reverse("accounts:switch"), {"municipality": municipality_b.pk}, follow=True)
    assert "Frederikssund" in response.content.decode()
    assert client.session.get("active_municipality_id") is None
