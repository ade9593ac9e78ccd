"""The support frames in force: support/methods.py DEFAULTS (with their seed sources) overridden per
installation by settings.HF["SUPPORT"]. Per-method dicts are merged key by key."""

from django.conf import settings

from .methods import DEFAULTS, Method


def value(key: str):
    override = settings.HF.get("SUPPORT", {}).get(key)
    default = DEFAULTS[key]
    if isinstance(default, dict):
        merged = {Method(k): v for k, v in default.items()}
        merged.update({Method(k): v for k, v in (override or {}).items()})
        return merged
    return default if override is None else override


def caseload_limit(method: str) -> int | None:
    """The per-worker limit of a method (CTI, ICM); None where the method has no per-worker limit."""
    return value("CASELOAD_PER_WORKER").get(Method(method))


def persistence_days(method: str) -> int:
    return value("PERSISTENCE_DAYS")[Method(method)]
