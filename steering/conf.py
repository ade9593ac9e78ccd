"""The steering app's settings: defaults with their units and sources; read with ``value`` (core/conf.py).
An installation overrides them in settings.HF["STEERING"]."""

from core.conf import AppSettings

DEFAULTS = {
    # Puljen til midlertidigt tilskud til nedsættelse af husleje (seeds 000 and 001; DOMAIN.md): 150 mio. kr.
    # to bring rents down to 3,500 kr. a month, 16,965 kr. per home per year at the 2023 level, shared by
    # the 2022 count; a municipality qualifies with a plan against homelessness and letting agreements
    # with its housing organisations.
    "RENT_SUBSIDY_LIMIT": 3500,  # kr. a month, rent without utilities (as the stock analysis counts it)
    "RENT_SUBSIDY_PER_HOME_YEAR": 16965,  # kr. a year per home
    "RENT_SUBSIDY_PRICE_LEVEL": 2023,
    "RENT_SUBSIDY_POOL": 150_000_000,  # kr.
    "RENT_SUBSIDY_SOURCE": (
        "Social- og Boligstyrelsen: Pulje til midlertidigt tilskud til nedsættelse af husleje "
        "(150 mio. kr.; 16.965 kr. pr. bolig pr. år, 2023-niveau)"
    ),
}

value = AppSettings("STEERING", DEFAULTS)
