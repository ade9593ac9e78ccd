"""No double allocation under concurrent requests (issue 4 item 5), proven on PostgreSQL: many users
press "accept" in the same instant through real requests, each thread with its own connection.
Exactly one wins; the others get a clear Danish message (409), never a server error."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from allocation.models import Offer, OfferStatus
from conftest import make_user
from core.testing import at_once

from .factories import make_vacancy, needy

N = 50
TODAY = timezone.localdate()

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks and concurrent connections need PostgreSQL"
    ),
]


def offered_directly(vacancy, person):
    return Offer.objects.create(
        municipality=vacancy.municipality,
        vacancy=vacancy,
        person=person,
        status=OfferStatus.OFFERED,
        proposed_on=TODAY,
        offered_on=TODAY,
        status_since=TODAY,
    )


def fire(clients_and_offers):
    """POST accept for every (client, offer) at the same moment; returns the responses."""
    return at_once(
        [
            lambda c=c, o=o: c.post(
                reverse("allocation:offer_action", args=[o.pk]),
                {"action": "accept", "accept-on": TODAY.isoformat()},
            )
            for c, o in clients_and_offers
        ]
    )


def brokers(municipality, n):
    out = []
    for i in range(n):
        client = Client(raise_request_exception=False)
        client.force_login(make_user(municipality, Role.HOUSING_BROKER, f"formidler{i}"))
        out.append(client)
    return out


def assert_one_winner(results):
    crashes = [r for r in results if isinstance(r, Exception) or r.status_code >= 500]
    assert not crashes, crashes[:3]
    codes = sorted(r.status_code for r in results)
    assert codes.count(302) == 1, codes
    assert codes.count(409) == N - 1, codes
    loser = next(r for r in results if r.status_code == 409).content.decode()
    assert "allerede" in loser and "Handlingen blev ikke gennemført" in loser


@pytest.mark.django_db(transaction=True)
def test_fifty_people_accepting_the_same_home_at_once_gives_it_to_exactly_one(
    municipality_a, users_a, actor_factory, person_factory
):
    broker = actor_factory(users_a[Role.HOUSING_BROKER], municipality_a, Role.HOUSING_BROKER)
    vacancy = make_vacancy(broker)
    people = [needy(broker, person_factory, f"Person{i}", start=TODAY - timedelta(days=10)) for i in range(N)]
    offers = [offered_directly(vacancy, p) for p in people]
    results = fire(list(zip(brokers(municipality_a, N), offers)))
    assert_one_winner(results)
    assert Offer.objects.filter(vacancy=vacancy, status=OfferStatus.ACCEPTED).count() == 1


@pytest.mark.django_db(transaction=True)
def test_fifty_homes_accepted_for_one_person_at_once_gives_them_exactly_one(
    municipality_a, users_a, actor_factory, person_factory
):
    broker = actor_factory(users_a[Role.HOUSING_BROKER], municipality_a, Role.HOUSING_BROKER)
    person = needy(broker, person_factory, start=TODAY - timedelta(days=10))
    offers = [offered_directly(make_vacancy(broker, address=f"Vej {i}"), person) for i in range(N)]
    results = fire(list(zip(brokers(municipality_a, N), offers)))
    assert_one_winner(results)
    assert Offer.objects.filter(person=person, status=OfferStatus.ACCEPTED).count() == 1


@pytest.mark.django_db(transaction=True)
def test_fifty_clicks_on_the_same_offer_accept_it_once(
    municipality_a, users_a, actor_factory, person_factory
):
    broker = actor_factory(users_a[Role.HOUSING_BROKER], municipality_a, Role.HOUSING_BROKER)
    offer = offered_directly(
        make_vacancy(broker), needy(broker, person_factory, start=TODAY - timedelta(days=10))
    )
    results = fire([(c, offer) for c in brokers(municipality_a, N)])
    assert_one_winner(results)
    assert Offer.objects.get(pk=offer.pk).log_entries.filter(kind="accepted").count() == 1
