"""The support methods (seed 004, ch. 4; DOMAIN.md): the vocabulary the plans recommend and the support
app delivers. No Django import. The methods' frames (caseloads, CTI months) are support's configuration,
support/conf.py DEFAULTS."""

from enum import StrEnum


class Method(StrEnum):
    CTI = "cti"  # Critical Time Intervention
    ICM = "icm"  # Intensive Case Management
    ACT = "act"  # Assertive Community Treatment
    SECTION_85 = "s85"  # ordinary support in own home (serviceloven § 85)
    OTHER = "other"  # another offer, e.g. § 107/108 residential care


LABELS = {
    Method.CTI: "CTI (Critical Time Intervention)",
    Method.ICM: "ICM (Intensive Case Management)",
    Method.ACT: "ACT (Assertive Community Treatment)",
    Method.SECTION_85: "§ 85-støtte i eget hjem",
    Method.OTHER: "Andet tilbud (fx § 107/108)",
}

# The three specialised Housing First methods: a worker works in one of them only (seed 004, 4.1).
SPECIALISED = frozenset({Method.CTI, Method.ICM, Method.ACT})
