"""The audit app's settings: defaults with their units and sources; read with ``value`` (core/conf.py).
An installation overrides them in settings.HF["AUDIT"] (LOG_RETENTION_DAYS also from the environment)."""

from core.conf import AppSettings

DEFAULTS = {
    # Days the access and audit log is kept before automatic deletion (Datatilsynet: a set period).
    "LOG_RETENTION_DAYS": 5 * 365,
}

value = AppSettings("AUDIT", DEFAULTS)
