"""What "I dag" is made of, without Django: items, their priority, when they are due, their order, the
sections they are shown in and which of them are new since the person last looked (issue 14 items 1-2).

An item is derived from the current state by a source (today/selectors.py) and is never stored: when the
work is done (a contact recorded, a review held, an offer answered), the source no longer finds it and
it leaves the list. Only the keys of the items a person has seen are kept (today.models.TodayState), so
the bell can mark what is new.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum, StrEnum


class Kind(StrEnum):
    """One kind per source (today/selectors.py SOURCES). A source added later may use its own string."""

    # support worker
    PERSISTENCE = "persistence"  # not reached for the method's number of days (support/persistence.py)
    PLAN_REVIEW = "plan_review"  # the action plan's next review is due or overdue
    CTI_PHASE = "cti_phase"  # a CTI phase begins this week (support/cti.py)
    HOME_AT_RISK = "home_at_risk"  # an eviction case on the lease
    OFFER_ANSWER = "offer_answer"  # an offer of a home awaits the citizen's answer
    NEEDS_CONTACT = "needs_contact"  # on the housing needs list, inactive: a home may be waiting
    CONSENT_EXPIRING = "consent_expiring"  # a consent runs out soon
    DOCUMENT_EXPIRING = "document_expiring"  # a document on the person (lease, consent form, ID) runs out
    # outreach worker
    NEAR_INACTIVE = "near_inactive"  # not seen for a while: becomes inactive soon
    REGISTRATION = "registration"  # a new registration lacks birth year or situation
    NO_WORKER = "no_worker"  # nobody is the citizen's own worker
    # housing broker
    VACANCY_DEADLINE = "vacancy_deadline"  # the nomination deadline is near and nobody is proposed
    OFFER_STALLED = "offer_stalled"  # an offer has not moved for longer than its step's rule
    COMMITTEE = "committee"  # an agenda item of the allocation committee awaits its decision
    # leader
    FIDELITY_DUE = "fidelity_due"  # a unit's quarterly fidelity assessment is not completed
    WAITING_LONG = "waiting_long"  # waiting for support longer than the rule
    OVER_CASELOAD = "over_caseload"  # a worker or ACT team over its caseload limit
    MOVING_IN = "moving_in"  # several of one worker's citizens moving in at once


# The items that are done by reaching the citizen: their row offers the contact dialog.
CONTACT_KINDS = frozenset(
    {Kind.PERSISTENCE, Kind.NEEDS_CONTACT, Kind.NEAR_INACTIVE, Kind.HOME_AT_RISK, Kind.OFFER_ANSWER}
)


class Priority(IntEnum):
    """Lower first. A home at risk or a citizen not reached comes before paperwork."""

    URGENT = 0
    HIGH = 1
    NORMAL = 2
    LOW = 3


PRIORITY: dict[str, Priority] = {
    Kind.HOME_AT_RISK: Priority.URGENT,
    Kind.PERSISTENCE: Priority.HIGH,
    Kind.NEEDS_CONTACT: Priority.HIGH,
    Kind.OFFER_ANSWER: Priority.HIGH,
    Kind.VACANCY_DEADLINE: Priority.URGENT,
    Kind.OFFER_STALLED: Priority.HIGH,
    Kind.NEAR_INACTIVE: Priority.HIGH,
    Kind.WAITING_LONG: Priority.HIGH,
    Kind.OVER_CASELOAD: Priority.HIGH,
    Kind.PLAN_REVIEW: Priority.NORMAL,
    Kind.CTI_PHASE: Priority.NORMAL,
    Kind.CONSENT_EXPIRING: Priority.NORMAL,
    Kind.DOCUMENT_EXPIRING: Priority.NORMAL,
    Kind.COMMITTEE: Priority.NORMAL,
    Kind.MOVING_IN: Priority.NORMAL,
    Kind.FIDELITY_DUE: Priority.NORMAL,
    Kind.REGISTRATION: Priority.LOW,
    Kind.NO_WORKER: Priority.LOW,
}


def priority_of(kind: str) -> Priority:
    """A kind not in the table (a source added later) is NORMAL."""
    return PRIORITY.get(kind, Priority.NORMAL)


class Timing(StrEnum):
    """Whether an item's date has passed, is today, comes soon, or the item has no date."""

    OVERDUE = "overdue"
    TODAY = "today"
    SOON = "soon"
    UNDATED = "undated"


