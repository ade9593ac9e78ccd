"""Demo data for I dag (demo/loader.py calls seed() per municipality, after every domain app's own hook,
since today sits above them in INSTALLED_APPS). I dag stores no items: it reads the demo the other apps
made. Where a demo user's section would be empty, a little more of the same kind of data is added through
the domains' own services or rows, so every demo user (leder, boligformidler, stoettemedarbejder,
gademedarbejder, leder-fredericia) opens a full I dag. Each step is best effort: a demo that cannot add
an item of one kind still loads."""

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef

from accounts.access import Actor
from accounts.roles import Role
from allocation import services as allocation_services
from allocation.models import AgendaItem, CommitteeMeeting, Offer, Vacancy
from housing.models import OPEN_VACANCY_STATUSES, Tenancy, Unit
from people import conf as people_conf
from people import services as people_services
from people.models import Person
from people.statuses import ACTIVE
from plans import services as plan_services
from support.models import EpisodeStatus, SupportEpisode, WaitingListEntry

from . import selectors
from .items import Kind

log = logging.getLogger(__name__)

FIRST_NAMES = ["Ulla", "Viggo", "Yrsa"]


def _actor(user, municipality, role) -> Actor:
    return Actor(user=user, municipality=municipality, role=role, path="/demo/")


def _try(kind, fn, *args):
    try:
        with transaction.atomic():
            fn(*args)
    except Exception as exc:  # the demo loads even if one kind of item cannot be shown
        log.warning("I dag demo: %s not added (%s)", kind, exc)


def seed(*, municipality, staff, rng, today, areas):
    for role, user in staff.items():
        if not selectors.has_today(role):
            continue
        me = _actor(user, municipality, role)
        me.path = ""
        empty = {s.kind for s in selectors.today_sections(me, today=today, log=False) if not s.total}
        for kind in empty:
            top_up = TOP_UPS.get(kind)
            if top_up:
                _try(kind, top_up, me, staff, today, rng)


# --- the kinds the other demos may leave empty -------------------------------------------------------


def _my_people(me):
    return Person.objects.filter(
        pk__in=SupportEpisode.objects.filter(
            municipality=me.municipality, worker=me.user, status=EpisodeStatus.ACTIVE
        ).values("person_id")
    ).order_by("id")


def _registrations(me, staff, today, rng):
    for i in range(2):
        people_services.person_create(
            actor=me,
            first_name=FIRST_NAMES[i],
            last_name="",
            initials="",
            situation="street",
            situation_start=today - timedelta(days=2 + i),
        )


def _no_worker(me, staff, today, rng):
    for i in range(2):
        person = people_services.person_create(
            actor=me,
            first_name=f"{FIRST_NAMES[i]}a",
            last_name="Nielsen",
            birth_year=1970 + i,
            situation="night_shelter",
            situation_start=today - timedelta(days=10 + i),
        )
        person.workers.clear()


def _near_inactive(me, staff, today, rng):
    after = people_conf.value("INACTIVE_AFTER_DAYS", municipality=me.municipality)
    own = Person.objects.filter(
        municipality=me.municipality, workers=me.user, current_status__in=[s.value for s in ACTIVE]
    ).order_by("id")[:3]
    for i, person in enumerate(own):
        Person.objects.filter(pk=person.pk).update(last_activity_on=today - timedelta(days=after - 3 - 3 * i))


def _home_at_risk(me, staff, today, rng):
    # A support worker's own citizens are those of their open episodes; an outreach worker's are those he
    # is own worker of (housing.selectors.eviction_cases_query).
    mine = _my_people(me) if me.role == Role.SUPPORT_WORKER else Person.objects.filter(workers=me.user)
    mine = mine.filter(municipality=me.municipality)
    tenancy = (
        Tenancy.objects.filter(
            municipality=me.municipality, ends_on__isnull=True, eviction_case_on__isnull=True, person__in=mine
        )
        .order_by("id")
        .first()
    )
    if tenancy is None:
        person = mine.exclude(tenancies__ends_on__isnull=True).order_by("id").first()
        if person is None:
            return
        tenancy = Tenancy.objects.create(
            municipality=me.municipality,
            person=person,
            address="Slotsgade 4, 2. tv.",
            starts_on=today - timedelta(days=300),
        )
    tenancy.person.workers.add(me.user)
    Tenancy.objects.filter(pk=tenancy.pk).update(eviction_case_on=today - timedelta(days=4))


def _plan_review(me, staff, today, rng):
    for i, person in enumerate(_my_people(me)[:2]):
        plan_services.plan_save(
            actor=me, person=person, next_review_on=today + timedelta(days=2 - 4 * i), goals={}
        )


def _consent(me, staff, today, rng):
    person = _my_people(me).first()
    if person:
        plan_services.consent_give(
            actor=me,
            person=person,
            recipient="landlord",
            scope="Kontaktoplysninger og behov for støtte ved indflytning",
            given_on=today - timedelta(days=170),
            valid_until=today + timedelta(days=12),
        )


