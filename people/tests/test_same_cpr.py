"""The same CPR number is the same citizen (issue 9 items 15 and 17): creating them again offers to
open the existing citizen, never "create anyway", and two creates at the same moment give the Danish
duplicate message, never a 500."""

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from conftest import make_user
from core.testing import at_once
from people import services
from people.models import Person
from people.services import PersonDataError

TODAY = timezone.localdate()
CPR = "010185-1230"
DUPLICATE = "Der findes allerede en borger med dette CPR-nummer."


def create_data(**kw):
    return {
        "first_name": "Helt",
        "last_name": "Anden",
        "cpr": CPR,
        "gender": "unknown",
        "situation": "street",
        "situation_start": TODAY.isoformat(),
    } | kw


@pytest.mark.django_db
def test_an_exact_cpr_match_offers_to_open_the_existing_citizen_and_not_to_create_anyway(
    login, users_a, worker_a, person_factory
):
    existing = person_factory(worker_a, first_name="Jens", last_name="Hansen", cpr=CPR, start=TODAY)
    html = login(users_a[Role.OUTREACH_WORKER]).post(reverse("people:create"), create_data()).content.decode()
    assert "Borgeren findes allerede" in html
    assert f'href="{reverse("people:detail", args=[existing.pk])}"' in html and "Åbn Jens Hansen" in html
    assert "Opret alligevel" not in html
    assert Person.objects.filter(cpr_hash=existing.cpr_hash).count() == 1


@pytest.mark.django_db
def test_a_confirmed_create_with_a_known_cpr_still_only_offers_the_existing_citizen(
    login, users_a, worker_a, person_factory
):
    person_factory(worker_a, cpr=CPR, start=TODAY)
    html = (
        login(users_a[Role.OUTREACH_WORKER])
        .post(reverse("people:create"), create_data(confirmed="True"))
        .content.decode()
    )
    assert "Borgeren findes allerede" in html and "Opret alligevel" not in html
    assert Person.objects.count() == 1


@pytest.mark.django_db
def test_a_create_losing_the_race_at_the_database_gets_the_danish_message(
    worker_a, person_factory, monkeypatch
):
    """The check before saving cannot see an uncommitted twin; the unique constraint can."""
    person_factory(worker_a, cpr=CPR, start=TODAY)
    real = services._validate_person

    def without_clash_check(person, *, today):
        cpr_hash, person.cpr_hash = person.cpr_hash, ""
        try:
            real(person, today=today)
        finally:
            person.cpr_hash = cpr_hash

    monkeypatch.setattr(services, "_validate_person", without_clash_check)
    with pytest.raises(PersonDataError) as exc:
        services.person_create(
            actor=worker_a, first_name="Tvilling", cpr=CPR, situation="street", situation_start=TODAY
        )
    assert (exc.value.field, exc.value.message) == ("cpr", DUPLICATE)
    assert Person.objects.count() == 1


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent connections need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_ten_creates_of_the_same_cpr_at_once_create_one_and_tell_the_others_in_danish(municipality_a):
    n = 10
    clients = []
    for i in range(n):
        client = Client(raise_request_exception=False)
        client.force_login(make_user(municipality_a, Role.OUTREACH_WORKER, f"gade{i}"))
        clients.append(client)
    results = at_once(
        [
            lambda c=c, i=i: c.post(
                reverse("people:create"), create_data(first_name=f"Samtidig{i}", confirmed="True")
            )
            for i, c in enumerate(clients)
        ]
    )
    crashes = [r for r in results if isinstance(r, Exception) or r.status_code >= 500]
    assert not crashes, crashes[:3]
    codes = sorted(r.status_code for r in results)
    assert codes.count(302) == 1, codes
    losers = [r.content.decode() for r in results if r.status_code == 200]
    assert len(losers) == n - 1
    assert all(DUPLICATE in html or "Borgeren findes allerede" in html for html in losers)
    from tenants.rls import system_access

    with system_access():
        assert Person.objects.filter(municipality=municipality_a).count() == 1
