"""The simulation model (simulation/model.py): pure, no database."""

from dataclasses import replace

import numpy as np
import pytest

from simulation import model
from simulation.model import HOME, IN, N_HOUSING, N_SUPPORT, READY, SHELTER, WAIT, Parameters, simulate


def grid(cells: dict) -> tuple:
    rows = [[0] * N_SUPPORT for _ in range(N_HOUSING)]
    for (row, col), n in cells.items():
        rows[row][col] = n
    return tuple(tuple(r) for r in rows)


START = grid(
    {
        (0, 0): 20,  # street, no specialised need
        (1, WAIT["cti"]): 15,  # sofa, waiting for CTI
        (SHELTER, WAIT["icm"]): 25,
        (READY + SHELTER, IN["icm"]): 10,
        (HOME, IN["cti"]): 12,
        (HOME, 0): 30,
    }
)


def params(**kw) -> Parameters:
    return replace(Parameters(initial=START, inflow_mean=6, homes_per_month=3), **kw)


def test_people_are_conserved_in_every_run():
    p = params()
    result = simulate(p, runs=200, months=36, seed=1)
    start = sum(map(sum, START))
    in_system = result["state"].sum(axis=(1, 2))
    assert np.array_equal(in_system + result["exits_total"], start + result["inflow"].sum(axis=1))
    assert (result["state"] >= 0).all()


def test_the_same_seed_gives_the_same_runs_and_another_seed_other_runs():
    a = simulate(params(), runs=50, months=24, seed=7)
    b = simulate(params(), runs=50, months=24, seed=7)
    c = simulate(params(), runs=50, months=24, seed=8)
    for name in model.SERIES:
        assert np.array_equal(a[name], b[name])
    assert not np.array_equal(a["homeless"], c["homeless"])


def test_support_never_exceeds_its_places_when_it_starts_within_them():
    p = params(capacity={"cti": 15, "icm": 16, "act": 8}, inflow_mean=20, need_mix=(0.1, 0.3, 0.3, 0.3))
    result = simulate(p, runs=200, months=48, seed=3)
    assert result["in_cti"].max() <= 15
    assert result["in_icm"].max() <= 16
    assert result["in_act"].max() <= 8
    # The places are used: with many waiting they fill up.
    assert result["in_act"][:, -1].mean() > 6


def test_homes_placed_never_exceed_the_homes_nor_those_ready():
    p = params(homes_per_month=0)
    result = simulate(p, runs=100, months=24, seed=2)
    assert result["placed"].sum() == 0
    # With many homes each month, everyone ready is placed, so nobody waits at a month's end.
    p = params(homes_per_month=1000, months_to_ready=1)
    result = simulate(p, runs=100, months=24, seed=2)
    assert result["waiting_home"].max() == 0


def test_more_homes_means_fewer_homeless_in_expectation():
    base = simulate(params(), runs=300, months=60, seed=5)
    more = simulate(model.apply_scenario(params(), {"extra_homes_per_month": 3}), runs=300, months=60, seed=5)
    assert more["homeless"][:, -1].mean() < base["homeless"][:, -1].mean() - 10
    assert more["housed"][:, -1].mean() > base["housed"][:, -1].mean()


def test_an_act_team_shortens_the_wait_for_support():
    p = params(need_mix=(0.2, 0.3, 0.2, 0.3))
    base = simulate(p, runs=300, months=60, seed=5)
    act = simulate(model.apply_scenario(p, {"act_team_size": 6}), runs=300, months=60, seed=5)
    assert act["in_act"].max() == 48  # 6 staff x 8 citizens
    assert act["waiting_support"][:, -1].mean() < base["waiting_support"][:, -1].mean() - 10


def test_inflow_follows_the_mean_and_the_seasons():
    season = (2.0,) + (1.0,) * 10 + (0.0,)
    result = simulate(params(inflow_mean=10, seasonality=season, start_month=1), runs=2000, months=12, seed=4)
    assert result["inflow"][:, 0].mean() == pytest.approx(20, rel=0.05)  # January
    assert result["inflow"][:, 5].mean() == pytest.approx(10, rel=0.05)
    assert result["inflow"][:, 11].max() == 0  # December


def test_the_cost_is_the_shelter_and_support_months_at_their_prices():
    nobody_moves = params(
        inflow_mean=0,
        exit_homeless=(0, 0, 0, 0),
        exit_housed=0,
        situation_moves=tuple(tuple(1.0 if i == j else 0.0 for j in range(4)) for i in range(4)),
        homes_per_month=0,
        lose_home={"none": 0, "waiting": 0, "supported": 0},
        support_end={"cti": 0, "icm": 0, "act": 0},
        capacity={"cti": 0, "icm": 10, "act": 0},
        housing_cost=(0, 0, 0, 1000.0),
        support_cost={"cti": 100.0, "icm": 200.0, "act": 300.0},
    )
    result = simulate(nobody_moves, runs=3, months=2, seed=0)
    # 25 + 10 at a shelter; 12 in CTI, 10 in ICM; nobody is admitted (ICM is full).
    assert result["cost"][0].tolist() == [35 * 1000 + 12 * 100 + 10 * 200] * 2


def test_scenario_capacity_adds_workers_by_their_caseloads_and_caps_an_act_team():
    base = {"cti": 20, "icm": 16, "act": 0}
    assert model.scenario_capacity(base, extra_cti_workers=2, extra_icm_workers=1) == {
        "cti": 40,
        "icm": 24,
        "act": 0,
    }
    assert model.scenario_capacity(base, act_team_size=12)["act"] == 80  # 96 capped at 80


def test_waiting_months_by_littles_law():
    queue = np.array([[10, 10, 10], [4, 4, 4]])
    served = np.array([[5, 5, 5], [0, 0, 0]])
    waits = model.waiting_months(queue, served)
    assert waits[0] == 2.0
    assert np.isnan(waits[1])


def test_summary_savings_are_the_base_cost_minus_the_scenario_cost_run_by_run():
    base = {"cost": np.array([[10.0, 10.0], [20.0, 20.0]])}
    scen = {"cost": np.array([[4.0, 6.0], [20.0, 10.0]])}
    for r in (base, scen):
        for name in ("homeless", "shelter", "waiting_home", "waiting_support", "housed", "placed", "exits"):
            r[name] = np.ones((2, 2))
        r["admitted"] = np.ones((2, 2))
    summary = model.summarise(scen, base=base)
    # Run 1 saves 6 then 4 (10 in all); run 2 saves 0 then 10.
    assert summary["total_savings"]["p50"] == 10.0
    assert summary["savings"]["p50"] == [3.0, 10.0]
