"""The front pages are a fixed number of queries whatever the number of episodes (an N+1 fails here).
PostgreSQL adds the 3 tenant-setting queries of every request."""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from support import services
from support.tests.helpers import icm_setup, recent

pytestmark = pytest.mark.django_db

PINNED = {
    ("home:worker", "sqlite"): 13,
    ("home:worker", "postgresql"): 16,
    # The moving-in warnings (housing.selectors) log their people in a row of their own.
    # One fewer since capacity is a snapshot (figures app) read in one query after the warm-up computed
    # it, and the workers' names in one more. The persistence rows: every due id (the total too), then
    # the rows shown.
    ("home:leader", "sqlite"): 22,
    ("home:leader", "postgresql"): 25,
}


def populate(users, municipality, worker_a, person_factory, n):
    _, worker, _ = icm_setup(users, municipality, limit=None)
    from housing.models import Tenancy

    for i in range(n):
        p = person_factory(worker_a, first_name=f"P{i:03d}", last_name="Q", start=recent(40))
        result = services.episode_start(
            actor=worker, person=p, method="icm", start_date=recent(30), worker=worker.user
        )
        if result.episode:
            services.episode_contact_record(
                actor=worker,
                episode=result.episode,
                contacted_on=recent(20 - i % 10),
                kind="phone",
                reached=bool(i % 2),
            )
            Tenancy.objects.create(
                municipality=municipality,
                person=p,
                address=f"Vej {i}",
                starts_on=timezone.localdate() + timedelta(days=i % 5),
            )


@pytest.mark.parametrize("n", [3, 30])
@pytest.mark.parametrize("page", ["home:worker", "home:leader"])
def test_front_page_query_count_is_pinned(
    page, n, login, users_a, municipality_a, worker_a, person_factory, django_assert_num_queries, settings
):
    # A higher ICM limit only here, so 30 episodes fit on one worker; the caseload rule is tested elsewhere.
    settings.HF = {**settings.HF, "SUPPORT": {"CASELOAD_PER_WORKER": {"icm": 40}}}
    populate(users_a, municipality_a, worker_a, person_factory, n)
    client = login(users_a[Role.LEADER] if page == "home:leader" else users_a[Role.SUPPORT_WORKER])
    client.get(reverse(page))  # warm up session and caches
    expected = PINNED[(page, connection.vendor)]
    with django_assert_num_queries(expected):
        response = client.get(reverse(page))
    assert response.status_code == 200
