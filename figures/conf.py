"""Settings of the maintained figures; read with ``figures_setting`` (core/conf.py). An installation
overrides them in settings.HF["FIGURES"]."""

from core.conf import AppSettings

DEFAULTS = {
    # Seconds between a write and the refresh task it queues: writes in that time share one refresh
    # (a busy municipality does not recompute after every contact); a page read meanwhile computes
    # the figure itself, so what it shows is never older than the data.
    "REFRESH_DELAY_SECONDS": 60,
}

figures_setting = AppSettings("FIGURES", DEFAULTS)
