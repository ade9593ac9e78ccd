"""Allocation figures with their sources; an installation overrides them in settings.HF["ALLOCATION"]."""
from django.conf import settings

DEFAULTS = {
    # Housing benefit (boligstøtte/boligydelse, boligstøtteloven) estimate for ONE adult without children.
    # The law's formula: a share of the yearly rent, less a share of the household income above an
    # income threshold, never more than the rent less a minimum own payment, and capped. Levels are
    # approximately the 2024 rates published on borger.dk / by Udbetaling Danmark; check them each
    # year. Simplifications: no children, no assets, no pensioner rules, no m² limit, rent without
    # utilities (heating, water, electricity are not part of the boligudgift).
    "BENEFIT_RENT_SHARE": 0.60,
    "BENEFIT_INCOME_SHARE": 0.18,
    "BENEFIT_INCOME_THRESHOLD": 167_600,   # kr. a year (indkomstgrænse, approx. 2024)
    "BENEFIT_MIN_OWN_PAYMENT": 29_400,     # kr. a year (mindste egenbetaling, approx. 2024)
    "BENEFIT_MAX": 48_000,                 # kr. a year (cap; approx. the 2024 cap for households with children,
                                           # used as an upper bound so no estimate exceeds what is ever paid)
    # When the income is not recorded the estimate assumes cash benefit (kontanthjælp) for a person over
    # 30 without children, approx. 12,550 kr. a month in 2024 (borger.dk): the usual income on the list.
    "ASSUMED_MONTHLY_INCOME": 12_550,
    # Soft fit: points added to or taken from the score (issue 4 item 3: wishes and fit are soft).
    "SCORE_BASE": 100,                     # every feasible pair scores above 0, so more matches are better
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
}


def allocation_setting(name: str):
    return settings.HF.get("ALLOCATION", {}).get(name, DEFAULTS[name])


def matching_params() -> dict:
    return {key: allocation_setting(key) for key in DEFAULTS if key.startswith(("BENEFIT_", "SCORE_", "ASSUMED_"))}
