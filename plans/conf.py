"""The plans app's configuration, read from settings.HF["PLANS"] (values and sources there)."""

from django.conf import settings

from .recommendation import Thresholds


def value(key: str):
    return settings.HF["PLANS"][key]


def thresholds() -> Thresholds:
    return Thresholds(
        severe_level=value("SEVERE_LEVEL"),
        act_severe_dimensions=value("ACT_SEVERE_DIMENSIONS"),
        s85_max_level=value("S85_MAX_LEVEL"),
        s85_min_assessed=value("S85_MIN_ASSESSED"),
    )
