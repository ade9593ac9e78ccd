"""A stochastic monthly model of people flowing through homelessness, support and an own home, for the
leaders' capacity and cost scenarios (issue 13 item 3). NumPy only, no Django.

The state of one run is a table of counts: housing state (rows) by support state (columns).

Housing states: homeless in one of four situations (street, sofa, other, § 110 shelter), first only
identified, then ready for a home (assessed and on the needs list; the "faster allocation" a scenario sets
shortens the months to this point), and finally an own home. Support states: no specialised support needed,
waiting for CTI / ICM / ACT, in CTI / ICM / ACT. A person keeps their support state when they move or lose
their home: support continues whether the citizen has a home or has lost it (seed 004, principle 5).

One month, in this order, for all runs at once (arrays [runs, housing, support]):

1. inflow: Poisson with the month's mean (a mean times the calendar month's seasonal factor), split over
   situation and support need;
2. exits: homeless people leave the list (moved away, died, no longer homeless); housed people leave the
   platform's view (moved, died) at a small rate;
3. lost homes: housed people lose their home with a monthly probability, lower with support, and return
   to homelessness (a return), keeping their support;
4. moves between the homeless situations (a monthly transition matrix);
5. identified people become ready for a home;
6. homes: the month's homes for the effort (Poisson: allocation of vacancies in the stock under the
   letting agreements, plus any extra homes a scenario adds) go to people ready for one, drawn at random
   among them; never more than the homes and never more than the people ready;
7. support: CTI ends after 9 months on average (seed 004, ch. 4), ICM and ACT end at monthly rates; then
   free places per method (workers x caseload; an ACT team's limit) go to people waiting for that method,
   drawn at random; a method's people never exceed its places through admissions;
8. month-end figures and the month's cost (cost per person-month of each housing and support state).

The draws are binomial, Poisson and (multivariate) hypergeometric on whole arrays: a thousand runs of
sixty months cost a second or so (simulation/bench.py). A seed makes a run reproducible.
"""

from dataclasses import dataclass, field, replace

import numpy as np

# Housing states.
SITUATIONS = ("street", "sofa", "other", "shelter")
N_SIT = len(SITUATIONS)
SHELTER = 3
READY = N_SIT  # offset: ready for a home in situation s is row READY + s
HOME = 2 * N_SIT
N_HOUSING = HOME + 1
HOMELESS_ROWS = slice(0, HOME)
IDENTIFIED_ROWS = slice(0, N_SIT)
READY_ROWS = slice(READY, HOME)

# Support states.
METHODS = ("cti", "icm", "act")
NEEDS = ("none", *METHODS)
NONE = 0
WAIT = {"cti": 1, "icm": 2, "act": 3}
IN = {"cti": 4, "icm": 5, "act": 6}
N_SUPPORT = 7
WAIT_COLS = slice(1, 4)
IN_COLS = slice(4, 7)

EXIT_KINDS = ("moved_away", "died", "no_longer_homeless")

# The figures kept per month (arrays [runs, months]).
SERIES = (
    "homeless",
    "shelter",
    "waiting_home",
    "waiting_support",
    "in_cti",
    "in_icm",
    "in_act",
    "housed",
    "inflow",
    "placed",
    "admitted",
    "returned",
    "exits",
    "cost",
)


@dataclass(frozen=True)
class Parameters:
    """Everything a run needs; probabilities are per month. The calibration (simulation/calibrate.py)
    fills them from the municipality's history; a scenario changes a few (``apply_scenario``)."""

    inflow_mean: float = 5.0
    seasonality: tuple[float, ...] = (1.0,) * 12  # factor per calendar month, January first; mean 1
    start_month: int = 1  # calendar month of the first simulated month
    inflow_situation: tuple[float, ...] = (0.25, 0.35, 0.15, 0.25)  # street, sofa, other, shelter
    need_mix: tuple[float, ...] = (0.2, 0.35, 0.35, 0.1)  # none, CTI, ICM, ACT
    situation_moves: tuple[tuple[float, ...], ...] = (
        (0.90, 0.04, 0.02, 0.04),
        (0.03, 0.92, 0.02, 0.03),
        (0.03, 0.03, 0.91, 0.03),
        (0.03, 0.03, 0.02, 0.92),
    )
    exit_homeless: tuple[float, ...] = (0.04, 0.04, 0.04, 0.04)  # by situation
    exit_split: tuple[float, ...] = (0.3, 0.1, 0.6)  # moved away, died, no longer homeless
    exit_housed: float = 0.005
    months_to_ready: float = 2.0  # mean months from identification to ready for a home
    homes_per_month: float = 3.0
    capacity: dict = field(default_factory=lambda: {"cti": 20, "icm": 16, "act": 0})  # places
    support_end: dict = field(default_factory=lambda: {"cti": 1 / 9, "icm": 1 / 30, "act": 1 / 36})
    lose_home: dict = field(default_factory=lambda: {"none": 0.02, "waiting": 0.02, "supported": 0.01})
    return_situation: tuple[float, ...] = (0.3, 0.4, 0.1, 0.2)
    # kr. per person-month
    housing_cost: tuple[float, ...] = (0.0, 0.0, 0.0, 45_833.0)  # street, sofa, other, shelter; own home 0
    support_cost: dict = field(default_factory=lambda: {"cti": 3_333.0, "icm": 7_083.0, "act": 10_833.0})
    # The people at the start: counts [N_HOUSING][N_SUPPORT].
    initial: tuple[tuple[int, ...], ...] = ((0,) * N_SUPPORT,) * N_HOUSING


