"""The demo extension: several quarters with a trend, actions, and INSPIRE and WHO-5 answers above and
below the anonymity threshold."""

import random
from datetime import date

import pytest

from accounts.roles import Role
from fidelity import demo_seed, selectors
from fidelity.models import AgreedAction, FidelityAssessment, OrganisationalUnit
from fidelity.quarters import Quarter

from .factories import leader_actor

pytestmark = pytest.mark.django_db
TODAY = date(2026, 5, 10)


def test_demo_seed_shows_a_trend_actions_and_the_threshold(users_a, municipality_a):
    staff = {role: users_a[role] for role in Role}
    demo_seed.seed(
        municipality=municipality_a, staff=staff, rng=random.Random(1), today=TODAY, areas=("Frederikssund",)
    )
    actor = leader_actor(users_a, municipality_a)
    team = OrganisationalUnit.objects.get(name="Housing First-teamet")
    data = selectors.results(actor, unit=team, quarter=Quarter(2026, 1), n_quarters=4)
    overall = [t["themes"] for t in data["trend"]]
    assert all(overall)  # four completed quarters
    first = sum(s.value for s in overall[0].values() if s.value) / 4
    last = sum(s.value for s in overall[-1].values() if s.value) / 4
    assert last > first
    assert all(r["shown"] for r in data["inspire"])
    shelter = OrganisationalUnit.objects.get(name="Herberget Fjordhus")
    inspire_shelter = selectors.inspire_trend(actor, unit=shelter, quarters=[Quarter(2026, 1)])
    assert not inspire_shelter[0]["shown"] and inspire_shelter[0]["n"] > 0
    # WHO-5: shown every quarter for the team and rising; under the threshold for the shelter
    assert all(r["shown"] for r in data["who5"])
    assert data["who5"][-1]["mean"] > data["who5"][0]["mean"]
    who5_shelter = selectors.who5_trend(actor, unit=shelter, quarters=[Quarter(2026, 1)])
    assert not who5_shelter[0]["shown"] and who5_shelter[0]["n"] > 0
    assert FidelityAssessment.objects.filter(unit=shelter, year=2026, quarter=2, status="draft").exists()
    overview = selectors.overview(actor, today=TODAY)
    assert [r["unit"].name for r in overview["missing"]] == [
        "Herberget Fjordhus",
        "Housing First-teamet",
        "Socialafdelingen",
    ]
    assert overview["overdue"]
    assert AgreedAction.objects.filter(status="done").exists()
    demo_seed.reset([municipality_a])
    assert not OrganisationalUnit.objects.exists()
