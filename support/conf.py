"""The support frames in force: support/methods.py DEFAULTS (with their seed sources) overridden per
installation by settings.HF["SUPPORT"], read with ``value`` (core/conf.py). Per-method dicts are merged
key by key."""

from core.conf import AppSettings

from .methods import DEFAULTS, Method

_read = AppSettings("SUPPORT", DEFAULTS, merge_dicts=True)


def value(key: str):
    found = _read(key)
    return {Method(k): v for k, v in found.items()} if isinstance(found, dict) else found


def caseload_limit(method: str) -> int | None:
    """The per-worker limit of a method (CTI, ICM); None where the method has no per-worker limit."""
    return value("CASELOAD_PER_WORKER").get(Method(method))


def persistence_days(method: str) -> int:
    return value("PERSISTENCE_DAYS")[Method(method)]
