"""The measures a leader steers by: one name, definition, unit and direction each, and where a value
comes from in the computed figures. The front page, the goals and the PDF all read them here."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .progress import AT_MOST


@dataclass(frozen=True)
class Measure:
    code: str
    label: str
    unit: str
    better: str  # AT_MOST: lower is better; AT_LEAST: higher is better
    definition: str
    value: Callable[[dict], float | None]  # from the figures for one day ("now" or "then")
    series: Callable[[dict], float | None] | None = None  # from one month's row of the series
    people_query: str = ""  # the by-name list filter showing the people behind the figure


def _get(*keys):
    def read(d):
        for k in keys:
            if d is None:
                return None
            d = d.get(k)
        return d

    return read


MEASURES: list[Measure] = [
    Measure(
        "homeless",
        _("Hjemløse nu"),
        _("borgere"),
        AT_MOST,
        _(
            "Borgere der er aktive på den kommunale liste, og hvis situation på dagen er en af den "
            "nationale hjemløsetællings ni situationer (gaden, natvarmestue, boform efter § 110, hotel, "
            "sofasurfer, udslusningsbolig, løsladelse eller udskrivning uden bolig, nødbolig)."
        ),
        _get("homeless"),
        _get("homeless"),
        "status=active&situation=homeless",
    ),
    Measure(
        "shelter",
        _("Borgere på forsorgshjem og herberg (§ 110)"),
        _("borgere"),
        AT_MOST,
        _("Hjemløse hvis situation på dagen er ophold på en boform efter serviceloven § 110."),
        _get("shelter"),
        _get("shelter"),
        "status=active&situation=shelter",
    ),
    Measure(
        "shelter_days_12m",
        _("Døgn på boform (§ 110) de seneste 12 måneder"),
        _("døgn"),
        AT_MOST,
        _(
            "Summen af døgn på en boform efter § 110 i de seneste 12 måneder; hvert døgn tælles én gang pr. borger."
        ),
        _get("window", "shelter_days"),
    ),
    Measure(
        "hit_12m",
        _("Ramt af hjemløshed de seneste 12 måneder"),
        _("borgere"),
        AT_MOST,
        _(
            "Forskellige borgere med en hjemløshedssituation, der helt eller delvist ligger i de seneste "
            "12 måneder; også borgere der siden har fået bolig."
        ),
        _get("window", "hit"),
        _get("hit_12m"),
    ),
    Measure(
        "long_term_6",
        _("Hjemløse i mere end 6 måneder"),
        _("borgere"),
        AT_MOST,
        _("Hjemløse nu, hvis sammenhængende hjemløshed begyndte for mindst 183 dage siden."),
        _get("long_term_6"),
        _get("long_term_6"),
        "status=active&situation=homeless&duration=gt6m",
    ),
    Measure(
        "long_term_12",
        _("Hjemløse i mere end 12 måneder"),
        _("borgere"),
        AT_MOST,
        _("Hjemløse nu, hvis sammenhængende hjemløshed begyndte for mindst 365 dage siden."),
        _get("long_term_12"),
        _get("long_term_12"),
        "status=active&situation=homeless&duration=gt12m",
    ),
    Measure(
        "young",
        _("Unge hjemløse (18-24 år)"),
        _("borgere"),
        AT_MOST,
        _("Hjemløse nu, der er 18-24 år (efter fødselsdato, ellers den alder de fylder i året)."),
        _get("young"),
        _get("young"),
        "status=active&situation=homeless&age_group=18-24",
    ),
    Measure(
        "days_to_housing",
        _("Dage fra identifikation til egen bolig (gennemsnit, 12 måneder)"),
        _("dage"),
        AT_MOST,
        _(
            "Gennemsnitligt antal dage på listen for de borgere, der flyttede i egen bolig i de seneste "
            "12 måneder, regnet fra den dag de blev registreret aktive. Built for Zero bruger højst 45 "
            "dage som pejlemærke."
        ),
        _get("window", "to_housing", "mean"),
        _get("days_to_housing_12m"),
    ),
]

BY_CODE = {m.code: m for m in MEASURES}

# Built for Zero's reference for days from identification to move-in (on average), shown as a line.
DAYS_TO_HOUSING_REFERENCE = 45


def measure(code: str) -> Measure | None:
    return BY_CODE.get(code)
