"""The labels of plans/dimensions.py and plans/methods.py (pure modules, no Django import) marked for
translation: the same Danish texts, shown in the user's language. support/tests/test_english.py keeps them
identical; stored data and the access log keep using the pure modules' Danish labels."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .dimensions import Dimension, GoalStatus, GoalType, Level, ServicesUse
from .methods import Method

# With a context: the same words elsewhere (e.g. "Bolig", a home) translate differently.
DIMENSION = {
    Dimension.HOUSING: pgettext_lazy("life dimension", "Bolig"),
    Dimension.MENTAL_HEALTH: pgettext_lazy("life dimension", "Psykisk helbred"),
    Dimension.PHYSICAL_HEALTH: pgettext_lazy("life dimension", "Fysisk helbred"),
    Dimension.ECONOMY: pgettext_lazy("life dimension", "Økonomi"),
    Dimension.DAILY_ACTIVITIES: pgettext_lazy("life dimension", "Daglige aktiviteter"),
    Dimension.NETWORK: pgettext_lazy("life dimension", "Netværk og sociale relationer"),
    Dimension.SUBSTANCE_USE: pgettext_lazy("life dimension", "Brug af rusmidler"),
    Dimension.EDUCATION_EMPLOYMENT: pgettext_lazy("life dimension", "Uddannelse og beskæftigelse"),
}

LEVEL = {
    Level.NONE: _("0 – Ingen nedsat funktionsevne"),
    Level.MILD: _("1 – Let nedsat funktionsevne"),
    Level.MODERATE: _("2 – Moderat nedsat funktionsevne"),
    Level.SEVERE: _("3 – Svært nedsat funktionsevne"),
    Level.COMPLETE: _("4 – Fuldstændigt nedsat funktionsevne"),
}
NOT_ASSESSED = _("Ikke vurderet")

SERVICES_USE = {
    ServicesUse.LARGE: _("I høj grad"),
    ServicesUse.SOME: _("I nogen grad"),
    ServicesUse.LITTLE: _("I meget lav grad eller slet ikke"),
}

GOAL_TYPE = {
    GoalType.DEVELOP: _("Udvikle"),
    GoalType.MAINTAIN: _("Fastholde"),
    GoalType.LIMIT_LOSS: _("Begrænse tab"),
}

GOAL_STATUS = {
    GoalStatus.IN_PROGRESS: _("I gang"),
    GoalStatus.ACHIEVED: _("Opnået"),
    GoalStatus.CHANGED: _("Ændret"),
}

METHOD = {
    Method.CTI: _("CTI (Critical Time Intervention)"),
    Method.ICM: _("ICM (Intensive Case Management)"),
    Method.ACT: _("ACT (Assertive Community Treatment)"),
    Method.SECTION_85: _("§ 85-støtte i eget hjem"),
    Method.OTHER: _("Andet tilbud (fx § 107/108)"),
}


def method(value) -> str:
    """The method's label in the current language."""
    return str(METHOD[Method(value)])
