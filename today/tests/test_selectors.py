"""I dag per role (today/selectors.py): each role's items, done work leaves the list, nothing crosses
municipalities, and every person shown is logged."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.roles import Role
from allocation import services as allocation_services
from allocation.models import Offer
from audit.models import AccessLogEntry
from people import services as people_services
from support import services as support_services
from support.models import SupportEpisode, WaitingListEntry
from support.tests.helpers import leader as leader_actor
from today import selectors
from today.items import Kind

from .helpers import actor, ago, broker_world, leader_world, outreach_world, support_world

pytestmark = pytest.mark.django_db


def by_kind(sections):
    return {s.kind: s for s in sections}


def titles(sections, kind):
    return [i.title for i in by_kind(sections)[kind].items]


def all_titles(sections):
    return {i.title for s in sections for i in s.items}


def test_the_support_workers_day_and_a_contact_that_ends_a_task(
    users_a, users_b, municipality_a, municipality_b, worker_a, worker_b, person_factory
):
    worker, people = support_world(users_a, municipality_a, worker_a, person_factory, n=1, prefix="A")
    support_world(users_b, municipality_b, worker_b, person_factory, n=1, prefix="Bx")
    today = timezone.localdate()

    sections = selectors.today_sections(worker, today=today)
    assert titles(sections, Kind.PERSISTENCE) == ["A00 Borger"]
    assert titles(sections, Kind.PLAN_REVIEW) == ["A00 Borger"]
    assert titles(sections, Kind.HOME_AT_RISK) == ["A00 Borger"]
    assert titles(sections, Kind.OFFER_ANSWER) == ["A00 Tilbud"]
    assert titles(sections, Kind.NEEDS_CONTACT) == ["A00 Inaktiv"]
    assert titles(sections, Kind.CONSENT_EXPIRING) == ["A00 Borger"]
    assert not any(t.startswith("Bx") for t in all_titles(sections))
    # Every person shown is logged, once, with the page's purpose.
    logged = set(
        AccessLogEntry.objects.filter(user=worker.user, purpose=selectors.PURPOSE).values_list(
            "person_id", flat=True
        )
    )
    assert logged == {p.pk for p in people}

    # The worker reaches the citizen: the persistence task leaves the list.
    episode = SupportEpisode.objects.get(person=people[0])
    support_services.episode_contact_record(
        actor=worker, episode=episode, contacted_on=today, kind="meeting", reached=True
    )
    assert by_kind(selectors.today_sections(worker, today=today))[Kind.PERSISTENCE].total == 0


def test_a_cti_phase_that_begins_this_week(users_a, municipality_a, worker_a, person_factory):
    from support import conf as support_conf
    from support import cti
    from support.tests.helpers import leader

    boss = leader(users_a, municipality_a)
    team = support_services.team_save(actor=boss, name="CTI-teamet", method="cti")
    support_services.worker_save(actor=boss, user=users_a[Role.SUPPORT_WORKER], method="cti", team=team)
    worker = actor(users_a, municipality_a, Role.SUPPORT_WORKER)
    today = timezone.localdate()
    # Started so that phase 1 begins in three days (after the contact period).
    start = today
    while cti.periods(start, total_months=9, contact_months=support_conf.value("CTI_CONTACT_MONTHS"))[
        1
    ].start > today + timedelta(days=3):
        start -= timedelta(days=1)
    p = person_factory(worker_a, first_name="Cia", start=start - timedelta(days=5))
    support_services.episode_start(actor=worker, person=p, method="cti", start_date=start, worker=worker.user)
    section = by_kind(selectors.today_sections(worker, today=today))[Kind.CTI_PHASE]
    assert [i.title for i in section.items] == ["Cia Hansen"]
    assert "1. fase" in section.items[0].reason


def test_the_outreach_workers_day_and_a_contact_that_keeps_a_citizen_active(
    users_a, municipality_a, municipality_b, worker_a, worker_b, person_factory
):
    people = outreach_world(municipality_a, worker_a, person_factory, n=1, prefix="A")
    outreach_world(municipality_b, worker_b, person_factory, n=1, prefix="Bx")
    worker_a.path = "/i-dag/"
    today = timezone.localdate()
    sections = selectors.today_sections(worker_a, today=today)
    assert titles(sections, Kind.NEAR_INACTIVE) == ["A00 Snart"]
    assert titles(sections, Kind.REGISTRATION) == ["A00 Ny"]
    assert titles(sections, Kind.NO_WORKER) == ["A00 Alene"]
    assert not any(t.startswith("Bx") for t in all_titles(sections))

    people_services.contact_record(
        actor=worker_a, person=people[0], contacted_on=today, kind="outreach", reached=True
    )
    people_services.person_update(actor=worker_a, person=people[1], birth_year=1980)
    sections = selectors.today_sections(worker_a, today=today)
    assert by_kind(sections)[Kind.NEAR_INACTIVE].total == 0
    assert by_kind(sections)[Kind.REGISTRATION].total == 0


def test_the_brokers_day_and_an_offer_that_moves_on(
    users_a, users_b, municipality_a, municipality_b, worker_a, worker_b, person_factory
):
    broker = broker_world(users_a, municipality_a, worker_a, person_factory, n=1, prefix="A")
    broker_world(users_b, municipality_b, worker_b, person_factory, n=1, prefix="Bx")
    today = timezone.localdate()
    sections = selectors.today_sections(broker, today=today)
    assert titles(sections, Kind.VACANCY_DEADLINE) == ["Fristvej A0"]
    assert titles(sections, Kind.OFFER_STALLED) == ["A00 Venter"]
    assert titles(sections, Kind.COMMITTEE) == ["Udvalgsvej A0"]
    assert not any("Bx" in t for t in all_titles(sections))

    offer = Offer.objects.get(municipality=municipality_a, person__first_name="A00")
    allocation_services.offer_make(actor=broker, offer=offer, on=today)
    assert by_kind(selectors.today_sections(broker, today=today))[Kind.OFFER_STALLED].total == 0


def test_the_leaders_day_and_a_wait_that_ends(
    users_a, users_b, municipality_a, municipality_b, worker_a, worker_b, person_factory
):
    boss = leader_world(users_a, municipality_a, worker_a, person_factory, n=1, prefix="A")
    leader_world(users_b, municipality_b, worker_b, person_factory, n=1, prefix="Bx")
    boss.path = "/i-dag/"
    today = timezone.localdate()
    sections = selectors.today_sections(boss, today=today)
    assert titles(sections, Kind.WAITING_LONG) == ["A00 Venteliste"]
    assert {Kind.FIDELITY_DUE, Kind.OVER_CASELOAD, Kind.MOVING_IN, Kind.COMMITTEE} <= set(by_kind(sections))
    assert not any(t.startswith("Bx") for t in all_titles(sections))

    entry = WaitingListEntry.objects.get(municipality=municipality_a)
    support_services.waiting_close(
        actor=leader_actor(users_a, municipality_a), entry=entry, on=today, reason="Startet"
    )
    assert by_kind(selectors.today_sections(boss, today=today))[Kind.WAITING_LONG].total == 0


def test_a_section_shows_the_first_items_and_the_total(
    users_a, municipality_a, worker_a, person_factory, settings
):
    settings.HF = {**settings.HF, "TODAY": {"SECTION_SIZE": 2}}
    leader_world(users_a, municipality_a, worker_a, person_factory, n=3)
    boss = actor(users_a, municipality_a, Role.LEADER)
    section = by_kind(selectors.today_sections(boss, today=timezone.localdate()))[Kind.WAITING_LONG]
    assert len(section.items) == 2 and section.total == 3 and section.more == 1
    full = selectors.section_full(boss, Kind.WAITING_LONG, today=timezone.localdate())
    assert full.total == 3 and len(full.items) == 3


def test_roles_without_an_i_dag_have_no_sources():
    assert not selectors.has_today(Role.ANALYST) and not selectors.has_today(Role.ADMINISTRATOR)
    for role in (Role.SUPPORT_WORKER, Role.OUTREACH_WORKER, Role.HOUSING_BROKER, Role.LEADER):
        assert selectors.has_today(role)


def test_a_protected_citizen_shows_only_to_their_own_worker(
    users_a, municipality_a, worker_a, person_factory
):
    lone = person_factory(worker_a, first_name="Skjult", start=ago(10), protected=True)
    lone.workers.clear()
    other = actor(users_a, municipality_a, Role.OUTREACH_WORKER)
    assert "Skjult Hansen" not in all_titles(selectors.today_sections(other, today=timezone.localdate()))


def test_a_document_that_runs_out_is_on_the_workers_day_until_a_new_one_replaces_it(
    settings, tmp_path, users_a, users_b, municipality_a, municipality_b, worker_a, worker_b, person_factory
):
    from casefile.tests.helpers import make_document

    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "documents"), "base_url": None},
        },
    }
    worker, people = support_world(users_a, municipality_a, worker_a, person_factory, n=1, prefix="A")
    _, others = support_world(users_b, municipality_b, worker_b, person_factory, n=1, prefix="Bx")
    today = timezone.localdate()
    make_document(people[0], kind="consent", title="Samtykke", expires_on=today + timedelta(days=5))
    make_document(others[0], kind="consent", title="Samtykke", expires_on=today + timedelta(days=5))

    [item] = by_kind(selectors.today_sections(worker, today=today))[Kind.DOCUMENT_EXPIRING].items
    assert item.title == "A00 Borger" and "Samtykke" in item.reason and item.url

    # A renewed consent form that runs for a year replaces it.
    make_document(people[0], kind="consent", title="Samtykke 2027", expires_on=today + timedelta(days=365))
    assert by_kind(selectors.today_sections(worker, today=today))[Kind.DOCUMENT_EXPIRING].total == 0
