"""The plans app's settings: defaults with their units and sources; read with ``value`` (core/conf.py).
An installation overrides them in settings.HF["PLANS"]. plans/recommendation.py documents the rules."""

from core.conf import AppSettings

from .recommendation import Thresholds

DEFAULTS = {
    # VUM 2.0 level 3 "svært nedsat" and above counts as severe (DOMAIN.md, Instruments).
    "SEVERE_LEVEL": 3,
    # Complex needs across this many dimensions point to ACT when services use is not yet assessed
    # (seed 004, ch. 4: ACT for complex needs).
    "ACT_SEVERE_DIMENSIONS": 3,
    # Services used largely and no level above 1 "let" in at least 4 assessed dimensions: ordinary
    # § 85 support is enough (seed 004, 3.1: keep specialised capacity for those who need it).
    "S85_MAX_LEVEL": 1,
    "S85_MIN_ASSESSED": 4,
    # A review shows as due this many days before its date (a worker's usual planning horizon).
    "REVIEW_DUE_WITHIN_DAYS": 14,
}

value = AppSettings("PLANS", DEFAULTS)


def thresholds() -> Thresholds:
    return Thresholds(
        severe_level=value("SEVERE_LEVEL"),
        act_severe_dimensions=value("ACT_SEVERE_DIMENSIONS"),
        s85_max_level=value("S85_MAX_LEVEL"),
        s85_min_assessed=value("S85_MIN_ASSESSED"),
    )
