import random
from datetime import date

import pytest

from accounts.roles import Role
from conftest import make_user
from implementation import demo_seed
from implementation.models import FocusArea, Initiative, InitiativeStatusChange, MapActor, Meeting, Network
from tenants.models import Municipality

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 2)


def _seed(municipality, users):
    staff = {Role.LEADER: users[Role.LEADER], Role.HOUSING_BROKER: users[Role.HOUSING_BROKER]}
    demo_seed.seed(municipality=municipality, staff=staff, rng=random.Random(1), today=TODAY, areas=())


def test_frederikssund_gets_its_seven_focus_areas_initiatives_networks_and_landkort(municipality_a, users_a):
    _seed(municipality_a, users_a)
    areas = list(FocusArea.objects.filter(municipality=municipality_a).values_list("number", "source"))
    assert areas == [(n, f"Indsats {n}") for n in range(1, 8)]
    statuses = set(Initiative.objects.filter(municipality=municipality_a).values_list("status", flat=True))
    assert statuses == {"not_started", "in_progress", "delayed", "done", "dropped"}
    # Every status has its history: one creation row per initiative plus each change.
    changes = sum(len(path) for *_, path in demo_seed.INITIATIVES_001)
    assert (
        InitiativeStatusChange.objects.filter(municipality=municipality_a).count()
        == len(demo_seed.INITIATIVES_001) + changes
    )
    assert sorted(Network.objects.filter(municipality=municipality_a).values_list("kind", flat=True)) == [
        "employees",
        "leaders",
    ]
    assert Meeting.objects.filter(municipality=municipality_a).count() == 2
    assert MapActor.objects.filter(municipality=municipality_a).count() == 10


def test_fredericia_gets_development_goal_1_and_its_process_plan(users_a):
    fredericia = Municipality.objects.create(code="0607", name="Fredericia")
    users = {Role.LEADER: make_user(fredericia, Role.LEADER), Role.HOUSING_BROKER: None}
    _seed(fredericia, users)
    area = FocusArea.objects.get(municipality=fredericia)
    assert (area.number, area.source) == (1, "Udviklingsmål 1")
    assert Initiative.objects.filter(focus_area=area).count() == 9
    assert Initiative.objects.get(title="Socialboligformidler").status == "done"


def test_reset_removes_the_demo_plan(municipality_a, users_a):
    _seed(municipality_a, users_a)
    demo_seed.reset([municipality_a])
    for model in (FocusArea, Initiative, Network, MapActor):
        assert not model.objects.filter(municipality=municipality_a).exists()
