"""Calibration and back-test (simulation/calibrate.py): pure, no database."""

from dataclasses import replace

import numpy as np
import pytest

from simulation import calibrate, model
from simulation.calibrate import History
from simulation.model import HOME, IN, N_HOUSING, N_SUPPORT, SHELTER, Parameters

DEFAULTS = {
    "inflow_mean": 0.0,
    "exit_homeless": 0.04,
    "situation_moves": [[1.0 if i == j else 0.0 for j in range(4)] for i in range(4)],
    "months_to_ready": 2.0,
    "homes_per_month": 2.0,
    "need_mix": [0.2, 0.35, 0.35, 0.1],
    "support_end": {"cti": 1 / 9, "icm": 1 / 36, "act": 1 / 36},
    "lose_home_supported": 0.0135,
    "lose_home_ratio": 2.0,
    "inflow_situation": [0.25, 0.35, 0.15, 0.25],
    "exit_split": [0.3, 0.1, 0.6],
    "exit_housed": 0.0,
    "housing_cost": [0, 0, 0, 45_833.0],
    "support_cost": {"cti": 3_333.0, "icm": 7_083.0, "act": 10_833.0},
}

TRUE = Parameters(
    inflow_mean=12.0,
    seasonality=(1.3, 1.2, 1.1, 1.0, 0.9, 0.8, 0.8, 0.9, 1.0, 1.0, 1.0, 1.0),
    inflow_situation=(0.2, 0.4, 0.1, 0.3),
    need_mix=(0.25, 0.35, 0.3, 0.1),
    situation_moves=(
        (0.90, 0.04, 0.02, 0.04),
        (0.03, 0.92, 0.02, 0.03),
        (0.03, 0.03, 0.91, 0.03),
        (0.05, 0.03, 0.02, 0.90),
    ),
    exit_homeless=(0.05,) * 4,
    exit_housed=0.0,
    months_to_ready=3.0,
    homes_per_month=6.0,
    capacity={"cti": 400, "icm": 400, "act": 400},
    support_end={"cti": 1 / 9, "icm": 0.05, "act": 0.03},
    lose_home={"none": 0.02, "waiting": 0.02, "supported": 0.01},
    initial=tuple(tuple(150 if (r, c) == (0, 0) else 0 for c in range(N_SUPPORT)) for r in range(N_HOUSING)),
)


def simulated_history(params: Parameters, months: int, seed: int = 11) -> tuple[History, dict]:
    """One long run of the model written down the way the platform's records give it."""
    r = model.simulate(params, runs=1, months=months, seed=seed, detail=True)
    iso = [
        f"{2020 + (params.start_month - 1 + t) // 12}-{(params.start_month - 1 + t) % 12 + 1:02d}-01"
        for t in range(months)
    ]
    in_support = np.stack([r["in_cti"][0], r["in_icm"][0], r["in_act"][0]], axis=1)
    history = History(
        months=iso,
        inflow=r["inflow"][0].tolist(),
        inflow_situation=r["inflow_by_situation"][0].tolist(),
        exits=r["homeless_exits"][0].tolist(),
        exit_kinds=[[0, 0, int(x)] for x in r["homeless_exits"][0]],
        housed=r["placed"][0].tolist(),
        returned=r["returned"][0].tolist(),
        homeless_end=r["homeless_by_situation"][0].tolist(),
        ready_end=r["waiting_home"][0].tolist(),
        registered=r["registered"][0].tolist(),
        moves=r["moves"][0].tolist(),
        vacancies=[0] * months,
        decisions=[[0, 0, 0, 0]] * (months - 1) + [[25, 35, 30, 10]],
        active_end=in_support.tolist(),
        ended=r["ended"][0].tolist(),
        housed_end=r["housed"][0].tolist(),
    )
    return history, r


@pytest.fixture(scope="module")
def long_history():
    return simulated_history(TRUE, 240)


def test_calibration_recovers_the_rates_of_a_simulated_history(long_history):
    history, _ = long_history
    window = replace(history)
    params, basis = calibrate.calibrate(window, defaults=DEFAULTS, capacity=TRUE.capacity)
    # The last 24 months: inflow 12 a month on average over the seasons.
    assert params.inflow_mean == pytest.approx(12, rel=0.2)
    assert params.exit_homeless[0] == pytest.approx(0.05, rel=0.25)
    assert params.months_to_ready == pytest.approx(3.0, rel=0.25)
    for s in range(4):
        for d in range(4):
            if s != d:
                assert params.situation_moves[s][d] == pytest.approx(TRUE.situation_moves[s][d], abs=0.02)
    assert params.need_mix == pytest.approx((0.25, 0.35, 0.3, 0.1))
    assert set(basis["own"]) == {"homeless", "homes", "methods", "retention"}


