"""The steps of an offer are facts: a step dated after today is refused (core.dates), moving in included."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from accounts.roles import Role
from allocation import services
from allocation.models import Offer, OfferStatus
from allocation.services import AllocationError
from housing.models import Tenancy

from .factories import make_vacancy, needy

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def broker(users_a, municipality_a, actor_factory):
    return actor_factory(users_a[Role.HOUSING_BROKER], municipality_a, Role.HOUSING_BROKER)


def test_an_offer_step_dated_after_today_is_refused(broker, worker_a, person_factory):
    offer = services.offer_propose(
        actor=broker, vacancy=make_vacancy(broker), person=needy(worker_a, person_factory), on=TODAY
    )
    with pytest.raises(AllocationError, match="fremtiden") as caught:
        services.offer_make(actor=broker, offer=offer, on=TODAY + timedelta(days=1))
    assert caught.value.field == "on" and Offer.objects.get(pk=offer.pk).status == OfferStatus.PROPOSED


def test_moving_in_on_31_12_9999_is_refused(broker, worker_a, person_factory):
    person = needy(worker_a, person_factory)
    offer = services.offer_propose(actor=broker, vacancy=make_vacancy(broker), person=person, on=TODAY)
    for step in (services.offer_make, services.offer_accept, services.offer_sign_lease):
        step(actor=broker, offer=offer, on=TODAY)
    with pytest.raises(AllocationError, match="fremtiden"):
        services.offer_move_in(actor=broker, offer=offer, on=date(9999, 12, 31))
    assert not Tenancy.objects.filter(person=person).exists()
