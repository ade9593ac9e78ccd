"""The economy app's settings: the default prices and refund rules with their units and public sources,
read with ``value`` (core/conf.py). An installation overrides them in settings.HF["ECONOMY"]; a
municipality's leaders set their own prices per year on the price page (economy.models.Price), which
come before these defaults for that year.

Each default price is ``{"amount": ..., "unit": ..., "source": ..., "note": ...}``; ``by_year`` (optional)
gives the amount from a year on (a step: the latest year at or before the one asked), and ``amount`` is
the value before the first of them. ``None`` means no default (the municipality's own price is needed).
"""

from core.conf import AppSettings

from . import costs

# Social- og Boligstyrelsen's figures as users meet them on "Godt i gang med Housing First" (the theme page
# "Økonomien i Housing First"): a stay at a forsorgshjem costs on average 550,000 kr. a year; Housing First
# support in one's own home 40,000-130,000 kr. a year (DOMAIN.md, "Economy").
SBST = "Social- og Boligstyrelsen, gengivet på Godt i gang med Housing First: Økonomien i Housing First"
REFORM = (
    "Serviceloven efter hjemløsereformen (i kraft 1. oktober 2023); Social- og Boligstyrelsen: "
    "Omstilling af hjemløshedsområdet"
)

DEFAULTS = {
    "PRICES": {
        costs.SHELTER_DAY: {
            # 550,000 kr. a year / 365 days = 1,506.8 kr. a day.
            "amount": 1507,
            "unit": costs.PER_DAY,
            "source": SBST + " (ophold på forsorgshjem ca. 550.000 kr. pr. år = ca. 1.507 kr. pr. døgn)",
            "note": "",
        },
        costs.S107_DAY: {
            # No public national average we can name: the municipality's own price (Tilbudsportalen's rate
            # of the offer it uses) is needed. Not used on the page: the platform records no § 107 stays.
            "amount": None,
            "unit": costs.PER_DAY,
            "source": "Ingen landsdækkende standardpris; brug taksten for kommunens tilbud (Tilbudsportalen)",
            "note": "",
        },
        costs.S108_DAY: {
            "amount": None,
            "unit": costs.PER_DAY,
            "source": "Ingen landsdækkende standardpris; brug taksten for kommunens tilbud (Tilbudsportalen)",
            "note": "",
        },
        # The three methods inside SBST's 40,000-130,000 kr. a year, ordered by their caseloads and
        # intensity (seed 004, ch. 4): CTI has at most 10 citizens per worker and lasts 9 months with
        # falling intensity (lower in the range); ICM at most 8 per worker, open-ended (middle); ACT an
        # interdisciplinary team with specialists, about 8 per staff member (near the top). A local choice
        # within the public range, to be replaced by the municipality's own prices.
        costs.CTI: {
            "amount": 55000,
            "unit": costs.PER_CITIZEN_YEAR,
            "source": SBST + " (40.000-130.000 kr. pr. borger pr. år)",
            "note": "Lavt i spændet: højst 10 borgere pr. medarbejder og aftagende intensitet over 9 måneder.",
        },
        costs.ICM: {
            "amount": 80000,
            "unit": costs.PER_CITIZEN_YEAR,
            "source": SBST + " (40.000-130.000 kr. pr. borger pr. år)",
            "note": "Midt i spændet: højst 8 borgere pr. medarbejder, så længe der er behov.",
        },
        costs.ACT: {
            "amount": 120000,
            "unit": costs.PER_CITIZEN_YEAR,
            "source": SBST + " (40.000-130.000 kr. pr. borger pr. år)",
            "note": "Højt i spændet: et tværfagligt team med specialister leverer selv behandling og støtte.",
        },
        costs.S85: {
            # Ordinary § 85 support has no public national average; the bottom of SBST's range for support
            # in one's own home is used until the municipality sets its own.
            "amount": 40000,
            "unit": costs.PER_CITIZEN_YEAR,
            "source": SBST + " (nederst i spændet 40.000-130.000 kr. pr. borger pr. år)",
            "note": "Skøn: almindelig støtte efter § 85 er sat nederst i spændet.",
        },
        costs.REFUND_110_SHARE: {
            # 50 % before the reform as well ("Frem til 1/10 2023 har kommunen fået 50 pct. ... refunderet").
            "amount": 50,
            "unit": costs.PERCENT,
            "source": REFORM,
            "note": "",
        },
        costs.REFUND_110_CAP: {
            # 120 days a running year from the first admission after 1 October 2023, 90 days after
            # 1 April 2026; no cap before the reform. Prices are per year, so 90 counts for all of 2026.
            "amount": None,
            "by_year": {2023: 120, 2026: 90},
            "unit": costs.DAYS,
            "source": REFORM,
            "note": "120 døgn pr. løbende år fra første indskrivning; 90 døgn fra 1. april 2026 "
            "(regnet for hele 2026). Ingen grænse før 1. oktober 2023.",
        },
        costs.REFUND_176A_SHARE: {
            "amount": 0,
            "by_year": {2023: 50},
            "unit": costs.PERCENT,
            "source": REFORM + " (serviceloven § 176 a)",
            "note": "50 % af bostøtten efter § 85 a (CTI, ICM, ACT) i op til 2 år efter udskrivning fra en "
            "boform efter § 110, fra 1. oktober 2023.",
        },
    },
    # The day the reform's refund rules start (serviceloven § 176 a; the § 110 day cap).
    "REFORM_DATE": "2023-10-01",
    # § 176 a: up to 2 years after the first discharge from a § 110 shelter, not restarted by a new stay
    # within them (stk. 3).
    "REFUND_176A_YEARS": 2,
    # Months shown in the monthly table and chart (all months are in the workbook).
    "MONTHS_SHOWN": 24,
    # Years after moving in that the cohorts are followed.
    "FOLLOW_YEARS": 5,
    # Odense (seed 003: VIVE's report on Housing First in Odense, 2010-2018 data): five years after
    # housing society saves about 75,000 kr. per citizen a year. A reference line only, never an input.
    "ODENSE_SAVING_YEAR_5": 75000,
    "ODENSE_SOURCE": "VIVE: Housing First i Odense, økonomien (tal for 2010-2018)",
}

value = AppSettings("ECONOMY", DEFAULTS)
