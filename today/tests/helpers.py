"""Worlds for the I dag tests: for each role, n of every kind of item it should see (shared by the selector
tests, the query counts and the end-to-end tests)."""

from datetime import timedelta

from django.utils import timezone

from accounts.access import Actor
from accounts.roles import Role
from allocation import services as allocation_services
from allocation.models import AgendaItem, CommitteeMeeting, Offer, Vacancy
from allocation.tests.factories import make_vacancy
from housing import services as housing_services
from housing.tests.factories import make_stock
from people import services as people_services
from people.models import Person
from people.statuses import Status
from plans import services as plan_services
from support import services as support_services
from support.models import WaitingListEntry
from support.tests.helpers import icm_setup


def today():
    return timezone.localdate()


def ago(days):
    return today() - timedelta(days=days)


def actor(users, municipality, role) -> Actor:
    return Actor(user=users[role], municipality=municipality, role=role, path="/i-dag/")


def support_world(users, municipality, outreach, person_factory, n=1, prefix="S"):
    """n citizens of the support worker, each with an overdue contact (persistence), an overdue plan
    review, an eviction case, an offer awaiting the answer, an expiring consent; and n own citizens on the
    needs list who are inactive."""
    from support.models import Team
    from support.tests.helpers import support_worker

    if Team.objects.filter(municipality=municipality, name="ICM-teamet").exists():
        worker = support_worker(users, municipality)
    else:
        _, worker, _ = icm_setup(users, municipality)
    people = []
    for i in range(n):
        p = person_factory(outreach, first_name=f"{prefix}{i:02d}", last_name="Borger", start=ago(60))
        support_services.episode_start(
            actor=worker, person=p, method="icm", start_date=ago(30), worker=worker.user
        )
        plan_services.plan_save(actor=worker, person=p, next_review_on=ago(2), goals={})
        plan_services.consent_give(
            actor=worker,
            person=p,
            recipient="landlord",
            scope="Kontaktoplysninger",
            given_on=ago(100),
            valid_until=today() + timedelta(days=10),
        )
        _, unit = make_stock(municipality, address=f"Fjordvej {prefix}{i}")
        tenancy = housing_services.tenancy_start(actor=worker, person=p, starts_on=ago(20), unit=unit)
        housing_services.tenancy_flag_eviction(actor=worker, tenancy=tenancy, flagged_on=ago(3))
        # An offer made to another of my citizens (one who is still homeless and on the needs list).
        q = person_factory(outreach, first_name=f"{prefix}{i:02d}", last_name="Tilbud", start=ago(60))
        support_services.episode_start(
            actor=worker, person=q, method="icm", start_date=ago(5), worker=worker.user
        )
        people_services.needs_list_register(actor=outreach, person=q, registered_on=ago(50), max_rent=5000)
        q.refresh_from_db()
        vacancy = make_vacancy(
            actor(users, municipality, Role.HOUSING_BROKER), address=f"Havnevej {prefix}{i}"
        )
        offer = allocation_services.offer_propose(
            actor=actor(users, municipality, Role.HOUSING_BROKER), vacancy=vacancy, person=q, on=ago(4)
        )
        allocation_services.offer_make(
            actor=actor(users, municipality, Role.HOUSING_BROKER), offer=offer, on=ago(3)
        )
        # On the needs list, my citizen, inactive.
        r = person_factory(outreach, first_name=f"{prefix}{i:02d}", last_name="Inaktiv", start=ago(200))
        r.workers.add(worker.user)
        people_services.needs_list_register(actor=outreach, person=r, registered_on=ago(150), max_rent=5000)
        Person.objects.filter(pk=r.pk).update(current_status=Status.INACTIVE, status_since=ago(5))
        people += [p, q, r]
    return worker, people


def outreach_world(municipality, outreach, person_factory, n=1, prefix="O"):
    """n own citizens close to becoming inactive, n new registrations without a birth year, and n people
    without any worker."""
    from people import conf as people_conf

    after = people_conf.value("INACTIVE_AFTER_DAYS", municipality=municipality)
    people = []
    for i in range(n):
        near = person_factory(
            outreach, first_name=f"{prefix}{i:02d}", last_name="Snart", start=ago(after + 50)
        )
        Person.objects.filter(pk=near.pk).update(last_activity_on=ago(after - 5))
        new = person_factory(outreach, first_name=f"{prefix}{i:02d}", last_name="Ny", start=ago(3))
        lone = person_factory(outreach, first_name=f"{prefix}{i:02d}", last_name="Alene", start=ago(10))
        lone.workers.clear()
        people += [near, new, lone]
    return people


def broker_world(users, municipality, outreach, person_factory, n=1, prefix="B"):
    """n vacancies near their deadline, n stalled offers and n undecided committee items."""
    broker = actor(users, municipality, Role.HOUSING_BROKER)
    for i in range(n):
        _, unit = make_stock(municipality, address=f"Fristvej {prefix}{i}")
        Vacancy.objects.create(
            municipality=municipality, unit=unit, reported_on=ago(10), nominate_by=today() + timedelta(days=1)
        )
        p = person_factory(outreach, first_name=f"{prefix}{i:02d}", last_name="Venter", start=ago(60))
        people_services.needs_list_register(actor=outreach, person=p, registered_on=ago(50), max_rent=5000)
        p.refresh_from_db()
        vacancy = make_vacancy(broker, address=f"Stilstand {prefix}{i}")
        offer = allocation_services.offer_propose(actor=broker, vacancy=vacancy, person=p, on=ago(12))
        Offer.objects.filter(pk=offer.pk).update(status_since=ago(12))
        _, unit2 = make_stock(municipality, address=f"Udvalgsvej {prefix}{i}")
        v2 = Vacancy.objects.create(
            municipality=municipality,
            unit=unit2,
            reported_on=ago(2),
            nominate_by=today() + timedelta(days=20),
        )
        meeting = CommitteeMeeting.objects.create(
            municipality=municipality, held_on=ago(1), title="Boligudvalgets møde"
        )
        AgendaItem.objects.create(
            municipality=municipality, meeting=meeting, vacancy=v2, proposed_person=None
        )
    return broker


def leader_world(users, municipality, outreach, person_factory, n=1, prefix="L"):
    """n citizens waiting for support for two months."""
    for i in range(n):
        p = person_factory(outreach, first_name=f"{prefix}{i:02d}", last_name="Venteliste", start=ago(90))
        WaitingListEntry.objects.create(
            municipality=municipality, person=p, method="cti", since=ago(60), refusal="Fuld"
        )
    return actor(users, municipality, Role.LEADER)
