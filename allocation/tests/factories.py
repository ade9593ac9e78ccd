"""Allocation objects for tests, including municipality B's for the tenancy sweep."""

from datetime import timedelta

from django.utils import timezone

from allocation import services
from allocation.models import AgendaItem, CommitteeMeeting, Offer, Vacancy
from housing.tests.factories import make_stock
from people import services as people_services

RECENT = timezone.localdate() - timedelta(days=20)


def needy(actor, person_factory, first_name="Jens", *, max_rent=4000, start=None, **wishes):
    person = person_factory(actor, first_name=first_name, last_name="Hansen", start=start or RECENT)
    people_services.needs_list_register(
        actor=actor, person=person, registered_on=start or RECENT, max_rent=max_rent, **wishes
    )
    person.refresh_from_db()
    return person


def make_vacancy(actor, *, address="Havnevej 1", rent=3400, utilities=400, rooms=2, area="", **unit_kw):
    _, unit = make_stock(actor.municipality, address=address, rent=rent, rooms=rooms)
    unit.utilities, unit.area = utilities, area
    for key, value in unit_kw.items():
        setattr(unit, key, value)
    unit.save()
    today = timezone.localdate()
    return services.vacancy_create(
        actor=actor, unit=unit, reported_on=today, nominate_by=today + timedelta(days=14)
    )


def make_b_allocation(world):
    """B's vacancy, an offer to B's person and a committee meeting with an item, made once per world.
    Created directly (not through services) so B's log and situations stay as the sweep fingerprinted."""
    if getattr(world, "allocation_b", None) is None:
        m = world.person_b.municipality
        today = timezone.localdate()
        _, unit = make_stock(m, name="Odense Almene", address="Nørregade 3")
        vacancy = Vacancy.objects.create(
            municipality=m, unit=unit, reported_on=today, nominate_by=today + timedelta(days=7)
        )
        offer = Offer.objects.create(
            municipality=m, vacancy=vacancy, person=world.person_b, proposed_on=today, status_since=today
        )
        meeting = CommitteeMeeting.objects.create(municipality=m, held_on=today, title="Odenses boligudvalg")
        AgendaItem.objects.create(
            municipality=m, meeting=meeting, vacancy=vacancy, proposed_person=world.person_b
        )
        world.allocation_b = {"vacancy": vacancy, "offer": offer, "meeting": meeting}
    return world.allocation_b
