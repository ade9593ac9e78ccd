"""The eight life dimensions, VUM 2.0 levels, services use and goal types (seed 004, ch. 4; DOMAIN.md).

Plain data, no Django import: the recommendation and the forms share these names.
"""

from enum import IntEnum, StrEnum


class Dimension(StrEnum):
    # The order is the manual's (seed 004, ch. 4).
    HOUSING = "housing"
    MENTAL_HEALTH = "mental_health"
    PHYSICAL_HEALTH = "physical_health"
    ECONOMY = "economy"
    DAILY_ACTIVITIES = "daily_activities"
    NETWORK = "network"
    SUBSTANCE_USE = "substance_use"
    EDUCATION_EMPLOYMENT = "education_employment"


DIMENSION_LABELS = {
    Dimension.HOUSING: "Bolig",
    Dimension.MENTAL_HEALTH: "Psykisk helbred",
    Dimension.PHYSICAL_HEALTH: "Fysisk helbred",
    Dimension.ECONOMY: "Økonomi",
    Dimension.DAILY_ACTIVITIES: "Daglige aktiviteter",
    Dimension.NETWORK: "Netværk og sociale relationer",
    Dimension.SUBSTANCE_USE: "Brug af rusmidler",
    Dimension.EDUCATION_EMPLOYMENT: "Uddannelse og beskæftigelse",
}

# Health and substance details: only the citizen's own workers and their leader see them
# (issue 3, item 9; accounts.roles.may_see_health).
HEALTH_DIMENSIONS = frozenset({Dimension.MENTAL_HEALTH, Dimension.PHYSICAL_HEALTH, Dimension.SUBSTANCE_USE})


class Level(IntEnum):
    """VUM 2.0 severity of reduced function; "not assessed" is the absence of a level (None)."""

    NONE = 0
    MILD = 1
    MODERATE = 2
    SEVERE = 3
    COMPLETE = 4


LEVEL_LABELS = {
    Level.NONE: "0 – Ingen nedsat funktionsevne",
    Level.MILD: "1 – Let nedsat funktionsevne",
    Level.MODERATE: "2 – Moderat nedsat funktionsevne",
    Level.SEVERE: "3 – Svært nedsat funktionsevne",
    Level.COMPLETE: "4 – Fuldstændigt nedsat funktionsevne",
}
NOT_ASSESSED_LABEL = "Ikke vurderet"


class ServicesUse(StrEnum):
    """How far the citizen can use existing services (seed 004, ch. 4 "for whom")."""

    LARGE = "large"
    SOME = "some"
    LITTLE = "little"


SERVICES_USE_LABELS = {
    ServicesUse.LARGE: "I høj grad",
    ServicesUse.SOME: "I nogen grad",
    ServicesUse.LITTLE: "I meget lav grad eller slet ikke",
}


class GoalType(StrEnum):
    DEVELOP = "develop"
    MAINTAIN = "maintain"
    LIMIT_LOSS = "limit_loss"


GOAL_TYPE_LABELS = {
    GoalType.DEVELOP: "Udvikle",
    GoalType.MAINTAIN: "Fastholde",
    GoalType.LIMIT_LOSS: "Begrænse tab",
}


class GoalStatus(StrEnum):
    """Where a goal of the action plan stands, in the citizen's words (issue 14 item 8)."""

    IN_PROGRESS = "in_progress"
    ACHIEVED = "achieved"
    CHANGED = "changed"


GOAL_STATUS_LABELS = {
    GoalStatus.IN_PROGRESS: "I gang",
    GoalStatus.ACHIEVED: "Opnået",
    GoalStatus.CHANGED: "Ændret",
}