def scenario_capacity(
    base: dict, *, extra_cti_workers=0, extra_icm_workers=0, act_team_size=0, caseload=None
) -> dict:
    """Places per method after a scenario's extra workers and ACT team: CTI 10 and ICM 8 per worker, an
    ACT team about 8 per staff member and at most 80 citizens (seed 004, ch. 4; support/conf.py)."""
    caseload = caseload or {"cti": 10, "icm": 8, "act_per_staff": 8, "act_max": 80}
    act = base.get("act", 0)
    if act_team_size:
        act += min(act_team_size * caseload["act_per_staff"], caseload["act_max"])
    return {
        "cti": base.get("cti", 0) + extra_cti_workers * caseload["cti"],
        "icm": base.get("icm", 0) + extra_icm_workers * caseload["icm"],
        "act": act,
    }


def apply_scenario(params: Parameters, changes: dict, caseload=None) -> Parameters:
    """The base parameters with a scenario's changes: extra homes a month (agreements), extra CTI/ICM
    workers, an ACT team (its staff), and a faster allocation (months from identification to ready)."""
    capacity = scenario_capacity(
        params.capacity,
        extra_cti_workers=int(changes.get("extra_cti_workers", 0) or 0),
        extra_icm_workers=int(changes.get("extra_icm_workers", 0) or 0),
        act_team_size=int(changes.get("act_team_size", 0) or 0),
        caseload=caseload,
    )
    months_to_ready = changes.get("months_to_ready")
    return replace(
        params,
        homes_per_month=params.homes_per_month + float(changes.get("extra_homes_per_month", 0) or 0),
        capacity=capacity,
        months_to_ready=float(months_to_ready) if months_to_ready else params.months_to_ready,
    )


def _split(rng, n, shares):
    """n (array [runs]) split over len(shares) categories: a multinomial by conditional binomials,
    [runs, k]."""
    shares = np.asarray(shares, dtype=float)
    shares = shares / shares.sum() if shares.sum() > 0 else np.full(len(shares), 1 / len(shares))
    out = np.zeros((*np.shape(n), len(shares)), dtype=np.int64)
    rest = np.asarray(n, dtype=np.int64)
    left = 1.0
    for k in range(len(shares) - 1):
        p = min(1.0, shares[k] / left) if left > 0 else 0.0
        out[..., k] = rng.binomial(rest, p)
        rest = rest - out[..., k]
        left -= shares[k]
    out[..., -1] = rest
    return out


def _draw_among(rng, pools, take):
    """Take ``take`` [runs] people at random from ``pools`` [runs, k] without replacement (a multivariate
    hypergeometric by conditional draws): [runs, k], never more than a pool holds."""
    take = np.minimum(take, pools.sum(axis=1))
    out = np.zeros_like(pools)
    rest_pool = pools.sum(axis=1)
    for k in range(pools.shape[1] - 1):
        good = pools[:, k]
        rest_pool = rest_pool - good
        active = take > 0
        if not active.any():
            break
        got = np.zeros_like(take)
        got[active] = rng.hypergeometric(good[active], rest_pool[active], take[active])
        out[:, k] = got
        take = take - got
    out[:, -1] += take
    return out


def _binomial(rng, n, p):
    """Binomial draws on a whole array; the probabilities broadcast to it."""
    return rng.binomial(n, np.broadcast_to(np.asarray(p, dtype=float), n.shape))