TIMING_ORDER = {Timing.OVERDUE: 0, Timing.TODAY: 1, Timing.SOON: 2, Timing.UNDATED: 3}


def timing(due: date | None, today: date) -> Timing:
    """Overdue when its date has passed, today on the day itself, soon before it; no date: undated."""
    if due is None:
        return Timing.UNDATED
    if due < today:
        return Timing.OVERDUE
    if due == today:
        return Timing.TODAY
    return Timing.SOON


def days_late(due: date | None, today: date) -> int:
    """Days past the date (0 when not yet due or undated)."""
    return max(0, (today - due).days) if due else 0


@dataclass(frozen=True)
class Item:
    """One thing that needs the person, and why. ``key`` is stable while the item exists (the kind and the
    row it comes from), so "seen" survives a new computation; ``title`` names who or what (a citizen's name
    on the page; ``initials`` is all an e-mail may carry); ``url`` is where it is done."""

    kind: str
    key: str
    title: str
    reason: str
    url: str
    due: date | None = None
    person_id: int | None = None
    initials: str = ""
    priority: Priority | None = None

    @property
    def contact_person(self) -> dict | None:
        """For the items done by reaching the citizen, who the "Registrér kontakt" button records a contact
        or an attempt with (people/_contact_button.html): the page does the work in two clicks."""
        if self.person_id is None or self.kind not in CONTACT_KINDS:
            return None
        return {"pk": self.person_id, "display_name": self.title}

    @property
    def rank(self) -> Priority:
        return self.priority if self.priority is not None else priority_of(self.kind)


def sort_key(item: Item, today: date) -> tuple:
    """Overdue first (longest overdue first), then today, then soonest; within a date the higher priority;
    then the title, so the order is stable."""
    t = timing(item.due, today)
    return (TIMING_ORDER[t], item.due or date.max, item.rank, item.title, item.key)


def ordered(items: Iterable[Item], today: date) -> list[Item]:
    return sorted(items, key=lambda i: sort_key(i, today))


@dataclass
class Section:
    """The items of one source as shown: at most ``limit`` of them and the total the source found."""

    kind: str
    label: str
    why: str  # the rule behind it, in the user's words
    items: list[Item] = field(default_factory=list)
    total: int = 0
    more_url: str = ""  # the full list, where the work is done in bulk

    @property
    def more(self) -> int:
        """How many more than shown."""
        return max(0, self.total - len(self.items))

    @property
    def rank(self) -> tuple:
        """Sections with overdue or urgent items first; empty sections last."""
        if not self.items:
            return (1, Priority.LOW, 0)
        best = min(i.rank for i in self.items)
        return (0, best, -self.total)


def bounded(
    items: list[Item], limit: int, today: date, *, total: int | None = None
) -> tuple[list[Item], int]:
    """The first ``limit`` items in order and the total (``total`` when the source counted them itself)."""
    shown = ordered(items, today)[: max(0, limit)]
    return shown, len(items) if total is None else total


def arrange(sections: Iterable[Section]) -> list[Section]:
    """Sections in order of urgency, keeping the registry's order among equals (sorted is stable)."""
    return sorted(sections, key=lambda s: s.rank)


def total_count(sections: Iterable[Section]) -> int:
    return sum(s.total for s in sections)


def new_keys(sections: Iterable[Section], seen: Iterable[str]) -> set[str]:
    """The keys of the items shown that were not shown when the person last looked. Only the shown items
    count (the first of each section), so the set stays bounded however long a list grows."""
    seen = set(seen)
    return {i.key for s in sections for i in s.items if i.key not in seen}


def shown_keys(sections: Iterable[Section]) -> list[str]:
    return sorted({i.key for s in sections for i in s.items})


def initials_of(first_name: str, last_name: str, initials: str = "") -> str:
    """What an e-mail may carry of a citizen: initials only (issue 14 item 2). Known initials win; else the
    first letter of each name."""
    if initials.strip():
        return initials.strip().upper()[:6]
    letters = [part[0] for part in f"{first_name} {last_name}".split() if part]
    return "".join(letters).upper()[:6] or "?"
