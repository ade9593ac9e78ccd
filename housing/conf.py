"""Housing figures with their units and sources; read with ``housing_setting`` (core/conf.py). An
installation overrides them in settings.HF["HOUSING"]."""

from core.conf import AppSettings

from .benefit import DEFAULTS as BENEFIT_DEFAULTS

DEFAULTS = {
    # Seed 001, Indsats 3: Frederikssund lacks homes at 3,500 kr. a month or less (137 family homes).
    "RENT_THRESHOLD": 3500,
    # Almenboligloven § 59 (DOMAIN.md): the municipality may allocate up to 25 % of vacant social
    # family homes; a higher share needs an agreement, whose basis must then be written down.
    "LEGAL_ALLOCATION_SHARE": 25,
    # Rent bands of the stock analysis: upper limits in kr. a month; the first is the threshold above,
    # the last band is open-ended. Chosen to split Frederikssund's social stock (seed 001) in steps.
    "RENT_BAND_LIMITS": [3500, 4500, 5500],
    # Room groups: 1, 2 and "3 or more" rooms.
    "ROOM_GROUPS": [1, 2, 3],
    # Vacancies per year are averaged over this many whole calendar years.
    "VACANCY_YEARS": 3,
    # Retention (issue 4 item 7): months after moving in, and the seeds' 80-90 % (seeds 002, 004).
    "RETENTION_MONTHS": [6, 12, 24],
    "RETENTION_TARGET_LOW": 80,
    "RETENTION_TARGET_HIGH": 90,
    # Returns to homelessness are counted in these day windows after moving in (issue 4 item 7).
    "RETURN_WINDOWS": [(0, 180), (181, 365), (366, 730)],
    # Housing benefit: the dated rates and the income assumed when none is recorded (housing/benefit.py).
    **BENEFIT_DEFAULTS,
    # Rows a page on the unit, landlord and "while waiting" lists (issue 11 item 5): no page grows with
    # the municipality. The by-name list's size (people.conf LIST_PAGE_SIZE).
    "LIST_PAGE_SIZE": 50,
}


housing_setting = AppSettings("HOUSING", DEFAULTS)


def benefit_params() -> dict:
    """The housing benefit rates in force, as housing/benefit.py's functions take them."""
    return {key: housing_setting(key) for key in BENEFIT_DEFAULTS}
