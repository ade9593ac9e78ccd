"""Leader figures kept as snapshots (issue 11 item 6): see figures/services.py for why they stay exact
and figures/registry.py for how an app registers one. The functions below are the app's interface."""


def read(municipality, key: str, today):
    from .services import read as read_snapshot

    return read_snapshot(municipality, key, today)


def mark_stale(*municipalities, keys=None) -> None:
    from .services import mark_stale as mark

    mark(*municipalities, keys=keys)


def collected():
    from .services import collected as collect

    return collect()
