from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from housing import services as housing_services
from housing.models import Tenancy
from support import services
from support.tests.helpers import leader

pytestmark = pytest.mark.django_db


def test_an_eviction_case_reaches_the_support_workers_front_page(
    login, users_a, municipality_a, actor_factory, person_factory
):
    worker = users_a[Role.SUPPORT_WORKER]
    actor = actor_factory(worker, municipality_a, Role.SUPPORT_WORKER)
    today = timezone.localdate()
    person = person_factory(actor, first_name="Erik", last_name="Udsat", start=today - timedelta(days=40))
    tenancy = housing_services.tenancy_start(
        actor=actor, person=person, starts_on=today - timedelta(days=20), address="Strandvej 3"
    )
    Tenancy.objects.filter(pk=tenancy.pk).update(eviction_case_on=today)
    services.worker_save(actor=leader(users_a, municipality_a), user=worker, method="icm")
    services.episode_start(
        actor=actor, person=person, method="icm", start_date=today - timedelta(days=10), worker=worker
    )
    html = login(worker).get(reverse("home:worker")).content.decode()
    assert "Erik Udsat" in html and "fogedsag registreret" in html


def test_an_eviction_case_of_someone_not_my_citizen_stays_off_my_front_page(
    login, users_a, municipality_a, actor_factory, person_factory
):
    # One definition of "my citizens" (the worker's open episodes) for the whole front page.
    worker = users_a[Role.SUPPORT_WORKER]
    actor = actor_factory(worker, municipality_a, Role.SUPPORT_WORKER)
    today = timezone.localdate()
    person = person_factory(actor, first_name="Erik", last_name="Udsat", start=today - timedelta(days=40))
    tenancy = housing_services.tenancy_start(
        actor=actor, person=person, starts_on=today - timedelta(days=20), address="Strandvej 3"
    )
    Tenancy.objects.filter(pk=tenancy.pk).update(eviction_case_on=today)
    html = login(worker).get(reverse("home:worker")).content.decode()
    assert "Erik Udsat" not in html
