"""The simulation's parameters from a municipality's own history, and the back-test that shows how far to
trust them (issue 13 item 3). Plain data in, plain data out; no Django (simulation/selectors.py loads the
history from the platform's records).

The history is month by month, oldest first, complete months only. Rates are the month's events over the
month-end counts (person-months): exits of the homeless, moves between the situations, registrations on
the needs list (ready for a home), homes lost by the housed, support episodes ended. Where a municipality
has recorded nothing yet, the default in simulation/conf.py stands and the basis says so.
"""

import datetime
from dataclasses import dataclass, field, replace

import numpy as np

from . import model
from .model import HOME, N_HOUSING, N_SIT, N_SUPPORT, READY, Parameters

WINDOW = 24  # months of history a rate is estimated from (the last two years before the cut)
BACKTEST_MONTHS = 12


@dataclass
class History:
    months: list[str]  # ISO first days, oldest first
    inflow: list[int]
    inflow_situation: list[list[int]]  # [month][situation]: where the newly active were
    exits: list[int]  # active -> moved away, died, no longer homeless, inactive
    exit_kinds: list[list[int]]  # [month][moved away, died, no longer homeless (inactive included)]
    housed: list[int]  # active -> own home
    returned: list[int]  # back from an own home to the list
    homeless_end: list[list[int]]  # [month][situation] at the month's end
    ready_end: list[int]  # homeless and on the needs list at the month's end
    registered: list[int]  # homeless people put on the needs list in the month
    moves: list[list[list[int]]]  # [month][from][to] between the situations
    vacancies: list[int]  # homes reported vacant for the effort
    decisions: list[list[int]]  # [month][none, cti, icm, act] method decisions
    active_end: list[list[int]]  # [month][cti, icm, act] support episodes active at the month's end
    ended: list[list[int]]  # [month][cti, icm, act] support episodes ended
    housed_end: list[int]  # in an own home at the month's end
    # The state grid [N_HOUSING][N_SUPPORT] at given month ends (ISO day -> grid).
    grids: dict = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.months)


def _share(counts, default) -> tuple[float, ...]:
    total = float(np.sum(counts))
    return tuple(float(c) / total for c in counts) if total > 0 else tuple(default)


def _rate(events: float, exposure: float, default: float, *, high: float = 0.9) -> float:
    return float(min(max(events / exposure, 0.0), high)) if exposure > 0 else float(default)


def seasonality(inflow: list[int], months: list[str]) -> tuple[float, ...]:
    """Factor per calendar month (January first), mean 1: each month's mean inflow over the overall mean,
    pulled towards 1 when the month was seen in few years (n / (n + 1) of the difference)."""
    values = np.asarray(inflow, dtype=float)
    if not len(values) or values.mean() <= 0:
        return (1.0,) * 12
    overall = values.mean()
    factors = np.ones(12)
    for cal in range(12):
        seen = [v for v, m in zip(values, months) if int(m[5:7]) == cal + 1]
        if seen:
            n = len(seen)
            factors[cal] = 1 + (np.mean(seen) / overall - 1) * n / (n + 1)
    factors = factors / factors.mean()
    return tuple(round(float(f), 3) for f in factors)


