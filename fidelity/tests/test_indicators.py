"""Every practice indicator on known data, the unit-to-people mapping, and "data not available yet"."""

from datetime import date, timedelta

import pytest

from accounts.roles import Role
from fidelity import conf, indicators
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


def test_days_to_home_is_the_median_for_the_units_people(
    leader, worker_a, person_factory, users_a, municipality_a
):
    from housing.services import tenancy_start
    from housing.tests.factories import make_stock

    unit = make_unit(leader, members=[worker_a.user])
    for i, (start, housed) in enumerate(
        [
            (date(2025, 12, 1), date(2026, 1, 10)),
            (date(2025, 11, 1), date(2026, 2, 9)),
            (date(2025, 10, 1), date(2026, 3, 31)),
        ]
    ):
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


def test_ordinary_building_share_counts_tenancies_begun_in_the_quarter(
    leader, worker_a, person_factory, municipality_a
):
    from housing.services import tenancy_start
    from housing.tests.factories import make_stock

    unit = make_unit(leader, whole=True)
    _, ordinary = make_stock(municipality_a, address="Almen 1", code="social_family")
    _, ordinary2 = make_stock(municipality_a, address="Almen 2", code="social_family")
    _, skaev = make_stock(municipality_a, address="Skæv 1", code="skaev")
    for i, (home, on) in enumerate(
        [(ordinary, date(2026, 1, 3)), (skaev, date(2026, 2, 3)), (ordinary2, date(2025, 12, 31))]
    ):
        tenancy_start(
            actor=worker_a,
            person=person_factory(worker_a, first_name=f"T{i}", start=date(2025, 6, 1)),
            starts_on=on,
            unit=home,
        )
    v = _value("ordinary_building", unit, municipality_a)
    assert (v.n, v.value, v.meets) == (2, 50.0, True)  # 1 of 2 in the quarter; 50 % is not below 50 %


def test_persistence_after_an_unreached_contact(leader, worker_a, person_factory, municipality_a):
    unit = make_unit(leader, members=[worker_a.user])
    kept = _own(person_factory(worker_a, first_name="Kept", start=date(2025, 6, 1)), worker_a.user)
    lost = _own(person_factory(worker_a, first_name="Lost", start=date(2025, 6, 1)), worker_a.user)
    for person, dates in (
        (kept, [(date(2026, 1, 5), False), (date(2026, 1, 9), False), (date(2026, 2, 1), True)]),
        (lost, [(date(2026, 3, 30), False)]),
    ):
        for on, reached in dates:
            people_services.contact_record(
                actor=worker_a, person=person, contacted_on=on, kind="phone", reached=reached
            )
    v = _value("persistence", unit, municipality_a)
    assert (v.n, v.value, v.meets) == (2, 50.0, True)


def test_plans_with_wishes_use_the_latest_version_by_the_quarter_end(
    leader, worker_a, person_factory, municipality_a
):
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


def _episode(municipality, person, *, start, end=None, reason="", worker=None):
    from support.models import SupportEpisode

    return SupportEpisode.objects.create(
        municipality=municipality,
        person=person,
        method="icm",
        worker=worker,
        start_date=start,
        status_since=end or start,
        end_date=end,
        end_reason=reason,
        status="ended" if end else "active",
    )


def test_episodes_ended_because_goals_were_reached(leader, worker_a, person_factory, municipality_a):
    unit = make_unit(leader, whole=True)
    p = [person_factory(worker_a, first_name=f"E{i}", start=date(2025, 6, 1)) for i in range(4)]
    _episode(municipality_a, p[0], start=date(2025, 7, 1), end=date(2026, 2, 1), reason="goals_reached")
    _episode(municipality_a, p[1], start=date(2025, 7, 1), end=date(2026, 3, 1), reason="declined")
    _episode(municipality_a, p[2], start=date(2025, 7, 1), end=date(2026, 3, 31), reason="goals_reached")
    _episode(
        municipality_a, p[3], start=date(2025, 7, 1), end=date(2026, 4, 1), reason="declined"
    )  # next quarter
    v = _value("ended_goals_reached", unit, municipality_a)
    assert (v.n, v.value, v.meets) == (3, 66.7, True)


def test_support_continued_after_a_home_was_lost(leader, worker_a, person_factory, municipality_a, settings):
    from housing.models import Tenancy

    unit = make_unit(leader, whole=True)
    window = conf.value("SUPPORT_CONTINUES_DAYS")
    kept, dropped, unsupported = (
        person_factory(worker_a, first_name=n, start=date(2025, 6, 1)) for n in "KDU"
    )
    for person in (kept, dropped, unsupported):
        Tenancy.objects.create(
            municipality=municipality_a,
            person=person,
            address="Vej 1",
            starts_on=date(2025, 9, 1),
            ends_on=date(2026, 2, 1),
            end_reason="evicted",
        )
    _episode(municipality_a, kept, start=date(2025, 8, 1))  # still running
    _episode(
        municipality_a,
        dropped,
        start=date(2025, 8, 1),
        end=date(2026, 2, 1) + timedelta(days=window - 1),
        reason="declined",
    )
    v = _value("support_after_home_lost", unit, municipality_a)
    assert (v.n, v.value, v.meets) == (2, 50.0, True)  # the unsupported citizen is no case


def test_caseloads_within_the_method_limit(leader, users_a, worker_a, person_factory, municipality_a):
    from support.models import WorkerProfile

    ok_worker, full_worker = users_a[Role.SUPPORT_WORKER], users_a[Role.OUTREACH_WORKER]
    unit = make_unit(leader, members=[ok_worker, full_worker])
    WorkerProfile.objects.create(municipality=municipality_a, user=ok_worker, method="icm")
    WorkerProfile.objects.create(
        municipality=municipality_a, user=full_worker, method="icm", caseload_limit=2
    )
    for i in range(3):
        _episode(
            municipality_a,
            person_factory(worker_a, first_name=f"C{i}", start=date(2025, 6, 1)),
            start=date(2025, 7, 1),
            worker=full_worker,
        )
    _episode(
        municipality_a,
        person_factory(worker_a, first_name="C9", start=date(2025, 6, 1)),
        start=date(2025, 7, 1),
        worker=ok_worker,
    )
    rows = indicators.evaluate_all(unit=unit, quarter=Q, municipality=municipality_a)
    v = next(val for ind, val in rows if ind.key == "caseload_within_limits")
    assert (v.n, v.value, v.meets) == (2, 50.0, False)


def test_an_indicator_without_a_source_reports_data_not_available_yet(leader, municipality_a):
    unit = make_unit(leader)
    ind = next(i for i in indicators.REGISTRY if i.key == "closed_no_contact")
    v = ind.evaluate(people_q=indicators.people_filter(unit), quarter=Q, municipality=municipality_a)
    assert not v.available and v.value is None and v.note == indicators.NOT_RECORDED_NOTE
    assert "." not in v.note.split(":")[0] and "closed" not in v.note  # users' words, no model names
    missing_app = indicators.Indicator("x", (5,), "x", "%", "nosuchapp.Model", compute=lambda *a: None)
    assert missing_app.source_available() == (
        False,
        "Data findes ikke endnu: nosuchapp.Model findes ikke.",
    )


def test_a_missing_model_field_reports_missing_data():
    ind = indicators.Indicator(
        "x", (7,), "x", "%", "plans.ActionPlan", compute=lambda *a: None, needs_fields=("dreams",)
    )
    assert ind.source_available() == (False, "Data findes ikke endnu: plans.ActionPlan mangler dreams.")
