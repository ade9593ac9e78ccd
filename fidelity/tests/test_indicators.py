"""Every practice indicator on known data, the unit-to-people mapping, and "data not available yet"."""
from datetime import date, timedelta

import pytest

from accounts.roles import Role
from fidelity import indicators
from fidelity.quarters import Quarter
from people import services as people_services

from .factories import leader_actor, make_unit

pytestmark = pytest.mark.django_db
Q = Quarter(2026, 1)


@pytest.fixture
def leader(users_a, municipality_a):
    return leader_actor(users_a, municipality_a)


def _value(key, unit, municipality, quarter=Q):
    ind = next(i for i in indicators.REGISTRY if i.key == key)
    return ind.evaluate(people_q=indicators.people_filter(unit), quarter=quarter, municipality=municipality)


def _own(person, user):
    person.workers.add(user)
    return person


def test_days_to_home_is_the_median_for_the_units_people(leader, worker_a, person_factory, users_a, municipality_a):
    from housing.services import tenancy_start

    from housing.tests.factories import make_stock

    unit = make_unit(leader, members=[worker_a.user])
    for i, (start, housed) in enumerate([(date(2025, 12, 1), date(2026, 1, 10)), (date(2025, 11, 1), date(2026, 2, 9)),
                                         (date(2025, 10, 1), date(2026, 3, 31))]):
        p = _own(person_factory(worker_a, first_name=f"P{i}", start=start), worker_a.user)
        _, home = make_stock(municipality_a, address=f"Vej {i}")
        tenancy_start(actor=worker_a, person=p, starts_on=housed, unit=home)
    other = person_factory(worker_a, first_name="Ikke", start=date(2025, 1, 1))
    other.workers.clear()  # nobody in the unit works with this citizen
    tenancy_start(actor=worker_a, person=other, starts_on=date(2026, 1, 5), address="Andetsteds 1")
    v = _value("days_to_home", unit, municipality_a)
    assert v.available and v.n == 3
    assert v.value == 100.0  # days on list 40, 100, 181 -> median 100
    assert v.meets is False  # target 90 days


def test_ordinary_building_share_counts_tenancies_begun_in_the_quarter(leader, worker_a, person_factory, municipality_a):
    from housing.services import tenancy_start

    from housing.tests.factories import make_stock

    unit = make_unit(leader, whole=True)
    _, ordinary = make_stock(municipality_a, address="Almen 1", code="social_family")
    _, ordinary2 = make_stock(municipality_a, address="Almen 2", code="social_family")
    _, skaev = make_stock(municipality_a, address="Skæv 1", code="skaev")
    for i, (home, on) in enumerate([(ordinary, date(2026, 1, 3)), (skaev, date(2026, 2, 3)), (ordinary2, date(2025, 12, 31))]):
        tenancy_start(actor=worker_a, person=person_factory(worker_a, first_name=f"T{i}", start=date(2025, 6, 1)),
                      starts_on=on, unit=home)
    v = _value("ordinary_building", unit, municipality_a)
    assert (v.n, v.value, v.meets) == (2, 50.0, True)  # 1 of 2 in the quarter; 50 % is not below 50 %


def test_persistence_after_an_unreached_contact(leader, worker_a, person_factory, municipality_a):
    unit = make_unit(leader, members=[worker_a.user])
    kept = _own(person_factory(worker_a, first_name="Kept", start=date(2025, 6, 1)), worker_a.user)
    lost = _own(person_factory(worker_a, first_name="Lost", start=date(2025, 6, 1)), worker_a.user)
    for person, dates in ((kept, [(date(2026, 1, 5), False), (date(2026, 1, 9), False), (date(2026, 2, 1), True)]),
                          (lost, [(date(2026, 3, 30), False)])):
        for on, reached in dates:
            people_services.contact_record(actor=worker_a, person=person, contacted_on=on, kind="phone", reached=reached)
    v = _value("persistence", unit, municipality_a)
    assert (v.n, v.value, v.meets) == (2, 50.0, True)


def test_plans_with_wishes_use_the_latest_version_by_the_quarter_end(leader, worker_a, person_factory, municipality_a):
    from plans.models import ActionPlan

    unit = make_unit(leader, whole=True)
    a = person_factory(worker_a, first_name="A", start=date(2025, 6, 1))
    b = person_factory(worker_a, first_name="B", start=date(2025, 6, 1))
    ActionPlan.objects.create(municipality=municipality_a, person=a, version=1, wishes="", is_current=False)
    ActionPlan.objects.create(municipality=municipality_a, person=a, version=2, wishes="Et hjem med have")
    ActionPlan.objects.create(municipality=municipality_a, person=b, version=1, wishes="  ")
    v = _value("plan_wishes", unit, municipality_a, Quarter.of(date.today()))
    assert (v.n, v.value, v.meets) == (2, 50.0, True)


def test_no_cases_is_not_zero(leader, municipality_a):
    unit = make_unit(leader)
    v = _value("ordinary_building", unit, municipality_a)
    assert v.available and v.value is None and v.meets is None


def test_support_indicators_report_data_not_available_yet(leader, municipality_a):
    from django.apps import apps

    unit = make_unit(leader)
    for ind in indicators.REGISTRY:
        if ind.source.startswith("support."):
            v = ind.evaluate(people_q=indicators.people_filter(unit), quarter=Q, municipality=municipality_a)
            assert not v.available and v.value is None and v.note.startswith("Data findes ikke endnu")
    if not apps.is_installed("support"):
        assert "ikke installeret" in v.note


def test_a_missing_model_field_reports_missing_data():
    ind = indicators.Indicator("x", (7,), "x", "%", "plans.ActionPlan", compute=lambda *a: None, needs_fields=("dreams",))
    assert ind.source_available() == (False, "Data findes ikke endnu: plans.ActionPlan mangler dreams.")