def calibrate(history: History, *, upto: int | None = None, defaults: dict, capacity: dict | None = None):
    """Parameters from the months before ``upto`` (all when None) and the basis shown beside them: which
    rates came from the municipality's records and which are defaults. ``capacity`` is the places per
    method now (workers x caseload); without it the most in use at a month's end in the window."""
    upto = len(history) if upto is None else upto
    lo = max(0, upto - WINDOW)
    w = slice(lo, upto)
    basis = {"months": upto - lo, "first": history.months[lo] if upto > lo else None}
    basis["last"] = history.months[upto - 1] if upto > lo else None
    own = []

    inflow = np.asarray(history.inflow[w], dtype=float)
    inflow_mean = float(inflow.mean()) if len(inflow) else defaults["inflow_mean"]
    homeless = np.asarray(history.homeless_end[w], dtype=float).reshape(-1, N_SIT)
    person_months = homeless.sum(axis=0)
    total_pm = float(person_months.sum())
    if total_pm > 0:
        own.append("homeless")

    # Month-end counts miss the people who left during the month: they were at risk too.
    exits = float(np.sum(history.exits[w]))
    exit_rate = _rate(exits, total_pm + exits, defaults["exit_homeless"])
    moves = np.asarray(history.moves[w], dtype=float).reshape(-1, N_SIT, N_SIT).sum(axis=0)
    default_moves = np.asarray(defaults["situation_moves"], dtype=float)
    matrix = np.zeros((N_SIT, N_SIT))
    for s in range(N_SIT):
        if person_months[s] > 0:
            matrix[s] = np.minimum(moves[s] / person_months[s], 0.5)
            matrix[s, s] = 0
            matrix[s, s] = max(0.0, 1 - matrix[s].sum())
        else:
            matrix[s] = default_moves[s]

    ready_end = np.asarray(history.ready_end[w], dtype=float)
    identified_pm = max(total_pm - float(ready_end.sum()), 0.0)
    registered = float(np.sum(history.registered[w]))
    p_ready = _rate(registered, identified_pm + registered, 0.0, high=1.0)
    months_to_ready = round(1 / p_ready, 1) if p_ready > 0 else defaults["months_to_ready"]

    homes = max(
        float(np.mean(history.vacancies[w])) if upto > lo else 0.0,
        float(np.mean(history.housed[w])) if upto > lo else 0.0,
    )
    if homes > 0:
        own.append("homes")
    homes_per_month = homes if homes > 0 else defaults["homes_per_month"]

    decisions = np.asarray(history.decisions[:upto], dtype=float).reshape(-1, 4).sum(axis=0)
    need_mix = _share(decisions, defaults["need_mix"])
    if decisions.sum() > 0:
        own.append("methods")

    active = np.asarray(history.active_end[w], dtype=float).reshape(-1, 3)
    ended = np.asarray(history.ended[w], dtype=float).reshape(-1, 3).sum(axis=0)
    support_end = {"cti": defaults["support_end"]["cti"]}
    for i, m in enumerate(model.METHODS[1:], start=1):
        support_end[m] = _rate(ended[i], float(active[:, i].sum()), defaults["support_end"][m], high=0.5)
    if capacity is None:
        capacity = {m: int(active[:, i].max()) if len(active) else 0 for i, m in enumerate(model.METHODS)}
        basis["capacity_from"] = "use"
    else:
        basis["capacity_from"] = "places"

    housed_pm = float(np.sum(history.housed_end[w]))
    returned = float(np.sum(history.returned[w]))
    overall_loss = _rate(returned, housed_pm + returned, defaults["lose_home_supported"])
    if housed_pm > 0:
        own.append("retention")
    ratio = defaults["lose_home_ratio"]  # without support / with support
    supported = overall_loss * 2 / (1 + ratio)
    lose_home = {"none": supported * ratio, "waiting": supported * ratio, "supported": supported}

    inflow_situation = _share(
        np.asarray(history.inflow_situation[w]).reshape(-1, N_SIT).sum(axis=0), defaults["inflow_situation"]
    )
    exit_split = _share(np.asarray(history.exit_kinds[w]).reshape(-1, 3).sum(axis=0), defaults["exit_split"])
    start_month = int(history.months[upto - 1][5:7]) % 12 + 1 if upto else 1

    params = Parameters(
        inflow_mean=round(inflow_mean, 2),
        seasonality=seasonality(history.inflow[:upto], history.months[:upto]),
        start_month=start_month,
        inflow_situation=inflow_situation,
        need_mix=need_mix,
        situation_moves=tuple(tuple(round(float(v), 4) for v in row) for row in matrix),
        exit_homeless=(round(exit_rate, 4),) * N_SIT,
        exit_split=exit_split,
        exit_housed=defaults["exit_housed"],
        months_to_ready=months_to_ready,
        homes_per_month=round(homes_per_month, 2),
        capacity=capacity,
        support_end={m: round(v, 4) for m, v in support_end.items()},
        lose_home={k: round(v, 4) for k, v in lose_home.items()},
        return_situation=inflow_situation,
        housing_cost=tuple(defaults["housing_cost"]),
        support_cost=dict(defaults["support_cost"]),
        initial=empty_grid(),
    )
    basis["own"] = own
    return params, basis


def empty_grid() -> tuple:
    return ((0,) * N_SUPPORT,) * N_HOUSING


def as_grid(rows) -> tuple:
    grid = tuple(tuple(int(v) for v in row) for row in rows)
    if len(grid) != N_HOUSING or any(len(r) != N_SUPPORT for r in grid):
        raise ValueError("grid shape")
    return grid


def grid_totals(grid) -> dict:
    g = np.asarray(grid)
    return {
        "homeless": int(g[:HOME].sum()),
        "shelter": int(g[[model.SHELTER, READY + model.SHELTER]].sum()),
        "housed": int(g[HOME].sum()),
    }


def mean_absolute_error(predicted, actual) -> float | None:
    if not len(actual):
        return None
    return round(float(np.mean(np.abs(np.asarray(predicted, float) - np.asarray(actual, float)))), 1)


def backtest(
    history: History, *, defaults: dict, months: int = BACKTEST_MONTHS, runs: int = 200, seed: int = 0
) -> dict | None:
    """Calibrate on all but the last ``months`` months, start from the state at the end of the month
    before them, predict them, and set the prediction beside what happened: the median and the 10-90 %
    band, the error month by month and the mean absolute error, for the homeless and those at a shelter
    at the month's end and the inflow in the month. None without enough history."""
    cut = len(history) - months
    if cut < 3:
        return None
    start_day = month_end(history.months[cut - 1])
    grid = history.grids.get(start_day)
    if grid is None:
        return None
    params, basis = calibrate(history, upto=cut, defaults=defaults)
    params = replace(params, initial=as_grid(grid))
    result = model.simulate(params, runs=runs, months=months, seed=seed)
    actual = {
        "homeless": [sum(r) for r in history.homeless_end[cut:]],
        "shelter": [r[model.SHELTER] for r in history.homeless_end[cut:]],
        "inflow": list(history.inflow[cut:]),
    }
    out = {"months": history.months[cut:], "start": start_day, "basis": basis, "metrics": {}}
    for name, values in actual.items():
        bands = model.percentiles(result[name])
        errors = [round(p - a, 1) for p, a in zip(bands["p50"], values)]
        inside = sum(1 for lo, hi, a in zip(bands["p10"], bands["p90"], values) if lo <= a <= hi)
        out["metrics"][name] = {
            "actual": values,
            **bands,
            "error": errors,
            "mae": mean_absolute_error(bands["p50"], values),
            "inside_band": inside,
        }
    return out


def month_end(iso_month: str) -> str:
    """The last day of the month that begins on ``iso_month`` (ISO)."""
    year, month = int(iso_month[:4]), int(iso_month[5:7])
    nxt = (year + month // 12, month % 12 + 1)
    return (datetime.date(nxt[0], nxt[1], 1) - datetime.timedelta(days=1)).isoformat()


def month_label(iso_day: str, ahead: int) -> str:
    """ "MM.YYYY" of the month ``ahead`` months after the one holding ``iso_day``."""
    year, month = int(iso_day[:4]), int(iso_day[5:7]) - 1 + ahead
    return f"{month % 12 + 1:02d}.{year + month // 12}"
