"""By-name list statuses and the inactivity rule. No Django import.

Statuses are a log of changes with reasons (issue 2): a person enters the active list as newly
identified, returned from housing or returned from inactive, and leaves it as housed, inactive,
moved away, died or no longer homeless.
"""

from datetime import date, timedelta
from enum import StrEnum


class Status(StrEnum):
    NEWLY_IDENTIFIED = "newly_identified"
    RETURNED_FROM_HOUSING = "returned_from_housing"
    RETURNED_FROM_INACTIVE = "returned_from_inactive"
    HOUSED = "housed"
    INACTIVE = "inactive"
    MOVED_AWAY = "moved_away"
    DIED = "died"
    NO_LONGER_HOMELESS = "no_longer_homeless"


LABELS = {
    Status.NEWLY_IDENTIFIED: "Nyidentificeret",
    Status.RETURNED_FROM_HOUSING: "Vendt tilbage fra bolig",
    Status.RETURNED_FROM_INACTIVE: "Vendt tilbage fra inaktiv",
    Status.HOUSED: "Boligplaceret",
    Status.INACTIVE: "Inaktiv",
    Status.MOVED_AWAY: "Fraflyttet kommunen",
    Status.DIED: "Død",
    Status.NO_LONGER_HOMELESS: "Ikke længere hjemløs",
}

ACTIVE = frozenset({Status.NEWLY_IDENTIFIED, Status.RETURNED_FROM_HOUSING, Status.RETURNED_FROM_INACTIVE})


class StatusError(ValueError):
    pass


def is_active(status: str | None) -> bool:
    return status in ACTIVE


def check_transition(current: str | None, new: str) -> None:
    """Raise StatusError (Danish) for a change that makes no sense on the list."""
    new_s = Status(new)
    if current is None:
        if new_s != Status.NEWLY_IDENTIFIED:
            raise StatusError("En ny person på listen skal have status 'Nyidentificeret'.")
        return
    cur = Status(current)
    if cur == Status.DIED:
        raise StatusError("En person registreret som død kan ikke få en ny status.")
    if new_s == Status.NEWLY_IDENTIFIED:
        raise StatusError("'Nyidentificeret' bruges kun første gang en person kommer på listen.")
    if new_s in ACTIVE and cur in ACTIVE:
        raise StatusError("Personen er allerede aktiv på listen.")
    if new_s == Status.RETURNED_FROM_INACTIVE and cur != Status.INACTIVE:
        raise StatusError("'Vendt tilbage fra inaktiv' kræver, at personen er inaktiv.")
    if new_s == Status.RETURNED_FROM_HOUSING and cur != Status.HOUSED:
        raise StatusError("'Vendt tilbage fra bolig' kræver, at personen er boligplaceret.")
    if new_s == cur:
        raise StatusError("Personen har allerede denne status.")


def reentry_status(current: str | None) -> Status:
    """The status a person gets when a homeless or at-risk situation is recorded again."""
    if current is None:
        return Status.NEWLY_IDENTIFIED
    cur = Status(current)
    if cur == Status.HOUSED:
        return Status.RETURNED_FROM_HOUSING
    if cur == Status.INACTIVE:
        return Status.RETURNED_FROM_INACTIVE
    # Moved back, or earlier "no longer homeless": returning after a home of their own.
    return Status.RETURNED_FROM_HOUSING


def becomes_inactive(*, status: str | None, last_activity: date | None, today: date, after_days: int) -> bool:
    """Active and no contact or situation update for ``after_days`` days. An open case alone is
    not activity (issue 2): only the recorded activity date counts."""
    if not is_active(status) or last_activity is None:
        return False
    return today - last_activity >= timedelta(days=after_days)
