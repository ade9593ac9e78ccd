"""The people app's settings: defaults with their units and sources; read with ``value`` (core/conf.py).
An installation overrides them in settings.HF["PEOPLE"]."""

from core.conf import AppSettings

DEFAULTS = {
    # Days without a recorded contact or situation update after which a person becomes inactive (issue 2;
    # a common by-name list practice). A municipality sets its own in tenants.Municipality.inactive_after_days.
    "INACTIVE_AFTER_DAYS": 90,
    # People per page on the by-name list and the housing needs list.
    "LIST_PAGE_SIZE": 50,
    # A by-name list export of more rows than this is made by a task with a progress page and a download
    # link (people/exports.py); a smaller one is made in the request. Rows; the environment may set it.
    "EXPORT_SYNC_MAX_ROWS": 5000,
    # A task's export file is kept (encrypted) until it is fetched, at most this many hours.
    "EXPORT_KEEP_HOURS": 24,
}

value = AppSettings("PEOPLE", DEFAULTS, per_municipality={"INACTIVE_AFTER_DAYS"})
