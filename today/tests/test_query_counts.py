"""I dag costs a fixed number of queries whatever the data (an N+1 fails here): each role's page at two
sizes, one of them beyond a section's size. PostgreSQL adds the tenant-setting queries of every request."""

import pytest
from django.db import connection
from django.urls import reverse

from accounts.roles import Role

from .helpers import broker_world, leader_world, outreach_world, support_world

pytestmark = pytest.mark.django_db


def build(role, users, municipality, outreach, person_factory, n, prefix):
    if role == Role.SUPPORT_WORKER:
        support_world(users, municipality, outreach, person_factory, n=n, prefix=prefix)
    elif role == Role.OUTREACH_WORKER:
        outreach_world(municipality, outreach, person_factory, n=n, prefix=prefix)
    elif role == Role.HOUSING_BROKER:
        broker_world(users, municipality, outreach, person_factory, n=n, prefix=prefix)
    else:
        leader_world(users, municipality, outreach, person_factory, n=n, prefix=prefix)
        broker_world(users, municipality, outreach, person_factory, n=n, prefix=prefix)


def count_queries(client, url):
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "role", [Role.SUPPORT_WORKER, Role.OUTREACH_WORKER, Role.HOUSING_BROKER, Role.LEADER]
)
def test_i_dag_query_count_does_not_grow_with_data(
    role, login, users_a, municipality_a, worker_a, person_factory, settings, django_assert_num_queries
):
    # A higher ICM limit only here, so many episodes fit on one worker; the caseload rule is tested elsewhere.
    settings.HF = {
        **settings.HF,
        "SUPPORT": {"CASELOAD_PER_WORKER": {"icm": 40}},
        "TODAY": {"SECTION_SIZE": 3},
    }
    client = login(users_a[role])
    url = reverse("today:page")
    build(role, users_a, municipality_a, worker_a, person_factory, 1, "X")
    client.get(url)  # the first visit creates the person's state row and computes the figures' snapshots
    small = count_queries(client, url)
    build(role, users_a, municipality_a, worker_a, person_factory, 5, "Y")  # beyond a section's size
    client.get(url)
    with django_assert_num_queries(small):
        client.get(url)
    assert small == PINNED[(role, connection.vendor)], small


# Per source a COUNT and (when anything is found) one fetch of the first rows; one statement logs the
# people shown; the person's state is read, locked and saved; the session, user and membership. The
# documents that run out are one bounded query (the case file's selector, which logs its own).
PINNED = {
    (Role.SUPPORT_WORKER, "sqlite"): 25,
    (Role.OUTREACH_WORKER, "sqlite"): 20,
    (Role.HOUSING_BROKER, "sqlite"): 17,
    # The leader's capacity figures are a snapshot (the figures app) and the moving-in warnings log their own.
    (Role.LEADER, "sqlite"): 21,
}
PINNED |= {(role, "postgresql"): n + 3 for (role, _), n in list(PINNED.items())}
