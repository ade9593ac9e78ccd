from datetime import date, timedelta

import pytest
from django.utils import timezone

from housing import services
from housing.errors import HousingDataError
from housing.models import Landlord, Tenancy, Unit, UnitType
from people.statuses import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit_a(municipality_a):
    services.unit_types_ensure_defaults(municipality_a)
    landlord = Landlord.objects.create(municipality=municipality_a, name="Fjordbo")
    return Unit.objects.create(
        municipality=municipality_a,
        landlord=landlord,
        address="Havnevej 1",
        unit_type=UnitType.objects.get(municipality=municipality_a, code="social_family"),
        rooms=2,
        rent=3400,
    )


def test_moving_in_records_own_home_and_housed(worker_a, person_factory, unit_a):
    start = timezone.localdate() - timedelta(days=30)
    person = person_factory(worker_a, start=start - timedelta(days=100))
    services.tenancy_start(actor=worker_a, person=person, unit=unit_a, starts_on=start)
    person.refresh_from_db()
    assert person.current_situation == "own_home"
    assert person.current_status == Status.HOUSED
    assert person.homeless_since is None


def test_unit_cannot_have_two_open_tenancies(worker_a, person_factory, unit_a):
    start = timezone.localdate() - timedelta(days=30)
    first = person_factory(worker_a, first_name="A", start=start - timedelta(days=10))
    second = person_factory(worker_a, first_name="B", start=start - timedelta(days=10))
    services.tenancy_start(actor=worker_a, person=first, unit=unit_a, starts_on=start)
    with pytest.raises(HousingDataError):
        services.tenancy_start(actor=worker_a, person=second, unit=unit_a, starts_on=start)
    assert Tenancy.objects.filter(unit=unit_a).count() == 1


def test_losing_the_home_returns_person_to_the_list(worker_a, person_factory, unit_a):
    start = timezone.localdate() - timedelta(days=60)
    person = person_factory(worker_a, start=start - timedelta(days=10))
    tenancy = services.tenancy_start(actor=worker_a, person=person, unit=unit_a, starts_on=start)
    services.tenancy_end(
        actor=worker_a,
        tenancy=tenancy,
        ends_on=start + timedelta(days=20),
        reason="evicted",
        next_situation="sofa_surfer",
    )
    person.refresh_from_db()
    assert person.current_status == Status.RETURNED_FROM_HOUSING
    assert person.current_situation == "sofa_surfer"


def test_tenancy_cannot_end_before_it_starts(worker_a, person_factory, unit_a):
    start = date(2026, 5, 1)
    person = person_factory(worker_a, start=date(2026, 1, 1))
    tenancy = services.tenancy_start(actor=worker_a, person=person, unit=unit_a, starts_on=start)
    with pytest.raises(HousingDataError):
        services.tenancy_end(actor=worker_a, tenancy=tenancy, ends_on=date(2026, 4, 1), reason="moved")
