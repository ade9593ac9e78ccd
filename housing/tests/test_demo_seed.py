"""The housing demo: seed 001's 137 family homes at or below 3,500 kr. in Frederikssund, tenancies on the
demo people's own-home dates, and figures that are not empty."""

import random
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.roles import Role
from demo.generator import Params, generate_people
from demo.loader import DEMO_MUNICIPALITIES, load_people
from housing import demo_seed, selectors
from housing.models import Tenancy, Unit, WaitingPlan
from people.models import SituationPeriod

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(municipality_a, users_a, actor_factory):
    today = timezone.localdate()
    spec = DEMO_MUNICIPALITIES[0]
    rng = random.Random(7)
    people = generate_people(
        rng, count=250, start=today - timedelta(days=5 * 365), end=today, params=Params(areas=spec.areas)
    )
    load_people(municipality_a, people, staff=users_a)
    demo_seed.seed(municipality=municipality_a, staff=users_a, rng=rng, today=today, areas=spec.areas)
    return actor_factory(users_a[Role.LEADER], municipality_a, Role.LEADER)


def test_frederikssund_has_137_social_family_homes_at_or_below_3500(seeded, municipality_a):
    cheap = Unit.objects.filter(municipality=municipality_a, unit_type__code="social_family", rent__lte=3500)
    assert cheap.count() == 137
    assert Unit.objects.filter(municipality=municipality_a, rent__gt=3500).exists()


def test_tenancies_follow_the_own_home_periods(seeded, municipality_a):
    tenancies = list(Tenancy.objects.filter(municipality=municipality_a))
    assert tenancies and any(t.end_reason == "evicted" for t in tenancies)
    for t in tenancies:
        assert SituationPeriod.objects.filter(
            person_id=t.person_id, situation="own_home", start_date=t.starts_on, end_date=t.ends_on
        ).exists()


def test_demo_gives_figures_to_the_analyses(seeded, municipality_a):
    today = timezone.localdate()
    stock = selectors.stock_analysis(seeded, today=today)
    assert stock["units_at_threshold"] >= 137 and sum(n for _, n in stock["per_year"]) > 0
    retention = selectors.retention_figures(seeded, today=today)
    assert retention["total"][0]["cells"][0]["total"] > 0
    assert WaitingPlan.objects.filter(municipality=municipality_a).exists()


def test_reset_removes_the_housing_demo(seeded, municipality_a):
    demo_seed.reset([municipality_a])
    assert not Unit.objects.filter(municipality=municipality_a).exists()
