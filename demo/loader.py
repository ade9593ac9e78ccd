"""Writing generated people (demo/generator.py) into the database, and the demo data set itself.

System work: everything runs inside ``system_access()`` (scopes off, the PostgreSQL RLS bypass) and
one transaction, so a failed seeding leaves the previous demo intact.
"""

import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import pgtrigger
from django.apps import apps
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

import figures
from accounts.models import Membership, User
from accounts.roles import ROLE_LABELS, Role
from audit.models import AccessLogEntry
from core import crypto as core_crypto
from people import crypto
from people.models import Contact, NeedsListEntry, Person, SituationPeriod, StatusChange
from people.quality import name_key
from people.search import search_name
from people.situations import HOMELESS
from people.statuses import ACTIVE
from tenants.models import Municipality
from tenants.rls import system_access

from .generator import Params, PersonData, generate_people

DEMO_PASSWORD = "demo-hf-2026"
DEMO_YEARS = 5


@dataclass(frozen=True)
class DemoMunicipality:
    code: str
    name: str
    people: int  # people with histories; tuned so today's list matches the seed's figures
    areas: tuple[str, ...]


# Frederikssund (seed 001): 28 counted homeless plus about 30 young people in the dark number, and
# 70-150 on the housing needs list; 550 people over 5 years gives about 55-75 active today and 75-95
# on the needs list. Fredericia (seed 000) is small here: it is there to show tenancy.
DEMO_MUNICIPALITIES = [
    DemoMunicipality("0250", "Frederikssund", 550, ("Frederikssund by", "Jægerspris", "Slangerup", "Skibby")),
    DemoMunicipality("0607", "Fredericia", 90, ("Fredericia midtby", "Erritsø", "Taulov")),
]


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: Role
    first_name: str
    last_name: str
    code: str = "0250"


DEMO_USERS = [
    DemoUser("leder", Role.LEADER, "Lise", "Holm"),
    DemoUser("boligformidler", Role.HOUSING_BROKER, "Bo", "Madsen"),
    DemoUser("stoettemedarbejder", Role.SUPPORT_WORKER, "Sanne", "Kjær"),
    DemoUser("gademedarbejder", Role.OUTREACH_WORKER, "Gustav", "Lund"),
    DemoUser("analytiker", Role.ANALYST, "Anne", "Friis"),
    DemoUser("administrator", Role.ADMINISTRATOR, "Adam", "Berg"),
    DemoUser("leder-fredericia", Role.LEADER, "Frida", "Nørgaard", "0607"),
]


class NotADemoDatabase(RuntimeError):
    """seed_demo was asked to run on a database that is not known to be a demo database."""


def ensure_demo_database(*, deletes_data_confirmed: bool = False) -> None:
    """The demo reset deletes the demo municipalities' people, logs and users and creates users with the
    published DEMO_PASSWORD, so it runs only where the settings say the database is a demo database
    (settings.HF_DEMO_DATABASE: local.py and test.py, never production.py), or with an explicit
    confirmation under settings that are not the production settings (a staging copy, say)."""
    if getattr(settings, "HF_DEMO_DATABASE", False):
        return
    module = getattr(settings, "SETTINGS_MODULE", "") or ""
    production = module.rsplit(".", 1)[-1] == "production"
    if deletes_data_confirmed and not production:
        return
    why = (
        "Indstillingerne er produktionsindstillinger"
        if production
        else "Databasen er ikke markeret som demodatabase (HF_DEMO_DATABASE)"
    )
    raise NotADemoDatabase(
        f"Demodata indlæses ikke: {why} ({module or 'ukendt indstillingsmodul'}). Indlæsningen sletter "
        "demokommunernes borgere, log og brugere og opretter brugere med den offentlige demoadgangskode. "
        "Intet er ændret. Brug en demodatabase, fx DJANGO_SETTINGS_MODULE=config.settings.local "
        "(som ./run demo gør)."
        + (
            ""
            if production
            else " Er du sikker på, at databasen må tømmes, så tilføj --i-know-this-deletes-data."
        )
    )


