"""Housing objects for tests, including municipality B's for the tenancy sweep."""

from datetime import timedelta

from django.utils import timezone

from housing.models import Agreement, Landlord, Tenancy, Unit, UnitType
from housing.services import unit_types_ensure_defaults
from support.models import SupportEpisode


def make_stock(
    municipality, *, name="Fjordbo", rent=3400, rooms=2, code="social_family", address="Havnevej 1"
):
    unit_types_ensure_defaults(municipality)
    landlord, _ = Landlord.objects.get_or_create(municipality=municipality, name=name)
    unit = Unit.objects.create(
        municipality=municipality,
        landlord=landlord,
        address=address,
        rooms=rooms,
        rent=rent,
        unit_type=UnitType.objects.get(municipality=municipality, code=code),
    )
    return landlord, unit


def make_b_housing(world):
    """B's landlord, agreement, unit type, unit and a current tenancy of B's person, made once per world.

    The tenancy is created directly (not through tenancy_start) so that B's situations, which the sweep
    fingerprints before the fillers run, stay as they were."""
    if getattr(world, "housing_b", None) is None:
        m = world.person_b.municipality
        landlord, unit = make_stock(m, name="Odense Bolig", address="Vestergade 9")
        agreement = Agreement.objects.create(
            municipality=m,
            landlord=landlord,
            title="Odense-aftalen",
            share_percent=25,
            starts_on=timezone.localdate() - timedelta(days=400),
        )
        tenancy = Tenancy.objects.create(
            municipality=m,
            person=world.person_b,
            unit=unit,
            address=unit.address,
            starts_on=timezone.localdate() - timedelta(days=10),
        )
        world.housing_b = {
            "landlord": landlord,
            "agreement": agreement,
            "unit": unit,
            "unit_type": unit.unit_type,
            "tenancy": tenancy,
        }
    return world.housing_b


def populate_for_query_counts(worker, person, i, recent):
    """A unit per person and a tenancy for those who got 'own home' (core/tests/test_query_counts.py),
    so the housing pages' counts are pinned against growing stock and tenancies too."""
    _, unit = make_stock(
        worker.municipality,
        name=f"Udlejer {i % 3}",
        rent=3000 + 50 * i,
        rooms=1 + i % 3,
        address=f"Testvej {i}",
    )
    if person.current_situation == "own_home":
        Tenancy.objects.create(
            municipality=worker.municipality,
            person=person,
            unit=unit,
            address=unit.address,
            starts_on=person.situation_since,
        )
    elif i % 2:
        # Half of those still waiting have a support decision, so the waiting list is not empty.
        SupportEpisode.objects.create(
            municipality=worker.municipality,
            person=person,
            method="cti",
            start_date=recent,
            status_since=recent,
        )
