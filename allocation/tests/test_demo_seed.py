"""The demo has open vacancies, offers in every state (one stalled), a parked person and a committee
meeting; running it twice starts clean."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from allocation.conf import allocation_setting
from allocation.models import AgendaItem, CandidateProfile, CommitteeMeeting, Offer, Vacancy
from tenants.models import Municipality

pytestmark = pytest.mark.django_db


def test_demo_allocation_has_offers_in_every_state_and_reseeds_cleanly():
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())
    m = Municipality.objects.get(code="0250")
    assert Vacancy.objects.filter(municipality=m, status="open").count() >= 3
    states = set(Offer.objects.filter(municipality=m).values_list("status", flat=True))
    assert {"proposed", "offered", "accepted", "lease_signed", "declined"} <= states
    today = timezone.localdate()
    stalled = Offer.objects.filter(
        municipality=m,
        status="offered",
        status_since__lte=today - timezone.timedelta(days=allocation_setting("STALL_DAYS")),
    )
    assert stalled.exists()
    assert CandidateProfile.objects.filter(municipality=m, parked_until__gte=today).count() == 1
    meeting = CommitteeMeeting.objects.get(municipality=m)
    items = list(AgendaItem.objects.filter(meeting=meeting))
    recommended = [i.proposed_person_id for i in items if i.proposed_person_id]
    assert recommended and len(recommended) == len(set(recommended))  # never one citizen for two homes
    live = set(
        Offer.objects.filter(
            municipality=m, status__in=["proposed", "offered", "accepted", "lease_signed"]
        ).values_list("vacancy_id", flat=True)
    )
    assert all(i.proposed_person_id is None for i in items if i.vacancy_id in live)
