"""The count app's settings: defaults with their units and sources; read with ``value`` (core/conf.py).
An installation overrides them in settings.HF["COUNT"]."""

from core.conf import AppSettings

DEFAULTS = {
    # The national count's totals, people in a homelessness situation in week 6 of the year: VIVE's
    # "Hjemløshed i Danmark" reports 2019, 2022 and 2024 (as digested in ../shared/DOMAIN.md). The result
    # page shows the municipality's own counts beside them. A new count adds a year here (settings.HF).
    "NATIONAL_TOTALS": {2019: 6431, 2022: 5789, 2024: 5989},
    "NATIONAL_SOURCE": 'VIVE, "Hjemløshed i Danmark" (national kortlægning 2019, 2022 og 2024)',
    # Forms per page on a count week's page.
    "LIST_PAGE_SIZE": 50,
}

value = AppSettings("COUNT", DEFAULTS)
