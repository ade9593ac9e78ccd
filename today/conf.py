"""The rules of "I dag" with their units and reasons; read with ``value`` (core/conf.py). An installation
overrides them in settings.HF["TODAY"]. Rules that belong to a domain stay in that domain's conf and are
read from there (the persistence days, support/conf.py; the inactivity window, people/conf.py; the review
horizon, plans/conf.py; the vacancy deadline warning, allocation/conf.py)."""

from core.conf import AppSettings

DEFAULTS = {
    # Items shown per section on the page and in the e-mail; the rest behind "Vis alle". Rows.
    "SECTION_SIZE": 10,
    # The full list of one section shows at most this many rows (the domain's own list pages the rest).
    "SECTION_PAGE_SIZE": 100,
    # Outreach: own citizens who become inactive within this many days (people/conf.py INACTIVE_AFTER_DAYS,
    # the daily job people.services.mark_inactive) are shown, so they are sought before they drop off the
    # active list. Two weeks leaves room for two rounds on the street. Days; a local choice.
    "INACTIVE_WARNING_DAYS": 14,
    # Outreach: a registration is "new" for this many days after the person was identified; missing birth
    # year or situation then is shown to complete (the by-name list's quality checks, people/quality.py).
    "NEW_REGISTRATION_DAYS": 30,
    # Support worker: a CTI phase that begins within this many days is shown (support/cti.py): the worker
    # prepares the next phase with the citizen (seed 004, ch. 4: decreasing intensity). Days: a week.
    "CTI_PHASE_AHEAD_DAYS": 7,
    # Support worker: a consent whose "gælder til og med" falls within this many days is shown, so it is
    # renewed (or let run out) with the citizen before sharing stops (plans/consent.py). Days.
    "CONSENT_EXPIRY_DAYS": 30,
    # Broker: an offer is stalled when it has stayed in one step longer than this many days. Each step has
    # its own rule: a proposal should become an offer before the landlord's nomination deadline, which the
    # vacancy list warns about 3 days ahead (allocation/conf.py DEADLINE_WARNING_DAYS), so 3 days; the
    # citizen's answer and each later step get allocation's STALL_DAYS (7 days, issue 4 item 4); a signed
    # lease is usually moved into on the lease's start date, within a month. Days.
    "OFFER_STALLED_DAYS": {"proposed": 3, "offered": 7, "accepted": 7, "lease_signed": 30},
    # Leader: a citizen waiting for specialised support longer than this is shown. The seed asks that
    # assessment and waiting must not delay support (seed 004, 4.2) but gives no number; 30 days is a local
    # choice, configurable. Days.
    "WAITING_ALERT_DAYS": 30,
    # The bell: the stored count is refreshed on the task queue when it is older than this. The I dag page
    # itself always computes at once. Seconds.
    "BELL_STALE_SECONDS": 300,
}

value = AppSettings("TODAY", DEFAULTS, merge_dicts=True)
