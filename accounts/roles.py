"""Roles and what each may do: the one place that answers "who may see or do this?".

Plain data and functions, no Django import, so the rules are testable in microseconds.
"""
from enum import StrEnum


class Role(StrEnum):
    ADMINISTRATOR = "administrator"
    LEADER = "leader"
    HOUSING_BROKER = "housing_broker"
    SUPPORT_WORKER = "support_worker"
    OUTREACH_WORKER = "outreach_worker"
    ANALYST = "analyst"


ROLE_LABELS = {
    Role.ADMINISTRATOR: "Administrator",
    Role.LEADER: "Leder",
    Role.HOUSING_BROKER: "Socialboligformidler",
    Role.SUPPORT_WORKER: "Støttemedarbejder",
    Role.OUTREACH_WORKER: "Gadeplansmedarbejder",
    Role.ANALYST: "Analytiker",
}


class Capability(StrEnum):
    VIEW_PEOPLE = "view_people"  # names and person pages
    EDIT_PEOPLE = "edit_people"
    VIEW_FULL_CPR = "view_full_cpr"  # reveal an unmasked CPR (logged)
    VIEW_FIGURES = "view_figures"  # aggregates only
    EXPORT_PEOPLE = "export_people"
    IMPORT_PEOPLE = "import_people"
    READ_LOGS = "read_logs"
    MANAGE_USERS = "manage_users"


_CASEWORK = {Capability.VIEW_PEOPLE, Capability.EDIT_PEOPLE, Capability.VIEW_FIGURES}

CAPABILITIES: dict[Role, frozenset[Capability]] = {
    # An administrator runs accounts and settings; case data is not their work (data minimisation).
    Role.ADMINISTRATOR: frozenset({Capability.MANAGE_USERS, Capability.VIEW_FIGURES}),
    Role.LEADER: frozenset(
        _CASEWORK | {Capability.EXPORT_PEOPLE, Capability.IMPORT_PEOPLE, Capability.READ_LOGS}
    ),
    Role.HOUSING_BROKER: frozenset(_CASEWORK | {Capability.VIEW_FULL_CPR, Capability.EXPORT_PEOPLE}),
    Role.SUPPORT_WORKER: frozenset(_CASEWORK | {Capability.VIEW_FULL_CPR}),
    Role.OUTREACH_WORKER: frozenset(
        _CASEWORK | {Capability.VIEW_FULL_CPR, Capability.EXPORT_PEOPLE, Capability.IMPORT_PEOPLE}
    ),
    # Analysts see aggregates only: never names, never CPR.
    Role.ANALYST: frozenset({Capability.VIEW_FIGURES}),
}


def has_capability(role: str | None, capability: Capability) -> bool:
    if not role:
        return False
    try:
        return capability in CAPABILITIES[Role(role)]
    except ValueError:
        return False


def may_see_protected(*, role: str | None, is_own_worker: bool, in_list: bool) -> bool:
    """A person with name/address protection is hidden from lists and search except for their own
    workers; on the person page their leader may also see them (oversight)."""
    if not has_capability(role, Capability.VIEW_PEOPLE):
        return False
    if is_own_worker:
        return True
    return (not in_list) and role == Role.LEADER
