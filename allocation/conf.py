"""Allocation figures with their units and sources; read with ``allocation_setting`` (core/conf.py). An
installation overrides them in settings.HF["ALLOCATION"]."""

from core.conf import AppSettings

DEFAULTS = {
    # Housing benefit (boligstøtte, boligstøtteloven) as dated configuration: the estimate that decides
    # whether a citizen can pay a home. Replace the whole block each year with the new rates from
    # Udbetaling Danmark. 2026 rates as summarised by Ældresagen ("Beregning af boligstøtte", 14.01.2026).
    # Not modelled (so the estimate is an estimate, never Udbetaling Danmark's decision): assets
    # (formuetillæg), the yearly rent maximum, the raises for a member who is severely disabled or has
    # round-the-clock help, boligydelse without maximum in almen bolig, ældrebolig and plejebolig, the
    # smallest amount paid out.
    "BENEFIT_RULES": {
        "year": 2026,
        "source": "boligstøtteloven; satser fra Udbetaling Danmark for 2026",
        # The rent counts in full only up to this area: 65 m² for one person, 20 m² more per extra person.
        "area_first_person_m2": 65,
        "area_per_extra_person_m2": 20,
        # Children beyond the first raise the income threshold, counted up to this many children.
        "children_counted": 4,
        # Boligsikring: tenants who are not pensioners, and førtidspension granted from 1 January 2003.
        "boligsikring": {
            "rent_share": 0.60,  # of the yearly housing cost
            "income_share": 0.18,  # of the household income above the threshold
            "income_threshold": 171_500,  # kr. a year
            "threshold_per_child": 45_200,  # kr. a year per child beyond the first
            "min_own_payment": 28_900,  # kr. a year the tenant always pays
            "own_payment_income_share": 0.0,  # (boligydelse only)
            "rent_addition": 0,  # (boligydelse only)
            "max_yearly": 50_760,  # kr. a year (4,230 kr. a month)
            "max_raise": 0.25,  # raised 25 % ...
            "max_raise_children_over": 4,  # ... with more than four children
            # With no children under 18 in the household: never more than 15 % of the housing cost,
            # whatever the income; not for førtidspension (granted from 2003).
            "no_children_cap_share": 0.15,
        },
        # Boligydelse: folkepension, and førtidspension granted before 1 January 2003.
        "boligydelse": {
            "rent_share": 0.75,
            "rent_addition": 8_500,  # added to the yearly housing cost before the share
            "income_share": 0.225,
            "income_threshold": 201_400,
            "threshold_per_child": 53_100,
            "min_own_payment": 21_300,
            "own_payment_income_share": 0.11,  # the tenant pays at least 11 % of the household income
            "max_yearly": 59_628,  # kr. a year (4,969 kr. a month)
            "max_raise": 0.25,
            "max_raise_children_over": 3,  # four or more children
            "no_children_cap_share": None,  # the 15 % cap does not apply
        },
    },
    # When the income is not recorded the estimate assumes cash benefit (kontanthjælp) for a person over
    # 30 without children, approx. 12,550 kr. a month in 2024 (borger.dk): the usual income on the list.
    "ASSUMED_MONTHLY_INCOME": 12_550,
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
}


allocation_setting = AppSettings("ALLOCATION", DEFAULTS)


def matching_params() -> dict:
    return {
        key: allocation_setting(key) for key in DEFAULTS if key.startswith(("BENEFIT_", "SCORE_", "ASSUMED_"))
    }