def seed_demo(*, seed: int = 1, today: date | None = None, deletes_data_confirmed: bool = False) -> dict:
    """Reset and load the demo: two municipalities, their users and people. Idempotent. Refuses
    (NotADemoDatabase) before touching anything unless the database is a demo database."""
    ensure_demo_database(deletes_data_confirmed=deletes_data_confirmed)
    today = today or timezone.localdate()
    start = today - timedelta(days=365 * DEMO_YEARS)
    summary = {}
    # The loads bypass the model signals (bulk_create): every demo municipality's figures (the figures
    # app) are marked stale once, in the same transaction; the per-row signals of the reset only collect.
    with system_access(), transaction.atomic(), figures.collected():
        municipalities = {d.code: _municipality(d) for d in DEMO_MUNICIPALITIES}
        figures.mark_stale(*municipalities.values())
        _reset(list(municipalities.values()))
        users = _users(municipalities)
        for i, spec in enumerate(DEMO_MUNICIPALITIES):
            rng = random.Random(seed * 1000 + i)
            people = list(
                generate_people(
                    rng, count=spec.people, start=start, end=today, params=Params(areas=spec.areas)
                )
            )
            staff = {u.role: users[u.username] for u in DEMO_USERS if u.code == spec.code}
            load_people(municipalities[spec.code], people, staff=staff)
            for hook in _app_demo_hooks():
                hook.seed(
                    municipality=municipalities[spec.code],
                    staff=staff,
                    rng=rng,
                    today=today,
                    areas=spec.areas,
                )
            summary[spec.code] = _counts(municipalities[spec.code])
    return summary


def _app_demo_hooks():
    """Each domain app may ship ``<app>/demo_seed.py`` with ``seed(*, municipality, staff, rng, today, areas)``
    (areas: the municipality's area names) (and optionally ``reset(municipalities)``) to extend the demo with its own data, so the demo
    grows with the platform without this module knowing every app."""
    from importlib import import_module
    from importlib.util import find_spec

    for config in apps.get_app_configs():
        name = f"{config.name}.demo_seed"
        if config.name != "demo" and find_spec(name) is not None:
            yield import_module(name)


def _municipality(spec: DemoMunicipality) -> Municipality:
    municipality, _ = Municipality.objects.update_or_create(
        code=spec.code, defaults={"name": spec.name, "mfa_required_roles": [], "inactive_after_days": None}
    )
    return municipality


def _reset(municipalities: list[Municipality]) -> None:
    """Remove the demo municipalities' case data, logs and the demo users (rerunning starts clean)."""
    for hook in reversed(list(_app_demo_hooks())):
        if hasattr(hook, "reset"):
            hook.reset(municipalities)
    Person.objects.filter(municipality__in=municipalities).delete()
    ids = [m.pk for m in municipalities]
    # The history rows pghistory wrote for demo people (PostgreSQL only; empty on SQLite).
    import pghistory.models

    for model in apps.get_models():
        if issubclass(model, pghistory.models.Event) and any(
            f.name == "municipality" for f in model._meta.fields
        ):
            model.objects.filter(municipality_id__in=ids).delete()
    # The log is append-only (a trigger on PostgreSQL); the demo reset is the one sanctioned exception
    # besides the retention job.
    with pgtrigger.ignore("audit.AccessLogEntry:append_only"):
        AccessLogEntry.objects.filter(municipality__in=municipalities).delete()
        AccessLogEntry.objects.filter(user__username__in=[u.username for u in DEMO_USERS]).delete()
    User.objects.filter(username__in=[u.username for u in DEMO_USERS]).delete()


def _users(municipalities: dict[str, Municipality]) -> dict[str, User]:
    # One hash for all: PBKDF2 takes about half a second each and the password is the same.
    password = make_password(DEMO_PASSWORD)
    users = {}
    for spec in DEMO_USERS:
        user = User.objects.create(
            username=spec.username, password=password, first_name=spec.first_name, last_name=spec.last_name
        )
        Membership.objects.create(user=user, municipality=municipalities[spec.code], role=spec.role)
        users[spec.username] = user
    return users


