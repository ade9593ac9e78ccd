"""Homelessness situations: the national count's nine (VIVE, DOMAIN.md), at-risk situations and
"own home". No Django import."""

from enum import StrEnum


class Situation(StrEnum):
    STREET = "street"
    NIGHT_SHELTER = "night_shelter"
    SHELTER = "shelter"  # § 110 boform: herberg, forsorgshjem
    HOTEL = "hotel"
    SOFA_SURFER = "sofa_surfer"
    TRANSITIONAL = "transitional"
    PRISON_RELEASE = "prison_release"
    HOSPITAL_DISCHARGE = "hospital_discharge"
    OTHER_EMERGENCY = "other_emergency"
    EVICTION_CASE = "eviction_case"
    LEAVING_CARE = "leaving_care"
    OTHER_RISK = "other_risk"
    OWN_HOME = "own_home"


# The count's own words (VIVE's national homelessness count, as quoted in DOMAIN.md), verbatim: users
# choose a situation by the text they know from the count's form.
LABELS: dict[Situation, str] = {
    Situation.STREET: "Overnatter på gaden, i trappeopgang, i et skur eller lignende",
    Situation.NIGHT_SHELTER: "Overnatter på natvarmestue / værested med nødovernatning",
    Situation.SHELTER: "Overnatter på akut/midlertidigt botilbud, fx herberger og forsorgshjem (§ 110)",
    Situation.HOTEL: "Opholder sig på hotel, vandrerhjem eller lignende på grund af hjemløshed",
    Situation.SOFA_SURFER: 'Bor midlertidigt og uden kontrakt hos familie, venner eller bekendte ("sofasurfer")',
    Situation.TRANSITIONAL: "Bor i midlertidig udslusningsbolig eller lignende uden permanent kontrakt",
    Situation.PRISON_RELEASE: "Under Kriminalforsorgen, skal løslades inden for 1 måned, uden iværksat boligløsning",
    Situation.HOSPITAL_DISCHARGE: "Indlagt på hospital/behandlingshjem, skal udskrives inden for 1 måned, uden iværksat boligløsning",
    Situation.OTHER_EMERGENCY: 'Andet: kolonihavehus, campingvogn og lignende midlertidige "nødboliger"',
    Situation.EVICTION_CASE: "I risiko: fogedsag / udsættelse",
    Situation.LEAVING_CARE: "I risiko: skal forlade anbringelse, behandling eller institution",
    Situation.OTHER_RISK: "I risiko: anden risiko for hjemløshed",
    Situation.OWN_HOME: "Egen bolig",
}

SHORT_LABELS: dict[Situation, str] = {
    Situation.STREET: "Gaden",
    Situation.NIGHT_SHELTER: "Natvarmestue",
    Situation.SHELTER: "Boform (§ 110)",
    Situation.HOTEL: "Hotel, vandrerhjem",
    Situation.SOFA_SURFER: "Sofasurfer",
    Situation.TRANSITIONAL: "Udslusningsbolig",
    Situation.PRISON_RELEASE: "Løsladelse",
    Situation.HOSPITAL_DISCHARGE: "Udskrivning",
    Situation.OTHER_EMERGENCY: "Andet (nødbolig)",
    Situation.EVICTION_CASE: "Fogedsag",
    Situation.LEAVING_CARE: "Forlader anbringelse",
    Situation.OTHER_RISK: "Anden risiko",
    Situation.OWN_HOME: "Egen bolig",
}

HOMELESS = frozenset(
    {
        Situation.STREET,
        Situation.NIGHT_SHELTER,
        Situation.SHELTER,
        Situation.HOTEL,
        Situation.SOFA_SURFER,
        Situation.TRANSITIONAL,
        Situation.PRISON_RELEASE,
        Situation.HOSPITAL_DISCHARGE,
        Situation.OTHER_EMERGENCY,
    }
)
AT_RISK = frozenset({Situation.EVICTION_CASE, Situation.LEAVING_CARE, Situation.OTHER_RISK})
SHELTER = frozenset({Situation.SHELTER})

# The groups of the select boxes, in the count's order: homeless per the count, at risk, own home.
GROUPS: list[tuple[str, list[Situation]]] = [
    ("Hjemløs efter tællingens definition", [s for s in Situation if s in HOMELESS]),
    ("I risiko for hjemløshed", [s for s in Situation if s in AT_RISK]),
    ("Egen bolig", [Situation.OWN_HOME]),
]


def category(situation: str) -> str:
    s = Situation(situation)
    if s in HOMELESS:
        return "homeless"
    if s in AT_RISK:
        return "at_risk"
    return "housed"
