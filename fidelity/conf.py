"""The fidelity app's settings (issue 5): defaults with their units and sources; read with ``value``
(core/conf.py). An installation overrides them in settings.HF["FIDELITY"]."""

from core.conf import AppSettings

DEFAULTS = {
    # Brief INSPIRE results only for groups of at least this many answers (anonymity; issue 5).
    "MIN_GROUP": 5,
    # A one-time questionnaire link is valid this many days (a quarter's collection window).
    "LINK_VALID_DAYS": 14,
    # Self-assessed mean from which a principle counts as "agreed" (Enig = 4, seed 004 Bilag 1's scale).
    "AGREE_FROM": 4.0,
    # An indicator share below this (percent) while the self-assessment agrees is called a disagreement.
    "INDICATOR_BELOW_PCT": 50,
    # Days from registration to a home above which principle 1 ("as fast as possible", seed 004 ch. 2)
    # counts as not met; a local target the leader network sets.
    "DAYS_TO_HOME_TARGET": 90,
    # Support still running this many days after a home was lost counts as continued (principle 5).
    "SUPPORT_CONTINUES_DAYS": 30,
    # Number of weakest statements highlighted on the results page.
    "WEAKEST_SHOWN": 3,
    # Brief INSPIRE reading aids from a Danish study (Moeller et al. 2025): cut-off and meaningful change.
    "INSPIRE_CUTOFF": 50,
    "INSPIRE_CHANGE": 8,
    # WHO-5 reading aids (Topp et al. 2015, fidelity/who5.py), shown only as text beside a group's mean,
    # never applied to a person: at or below 50 poor wellbeing, at or below 28 likely depression, and
    # a change of 10 points is meaningful.
    "WHO5_POOR_WELLBEING": 50,
    "WHO5_LIKELY_DEPRESSION": 28,
    "WHO5_CHANGE": 10,
}

value = AppSettings("FIDELITY", DEFAULTS)
