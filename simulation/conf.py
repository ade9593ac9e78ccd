"""The simulation's settings: defaults with their units and sources; read with ``value`` (core/conf.py).
An installation overrides them in settings.HF["SIMULATION"].

The prices are the municipality's own, as the economy page shows them (economy/conf.py defaults, a
leader's own price per year): one price list for both (simulation/selectors.py prices_now)."""

from core.conf import AppSettings

DEFAULTS = {
    # Street, sofa and other situations: no municipal price is known (0 kr.), so the cost compares shelter
    # and support only.
    "OTHER_SITUATION_YEAR_PRICE": 0,
    # Defaults where the municipality's records hold nothing yet (calibrate.py says which were used).
    # The method mix: seed 002 says 10-20 % need more than Housing First support (§ 107/108); the split
    # between CTI, ICM and ACT is a local assumption until method decisions are recorded.
    "NEED_MIX": [0.2, 0.35, 0.35, 0.1],  # none, CTI, ICM, ACT
    "INFLOW_SITUATION": [0.25, 0.35, 0.15, 0.25],  # street, sofa, other, shelter
    "EXIT_SPLIT": [0.3, 0.1, 0.6],  # moved away, died, no longer homeless
    "EXIT_HOMELESS": 0.04,  # a month
    "EXIT_HOUSED": 0.005,  # a month: moved or died while housed
    "MONTHS_TO_READY": 2.0,
    "HOMES_PER_MONTH": 2.0,
    # Support that ends, a month: CTI lasts 9 months (seed 004, ch. 4: support/conf.py CTI_MONTHS);
    # ICM and ACT are open-ended: about 3 years on average as a local assumption.
    "SUPPORT_END": {"cti": 1 / 9, "icm": 1 / 36, "act": 1 / 36},
    # Losing the home, a month, with support: 80-90 % stay housed with HF and support (seeds 002, 004),
    # so about 15 % in a year: 1 - 0.85 ** (1/12) = 1.35 % a month.
    "LOSE_HOME_SUPPORTED": 0.0135,
    # Without support the risk is higher: Tsemberis et al. 2004 (DOMAIN.md) found over 80 % out of
    # homelessness over 2 years with HF + ACT against about 30 %; twice the monthly risk is a cautious
    # local assumption.
    "LOSE_HOME_RATIO": 2.0,
    # Runs and months a scenario uses unless the leader changes them; the most a leader may ask for.
    "RUNS": 500,
    "MAX_RUNS": 2000,
    "HORIZON_MONTHS": 60,
    "MAX_HORIZON_MONTHS": 120,
    "BACKTEST_RUNS": 200,
    "HISTORY_MONTHS": 36,
    "LIST_PAGE_SIZE": 50,
}

value = AppSettings("SIMULATION", DEFAULTS)


def model_defaults(prices: dict) -> dict:
    """The calibration's defaults (calibrate.calibrate ``defaults``) from the settings, per month, with
    ``prices`` (kr. a year: "shelter" per citizen, "support" per method) from the economy's price list."""
    shelter_month = prices["shelter"] / 12
    other_month = value("OTHER_SITUATION_YEAR_PRICE") / 12
    moves = [[0.0] * 4 for _ in range(4)]
    for i in range(4):
        moves[i][i] = 1.0
    return {
        "inflow_mean": 0.0,
        "exit_homeless": value("EXIT_HOMELESS"),
        "situation_moves": moves,
        "months_to_ready": value("MONTHS_TO_READY"),
        "homes_per_month": value("HOMES_PER_MONTH"),
        "need_mix": value("NEED_MIX"),
        "support_end": value("SUPPORT_END"),
        "lose_home_supported": value("LOSE_HOME_SUPPORTED"),
        "lose_home_ratio": value("LOSE_HOME_RATIO"),
        "inflow_situation": value("INFLOW_SITUATION"),
        "exit_split": value("EXIT_SPLIT"),
        "exit_housed": value("EXIT_HOUSED"),
        "housing_cost": [other_month, other_month, other_month, shelter_month],
        "support_cost": {m: p / 12 for m, p in prices["support"].items()},
    }
