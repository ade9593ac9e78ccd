"""Which support method an assessment points to, with the reason in plain Danish. No Django import.

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

from .dimensions import DIMENSION_LABELS, LEVEL_LABELS, SERVICES_USE_LABELS, Dimension, Level, ServicesUse
from .methods import Method


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
    names = [DIMENSION_LABELS[d].lower() for d in dims if d not in hidden]
    if any(d in hidden for d in dims):
        # A reader who may not see health details learns nothing of them from the reason either.
        names.append("dimensioner, som kun borgerens egne medarbejdere og deres leder kan se")
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " og " + names[-1]


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
            "Borgeren ønsker selv et botilbud (§ 107/108). Det er borgerens valg; støtte i egen bolig med "
            "CTI, ICM eller ACT kan fortsat tilbydes, hvis borgeren ombestemmer sig.",
        )
    use = ServicesUse(data.services_use) if data.services_use else None
    if use is not None:
        use_text = f"Borgeren kan benytte eksisterende tilbud: {SERVICES_USE_LABELS[use].lower()}."
        if use is ServicesUse.LITTLE:
            extra = (
                f" Svært eller fuldstændigt nedsat funktionsevne inden for {_names(severe, hidden)}."
                if severe
                else ""
            )
            return Recommendation(
                Method.ACT,
                f"{use_text}{extra} ACT er til borgere, der kun i meget lav grad eller slet ikke kan benytte "
                "eksisterende tilbud og har komplekse behov: et tværfagligt team leverer selv støtten og "
                "behandlingen, så længe der er behov.",
            )
        if use is ServicesUse.SOME:
            return Recommendation(
                Method.ICM,
                f"{use_text} ICM er til borgere, der i nogen grad kan benytte eksisterende tilbud og har brug "
                "for længerevarende, intensiv støtte: en fast medarbejder koordinerer og hjælper borgeren ind i "
                "de tilbud, der findes.",
            )
        mild = len(ordered) >= thresholds.s85_min_assessed and all(
            levels[d] <= thresholds.s85_max_level for d in ordered
        )
        if mild:
            return Recommendation(
                Method.SECTION_85,
                f"{use_text} Ingen af de {len(ordered)} vurderede dimensioner viser mere end "
                f"{LEVEL_LABELS[Level(thresholds.s85_max_level)].split('– ')[1].lower()}. Almindelig § 85-støtte i "
                "eget hjem er nok; de specialiserede metoder holdes til borgere med større behov.",
            )
        return Recommendation(
            Method.CTI,
            f"{use_text} CTI er til borgere, der i høj grad kan benytte eksisterende tilbud og har brug for "
            "støtte gennem en kritisk overgang, fx fra gade, herberg eller fængsel til egen bolig: ni måneder "
            "med aftagende intensitet, hvor støtten overdrages til det almindelige system.",
        )

    prefix = "Foreløbig anbefaling: det er endnu ikke vurderet, hvor meget borgeren kan benytte eksisterende tilbud."
    if not ordered:
        return Recommendation(
            Method.ICM,
            f"{prefix} Ingen dimensioner er vurderet endnu. ICM er åben i længde og intensitet, så støtten kan "
            "begynde nu og tilpasses, mens udredningen fortsætter. Udredningen må ikke forsinke bolig eller støtte.",
            provisional=True,
        )
    if len(severe) >= thresholds.act_severe_dimensions:
        return Recommendation(
            Method.ACT,
            f"{prefix} Svært eller fuldstændigt nedsat funktionsevne inden for {_names(severe, hidden)} peger på "
            "komplekse behov, som et tværfagligt ACT-team kan møde direkte.",
            provisional=True,
        )
    if severe:
        return Recommendation(
            Method.ICM,
            f"{prefix} Svært eller fuldstændigt nedsat funktionsevne inden for {_names(severe, hidden)} peger på behov "
            "for længerevarende, intensiv støtte (ICM).",
            provisional=True,
        )
    return Recommendation(
        Method.CTI,
        f"{prefix} Ingen af de vurderede dimensioner ({_names(ordered, hidden)}) viser svært nedsat funktionsevne, så "
        "støtte gennem overgangen til egen bolig med CTI ser ud til at passe.",
        provisional=True,
    )
