"""The monthly rollup kept by triggers equals the aggregation of the status history, whatever writes it."""

from collections import Counter
from datetime import date, timedelta

import pytest
from django.db import connection

from people import services
from people.flows import monthly_flow_rebuild
from people.models import MonthlyFlow, Person, StatusChange
from people.statuses import ACTIVE

pytestmark = pytest.mark.django_db


def raw_flows(municipality):
    active = {s.value for s in ACTIVE}
    counts = Counter()
    for changed_on, status, previous in StatusChange.objects.filter(municipality=municipality).values_list(
        "changed_on", "status", "previous_status"
    ):
        month = changed_on.replace(day=1)
        counts[(month, "in")] += status in active
        counts[(month, "out")] += previous in active and status not in active
    months = {m for m, _ in counts}
    return {m: (counts[(m, "in")], counts[(m, "out")]) for m in months}


def rollup(municipality):
    return {
        m: (i, o)
        for m, i, o in MonthlyFlow.objects.filter(municipality=municipality, changes__gt=0).values_list(
            "month", "inflow", "outflow"
        )
    }


def make_history(actor, person_factory):
    a = person_factory(actor, first_name="Anna", start=date(2026, 1, 31))
    b = person_factory(actor, first_name="Bo", start=date(2026, 2, 1))
    services.situation_record(actor=actor, person=a, situation="own_home", start_date=date(2026, 3, 15))
    services.situation_record(actor=actor, person=a, situation="street", start_date=date(2026, 5, 2))
    services.status_change(actor=actor, person=b, status="moved_away", on=date(2026, 5, 20), reason="Flyttet")
    return a, b


def test_rollup_equals_history_after_service_writes(worker_a, person_factory, municipality_a):
    make_history(worker_a, person_factory)
    assert rollup(municipality_a) == raw_flows(municipality_a)
    assert rollup(municipality_a)[date(2026, 3, 1)] == (0, 1)
    assert rollup(municipality_a)[date(2026, 5, 1)] == (1, 1)


def test_rollup_follows_deletion_of_a_person(worker_a, person_factory, municipality_a):
    a, _ = make_history(worker_a, person_factory)
    Person.objects.filter(pk=a.pk).delete()
    assert rollup(municipality_a) == raw_flows(municipality_a)


def test_rollup_follows_bulk_inserts_and_updates(worker_a, person_factory, municipality_a):
    a, _ = make_history(worker_a, person_factory)
    StatusChange.objects.bulk_create(
        [
            StatusChange(
                municipality=municipality_a,
                person=a,
                status="housed",
                previous_status="returned_from_housing",
                changed_on=date(2026, 6, 1) + timedelta(days=i),
                reason="bulk",
            )
            for i in range(3)
        ]
    )
    StatusChange.objects.filter(reason="bulk").update(changed_on=date(2026, 7, 10))
    assert rollup(municipality_a) == raw_flows(municipality_a)


def test_rebuild_gives_the_same_rollup(worker_a, worker_b, person_factory, municipality_a, municipality_b):
    make_history(worker_a, person_factory)
    make_history(worker_b, person_factory)
    before_a, before_b = rollup(municipality_a), rollup(municipality_b)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM people_monthlyflow")
    monthly_flow_rebuild([municipality_a.pk])
    assert rollup(municipality_a) == before_a and rollup(municipality_b) == {}
    monthly_flow_rebuild()
    assert rollup(municipality_b) == before_b
