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
    # Specialised support (issue 3)
    WORK_SUPPORT = "work_support"  # assessments, episodes, contacts, action plans of citizens
    MANAGE_SUPPORT = "manage_support"  # teams, workers' methods and limits, capacity, waiting lists
    # Homes (issue 4)
    VIEW_HOUSING = "view_housing"  # stock, agreements, vacancies, stock analysis
    MANAGE_HOUSING = "manage_housing"  # landlords, units, vacancies, offers, committee
    # Fidelity (issue 5)
    RUN_FIDELITY = "run_fidelity"  # quarterly assessments, results, citizens' questionnaires
    VIEW_FIDELITY = "view_fidelity"
    # Leaders steer (issue 12): goals on the measures of the leaders' front page
    STEER = "steer"
    # The national homelessness count (issue 12 item 4)
    RUN_COUNT = "run_count"  # open and close a count week, export its forms
    FILL_COUNT = "fill_count"  # complete citizens' count forms
    # The citizen's case file (issue 14 items 6-7)
    CASE_DOCUMENTS = "case_documents"  # see, download and upload a citizen's documents (lease, consent, ID)
    JOURNAL = "journal"  # read and write journal notes on a citizen
    # Merge two records of one citizen and undo a merge (issue 14 item 5, people/merge.py)
    MERGE_PEOPLE = "merge_people"
    # The header's search (issue 14): citizens, homes and landlords; each kind still needs its own capability
    SEARCH = "search"


_CASEWORK = {Capability.VIEW_PEOPLE, Capability.EDIT_PEOPLE, Capability.VIEW_FIGURES, Capability.SEARCH}

CAPABILITIES: dict[Role, frozenset[Capability]] = {
    # An administrator runs accounts and settings; case data is not their work (data minimisation).
    Role.ADMINISTRATOR: frozenset({Capability.MANAGE_USERS, Capability.VIEW_FIGURES}),
    Role.LEADER: frozenset(
        _CASEWORK
        | {
            Capability.EXPORT_PEOPLE,
            Capability.IMPORT_PEOPLE,
            Capability.READ_LOGS,
            Capability.WORK_SUPPORT,
            Capability.MANAGE_SUPPORT,
            Capability.VIEW_HOUSING,
            Capability.MANAGE_HOUSING,
            Capability.RUN_FIDELITY,
            Capability.VIEW_FIDELITY,
            Capability.STEER,
            Capability.RUN_COUNT,
            Capability.FILL_COUNT,
            Capability.CASE_DOCUMENTS,
            Capability.JOURNAL,
            Capability.MERGE_PEOPLE,
        }
    ),
    # A broker handles leases and the papers a home needs (documents), not the social work's journal.
    Role.HOUSING_BROKER: frozenset(
        _CASEWORK
        | {
            Capability.VIEW_FULL_CPR,
            Capability.EXPORT_PEOPLE,
            Capability.VIEW_HOUSING,
            Capability.MANAGE_HOUSING,
            Capability.VIEW_FIDELITY,
            Capability.CASE_DOCUMENTS,
        }
    ),
    Role.SUPPORT_WORKER: frozenset(
        _CASEWORK
        | {
            Capability.VIEW_FULL_CPR,
            Capability.WORK_SUPPORT,
            Capability.VIEW_HOUSING,
            Capability.VIEW_FIDELITY,
            Capability.FILL_COUNT,
            Capability.CASE_DOCUMENTS,
            Capability.JOURNAL,
        }
    ),
    Role.OUTREACH_WORKER: frozenset(
        _CASEWORK
        | {
            Capability.VIEW_FULL_CPR,
            Capability.EXPORT_PEOPLE,
            Capability.IMPORT_PEOPLE,
            Capability.WORK_SUPPORT,
            Capability.VIEW_HOUSING,
            Capability.VIEW_FIDELITY,
            Capability.FILL_COUNT,
            Capability.CASE_DOCUMENTS,
            Capability.JOURNAL,
        }
    ),
    # Analysts see aggregates only: never names, never CPR.
    Role.ANALYST: frozenset({Capability.VIEW_FIGURES, Capability.VIEW_FIDELITY}),
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


def may_see_health(*, role: str | None, is_own_worker: bool) -> bool:
    """Health and substance-use details (assessment dimensions, plan goals) are for the citizen's own
    workers and their leader only (issue 3, item 9); never analysts, brokers or other workers."""
    if not has_capability(role, Capability.VIEW_PEOPLE):
        return False
    return is_own_worker or role == Role.LEADER


def may_fill_count_form(
    *, role: str | None, is_own_worker: bool, has_own_workers: bool, protected: bool = False
) -> bool:
    """The count's person form holds health and substance answers, so it is for the citizen's own workers
    and their leader (as ``may_see_health``); a citizen with no own worker (met on the street in the
    count week) may be counted by any worker who works on the count, unless the citizen is protected."""
    if not has_capability(role, Capability.FILL_COUNT):
        return False
    if is_own_worker or role == Role.LEADER:
        return True
    return not has_own_workers and not protected


def may_delete_document(*, role: str | None, is_uploader: bool) -> bool:
    """A document is deleted (with a reason) by whoever uploaded it, e.g. the wrong file, or by a leader;
    other workers ask one of them, so a citizen's papers do not disappear by someone else's mistake."""
    if not has_capability(role, Capability.CASE_DOCUMENTS):
        return False
    return is_uploader or role == Role.LEADER


def may_correct_note(*, role: str | None, is_author: bool) -> bool:
    """A journal note is corrected (a new version, the old kept) only by its author; anyone else who
    disagrees writes a note of their own, so every version says whose words it holds."""
    return has_capability(role, Capability.JOURNAL) and is_author
