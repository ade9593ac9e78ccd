"""The support frames in force: the DEFAULTS below (with their seed sources) overridden per installation
by settings.HF["SUPPORT"], read with ``value`` (core/conf.py). Per-method dicts are merged key by key. Limits are defaults with their source; a
municipality's configuration (settings.HF["SUPPORT"] or the team and worker records) can set them lower,
never silently higher."""

from core.conf import AppSettings
from plans.methods import Method

DEFAULTS = {
    # Caseload per worker: CTI at most 10, ICM at most 8 (seed 004, ch. 4).
    "CASELOAD_PER_WORKER": {Method.CTI: 10, Method.ICM: 8},
    # ACT: a team of about 10-12 staff for at most about 70-80 citizens, about 8 per staff member
    # (seed 004, ch. 4); a team may set a lower maximum, never a higher one (support.services.team_save,
    # capacity.act_team_max), so this is both the default and the ceiling.
    "ACT_TEAM_MAX": 80,
    "ACT_PER_STAFF": 8,
    # CTI lasts 9 months: a contact period, then 3 equally long phases (seed 004, ch. 4).
    "CTI_MONTHS": 9,
    # Days without reaching the citizen before a persistence task appears (issue 3; configurable).
    "PERSISTENCE_DAYS": {
        Method.CTI: 14,
        Method.ICM: 14,
        Method.ACT: 14,
        Method.SECTION_85: 14,
        Method.OTHER: 14,
    },
}

# Added with the support app (issue 3).
DEFAULTS.update(
    {
        # The CTI contact period ("kontaktskabelsesperiode") lies before phase 1 INSIDE the 9 months
        # (seed 004, ch. 4: "en samlet periode på ni måneder ... opdelt i tre lige lange faser og en
        # kontaktskabelsesperiode, der ligger før 1. fase"). The seed gives no length; 1 month is a local
        # choice, configurable. The 3 phases share the rest equally (support/cti.py).
        "CTI_CONTACT_MONTHS": 1,
        # Moving-in warning (seed 004, 4.1 and ch. 4 ICM: "adskillige borgere ... under indflytning på samme
        # tid"): this many of one worker's citizens moving into a home within this many days. "Adskillige"
        # and "samme tid" are not quantified in the seed: 3 within 28 days is a local choice.
        "MOVE_IN_CLUSTER_COUNT": 3,
        "MOVE_IN_CLUSTER_DAYS": 28,
    }
)

# Rows a page on the episode, waiting-list and worker lists (issue 11 item 5): no page grows with the
# municipality. The by-name list's size (people.conf LIST_PAGE_SIZE).
DEFAULTS["LIST_PAGE_SIZE"] = 50

_read = AppSettings("SUPPORT", DEFAULTS, merge_dicts=True)


def value(key: str):
    found = _read(key)
    return {Method(k): v for k, v in found.items()} if isinstance(found, dict) else found


def caseload_limit(method: str) -> int | None:
    """The per-worker limit of a method (CTI, ICM); None where the method has no per-worker limit."""
    return value("CASELOAD_PER_WORKER").get(Method(method))


def persistence_days(method: str) -> int:
    return value("PERSISTENCE_DAYS")[Method(method)]
