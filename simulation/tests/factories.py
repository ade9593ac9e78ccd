from simulation.models import RunStatus, Scenario, SimulationRun


def make_scenario(municipality, **kw) -> Scenario:
    values = {
        "name": "Flere boliger",
        "changes": {"extra_homes_per_month": 2},
        "runs": 20,
        "horizon_months": 12,
    }
    values.update(kw)
    return Scenario.objects.create(municipality=municipality, **values)


def make_b_scenario(world) -> Scenario:
    existing = Scenario.objects.filter(municipality=world.person_b.municipality).first()
    return existing or make_scenario(world.person_b.municipality, name="Bornholms scenarie")


def make_b_run(world) -> SimulationRun:
    scenario = make_b_scenario(world)
    existing = SimulationRun.objects.filter(scenario=scenario).first()
    return existing or SimulationRun.objects.create(
        municipality=scenario.municipality, scenario=scenario, role="leader", status=RunStatus.QUEUED
    )
