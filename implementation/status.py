"""An initiative's status and the rules on it, without Django: which statuses are open, when an initiative is
overdue, and which changes need a note. The statuses are those of a municipal process plan (seed 000: each
initiative has a short description and a status)."""

from datetime import date

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
DELAYED = "delayed"
DONE = "done"
DROPPED = "dropped"

ORDER = (NOT_STARTED, IN_PROGRESS, DELAYED, DONE, DROPPED)
CLOSED = frozenset({DONE, DROPPED})
# A committee asks why: a delay or a dropped initiative is explained in the note that changes it.
NEEDS_NOTE = frozenset({DELAYED, DROPPED})


def is_overdue(*, status: str, deadline: date | None, today: date) -> bool:
    """Past its deadline and neither done nor dropped."""
    return deadline is not None and deadline < today and status not in CLOSED


def counts(statuses) -> dict[str, int]:
    """How many of each status, every status present (0 where none), in the plan's order."""
    out = dict.fromkeys(ORDER, 0)
    for s in statuses:
        if s in out:
            out[s] += 1
    return out
