"""Demo scenarios for Frederikssund (called by demo/loader.py): more homes through letting agreements
(seed 001's focus areas "more cheap homes" and "allocation and housing organisations") and an ACT team
(seed 004, ch. 4: about 10-12 staff for 70-80 citizens), each with a finished run on the demo's own
history, so the comparison and the back-test show at once. The runs are smaller than a leader's default
to keep the seeding fast; a leader's new run uses the full number."""

from django.utils import timezone

from accounts.access import Actor
from accounts.roles import Role

from . import selectors, services
from .models import RunStatus, Scenario, SimulationRun

DEMO_CODE = "0250"
DEMO_RUNS = 100
SCENARIOS = [
    (
        "Flere boliger gennem aftaler",
        "Samarbejdsaftaler med boligorganisationerne giver to boliger mere om måneden til indsatsen.",
        {"extra_homes_per_month": 2},
    ),
    (
        "Et ACT-team",
        "Et tværfagligt ACT-team med 10 medarbejdere til borgere med komplekse behov.",
        {"act_team_size": 10},
    ),
]


def reset(municipalities) -> None:
    SimulationRun.objects.filter(municipality__in=municipalities).delete()
    Scenario.objects.filter(municipality__in=municipalities).delete()


def seed(*, municipality, staff, rng, today, areas) -> None:
    leader = staff.get(Role.LEADER)
    if municipality.code != DEMO_CODE or leader is None:
        return
    actor = Actor(user=leader, municipality=municipality, role=Role.LEADER, path="/demo/")
    history = selectors.calibration_history(actor, today=today)
    places = selectors.places_now(actor, today=today)
    prices = selectors.prices_now(actor, today=today)
    for name, description, changes in SCENARIOS:
        scenario = services.scenario_save(
            actor=actor,
            name=name,
            description=description,
            changes=changes,
            runs=DEMO_RUNS,
            horizon_months=60,
        )
        result = services.compute(
            history,
            places=places,
            prices=prices,
            changes=scenario.changes,
            runs=DEMO_RUNS,
            months=60,
            seed=scenario.seed,
        )
        SimulationRun.objects.create(
            municipality=municipality,
            scenario=scenario,
            requested_by=leader,
            role=Role.LEADER,
            path="/demo/",
            status=RunStatus.DONE,
            progress=100,
            result=result,
            finished_at=timezone.now(),
        )
