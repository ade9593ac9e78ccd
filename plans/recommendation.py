"""Which support method an assessment points to, with the reason in plain Danish. No Django import.

The reason is a core.messages.Msg: the Danish text, which the Django layer shows in the user's language
(its message ids are marked with gettext_noop, a local function makemessages finds by name).

The rules (seed 004, ch. 4 "for whom"; seed 002; DOMAIN.md), in order:

1. The citizen wants a residential offer themself (§ 107/108): "another offer". Never derived from
   levels alone: who among the 10-20 % needs more than support in an own home cannot be predicted in
   advance, so no group is steered away from an own home up front (seed 002; principles 1, 4 and 6).
2. Can use existing services very little or not at all: ACT.
3. Can use existing services to some degree: ICM.
4. Can largely use existing services: CTI, through the critical transition into an own home; but when
   enough dimensions are assessed and none shows more than mild reduced function, ordinary § 85
   support is enough (a specialised method's low caseload is kept for those who need it, seed 004, 3.1).
5. How far the citizen can use services is not yet assessed: a provisional recommendation from the VUM
   levels (many severe dimensions: ACT; some: ICM; none: CTI); nothing assessed at all: ICM, which is
   open-ended, so support starts now and is adjusted as the assessment goes on (seed 004, 4.2).

The inputs hold no housing readiness, sobriety or treatment: those are never conditions (seed 004, ch. 2
principle 1; 4.1). Every input gives a recommendation; a citizen is never refused.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from core.messages import Msg, joined

from .dimensions import DIMENSION_LABELS, LEVEL_LABELS, SERVICES_USE_LABELS, Dimension, Level, ServicesUse
from .methods import Method


def gettext_noop(text: str) -> str:
    """Marks a message id for makemessages; the text itself is returned unchanged."""
    return text


@dataclass(frozen=True)
class Thresholds:
    """From settings.HF["PLANS"] (plans/conf.py): the levels and counts the rules use."""

    severe_level: int  # a VUM level at or above this counts as severe
    act_severe_dimensions: int  # this many severe dimensions suggest ACT when services use is unknown
    s85_max_level: int  # with services used largely and no level above this, § 85 is enough ...
    s85_min_assessed: int  # ... provided at least this many dimensions are assessed


@dataclass(frozen=True)
class AssessmentInput:
    services_use: ServicesUse | None = None
    levels: Mapping[Dimension, Level | None] = field(default_factory=dict)
    wants_residential_care: bool = False


@dataclass(frozen=True)
class Recommendation:
    method: Method
    reason: str
    provisional: bool = False


def _names(dims, hidden=frozenset()) -> str:
    names = [Msg(DIMENSION_LABELS[d], context="life dimension", lower=True) for d in dims if d not in hidden]
    if any(d in hidden for d in dims):
        # A reader who may not see health details learns nothing of them from the reason either.
        names.append(
            Msg(gettext_noop("dimensioner, som kun borgerens egne medarbejdere og deres leder kan se"))
        )
    return joined(names)


def recommend(
    data: AssessmentInput, *, thresholds: Thresholds, hidden: frozenset = frozenset()
) -> Recommendation:
    """``hidden``: dimensions the reader may not see; the reason does not name them."""
    levels = {Dimension(d): Level(v) for d, v in data.levels.items() if v is not None}
    ordered = [d for d in Dimension if d in levels]
    severe = [d for d in ordered if levels[d] >= thresholds.severe_level]

    if data.wants_residential_care:
        return Recommendation(
            Method.OTHER,
            Msg(
                gettext_noop(
                    "Borgeren ønsker selv et botilbud (§ 107/108). Det er borgerens valg; støtte i egen bolig med "
                    "CTI, ICM eller ACT kan fortsat tilbydes, hvis borgeren ombestemmer sig."
                )
            ),
        )
    use = ServicesUse(data.services_use) if data.services_use else None
    if use is not None:
        use_text = Msg(
            gettext_noop("Borgeren kan benytte eksisterende tilbud: %(use)s."),
            {"use": Msg(SERVICES_USE_LABELS[use], lower=True)},
        )
        if use is ServicesUse.LITTLE:
            extra = (
                Msg(
                    gettext_noop(" Svært eller fuldstændigt nedsat funktionsevne inden for %(dimensions)s."),
                    {"dimensions": _names(severe, hidden)},
                )
                if severe
                else ""
            )
            return Recommendation(
                Method.ACT,
                Msg(
                    gettext_noop(
                        "%(use)s%(extra)s ACT er til borgere, der kun i meget lav grad eller slet ikke kan benytte "
                        "eksisterende tilbud og har komplekse behov: et tværfagligt team leverer selv støtten og "
                        "behandlingen, så længe der er behov."
                    ),
                    {"use": use_text, "extra": extra},
                ),
            )
        if use is ServicesUse.SOME:
            return Recommendation(
                Method.ICM,
                Msg(
                    gettext_noop(
                        "%(use)s ICM er til borgere, der i nogen grad kan benytte eksisterende tilbud og har brug "
                        "for længerevarende, intensiv støtte: en fast medarbejder koordinerer og hjælper borgeren "
                        "ind i de tilbud, der findes."
                    ),
                    {"use": use_text},
                ),
            )
        mild = len(ordered) >= thresholds.s85_min_assessed and all(
            levels[d] <= thresholds.s85_max_level for d in ordered
        )
        if mild:
            return Recommendation(
                Method.SECTION_85,
                Msg(
                    gettext_noop(
                        "%(use)s Ingen af de %(count)s vurderede dimensioner viser mere end %(level)s. Almindelig "
                        "§ 85-støtte i eget hjem er nok; de specialiserede metoder holdes til borgere med større "
                        "behov."
                    ),
                    {
                        "use": use_text,
                        "count": len(ordered),
                        "level": Msg(
                            LEVEL_LABELS[Level(thresholds.s85_max_level)], tail_after="– ", lower=True
                        ),
                    },
                ),
            )
        return Recommendation(
            Method.CTI,
            Msg(
                gettext_noop(
                    "%(use)s CTI er til borgere, der i høj grad kan benytte eksisterende tilbud og har brug for "
                    "støtte gennem en kritisk overgang, fx fra gade, herberg eller fængsel til egen bolig: ni "
                    "måneder med aftagende intensitet, hvor støtten overdrages til det almindelige system."
                ),
                {"use": use_text},
            ),
        )

    if not ordered:
        return Recommendation(
            Method.ICM,
            Msg(
                gettext_noop(
                    "Foreløbig anbefaling: det er endnu ikke vurderet, hvor meget borgeren kan benytte eksisterende "
                    "tilbud. Ingen dimensioner er vurderet endnu. ICM er åben i længde og intensitet, så støtten "
                    "kan begynde nu og tilpasses, mens udredningen fortsætter. Udredningen må ikke forsinke bolig "
                    "eller støtte."
                )
            ),
            provisional=True,
        )
    if len(severe) >= thresholds.act_severe_dimensions:
        return Recommendation(
            Method.ACT,
            Msg(
                gettext_noop(
                    "Foreløbig anbefaling: det er endnu ikke vurderet, hvor meget borgeren kan benytte eksisterende "
                    "tilbud. Svært eller fuldstændigt nedsat funktionsevne inden for %(dimensions)s peger på "
                    "komplekse behov, som et tværfagligt ACT-team kan møde direkte."
                ),
                {"dimensions": _names(severe, hidden)},
            ),
            provisional=True,
        )
    if severe:
        return Recommendation(
            Method.ICM,
            Msg(
                gettext_noop(
                    "Foreløbig anbefaling: det er endnu ikke vurderet, hvor meget borgeren kan benytte eksisterende "
                    "tilbud. Svært eller fuldstændigt nedsat funktionsevne inden for %(dimensions)s peger på behov "
                    "for længerevarende, intensiv støtte (ICM)."
                ),
                {"dimensions": _names(severe, hidden)},
            ),
            provisional=True,
        )
    return Recommendation(
        Method.CTI,
        Msg(
            gettext_noop(
                "Foreløbig anbefaling: det er endnu ikke vurderet, hvor meget borgeren kan benytte eksisterende "
                "tilbud. Ingen af de vurderede dimensioner (%(dimensions)s) viser svært nedsat funktionsevne, så "
                "støtte gennem overgangen til egen bolig med CTI ser ud til at passe."
            ),
            {"dimensions": _names(ordered, hidden)},
        ),
        provisional=True,
    )
