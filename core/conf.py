"""Configuration read one way (issue 10 item 5).

Every app keeps its settings in its own ``conf.py``: a ``DEFAULTS`` dict in which each value has its unit
and source in a comment, and one reader built here. A value is looked up, most specific first, in

1. the municipality's own row, for the few settings a municipality may set itself (``per_municipality``):
   the field of ``tenants.Municipality`` with the setting's name in lower case (``INACTIVE_AFTER_DAYS``:
   ``inactive_after_days``), when it is filled in (not None, empty or 0);
2. the installation's override, ``settings.HF["<APP>"]["<NAME>"]`` (config/settings/base.py; values that
   come from the environment are read there);
3. the app's default.

A dict-valued setting is replaced whole by an override (a year's housing-benefit rates are one block),
unless the app merges key by key (``merge_dicts``: support's per-method limits).

    value = AppSettings("FIDELITY", DEFAULTS)
    value("MIN_GROUP")
    value("INACTIVE_AFTER_DAYS", municipality=municipality)
"""

from django.conf import settings


class AppSettings:
    def __init__(self, app: str, defaults: dict, *, per_municipality=(), merge_dicts: bool = False):
        unknown = set(per_municipality) - set(defaults)
        if unknown:
            raise ValueError(f"No default for {sorted(unknown)} in {app}.")
        self.app, self.defaults = app, defaults
        self.per_municipality = frozenset(per_municipality)
        self.merge_dicts = merge_dicts

    def __call__(self, name: str, municipality=None):
        default = self.defaults[name]  # a name without a default is a programming error: KeyError
        if municipality is not None and name in self.per_municipality:
            own = getattr(municipality, name.lower())
            if own:  # filled in: None (or an empty value) means the installation's value
                return own
        override = settings.HF.get(self.app, {}).get(name)
        if override is None:
            return default
        if self.merge_dicts and isinstance(default, dict):
            return {**default, **override}
        return override


def overrides(app: str) -> dict:
    """The installation's overrides of an app's settings (``settings.HF["<APP>"]``), for code that must
    know whether they changed (the figures' fingerprint), not to read a value."""
    return settings.HF.get(app, {})
