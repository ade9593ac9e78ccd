"""The demo gives the support pages realistic data: a full ICM caseload for the demo support worker,
a short waiting list, paused and ended episodes, and it reseeds cleanly."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from support.models import EpisodeStatus, SupportEpisode, WaitingListEntry

pytestmark = pytest.mark.django_db


def test_demo_shows_a_bottleneck_and_reseeds(client):
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())  # a second run resets support data first
    worker = User.objects.get(username="stoettemedarbejder")
    assert (
        SupportEpisode.objects.filter(worker=worker, method="icm", status=EpisodeStatus.ACTIVE).count() == 8
    )
    assert WaitingListEntry.objects.filter(closed_on__isnull=True, method="icm").exists()
    statuses = set(SupportEpisode.objects.values_list("status", flat=True))
    assert {"active", "paused", "ended"} <= statuses
    client.force_login(worker)
    html = client.get(reverse("home:worker")).content.decode()
    assert "8 af højst 8" in html
    client.force_login(User.objects.get(username="leder"))
    html = client.get(reverse("home:leader")).content.decode()
    assert "fuld" in html
