"""The moving-in warning on the leader's front page (seed 004, 4.1), from tenancy starts of citizens in a
worker's open support episodes."""

from datetime import timedelta

import pytest
from django.utils import timezone

from housing.models import Tenancy
from housing.selectors import moving_in_warnings
from support import services
from support.tests.helpers import icm_setup, leader, recent

pytestmark = pytest.mark.django_db


def people(worker_a, person_factory, n):
    return [
        person_factory(worker_a, first_name=f"P{i}", last_name="Test", start=recent(30)) for i in range(n)
    ]


def test_moving_in_warning_from_tenancy_starts(users_a, municipality_a, worker_a, person_factory):
    _, worker, _ = icm_setup(users_a, municipality_a)
    today = timezone.localdate()
    for i, p in enumerate(people(worker_a, person_factory, 3)):
        services.episode_start(
            actor=worker, person=p, method="icm", start_date=recent(40), worker=worker.user
        )
        Tenancy.objects.create(
            municipality=municipality_a, person=p, address=f"Vej {i}", starts_on=today + timedelta(days=i * 5)
        )
    warnings = moving_in_warnings(leader(users_a, municipality_a), today=today)
    assert len(warnings) == 1 and warnings[0]["worker_id"] == worker.user.pk and warnings[0]["n"] == 3
