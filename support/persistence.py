"""Persistence (principle 3; seed 004, ch. 2 and 4.1: "vedholdende"): when a citizen has not been
reached for N days, the worker and the leader get a task. No Django import.

The clock runs from the last contact where the citizen was REACHED, or from the episode's start when
nobody has reached them yet; attempts that did not reach them keep counting but do not reset it.
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Persistence:
    since: date  # last reached, or the start
    days: int  # days without reaching the citizen
    due: bool
    attempts_since: int


def persistence(
    *, start: date, last_reached: date | None, attempts_after_reached: int, today: date, limit_days: int
) -> Persistence:
    since = max(filter(None, [start, last_reached]))
    days = max(0, (today - since).days)
    return Persistence(since=since, days=days, due=days >= limit_days, attempts_since=attempts_after_reached)
