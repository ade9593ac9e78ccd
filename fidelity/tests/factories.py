"""Fidelity objects for tests, including municipality B's for the tenancy sweep."""

import secrets
from datetime import timedelta

from django.utils import timezone

from accounts.access import Actor
from accounts.roles import Role
from fidelity import services
from fidelity.models import FidelityAssessment, FormVersion, OrganisationalUnit, SurveyInvitation
from fidelity.quarters import Quarter


def leader_actor(users, municipality):
    return Actor(user=users[Role.LEADER], municipality=municipality, role=Role.LEADER)


def make_unit(actor, name="Team Nord", members=(), whole=False):
    return services.unit_create(
        actor=actor, name=name, kind="team", members=members, whole_municipality=whole, leader=actor.user
    )


def make_b_fidelity(world):
    """B's unit, a draft assessment and a fresh one-time token, made once per sweep world.

    Created directly (not through the services) so that B's access log, which the sweep fingerprints
    before the fillers run, stays as it was."""
    if getattr(world, "fidelity_b", None) is None:
        m = world.person_b.municipality
        unit = OrganisationalUnit.objects.create(municipality=m, name="Odense Team")
        q = Quarter.of(timezone.localdate())
        assessment = FidelityAssessment.objects.create(
            municipality=m,
            unit=unit,
            year=q.year,
            quarter=q.number,
            form_version=FormVersion.objects.get(current=True),
        )
        token = secrets.token_urlsafe(24)
        SurveyInvitation.objects.create(
            municipality=m,
            unit=unit,
            token_hash=services._hash(token),
            expires_at=timezone.now() + timedelta(days=7),
        )
        world.fidelity_b = {"unit": unit, "assessment": assessment, "token": token, "code": m.code}
    return world.fidelity_b


def full_answers(statements, value=4):
    return {s.id: (value, "") for s in statements}


def days_ago(n):
    return timezone.localdate() - timedelta(days=n)
