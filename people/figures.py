"""Monthly figures for the by-name list from aggregated rows. No Django import.

Inflow: changes into an active status. Outflow: changes from an active to a closed status. The
number active at a month's end is the number active before the window plus the running difference.
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class MonthRow:
    month: date  # first day of the month
    inflow: int
    outflow: int
    active_end: int
    at_shelter_end: int


def month_start(d: date) -> date:
    return d.replace(day=1)


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    return date(d.year + y, m + 1, 1)


def month_end(d: date) -> date:
    return date.fromordinal(add_months(d, 1).toordinal() - 1)


def months_between(first: date, last: date) -> list[date]:
    out, cur = [], month_start(first)
    while cur <= month_start(last):
        out.append(cur)
        cur = add_months(cur, 1)
    return out


def shelter_counts(spans: list[tuple[date, date | None]], months: list[date], today: date) -> dict[date, int]:
    """People at a § 110 shelter on the last day of each month (or today for the current month)."""
    counts = {}
    for m in months:
        day = min(month_end(m), today)
        counts[m] = sum(1 for start, end in spans if start <= day and (end is None or end > day))
    return counts


def monthly_series(
    *,
    months: list[date],
    inflow: dict[date, int],
    outflow: dict[date, int],
    active_before: int,
    shelter: dict[date, int],
) -> list[MonthRow]:
    rows, active = [], active_before
    for m in months:
        i, o = inflow.get(m, 0), outflow.get(m, 0)
        active += i - o
        rows.append(MonthRow(m, i, o, active, shelter.get(m, 0)))
    return rows


AGE_GROUPS = [
    ("u18", "Under 18", 0, 17),
    ("18-24", "18-24", 18, 24),
    ("25-29", "25-29", 25, 29),
    ("30-39", "30-39", 30, 39),
    ("40-49", "40-49", 40, 49),
    ("50-59", "50-59", 50, 59),
    ("60+", "60 og derover", 60, 200),
]

# Time-homeless buckets for the list filter, in days.
DURATION_BUCKETS = [
    ("lt3m", "Under 3 måneder", 0, 90),
    ("3-12m", "3-12 måneder", 91, 365),
    ("1-2y", "1-2 år", 366, 730),
    ("gt2y", "Over 2 år", 731, None),
    # Long-term homelessness as the leader's front page counts it (steering/measures.py).
    ("gt6m", "Over 6 måneder", 183, None),
    ("gt12m", "Over 12 måneder", 365, None),
]


def birth_date_range(today: date, min_age: int, max_age: int) -> tuple[date, date]:
    """Birth dates of people aged min_age..max_age today (inclusive)."""

    def years_ago(n):
        try:
            return today.replace(year=today.year - n)
        except ValueError:  # 29 February
            return today.replace(year=today.year - n, day=28)

    latest = years_ago(min_age)
    earliest = date.fromordinal(years_ago(max_age + 1).toordinal() + 1)
    return earliest, latest
