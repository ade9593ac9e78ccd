"""Time homeless and time at a § 110 shelter, computed from dated situation history, never typed.
No Django import."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .situations import HOMELESS, SHELTER


@dataclass(frozen=True)
class Period:
    situation: str
    start: date
    end: date | None  # None: still going on


def _clip(periods: Iterable[Period], kinds, today: date) -> list[tuple[date, date]]:
    spans = []
    for p in periods:
        if p.situation in kinds and p.start <= today:
            end = min(p.end or today, today)
            if end >= p.start:
                spans.append((p.start, end))
    return spans


def union_days(spans: list[tuple[date, date]]) -> int:
    """Days covered by the union of spans; a day is counted once even if periods overlap.
    A period runs from its start up to (not including) its end date; an open one up to today."""
    total = 0
    cur_start = cur_end = None
    for start, end in sorted(spans):
        if cur_end is None or start > cur_end:
            if cur_end is not None:
                total += (cur_end - cur_start).days
            cur_start, cur_end = start, end
        else:
            cur_end = max(cur_end, end)
    if cur_end is not None:
        total += (cur_end - cur_start).days
    return total


def days_homeless(periods: Iterable[Period], today: date) -> int:
    return union_days(_clip(periods, HOMELESS, today))


def days_at_shelter(periods: Iterable[Period], today: date) -> int:
    return union_days(_clip(periods, SHELTER, today))


def spell_start(periods: Iterable[Period], today: date, kinds=HOMELESS) -> date | None:
    """Start of the spell of ``kinds`` going on today (homelessness unless told otherwise): periods joined
    where they overlap or follow each other (a gap of at most one day does not break it); None when no
    such period covers today."""
    periods = list(periods)
    if not any(
        p.situation in kinds and p.start <= today and (p.end is None or p.end > today) for p in periods
    ):
        return None
    # Join the spans in start order; the last joined run is the one that reaches today.
    start = end = None
    for s, e in sorted(_clip(periods, kinds, today)):
        if end is None or s > end + timedelta(days=1):
            start, end = s, e
        else:
            end = max(end, e)
    return start


def current_spell_start(periods: Iterable[Period], today: date) -> date | None:
    """Start of the homelessness spell going on today (``homeless_since`` on the by-name list)."""
    return spell_start(periods, today, HOMELESS)


def age_on(birth_date: date | None, birth_year: int | None, day: date) -> int | None:
    """Age on a day from the birth date; with only a birth year, the age reached in the day's year (the
    by-name list's age groups count the same way)."""
    if birth_date:
        return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))
    if birth_year:
        return day.year - birth_year
    return None
