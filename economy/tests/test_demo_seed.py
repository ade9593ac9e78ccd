"""The demo gives Frederikssund a few prices of its own; the rest stay the defaults."""

import random
from datetime import date

import pytest

from accounts.roles import Role
from economy import demo_seed, selectors
from economy.models import Price

pytestmark = pytest.mark.django_db


def test_frederikssund_gets_some_own_prices_and_keeps_the_rest_default(
    municipality_a, users_a, actor_factory
):
    today = date.today()
    staff = {Role.LEADER: users_a[Role.LEADER]}
    demo_seed.seed(municipality=municipality_a, staff=staff, rng=random.Random(1), today=today, areas=())
    rows = {
        r["kind"]: r
        for r in selectors.prices(
            actor_factory(users_a[Role.LEADER], municipality_a, Role.LEADER), year=today.year
        )
    }
    assert rows["s110_day"]["own"] and rows["s110_day"]["amount"] == 1650
    assert rows["icm"]["own"] and rows["icm"]["unit_code"] == "worker_year"
    assert not rows["act"]["own"] and rows["act"]["amount"] == 120000
    demo_seed.reset([municipality_a])
    assert not Price.objects.exists()


def test_other_demo_municipalities_keep_the_defaults(municipality_b, users_b):
    demo_seed.seed(
        municipality=municipality_b,
        staff={Role.LEADER: users_b[Role.LEADER]},
        rng=random.Random(1),
        today=date.today(),
        areas=(),
    )
    assert not Price.objects.exists()
