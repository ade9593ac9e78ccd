"""The demo shows a full I dag for every demo user who has one (issue 14: "the demo shows a full I dag for
every demo user")."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.access import Actor
from accounts.models import Membership
from demo.loader import DEMO_USERS
from today import selectors
from today.items import Kind

pytestmark = pytest.mark.django_db

# Kinds that depend on the day of the demo (a CTI phase beginning this week; the support worker works
# with ICM in the demo) or on the leader's figures crossing a threshold are not required.
OPTIONAL = {Kind.CTI_PHASE, Kind.OVER_CASELOAD, Kind.MOVING_IN, Kind.FIDELITY_DUE, Kind.PERSISTENCE}


def test_every_demo_user_with_i_dag_sees_every_kind_of_item():
    call_command("seed_demo", stdout=StringIO())
    today = timezone.localdate()
    empty = {}
    for spec in DEMO_USERS:
        membership = Membership.objects.select_related("user", "municipality").get(
            user__username=spec.username
        )
        if not selectors.has_today(membership.role):
            continue
        actor = Actor(user=membership.user, municipality=membership.municipality, role=membership.role)
        sections = selectors.today_sections(actor, today=today, log=False)
        assert sum(s.total for s in sections) > 0, spec.username
        missing = {s.kind for s in sections if not s.total} - OPTIONAL
        if missing:
            empty[spec.username] = sorted(missing)
    assert not empty, empty
