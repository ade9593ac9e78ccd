"""Demo data for person merge (people/merge.py): one citizen registered twice in each municipality, as
happens when the outreach team and a shelter each register a citizen, so the figures page's duplicates
check finds the pair and a demo leader can open the merge preview from the by-name list. The merges
themselves are left to the leader. Called by demo/loader.py."""

from datetime import timedelta

from accounts.access import Actor
from accounts.roles import Role

from . import services
from .models import Person, PersonMerge


def reset(municipalities) -> None:
    """Merges and merged records go first: the loader deletes the people through ``Person.objects``,
    which leaves merged records out, and a merge protects both its records."""
    PersonMerge.objects.filter(municipality__in=municipalities).delete()
    Person.all_objects.filter(municipality__in=municipalities).update(merged_into=None)


def seed(*, municipality, staff, rng, today, areas):
    worker = staff.get(Role.OUTREACH_WORKER)
    if worker is None:
        return
    actor = Actor(user=worker, municipality=municipality, role=Role.OUTREACH_WORKER, path="/demo/")
    first = services.person_create(
        actor=actor,
        first_name="Kim",
        last_name="Dublet-Madsen",
        birth_year=1979,
        situation="street",
        situation_start=today - timedelta(days=120),
        purpose="Demodata",
    )
    services.contact_record(
        actor=actor, person=first, contacted_on=today - timedelta(days=10), kind="outreach", reached=True
    )
    second = services.person_create(
        actor=actor,
        first_name="Kim",
        last_name="Dublet-Madsen",
        birth_year=1979,
        phone="20304050",
        situation="shelter",
        situation_start=today - timedelta(days=40),
        place="Forsorgshjemmet",
        purpose="Demodata",
    )
    services.needs_list_register(
        actor=actor, person=second, registered_on=today - timedelta(days=30), max_rent=3500
    )
