"""Tenancy dates are facts typed by people (issue 9): moving in, moving out and an eviction case never lie
after today, on every entry path; and no stored tenancy date, however wrong, takes a page down."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from housing import retention, selectors, services
from housing.errors import HousingDataError
from housing.models import Tenancy
from housing.tests.factories import make_stock

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
TOMORROW = TODAY + timedelta(days=1)


def test_moving_in_after_today_is_refused(worker_a, person_factory, municipality_a):
    _, unit = make_stock(municipality_a)
    person = person_factory(worker_a, start=TODAY - timedelta(days=30))
    with pytest.raises(HousingDataError, match="fremtiden") as caught:
        services.tenancy_start(actor=worker_a, person=person, unit=unit, starts_on=TOMORROW)
    assert caught.value.field == "starts_on" and not Tenancy.objects.filter(person=person).exists()


def test_moving_in_before_1900_is_refused(worker_a, person_factory):
    person = person_factory(worker_a, start=TODAY - timedelta(days=30))
    with pytest.raises(HousingDataError, match="1900"):
        services.tenancy_start(actor=worker_a, person=person, address="Privatvej 1", starts_on=date(1, 1, 1))


def test_moving_out_after_today_is_refused(worker_a, person_factory):
    person = person_factory(worker_a, start=TODAY - timedelta(days=90))
    tenancy = services.tenancy_start(
        actor=worker_a, person=person, address="Privatvej 1", starts_on=TODAY - timedelta(days=60)
    )
    with pytest.raises(HousingDataError, match="fremtiden") as caught:
        services.tenancy_end(actor=worker_a, tenancy=tenancy, ends_on=date(9999, 12, 31), reason="moved")
    assert caught.value.field == "ends_on"
    assert Tenancy.objects.get(pk=tenancy.pk).ends_on is None


def test_an_eviction_case_after_today_is_refused(worker_a, person_factory):
    person = person_factory(worker_a, start=TODAY - timedelta(days=90))
    tenancy = services.tenancy_start(
        actor=worker_a, person=person, address="Privatvej 1", starts_on=TODAY - timedelta(days=60)
    )
    with pytest.raises(HousingDataError, match="fremtiden") as caught:
        services.tenancy_flag_eviction(actor=worker_a, tenancy=tenancy, flagged_on=TOMORROW)
    assert caught.value.field == "flagged_on"
    assert Tenancy.objects.get(pk=tenancy.pk).eviction_case_on is None


def test_the_move_in_page_refuses_31_12_9999_on_the_date_field(login, users_a, worker_a, person_factory):
    person = person_factory(worker_a, start=TODAY - timedelta(days=30))
    response = login(users_a[Role.HOUSING_BROKER]).post(
        reverse("housing:tenancy_start", args=[person.pk]),
        {"address": "Privatvej 3", "starts_on": "9999-12-31"},
    )
    assert response.status_code == 200 and "Datoen ligger i fremtiden." in response.content.decode()
    assert not Tenancy.objects.filter(person=person).exists()


def test_the_move_out_page_refuses_a_date_after_today(login, users_a, worker_a, person_factory):
    person = person_factory(worker_a, start=TODAY - timedelta(days=90))
    tenancy = services.tenancy_start(
        actor=worker_a, person=person, address="Privatvej 1", starts_on=TODAY - timedelta(days=60)
    )
    response = login(users_a[Role.HOUSING_BROKER]).post(
        reverse("housing:tenancy_end", args=[tenancy.pk]),
        {"ends_on": TOMORROW.isoformat(), "reason": "moved", "next_situation": "sofa_surfer", "place": ""},
    )
    assert response.status_code == 200 and "Datoen ligger i fremtiden." in response.content.decode()
    assert Tenancy.objects.get(pk=tenancy.pk).ends_on is None


# --- stored dates from before the rule: the retention page stays up ----------------------------------------


def test_add_months_past_the_calendars_end_gives_its_last_day():
    assert retention.add_months(date(9999, 12, 31), 6) == date.max
    assert retention.add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)


def test_retention_survives_tenancies_dated_9999_12_31_and_0001_01_01(
    worker_a, person_factory, municipality_a, actor_factory, users_a, login
):
    future = person_factory(worker_a, first_name="A", start=TODAY - timedelta(days=900))
    ancient = person_factory(worker_a, first_name="B", start=TODAY - timedelta(days=900))
    normal = person_factory(worker_a, first_name="C", start=TODAY - timedelta(days=900))
    _, unit = make_stock(municipality_a)
    # Stored directly, as a typo could have been before dates were checked.
    Tenancy.objects.create(
        municipality=municipality_a,
        person=future,
        unit=unit,
        address=unit.address,
        starts_on=date(9999, 12, 31),
    )
    Tenancy.objects.create(
        municipality=municipality_a,
        person=ancient,
        address="Gammelvej 1",
        starts_on=date(1, 1, 1),
        ends_on=date(9999, 12, 31),
    )
    services.tenancy_start(
        actor=worker_a, person=normal, address="Privatvej 2", starts_on=TODAY - timedelta(days=800)
    )
    data = selectors.retention_figures(
        actor_factory(users_a[Role.ANALYST], municipality_a, Role.ANALYST), today=TODAY
    )
    assert data["placements"] == 2  # the tenancy dated 31.12.9999 has not begun
    assert [c["total"] for c in data["total"][0]["cells"]] == [2, 2, 2]
    response = login(users_a[Role.ANALYST]).get(reverse("housing:retention"))
    assert response.status_code == 200
