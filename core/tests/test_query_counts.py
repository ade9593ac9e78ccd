"""Query counts pinned on list pages, the figures page and the exports: they must not grow with
the number of people (an N+1 fails here instead of reaching a user). Counts differ per engine
(PostgreSQL sets the tenant per request), so each engine has its own pinned number."""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from housing.tests.factories import populate_for_query_counts
from people import services
from people.models import Person

pytestmark = pytest.mark.django_db

RECENT = timezone.localdate() - timedelta(days=30)

# (page, engine) -> queries for one request, the same with 5 and with 60 people.
PINNED = {
    ("people:list", "sqlite"): 14,
    ("people:list", "postgresql"): 17,
    # A search over every citizen (folded names, birth dates): the same count as the list (issue 9 item 16).
    ("search:people", "sqlite"): 14,
    ("search:people", "postgresql"): 17,
    ("people:needs_list", "sqlite"): 15,
    ("people:needs_list", "postgresql"): 18,
    ("people:figures", "sqlite"): 17,
    ("people:figures", "postgresql"): 20,
    ("export:csv", "sqlite"): 15,
    ("export:csv", "postgresql"): 18,
    ("export:xlsx", "sqlite"): 15,
    ("export:xlsx", "postgresql"): 18,
    ("housing:stock_analysis", "sqlite"): 15,
    ("housing:stock_analysis", "postgresql"): 18,
    ("housing:retention", "sqlite"): 15,
    ("housing:retention", "postgresql"): 18,
    # One page of the list (issue 11 item 5): one more query counts the people and those without a plan.
    ("housing:waiting_list", "sqlite"): 15,
    ("housing:waiting_list", "postgresql"): 18,
    # One fewer than before the shared select template grouped its choices in Python: the template's
    # for-loop no longer counts the unit types before listing them.
    # Two more since the list is one page (issue 11 item 5): the count of units and the landlord filter.
    ("housing:units", "sqlite"): 14,
    ("housing:units", "postgresql"): 17,
}


def populate(worker, person_factory, n):
    for i in range(n):
        p = person_factory(
            worker,
            first_name=f"Person{i:03d}",
            last_name="Hansen",
            cpr=f"0101{i % 100:02d}-{1000 + i}",
            situation="shelter" if i % 3 else "street",
            start=RECENT,
        )
        services.needs_list_register(actor=worker, person=p, registered_on=RECENT, max_rent=3000 + i)
        services.contact_record(
            actor=worker, person=p, contacted_on=RECENT + timedelta(days=1), kind="phone", reached=True
        )
        if i % 4 == 0:
            services.situation_record(
                actor=worker, person=p, situation="own_home", start_date=RECENT + timedelta(days=2)
            )
        populate_for_query_counts(worker, Person.objects.get(pk=p.pk), i, RECENT)


def url_of(page):
    if page == "search:people":
        return reverse("people:list") + "?q=Hansen+P&status=all"
    if page.startswith("export:"):
        return reverse("people:export", args=[page.split(":")[1]])
    return reverse(page)


PAGES = [
    "people:list",
    "search:people",
    "people:needs_list",
    "people:figures",
    "export:csv",
    "export:xlsx",
    "housing:stock_analysis",
    "housing:retention",
    "housing:waiting_list",
    "housing:units",
]


@pytest.mark.parametrize("n", [5, 60])
@pytest.mark.parametrize("page", PAGES)
def test_query_count_is_pinned_and_independent_of_the_number_of_people(
    page, n, login, users_a, worker_a, person_factory, django_assert_num_queries
):
    populate(worker_a, person_factory, n)
    client = login(users_a[Role.LEADER])
    with django_assert_num_queries(PINNED[(page, connection.vendor)]):
        response = client.get(url_of(page))
    assert response.status_code == 200