def load_people(
    municipality: Municipality,
    people: Iterable[PersonData],
    *,
    staff: dict[Role, User],
    batch_size: int = 500,
) -> int:
    """bulk_create the people and their histories; each gets their own workers (protected people
    are visible in lists only to them)."""
    people = list(people)
    outreach = staff.get(Role.OUTREACH_WORKER)
    support = staff.get(Role.SUPPORT_WORKER) or outreach
    broker = staff.get(Role.HOUSING_BROKER)
    persons = [_person(municipality, p) for p in people]
    Person.objects.bulk_create(persons, batch_size=batch_size)
    situations, changes, contacts, needs, workers = [], [], [], [], []
    through = Person.workers.through
    for obj, data in zip(persons, people):
        first_homeless = data.situations[0].situation in HOMELESS
        own = {outreach if first_homeless else support}
        if data.protected:
            own |= {outreach, support}
        if data.on_needs_list and broker:
            own.add(broker)
        own.discard(None)
        workers += [through(person_id=obj.pk, user_id=u.pk) for u in own]
        by = outreach if first_homeless else support
        by_id = by.pk if by else None
        situations += [
            SituationPeriod(
                municipality=municipality,
                person_id=obj.pk,
                situation=s.situation,
                start_date=s.start,
                end_date=s.end,
                place=s.place,
                recorded_by_id=by_id,
            )
            for s in data.situations
        ]
        changes += [
            StatusChange(
                municipality=municipality,
                person_id=obj.pk,
                status=c.status,
                changed_on=c.changed_on,
                previous_status=c.previous_status,
                days_on_list=c.days_on_list,
                reason=c.reason,
                changed_by_id=None if c.reason.startswith("Ingen kontakt") else by_id,
            )
            for c in data.status_changes
        ]
        contacts += [
            Contact(
                municipality=municipality,
                person_id=obj.pk,
                contacted_on=c.contacted_on,
                kind=c.kind,
                reached=c.reached,
                note=c.note,
                recorded_by_id=by_id,
            )
            for c in data.contacts
        ]
        needs += [
            NeedsListEntry(
                municipality=municipality,
                person_id=obj.pk,
                registered_on=n.registered_on,
                removed_on=n.removed_on,
                max_rent=n.max_rent,
                areas=n.areas,
                min_rooms=n.min_rooms,
                sharing=n.sharing,
                ordinary_building=n.ordinary_building,
                special_needs=n.special_needs,
            )
            for n in data.needs
        ]
    for model, rows in (
        (SituationPeriod, situations),
        (StatusChange, changes),
        (Contact, contacts),
        (NeedsListEntry, needs),
        (through, workers),
    ):
        model.objects.bulk_create(rows, batch_size=batch_size * 4)
    # bulk_create sends no signal: the people's figures (the figures app) are marked stale here.
    figures.mark_stale(municipality)
    return len(persons)


def _person(municipality: Municipality, p: PersonData) -> Person:
    return Person(
        municipality=municipality,
        first_name=p.first_name,
        last_name=p.last_name,
        initials=p.initials,
        search_name=search_name(p.first_name, p.last_name, p.initials),
        name_key=name_key(p.first_name, p.last_name),
        cpr_encrypted=core_crypto.encrypt(p.cpr) if p.cpr else "",
        cpr_hash=crypto.keyed_hash(p.cpr) if p.cpr else "",
        birth_date=p.birth_date,
        birth_year=p.birth_date.year,
        gender=p.gender,
        protected=p.protected,
        identified_on=p.identified_on,
        current_status=p.current_status,
        status_since=p.status_since,
        current_situation=p.current_situation,
        situation_since=p.situation_since,
        homeless_since=p.homeless_since,
        last_activity_on=p.last_activity_on,
        on_needs_list=p.on_needs_list,
        last_contact_on=p.last_contact_on,
        last_reached_on=p.last_reached_on,
    )


def _counts(municipality: Municipality) -> dict:
    people = Person.objects.filter(municipality=municipality)
    active = people.filter(current_status__in=[s.value for s in ACTIVE])
    return {
        "people": people.count(),
        "active": active.count(),
        "homeless": active.filter(current_situation__in=[s.value for s in HOMELESS]).count(),
        "needs_list": people.filter(on_needs_list=True).count(),
        "protected": people.filter(protected=True).count(),
    }


def user_lines() -> list[str]:
    names = {d.code: d.name for d in DEMO_MUNICIPALITIES}
    return [f"  {u.username:<20} {ROLE_LABELS[u.role]:<22} {names[u.code]}" for u in DEMO_USERS]
