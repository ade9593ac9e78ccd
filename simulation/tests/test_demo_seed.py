"""The demo's scenarios: two for Frederikssund with finished runs on the demo's own history."""

import time
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command

from simulation import demo_seed
from simulation.models import RunStatus, Scenario, SimulationRun

pytestmark = pytest.mark.django_db


def test_the_demo_has_two_scenarios_with_finished_runs_and_a_backtest():
    spent = []
    real = demo_seed.seed

    def timed(**kw):
        start = time.perf_counter()
        real(**kw)
        spent.append(time.perf_counter() - start)

    with mock.patch.object(demo_seed, "seed", timed):
        call_command("seed_demo", stdout=StringIO())
    names = set(Scenario.objects.filter(municipality__code="0250").values_list("name", flat=True))
    assert names == {"Flere boliger gennem aftaler", "Et ACT-team"}
    runs = list(SimulationRun.objects.filter(municipality__code="0250"))
    assert len(runs) == 2 and all(r.status == RunStatus.DONE for r in runs)
    backtest = runs[0].result["backtest"]
    assert backtest is not None and len(backtest["metrics"]["homeless"]["actual"]) == 12
    print(f"simulation demo seeding: {sum(spent):.2f} s")  # noqa: T201 - read with -s, never asserted
    for key in ("homeless", "shelter", "inflow"):
        m = backtest["metrics"][key]
        print(key, "MAE", m["mae"], "inside", m["inside_band"], "actual", m["actual"], "p50", m["p50"])  # noqa: T201
    print(runs[0].result["parameters"]["base"], runs[0].result["basis"])  # noqa: T201
