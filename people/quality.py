"""The by-name list's quality (issue 12 item 3): Built for Zero's by-name list scorecard applied to the
platform's own data. No Django import.

A list is only as good as its quality, so the figures page shows beside the figures how many people on
the active list (people/statuses.py ACTIVE) fail each check, with a link to the by-name list showing
exactly them. The database counts (people.selectors.list_quality, one aggregate per municipality); the
rules are here, in plain functions, so the SQL can be checked against them on generated data:

- possible duplicates: two or more people on the active list with the same name (folded as the search
  folds it, word order ignored) and the same birth year (or both without one), unless they all have a
  CPR number: two different CPR numbers are two citizens (the unique constraint keeps one per number);
- no update: no situation or contact recorded for the municipality's inactivity window
  (INACTIVE_AFTER_DAYS, the rule of people.statuses.becomes_inactive), or no activity date at all: the
  daily job marks the first kind inactive, and never the second, so either means the list is not kept;
- no birth year (neither a birth date nor a birth year) and no situation (no open situation period);
- no worker: nobody is one of the citizen's own workers (Person.workers, the one "own worker" rule that
  support's visitation and episodes also write);
- silent shelters: a § 110 shelter must notify the municipality of a stay within 3 working days (the
  homelessness reform, DOMAIN.md), so a shelter that has reported stays in the past year and none in the
  last N days (SHELTER_SILENT_AFTER_DAYS) may have stopped reporting. The platform has no register of
  shelters: a shelter is the place ("sted") named on § 110 situation periods, folded like names so
  "Forsorgshjemmet" and "forsorgshjemmet " are one; a stay without a place cannot be attributed. The
  people to check are those on the active list whose open § 110 stay is at such a shelter.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .search import fold


class Check(StrEnum):
    DUPLICATES = "duplicates"
    NO_UPDATE = "no_update"
    NO_BIRTH_YEAR = "no_birth_year"
    NO_SITUATION = "no_situation"
    NO_WORKER = "no_worker"
    SILENT_SHELTER = "silent_shelter"


def name_key(first_name: str, last_name: str) -> str:
    """The name duplicates are grouped on: first and last name folded as the search folds them
    ("Søren", "Soren", "Soeren" are one name), in word order ("Hansen Jens" is "Jens Hansen").
    Empty for a person known by initials only: initials alone are too weak to call two people one."""
    return " ".join(sorted(fold(f"{first_name or ''} {last_name or ''}").split()))[:250]


def inactivity_cutoff(today: date, after_days: int) -> date:
    """The last day of activity that makes a person due to become inactive today (the daily job's rule:
    ``last_activity_on <= cutoff``, people.services.mark_inactive)."""
    return today - timedelta(days=after_days)


def is_without_update(last_activity: date | None, *, today: date, after_days: int) -> bool:
    return last_activity is None or last_activity <= inactivity_cutoff(today, after_days)


@dataclass(frozen=True)
class ListPerson:
    """What the checks read of one person on the active list."""

    id: int
    name_key: str
    birth_year: int | None
    has_cpr: bool


def possible_duplicates(people: list[ListPerson]) -> set[int]:
    """The ids of the people in a group of possible duplicates (the explained path the SQL follows):
    the same name key and birth year, at least two people, and at least one of them without a CPR
    number (people who all have one are different citizens)."""
    groups: dict[tuple[str, int | None], list[ListPerson]] = defaultdict(list)
    for p in people:
        if p.name_key:
            groups[(p.name_key, p.birth_year)].append(p)
    return {
        p.id
        for members in groups.values()
        if len(members) > 1 and any(not m.has_cpr for m in members)
        for p in members
    }


def shelter_key(place: str) -> str:
    return fold(place)


@dataclass(frozen=True)
class Shelter:
    name: str  # the place as most often written
    places: tuple[str, ...]  # every spelling that folds to it, as stored
    last_report: date
    days_silent: int


def silent_shelters(
    reports: list[tuple[str, date, int]], *, today: date, silent_after_days: int
) -> list[Shelter]:
    """Shelters with no stay reported for ``silent_after_days`` days, longest silent first.

    ``reports``: (place as stored, latest stay start there, stays there) for the § 110 stays of the
    lookback period, one row per stored spelling. Spellings that fold alike are one shelter, whose
    last report is the latest of them; a place that folds to nothing is no shelter."""
    grouped: dict[str, list[tuple[str, date, int]]] = defaultdict(list)
    for place, last, stays in reports:
        key = shelter_key(place)
        if key:
            grouped[key].append((place, last, stays))
    shelters = []
    for rows in grouped.values():
        last = max(r[1] for r in rows)
        days = (today - last).days
        if days >= silent_after_days:
            name = max(rows, key=lambda r: (r[2], r[0]))[0].strip()
            shelters.append(Shelter(name, tuple(sorted(r[0] for r in rows)), last, days))
    return sorted(shelters, key=lambda s: (-s.days_silent, s.name))


def share(count: int, active: int) -> float | None:
    """Percent of the active list, one decimal; None when the list is empty."""
    if not active:
        return None
    return round(100 * count / active, 1)
