"""Retention after moving in (issue 4 item 7; seeds 002 and 004: 80-90 % stay housed). No Django.

A placement is a person's first move-in. "Still housed" m months later means the person lives in
their own home on that day (a tenancy or an own-home situation covers it): moving from one home to
another is still housed. Censoring: a placement counts in the m-month denominator only when m months
have passed by ``today``; a person who died before that day is left out of it (not a failure).

Returns to homelessness: the first homeless situation that begins after moving in, counted in day
windows (0-180, 181-365, 366-730). A window's denominator is the placements followed to its end.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Placement:
    moved_in: date
    housed: list[tuple[date, date | None]]  # intervals in own home, end exclusive, None = still
    first_homeless_after: date | None = None
    died_on: date | None = None
    groups: dict = field(default_factory=dict)  # dimension -> label, e.g. {"type": "Almen familiebolig"}


def add_months(d: date, months: int) -> date:
    """``months`` after ``d``; past the calendar's end (a stored 31.12.9999) the last day there is, which
    lies after any ``today``, so such a placement is simply not followed that far yet."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    if year > date.max.year:
        return date.max
    if year < date.min.year:
        return date.min
    days = [
        31,
        29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ]
    return date(year, month, min(d.day, days[month - 1]))


def housed_on(p: Placement, day: date) -> bool:
    return any(start <= day and (end is None or day < end) for start, end in p.housed)


def retention(placements: list[Placement], *, months: int, today: date) -> tuple[int, int]:
    """(still housed, denominator) at ``months`` after moving in."""
    housed = total = 0
    for p in placements:
        day = add_months(p.moved_in, months)
        if day > today or (p.died_on and p.died_on <= day):
            continue
        total += 1
        housed += housed_on(p, day)
    return housed, total


def share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def retention_table(
    placements: list[Placement], *, months_list: list[int], today: date, dimension: str | None
) -> list[dict]:
    """One row per group of ``dimension`` (all placements when None), with a cell per horizon."""
    grouped = defaultdict(list)
    for p in placements:
        grouped["I alt" if dimension is None else p.groups.get(dimension, "Uoplyst")].append(p)
    rows = []
    for label in sorted(grouped):
        cells = []
        for m in months_list:
            h, t = retention(grouped[label], months=m, today=today)
            cells.append({"months": m, "housed": h, "total": t, "share": share(h, t)})
        rows.append({"label": label, "placements": len(grouped[label]), "cells": cells})
    return rows


def returns(placements: list[Placement], *, windows: list[tuple[int, int]], today: date) -> list[dict]:
    out = []
    for low, high in windows:
        count = followed = 0
        for p in placements:
            if (today - p.moved_in).days < high:
                continue  # not followed to the window's end
            followed += 1
            if p.first_homeless_after and low <= (p.first_homeless_after - p.moved_in).days <= high:
                count += 1
        out.append(
            {
                "low": low,
                "high": high,
                "returned": count,
                "followed": followed,
                "share": share(count, followed),
            }
        )
    return out
