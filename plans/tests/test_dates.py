"""Dates typed in plans go through core/dates.py (issue 9, item 15): a review date is planned (within
five years), consent given or revoked is a fact (not after today), a consent's end is planned."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from plans import services
from plans.models import ActionPlan, Consent
from plans.services import PlanDataError

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def person(worker_a, person_factory):
    return person_factory(worker_a, start=date(2025, 1, 10))


@pytest.mark.parametrize("bad", [TODAY.replace(year=TODAY.year + 6), date(9999, 12, 31), date(1899, 1, 1)])
def test_a_review_date_beyond_five_years_or_before_1900_is_refused(worker_a, person, bad):
    with pytest.raises(PlanDataError) as err:
        services.plan_save(actor=worker_a, person=person, next_review_on=bad, goals={})
    assert err.value.field == "next_review_on"
    assert not ActionPlan.objects.filter(person=person).exists()


def test_a_review_date_in_the_past_or_ahead_is_fine(worker_a, person):
    services.plan_save(actor=worker_a, person=person, next_review_on=TODAY - timedelta(days=3), goals={})
    assert (
        services.plan_save(
            actor=worker_a, person=person, next_review_on=TODAY + timedelta(days=300), goals={}
        ).version
        == 2
    )


def test_consent_given_in_the_future_is_refused(worker_a, person):
    with pytest.raises(PlanDataError, match="fremtiden") as err:
        services.consent_give(
            actor=worker_a,
            person=person,
            recipient="landlord",
            scope="Navn",
            given_on=TODAY + timedelta(days=1),
        )
    assert err.value.field == "given_on"
    assert not Consent.objects.filter(person=person).exists()


def test_consent_valid_until_far_ahead_is_refused(worker_a, person):
    with pytest.raises(PlanDataError) as err:
        services.consent_give(
            actor=worker_a,
            person=person,
            recipient="landlord",
            scope="Navn",
            given_on=TODAY,
            valid_until=date(9999, 12, 31),
        )
    assert err.value.field == "valid_until"


def test_consent_revoked_in_the_future_is_refused(worker_a, person):
    consent = services.consent_give(
        actor=worker_a, person=person, recipient="landlord", scope="Navn", given_on=TODAY
    )
    with pytest.raises(PlanDataError, match="fremtiden") as err:
        services.consent_revoke(actor=worker_a, consent=consent, revoked_on=TODAY + timedelta(days=2))
    assert err.value.field == "revoked_on"
