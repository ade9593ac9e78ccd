"""Allocation figures with their units and sources; read with ``allocation_setting`` (core/conf.py). An
installation overrides them in settings.HF["ALLOCATION"]. The housing benefit rates are housing's
(housing/benefit.py, settings.HF["HOUSING"])."""

from core.conf import AppSettings
from housing.conf import benefit_params

DEFAULTS = {
    # Soft fit: points added to or taken from the score (issue 4 item 3: wishes and fit are soft).
    "SCORE_BASE": 100,  # every feasible pair scores above 0, so more matches are better
    "SCORE_AREA_WISH": 20,
    "SCORE_ROOMS_SHORT": -15,
    "SCORE_SHARING_MATCH": 10,
    "SCORE_SHARING_UNWANTED": -20,
    # Principle 4 (seed 004, ch. 2): a skæv bolig only when the citizen needs or wants it.
    "SCORE_SKAEV_UNWANTED": -40,
    "SCORE_SKAEV_WANTED": 15,
    "SCORE_PET_NOT_ALLOWED": -40,
    "SCORE_NOT_ACCESSIBLE": -50,
    # Time homeless orders the rest: points per 30 days homeless, capped (seed 001 Indsats 4).
    "SCORE_PER_MONTH_HOMELESS": 2,
    "SCORE_MONTHS_CAP": 60,
    "SCORE_URGENCY": {"normal": 0, "high": 20, "acute": 40},
    # An offer that has not moved for this many days is flagged as stalled (issue 4 item 4).
    "STALL_DAYS": 7,
    # Days before the nomination deadline from which a vacancy is flagged as due.
    "DEADLINE_WARNING_DAYS": 3,
    # Default decline reasons; each municipality gets its own editable copy (issue 4 item 4).
    "DECLINE_REASONS": [
        "Boligen ligger for langt fra netværk eller tilbud",
        "Huslejen er for høj for borgeren",
        "Boligen passer ikke til borgerens behov",
        "Borgeren ønsker ikke at bo i bofællesskab",
        "Borgeren kunne ikke kontaktes inden fristen",
        "Udlejeren har afvist anvisningen",
        "Andet",
    ],
    # Candidates shown on a vacancy page.
    "CANDIDATES_SHOWN": 25,
    # Rows a page on the vacancy and committee meeting lists, and the most stalled offers named at once
    # (issue 11 item 5): no page grows with the municipality.
    "LIST_PAGE_SIZE": 50,
}


allocation_setting = AppSettings("ALLOCATION", DEFAULTS)


def matching_params() -> dict:
    """The scores here and the housing benefit rates in force (housing/benefit.py, housing/conf.py)."""
    return {key: allocation_setting(key) for key in DEFAULTS if key.startswith("SCORE_")} | benefit_params()