def simulate(
    params: Parameters, *, runs: int, months: int, seed: int, progress=None, detail: bool = False
) -> dict:
    """``runs`` runs of ``months`` months: each series in SERIES as an int/float array [runs, months], and
    the final state [runs, N_HOUSING, N_SUPPORT]. ``progress(done_months)`` is called once a month.
    ``detail`` also keeps the month's events as the calibration reads them from a municipality's records
    (by situation, moves between situations, new on the needs list, support ended): for tests that
    calibrate on a simulated history."""
    rng = np.random.default_rng(seed)
    state = np.broadcast_to(np.asarray(params.initial, dtype=np.int64), (runs, N_HOUSING, N_SUPPORT)).copy()
    out = {
        name: np.zeros((runs, months), dtype=np.float64 if name == "cost" else np.int64) for name in SERIES
    }
    exits_total = np.zeros(runs, dtype=np.int64)
    if detail:
        out["homeless_by_situation"] = np.zeros((runs, months, N_SIT), dtype=np.int64)
        out["inflow_by_situation"] = np.zeros((runs, months, N_SIT), dtype=np.int64)
        out["moves"] = np.zeros((runs, months, N_SIT, N_SIT), dtype=np.int64)
        out["registered"] = np.zeros((runs, months), dtype=np.int64)
        out["ended"] = np.zeros((runs, months, len(METHODS)), dtype=np.int64)
        out["homeless_exits"] = np.zeros((runs, months), dtype=np.int64)

    season = np.asarray(params.seasonality, dtype=float)
    arrival_shares = np.outer(params.inflow_situation, params.need_mix).ravel()
    need_col = np.array([NONE, WAIT["cti"], WAIT["icm"], WAIT["act"]])
    exit_rows = np.concatenate([params.exit_homeless, params.exit_homeless, [params.exit_housed]])
    lose = np.array(
        [params.lose_home["none"]] + [params.lose_home["waiting"]] * 3 + [params.lose_home["supported"]] * 3
    )
    moves = np.asarray(params.situation_moves, dtype=float)
    leave = 1 - np.diag(moves)
    p_ready = 1.0 if params.months_to_ready <= 1 else 1.0 / params.months_to_ready
    cost = np.zeros((N_HOUSING, N_SUPPORT))
    cost[IDENTIFIED_ROWS] += np.asarray(params.housing_cost)[:, None]
    cost[READY_ROWS] += np.asarray(params.housing_cost)[:, None]
    for m in METHODS:
        cost[:, IN[m]] += params.support_cost[m]
    capacity = np.array([params.capacity.get(m, 0) for m in METHODS])
    ends = np.array([params.support_end[m] for m in METHODS])

    for t in range(months):
        # 1. Inflow.
        calendar = (params.start_month - 1 + t) % 12
        arrivals = rng.poisson(params.inflow_mean * season[calendar], size=runs)
        split = _split(rng, arrivals, arrival_shares).reshape(runs, N_SIT, len(NEEDS))
        state[:, IDENTIFIED_ROWS, need_col] += split
        out["inflow"][:, t] = arrivals
        if detail:
            out["inflow_by_situation"][:, t] = split.sum(axis=2)

        # 2. Exits.
        leaving = _binomial(rng, state, exit_rows[None, :, None])
        state -= leaving
        out["exits"][:, t] = leaving.sum(axis=(1, 2))
        exits_total += out["exits"][:, t]
        if detail:
            out["homeless_exits"][:, t] = leaving[:, HOMELESS_ROWS, :].sum(axis=(1, 2))

        # 3. Lost homes: back to homelessness (identified), keeping the support state.
        lost = _binomial(rng, state[:, HOME, :], lose[None, :])
        state[:, HOME, :] -= lost
        back = _split(rng, lost, params.return_situation)  # [runs, support, situation]
        state[:, IDENTIFIED_ROWS, :] += back.transpose(0, 2, 1)
        out["returned"][:, t] = lost.sum(axis=1)

        # 4. Moves between homeless situations (identified and ready alike).
        homeless = state[:, HOMELESS_ROWS, :].reshape(runs, 2, N_SIT, N_SUPPORT)
        movers = _binomial(rng, homeless, leave[None, None, :, None])
        homeless -= movers
        for s in range(N_SIT):
            if leave[s] <= 0:
                continue
            dest = moves[s].copy()
            dest[s] = 0
            split = _split(rng, movers[:, :, s, :], dest)  # [runs, 2, support, situation]
            homeless += split.transpose(0, 1, 3, 2)
            if detail:
                out["moves"][:, t, s] = split.sum(axis=(1, 2))
        state[:, HOMELESS_ROWS, :] = homeless.reshape(runs, HOME, N_SUPPORT)

        # 5. Ready for a home.
        ready = _binomial(rng, state[:, IDENTIFIED_ROWS, :], p_ready)
        state[:, IDENTIFIED_ROWS, :] -= ready
        state[:, READY_ROWS, :] += ready
        if detail:
            out["registered"][:, t] = ready.sum(axis=(1, 2))

        # 6. Homes for those ready.
        homes = rng.poisson(params.homes_per_month, size=runs)
        pools = state[:, READY_ROWS, :].reshape(runs, N_SIT * N_SUPPORT)
        placed = _draw_among(rng, pools, homes).reshape(runs, N_SIT, N_SUPPORT)
        state[:, READY_ROWS, :] -= placed
        state[:, HOME, :] += placed.sum(axis=1)
        out["placed"][:, t] = placed.sum(axis=(1, 2))

        # 7. Support: endings, then admissions up to the free places.
        ended = _binomial(rng, state[:, :, IN_COLS], ends[None, None, :])
        state[:, :, IN_COLS] -= ended
        state[:, :, NONE] += ended.sum(axis=2)
        if detail:
            out["ended"][:, t] = ended.sum(axis=1)
        admitted_total = np.zeros(runs, dtype=np.int64)
        for i, m in enumerate(METHODS):
            free = np.maximum(capacity[i] - state[:, :, IN[m]].sum(axis=1), 0)
            admitted = _draw_among(rng, state[:, :, WAIT[m]], free)
            state[:, :, WAIT[m]] -= admitted
            state[:, :, IN[m]] += admitted
            admitted_total += admitted.sum(axis=1)
        out["admitted"][:, t] = admitted_total

        # 8. Month-end figures.
        out["homeless"][:, t] = state[:, HOMELESS_ROWS, :].sum(axis=(1, 2))
        out["shelter"][:, t] = state[:, [SHELTER, READY + SHELTER], :].sum(axis=(1, 2))
        out["waiting_home"][:, t] = state[:, READY_ROWS, :].sum(axis=(1, 2))
        out["waiting_support"][:, t] = state[:, :, WAIT_COLS].sum(axis=(1, 2))
        for m in METHODS:
            out[f"in_{m}"][:, t] = state[:, :, IN[m]].sum(axis=1)
        out["housed"][:, t] = state[:, HOME, :].sum(axis=1)
        out["cost"][:, t] = (state * cost).sum(axis=(1, 2))
        if detail:
            by_sit = state[:, HOMELESS_ROWS, :].reshape(runs, 2, N_SIT, N_SUPPORT).sum(axis=(1, 3))
            out["homeless_by_situation"][:, t] = by_sit
        if progress is not None:
            progress(t + 1)

    out["state"] = state
    out["exits_total"] = exits_total
    return out