def _needs_contact(me, staff, today, rng):
    person = _my_people(me).filter(on_needs_list=True).first()
    if person:
        Person.objects.filter(pk=person.pk).update(
            current_status="inactive", status_since=today - timedelta(days=6)
        )


def _free_unit(municipality):
    return (
        Unit.objects.filter(municipality=municipality, active=True)
        .exclude(vacancies__status__in=OPEN_VACANCY_STATUSES)
        .exclude(tenancies__ends_on__isnull=True)
        .order_by("rent", "id")
        .first()
    )


def _broker(staff, municipality):
    user = staff.get(Role.HOUSING_BROKER) or staff.get(Role.LEADER)
    return _actor(user, municipality, Role.HOUSING_BROKER)


def _vacancy(municipality, broker, today, *, deadline_in: int):
    unit = _free_unit(municipality)
    if unit is None:
        return None
    return allocation_services.vacancy_create(
        actor=broker,
        unit=unit,
        reported_on=today - timedelta(days=8),
        nominate_by=today + timedelta(days=deadline_in),
    )


def _vacancy_deadline(me, staff, today, rng):
    _vacancy(me.municipality, _broker(staff, me.municipality), today, deadline_in=2)


def _offer_for(person, staff, me, today, *, make: bool):
    broker = _broker(staff, me.municipality)
    vacancy = _vacancy(me.municipality, broker, today, deadline_in=10)
    if vacancy is None:
        return None
    offer = allocation_services.offer_propose(
        actor=broker, vacancy=vacancy, person=person, on=today - timedelta(days=6)
    )
    if make:
        offer = allocation_services.offer_make(actor=broker, offer=offer, on=today - timedelta(days=5))
    return offer


def _offer_answer(me, staff, today, rng):
    person = (
        _my_people(me)
        .filter(on_needs_list=True)
        .exclude(offers__status__in=["accepted", "lease_signed"])
        .first()
    )
    if person:
        _offer_for(person, staff, me, today, make=True)


def _offer_stalled(me, staff, today, rng):
    person = (
        Person.objects.filter(municipality=me.municipality, on_needs_list=True, protected=False)
        .exclude(offers__status__in=["proposed", "offered", "accepted", "lease_signed"])
        .order_by("homeless_since", "id")
        .first()
    )
    if person:
        offer = _offer_for(person, staff, me, today, make=False)
        if offer:
            Offer.objects.filter(pk=offer.pk).update(status_since=today - timedelta(days=6))


def _committee(me, staff, today, rng):
    vacancy = (
        Vacancy.objects.filter(municipality=me.municipality, status="open")
        .exclude(agenda_items__decision="")
        .order_by("nominate_by", "id")
        .first()
    ) or _vacancy(me.municipality, _broker(staff, me.municipality), today, deadline_in=12)
    if vacancy is None:
        return
    meeting = CommitteeMeeting.objects.create(
        municipality=me.municipality, held_on=today, title="Boligudvalgets møde", participants="Demo"
    )
    AgendaItem.objects.create(
        municipality=me.municipality,
        meeting=meeting,
        vacancy=vacancy,
        proposal_text="Punktet venter på udvalgets beslutning.",
    )


def _waiting(me, staff, today, rng):
    waiting = WaitingListEntry.objects.filter(municipality=me.municipality, closed_on__isnull=True)
    person = (
        Person.objects.filter(
            municipality=me.municipality, current_status__in=[s.value for s in ACTIVE], protected=False
        )
        .exclude(Exists(WaitingListEntry.objects.filter(person_id=OuterRef("pk"), closed_on__isnull=True)))
        .exclude(
            Exists(
                SupportEpisode.objects.filter(
                    person_id=OuterRef("pk"), status__in=[EpisodeStatus.ACTIVE, EpisodeStatus.PAUSED]
                )
            )
        )
        .order_by("id")
        .first()
    )
    if person and waiting.count() < 50:
        WaitingListEntry.objects.create(
            municipality=me.municipality,
            person=person,
            method="icm",
            since=today - timedelta(days=45),
            refusal="Alle ICM-medarbejdere har fuld sagsstamme.",
        )


TOP_UPS = {
    Kind.REGISTRATION: _registrations,
    Kind.NO_WORKER: _no_worker,
    Kind.NEAR_INACTIVE: _near_inactive,
    Kind.HOME_AT_RISK: _home_at_risk,
    Kind.PLAN_REVIEW: _plan_review,
    Kind.CONSENT_EXPIRING: _consent,
    Kind.NEEDS_CONTACT: _needs_contact,
    Kind.OFFER_ANSWER: _offer_answer,
    Kind.VACANCY_DEADLINE: _vacancy_deadline,
    Kind.OFFER_STALLED: _offer_stalled,
    Kind.COMMITTEE: _committee,
    Kind.WAITING_LONG: _waiting,
}
