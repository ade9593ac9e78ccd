"""Fidelity objects for tests, including municipality B's for the tenancy sweep."""
from datetime import timedelta

from django.utils import timezone

from accounts.roles import Role
from people.services import Actor

from fidelity import services
from fidelity.models import OrganisationalUnit
from fidelity.quarters import Quarter


def leader_actor(users, municipality):
    return Actor(user=users[Role.LEADER], municipality=municipality, role=Role.LEADER)


def make_unit(actor, name="Team Nord", members=(), whole=False):
    return services.unit_create(actor=actor, name=name, kind="team", members=members, whole_municipality=whole,
                                leader=actor.user)


def make_b_fidelity(world):
    """B's unit, a draft assessment and a fresh one-time token, made once per sweep world."""
    if getattr(world, "fidelity_b", None) is None:
        m = world.person_b.municipality
        actor = Actor(user=world.user_b, municipality=m, role=Role.LEADER)
        unit = OrganisationalUnit.objects.filter(municipality=m, name="Odense Team").first() or make_unit(actor, "Odense Team")
        assessment = services.assessment_start(actor=actor, unit=unit, quarter=Quarter.of(timezone.localdate()))
        _, token = services.invitation_create(actor=actor, unit=unit, mode="link", now=timezone.now())
        world.fidelity_b = {"unit": unit, "assessment": assessment, "token": token, "code": m.code}
    return world.fidelity_b


def full_answers(statements, value=4):
    return {s.id: (value, "") for s in statements}


def days_ago(n):
    return timezone.localdate() - timedelta(days=n)
