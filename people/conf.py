"""The people app's settings: defaults with their units and sources; read with ``value`` (core/conf.py).
An installation overrides them in settings.HF["PEOPLE"]."""

from core.conf import AppSettings

DEFAULTS = {
    # Days without a recorded contact or situation update after which a person becomes inactive (issue 2;
    # a common by-name list practice). A municipality sets its own in tenants.Municipality.inactive_after_days.
    "INACTIVE_AFTER_DAYS": 90,
    # By-name list quality (people/quality.py, issue 12 item 3). A § 110 shelter notifies the responsible
    # municipality of a stay within 3 working days (Serviceloven § 110 after the homelessness reform of
    # 1 October 2023, DOMAIN.md); Built for Zero's by-name list scorecard asks for every shelter's data at
    # least monthly. A shelter with no stay reported for this many days is shown as silent. Days.
    "SHELTER_SILENT_AFTER_DAYS": 30,
    # Which shelters are known: the places named on § 110 stays that began within this many days. An older
    # place (closed, or written once by mistake) is no longer expected to report. Days.
    "SHELTER_KNOWN_DAYS": 365,
    # People per page on the by-name list and the housing needs list.
    "LIST_PAGE_SIZE": 50,
    # A by-name list export of more rows than this is made by a task with a progress page and a download
    # link (people/exports.py); a smaller one is made in the request. Rows; the environment may set it.
    "EXPORT_SYNC_MAX_ROWS": 5000,
    # A task's export file is kept (encrypted) until it is fetched, at most this many hours.
    "EXPORT_KEEP_HOURS": 24,
    # A merge of two records (people/merge.py) can be undone for this many days. After that the record
    # has been worked on for weeks and undo would more likely tear apart new work than repair a mistake;
    # the leader then corrects the record by hand. Days.
    "MERGE_UNDO_DAYS": 30,
}

value = AppSettings("PEOPLE", DEFAULTS, per_municipality={"INACTIVE_AFTER_DAYS"})
