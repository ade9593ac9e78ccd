"""A goal's status over the versions of the action plan (issue 14 item 8): pure, no Django.

A goal lives in one dimension from the version where it is first written until a version leaves the
dimension without a goal. Its status (i gang, opnået, ændret) starts "i gang" unless the worker says
otherwise, and every change of status is one dated step of its history; saving a new version with the
status unchanged adds no step, so the history is the dates the status really changed.
"""

from dataclasses import dataclass
from datetime import date

from .dimensions import GoalStatus


@dataclass(frozen=True)
class Previous:
    status: str
    status_on: date | None
    started_on: date | None


@dataclass(frozen=True)
class Step:
    """What saving a goal does to its status: the values to keep on the new version and, if the status
    changed (or the goal is new), the step to add to its history."""

    status: str
    status_on: date | None  # None only for a goal saved before statuses were kept, left unchanged
    started_on: date | None  # None: a goal saved before statuses were kept (its start is not known)
    record: bool
    started: bool


def status_step(previous: Previous | None, *, status: str | None, on: date | None, today: date) -> Step:
    """The goal's status after a save. ``previous`` is the goal of the same dimension in the version
    before (None: a new goal); ``status`` the one chosen (None: unchanged, or "i gang" for a new goal);
    ``on`` the date of a change (None: today)."""
    when = on or today
    if previous is None:
        chosen = GoalStatus(status) if status else GoalStatus.IN_PROGRESS
        return Step(chosen.value, when, when, record=True, started=True)
    chosen = GoalStatus(status) if status else GoalStatus(previous.status)
    if chosen.value == previous.status:
        return Step(previous.status, previous.status_on, previous.started_on, record=False, started=False)
    return Step(chosen.value, when, previous.started_on, record=True, started=False)


def histories(steps) -> dict[str, list]:
    """Each dimension's current goal's steps, oldest first, from steps given oldest first as objects with
    ``dimension`` and ``started``: a step that starts a goal begins its history anew."""
    out: dict[str, list] = {}
    for s in steps:
        if s.started or s.dimension not in out:
            out[s.dimension] = []
        out[s.dimension].append(s)
    return out
