"""Settings of the maintained figures; read with ``figures_setting`` (core/conf.py). An installation
overrides them in settings.HF["FIGURES"]."""

from core.conf import AppSettings

DEFAULTS = {
    # Seconds between a write and the refresh task it queues: writes in that time share one refresh
    # (a busy municipality does not recompute after every contact); a page read meanwhile computes
    # the figure itself, so what it shows is never older than the data.
    "REFRESH_DELAY_SECONDS": 60,
    # Seconds a snapshot marked stale by a write may still be shown while its refresh is queued, if it
    # was computed for today that long ago at most: at national scale a write lands every few seconds and
    # a leader's page would otherwise compute its figures itself (seconds for Copenhagen) after each one.
    # The page shows when the figures were computed ("Opdateret"). 0: always exact (the tests).
    "SERVE_STALE_SECONDS": 300,
}

figures_setting = AppSettings("FIGURES", DEFAULTS)