def test_seasonality_from_many_years_recovers_the_seasons(long_history):
    history, _ = long_history
    factors = calibrate.seasonality(history.inflow, history.months)
    assert factors[0] == pytest.approx(1.3, abs=0.12)  # January
    assert factors[5] == pytest.approx(0.8, abs=0.12)  # June
    assert np.mean(factors) == pytest.approx(1.0, abs=1e-3)


def test_seasonality_without_inflow_is_flat():
    assert calibrate.seasonality([0, 0], ["2024-01-01", "2024-02-01"]) == (1.0,) * 12


def test_calibration_falls_back_to_the_defaults_without_records():
    empty = History(
        months=["2025-01-01", "2025-02-01"],
        inflow=[0, 0],
        inflow_situation=[[0] * 4] * 2,
        exits=[0, 0],
        exit_kinds=[[0] * 3] * 2,
        housed=[0, 0],
        returned=[0, 0],
        homeless_end=[[0] * 4] * 2,
        ready_end=[0, 0],
        registered=[0, 0],
        moves=[[[0] * 4] * 4] * 2,
        vacancies=[0, 0],
        decisions=[[0] * 4] * 2,
        active_end=[[0] * 3] * 2,
        ended=[[0] * 3] * 2,
        housed_end=[0, 0],
    )
    params, basis = calibrate.calibrate(empty, defaults=DEFAULTS)
    assert params.need_mix == tuple(DEFAULTS["need_mix"])
    assert params.homes_per_month == 2.0
    assert params.months_to_ready == 2.0
    assert params.start_month == 3  # the month after February
    assert basis["own"] == []


def test_mean_absolute_error():
    assert calibrate.mean_absolute_error([10, 12, 8], [11, 10, 8]) == 1.0
    assert calibrate.mean_absolute_error([], []) is None


def test_backtest_sets_the_prediction_beside_the_last_twelve_months():
    history, r = simulated_history(TRUE, 60)
    cut = 48
    # The state at the end of month 48: the same seed draws the same first 48 months.
    grid = model.simulate(TRUE, runs=1, months=cut, seed=11)["state"][0].tolist()
    assert sum(grid[HOME]) == history.housed_end[cut - 1]
    history.grids = {calibrate.month_end(history.months[cut - 1]): grid}
    result = calibrate.backtest(history, defaults=DEFAULTS, runs=100, seed=1)
    homeless = result["metrics"]["homeless"]
    assert result["months"] == history.months[48:]
    assert homeless["actual"] == [sum(x) for x in history.homeless_end[48:]]
    # The error is the median prediction minus the actual figure, month by month, and its mean absolute.
    assert homeless["error"] == [round(p - a, 1) for p, a in zip(homeless["p50"], homeless["actual"])]
    assert homeless["mae"] == round(float(np.mean(np.abs(homeless["error"]))), 1)
    assert result["metrics"]["shelter"]["actual"] == [x[SHELTER] for x in history.homeless_end[48:]]
    assert result["metrics"]["inflow"]["actual"] == history.inflow[48:]
    # A model checked against its own kind of history: the 10-90 % band holds the actual figure in at
    # least half the months (one path of a process that drifts can leave a band for a stretch).
    assert homeless["inside_band"] >= 6
    assert result["metrics"]["inflow"]["inside_band"] >= 9


def test_backtest_needs_history_and_a_start_state():
    history, _ = simulated_history(TRUE, 14)
    assert calibrate.backtest(history, defaults=DEFAULTS) is None  # two months before the twelve
    history, _ = simulated_history(TRUE, 30)
    assert calibrate.backtest(history, defaults=DEFAULTS) is None  # no state at the cut


def test_month_end():
    assert calibrate.month_end("2024-02-01") == "2024-02-29"
    assert calibrate.month_end("2024-12-01") == "2024-12-31"


def test_grid_totals():
    grid = [[0] * N_SUPPORT for _ in range(N_HOUSING)]
    grid[SHELTER][0] = 3
    grid[4 + SHELTER][IN["icm"]] = 2
    grid[1][0] = 5
    grid[HOME][0] = 7
    assert calibrate.grid_totals(grid) == {"homeless": 10, "shelter": 5, "housed": 7}