PERCENTILES = (10, 50, 90)


def percentiles(series: np.ndarray) -> dict:
    """p10, p50 and p90 over the runs, month by month (lists of floats, one decimal)."""
    values = np.percentile(series, PERCENTILES, axis=0)
    return {f"p{p}": [round(float(v), 1) for v in row] for p, row in zip(PERCENTILES, values)}


def waiting_months(queue: np.ndarray, served: np.ndarray) -> np.ndarray:
    """Average months in a queue per run by Little's law: the mean number waiting over the mean number
    leaving it a month ([runs]); NaN where nobody left."""
    mean_served = served.mean(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(mean_served > 0, queue.mean(axis=1) / mean_served, np.nan)


def summarise(result: dict, *, base: dict | None = None) -> dict:
    """The figures a page shows: percentiles per month of each series, the average waits for a home and
    for support, the total cost, and the savings against the base runs (same seed, run by run)."""
    summary = {
        name: percentiles(result[name])
        for name in ("homeless", "shelter", "waiting_home", "waiting_support", "housed", "cost")
    }
    homeless_out = result["placed"] + result["exits"]  # leaving homelessness (exits of the housed are few)
    wait_home = waiting_months(result["homeless"], homeless_out)
    wait_support = waiting_months(result["waiting_support"], result["admitted"])
    total_cost = result["cost"].sum(axis=1)

    def pct(values):
        values = values[~np.isnan(values)]
        if not len(values):
            return {f"p{p}": None for p in PERCENTILES}
        return {f"p{p}": round(float(v), 1) for p, v in zip(PERCENTILES, np.percentile(values, PERCENTILES))}

    summary["wait_home_months"] = pct(wait_home)
    summary["wait_support_months"] = pct(wait_support)
    summary["total_cost"] = pct(total_cost)
    if base is not None:
        saved_monthly = base["cost"] - result["cost"]
        summary["savings"] = percentiles(np.cumsum(saved_monthly, axis=1))
        summary["total_savings"] = pct(saved_monthly.sum(axis=1))
    return summary
