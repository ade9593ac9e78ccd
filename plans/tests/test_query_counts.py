"""Query counts of the plans pages pinned: the same with 2 and with 8 versions, goals and consents (an N+1
fails here). PostgreSQL sets the tenant per request: 3 queries more than SQLite."""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from plans import selectors, services

pytestmark = pytest.mark.django_db
RECENT = timezone.localdate() - timedelta(days=20)

PINNED_SQLITE = {
    "plans:assessment": 11,
    "plans:assessment_compare": 13,
    "plans:method": 11,
    "plans:plan": 12,  # + the goals' status histories, one query
    "plans:plan_compare": 13,
    "plans:consents": 9,
    "plans:assessment_edit": 10,
    "plans:plan_edit": 10,
}
TENANT_QUERIES = {"sqlite": 0, "postgresql": 3}


def populate(actor, person, n):
    dims = {
        d: {"own_words": "ord", "professional_view": "syn", "level": 2}
        for d in ("housing", "economy", "mental_health", "substance_use")
    }
    goals = {
        d: {"goal": "mål", "goal_type": "develop", "who_does_what": "alle"}
        for d in ("housing", "economy", "mental_health")
    }
    for i in range(n):
        services.assessment_save(
            actor=actor, person=person, services_use="some", note=f"v{i}", dimensions=dims
        )
        services.plan_save(
            actor=actor, person=person, wishes=f"ønske {i}", next_review_on=RECENT, goals=goals
        )
        services.consent_give(actor=actor, person=person, recipient="hospital", scope="x", given_on=RECENT)
        services.method_decide(actor=actor, person=person, decided_method="icm", citizen_willing=True)


@pytest.mark.parametrize("n", [2, 8])
@pytest.mark.parametrize("page", list(PINNED_SQLITE))
def test_plans_pages_have_a_pinned_query_count(
    page, n, worker_a, person_factory, users_a, login, django_assert_num_queries
):
    person = person_factory(worker_a, start=RECENT)
    populate(worker_a, person, n)
    client = login(users_a[Role.LEADER])
    url = reverse(page, args=[person.pk])
    client.get(url)  # the first request of a session runs the daily jobs
    expected = PINNED_SQLITE[page] + TENANT_QUERIES[connection.vendor]
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("n", [1, 8])
def test_reviews_due_is_one_query_and_one_log_write(n, worker_a, person_factory, django_assert_num_queries):
    for i in range(n):
        p = person_factory(worker_a, first_name=f"P{i}", start=RECENT)
        services.plan_save(actor=worker_a, person=p, next_review_on=RECENT, goals={})
    with django_assert_num_queries(2):
        assert len(selectors.reviews_due(worker_a, today=timezone.localdate())) == n
