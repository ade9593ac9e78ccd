"""The offer workflow and its rules (issue 4 items 4 and 5), through the services."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.roles import Role
from allocation import selectors, services
from allocation.models import DeclineReason, Offer, OfferStatus, Vacancy
from allocation.services import AllocationError
from audit.models import AccessLogEntry
from housing.models import Tenancy, VacancyStatus

from .factories import make_vacancy, needy

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def broker(users_a, municipality_a, actor_factory):
    return actor_factory(users_a[Role.HOUSING_BROKER], municipality_a, Role.HOUSING_BROKER)


def reason(actor):
    services.decline_reasons_ensure_defaults(actor.municipality)
    return DeclineReason.objects.filter(municipality=actor.municipality).first()


def offered(broker, vacancy, person):
    offer = services.offer_propose(actor=broker, vacancy=vacancy, person=person, on=TODAY)
    return services.offer_make(actor=broker, offer=offer, on=TODAY)


def test_the_whole_way_from_proposal_to_moving_in_records_own_home_and_lets_the_vacancy(
    broker, worker_a, person_factory
):
    person = needy(worker_a, person_factory)
    vacancy = make_vacancy(broker)
    offer = offered(broker, vacancy, person)
    services.offer_accept(actor=broker, offer=offer, on=TODAY)
    services.offer_sign_lease(actor=broker, offer=offer, on=TODAY)
    services.offer_move_in(actor=broker, offer=offer, on=TODAY)
    offer.refresh_from_db()
    person.refresh_from_db()
    assert offer.status == OfferStatus.MOVED_IN and offer.tenancy.unit_id == vacancy.unit_id
    assert Vacancy.objects.get(pk=vacancy.pk).status == VacancyStatus.LET
    assert person.current_situation == "own_home" and person.current_status == "housed"
    assert [e.kind for e in offer.log_entries.all()] == [
        "proposed",
        "offered",
        "accepted",
        "lease_signed",
        "moved_in",
    ]
    assert all(e.by_label for e in offer.log_entries.all())
    assert (
        AccessLogEntry.objects.filter(person_id=person.pk, purpose="Anvisning: tilbud om bolig").count() == 4
    )


def test_a_step_out_of_order_is_refused_in_danish(broker, worker_a, person_factory):
    offer = services.offer_propose(
        actor=broker, vacancy=make_vacancy(broker), person=needy(worker_a, person_factory), on=TODAY
    )
    with pytest.raises(AllocationError, match="foreslået og kan ikke blive flyttet ind"):
        services.offer_move_in(actor=broker, offer=offer, on=TODAY)


def test_a_step_dated_before_the_last_one_is_refused(broker, worker_a, person_factory):
    offer = services.offer_propose(
        actor=broker, vacancy=make_vacancy(broker), person=needy(worker_a, person_factory), on=TODAY
    )
    with pytest.raises(AllocationError, match="før tilbuddets seneste skridt"):
        services.offer_make(actor=broker, offer=offer, on=TODAY - timedelta(days=1))


def test_decline_keeps_the_place_and_the_vacancy_can_be_offered_again(broker, worker_a, person_factory):
    first, second = needy(worker_a, person_factory, "Anna"), needy(worker_a, person_factory, "Bent")
    vacancy = make_vacancy(broker)
    offer = offered(broker, vacancy, first)
    services.offer_accept(actor=broker, offer=offer, on=TODAY)
    services.offer_decline(
        actor=broker, offer=offer, on=TODAY, reason=reason(broker), note="For langt fra netværk"
    )
    assert Vacancy.objects.get(pk=vacancy.pk).status == VacancyStatus.OPEN
    first.refresh_from_db()
    assert first.on_needs_list  # no sanction for saying no (principle 2)
    again = offered(broker, vacancy, second)
    services.offer_accept(actor=broker, offer=again, on=TODAY)
    assert Offer.objects.get(pk=again.pk).status == OfferStatus.ACCEPTED
    # and the one who said no is still proposed for the next home
    names = [
        p["person"].pk
        for p in selectors.proposals_for(broker, make_vacancy(broker, address="Nyvej 2"), today=TODAY)
    ]
    assert first.pk in names


def test_decline_needs_a_reason(broker, worker_a, person_factory):
    offer = offered(broker, make_vacancy(broker), needy(worker_a, person_factory))
    with pytest.raises(AllocationError, match="Vælg en afslagsgrund"):
        services.offer_decline(actor=broker, offer=offer, on=TODAY, reason=None)


def test_a_home_is_never_accepted_by_two_people(broker, worker_a, person_factory):
    vacancy = make_vacancy(broker)
    a = offered(broker, vacancy, needy(worker_a, person_factory, "Anna"))
    b = services.offer_propose(
        actor=broker, vacancy=vacancy, person=needy(worker_a, person_factory, "Bent"), on=TODAY
    )
    Offer.objects.filter(pk=b.pk).update(status=OfferStatus.OFFERED)  # a reserve who was also asked
    services.offer_accept(actor=broker, offer=a, on=TODAY)
    with pytest.raises(AllocationError, match="allerede givet til en anden borger"):
        services.offer_accept(actor=broker, offer=b, on=TODAY)


def test_a_person_never_holds_two_accepted_offers(broker, worker_a, person_factory):
    person = needy(worker_a, person_factory)
    a = offered(broker, make_vacancy(broker, address="Et 1"), person)
    b = offered(broker, make_vacancy(broker, address="To 2"), person)
    services.offer_accept(actor=broker, offer=a, on=TODAY)
    with pytest.raises(AllocationError, match="allerede accepteret en anden bolig"):
        services.offer_accept(actor=broker, offer=b, on=TODAY)


def test_the_database_refuses_double_allocation_even_past_the_service(broker, worker_a, person_factory):
    vacancy = make_vacancy(broker)
    a = offered(broker, vacancy, needy(worker_a, person_factory, "Anna"))
    b = offered(broker, make_vacancy(broker, address="To 2"), needy(worker_a, person_factory, "Bent"))
    Offer.objects.filter(pk=a.pk).update(status=OfferStatus.ACCEPTED)
    with pytest.raises(IntegrityError), transaction.atomic():
        Offer.objects.filter(pk=b.pk).update(vacancy=vacancy, status=OfferStatus.ACCEPTED)
    b2 = offered(broker, make_vacancy(broker, address="Tre 3"), a.person)
    with pytest.raises(IntegrityError), transaction.atomic():
        Offer.objects.filter(pk=b2.pk).update(status=OfferStatus.LEASE_SIGNED)


def test_parking_leaves_a_person_out_until_the_date_without_losing_their_place(
    broker, worker_a, person_factory
):
    long_wait = needy(worker_a, person_factory, "Anna", start=TODAY - timedelta(days=80))
    needy(worker_a, person_factory, "Bent")
    vacancy = make_vacancy(broker)
    services.candidate_park(
        actor=broker, person=long_wait, until=TODAY + timedelta(days=3), reason="Indlagt", today=TODAY
    )
    assert long_wait.pk not in [p["person"].pk for p in selectors.proposals_for(broker, vacancy, today=TODAY)]
    later = selectors.proposals_for(broker, vacancy, today=TODAY + timedelta(days=4))
    assert later[0]["person"].pk == long_wait.pk  # back first: time homeless kept counting


def test_parking_needs_a_reason_and_a_future_date(broker, worker_a, person_factory):
    person = needy(worker_a, person_factory)
    with pytest.raises(AllocationError, match="i dag eller senere"):
        services.candidate_park(
            actor=broker, person=person, until=TODAY - timedelta(days=1), reason="x", today=TODAY
        )
    with pytest.raises(AllocationError, match="hvorfor"):
        services.candidate_park(actor=broker, person=person, until=TODAY, reason=" ", today=TODAY)


def test_proposals_show_only_people_who_can_afford_the_home_with_an_explanation(
    broker, worker_a, person_factory
):
    rich = needy(
        worker_a, person_factory, "Anna", max_rent=6000
    )  # net 6,500 - 900 (15 % of the rent) = 5,600
    needy(worker_a, person_factory, "Bent", max_rent=500)
    proposals = selectors.proposals_for(broker, make_vacancy(broker, rent=6000, utilities=500), today=TODAY)
    assert [p["person"].pk for p in proposals] == [rich.pk]
    assert "Kan betales" in proposals[0]["fit"].reasons[0]
    assert AccessLogEntry.objects.filter(
        person_id=rich.pk, purpose="Anvisning: kandidater til ledig bolig"
    ).exists()


def test_income_recorded_on_the_profile_changes_the_benefit_estimate(broker, worker_a, person_factory):
    person = needy(worker_a, person_factory, max_rent=3000)
    vacancy = make_vacancy(broker, rent=4500, utilities=500)
    # With a child (no 15 % cap) and the assumed cash benefit: 54,000 - 28,900 = 25,100 a year, 2,091 a
    # month; net 2,909: affordable.
    services.candidate_profile_update(actor=broker, person=person, children=1)
    assert selectors.proposals_for(broker, vacancy, today=TODAY)
    services.candidate_profile_update(actor=broker, person=person, monthly_income=40000)
    assert not selectors.proposals_for(broker, vacancy, today=TODAY)


def test_stalled_offers_are_those_not_moved_for_the_configured_days(
    broker, worker_a, person_factory, settings
):
    settings.HF = {**settings.HF, "ALLOCATION": {"STALL_DAYS": 5}}
    offer = offered(broker, make_vacancy(broker), needy(worker_a, person_factory))
    assert selectors.stalled_offers(broker, today=TODAY + timedelta(days=4)) == []
    assert selectors.stalled_offers(broker, today=TODAY + timedelta(days=5)) == [offer]


def test_sharing_with_the_landlord_needs_consent(broker, worker_a, person_factory):
    person = needy(worker_a, person_factory)
    offer = offered(broker, make_vacancy(broker), person)
    with pytest.raises(AllocationError, match="ikke givet samtykke"):
        services.offer_share_with_landlord(actor=broker, offer=offer, on=TODAY)
    from plans.models import Consent

    Consent.objects.create(**consent_fields(person, broker))
    services.offer_share_with_landlord(actor=broker, offer=offer, on=TODAY)
    assert Offer.objects.get(pk=offer.pk).shared_with_landlord_on == TODAY


def consent_fields(person, actor):
    from plans.models import Consent

    fields = {f.name for f in Consent._meta.get_fields()}
    data = {"municipality": person.municipality, "person": person, "recipient": "landlord", "given_on": TODAY}
    if "recorded_by" in fields:
        data["recorded_by"] = actor.user
    return data


def test_sharing_fails_closed_without_the_consent_module(broker, worker_a, person_factory, monkeypatch):
    import sys

    offer = offered(broker, make_vacancy(broker), needy(worker_a, person_factory))
    monkeypatch.setitem(sys.modules, "plans.consent", None)  # import raises ImportError
    with pytest.raises(AllocationError, match="ikke givet samtykke"):
        services.offer_share_with_landlord(actor=broker, offer=offer, on=TODAY)


def test_checklist_records_deposit_loan_and_rent_help_with_an_event(broker, worker_a, person_factory):
    offer = offered(broker, make_vacancy(broker), needy(worker_a, person_factory))
    services.offer_checklist_update(
        actor=broker, offer=offer, deposit_loan="granted", rent_help="applied", on=TODAY
    )
    offer.refresh_from_db()
    assert (offer.deposit_loan, offer.rent_help) == ("granted", "applied")
    assert "Indskudslån: Bevilget" in offer.log_entries.last().text


def test_moving_in_withdraws_the_persons_other_live_offers(broker, worker_a, person_factory):
    person = needy(worker_a, person_factory)
    other = services.offer_propose(
        actor=broker, vacancy=make_vacancy(broker, address="To 2"), person=person, on=TODAY
    )
    offer = offered(broker, make_vacancy(broker), person)
    for step in (services.offer_accept, services.offer_sign_lease, services.offer_move_in):
        step(actor=broker, offer=offer, on=TODAY)
    assert Offer.objects.get(pk=other.pk).status == OfferStatus.WITHDRAWN
    assert Tenancy.objects.filter(person=person, ends_on__isnull=True).count() == 1


def test_a_vacancy_deadline_before_the_report_is_refused(broker):
    from housing.tests.factories import make_stock

    _, unit = make_stock(broker.municipality)
    with pytest.raises(AllocationError, match="Fristen for anvisning"):
        services.vacancy_create(
            actor=broker, unit=unit, reported_on=TODAY, nominate_by=TODAY - timedelta(days=1)
        )


def test_a_unit_has_one_open_vacancy_at_a_time(broker):
    vacancy = make_vacancy(broker)
    with pytest.raises(AllocationError, match="allerede meldt ledig"):
        services.vacancy_create(actor=broker, unit=vacancy.unit, reported_on=TODAY, nominate_by=TODAY)


def test_nothing_crosses_municipalities(broker, worker_a, worker_b, person_factory, users_b, actor_factory):
    person_b = needy(worker_b, person_factory, "Bodil")
    vacancy_a = make_vacancy(broker)
    assert person_b.pk not in [
        p["person"].pk for p in selectors.proposals_for(broker, vacancy_a, today=TODAY)
    ]
    with pytest.raises(AllocationError, match="hører ikke til kommunen"):
        services.offer_propose(actor=broker, vacancy=vacancy_a, person=person_b, on=TODAY)
    broker_b = actor_factory(users_b[Role.HOUSING_BROKER], worker_b.municipality, Role.HOUSING_BROKER)
    assert list(selectors.vacancy_list(broker_b)) == []
