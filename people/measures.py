"""The measures of homelessness on a day or over a window, from dated history, as the leaders' front page
and the figures page show them (one definition each). No Django.

Each measure is computed from the same dated history the by-name list keeps (status changes and
situation periods), so "now" and "a year ago" are counted by one rule:

- homeless on a day: the person's status that day is active on the by-name list and the situation
  period covering the day is one of the national count's nine (people/situations.py HOMELESS);
- at a § 110 shelter: homeless on the day in the shelter situation; the stay's days run from the start
  of the unbroken shelter spell;
- long-term: homeless on the day in a spell that began at least 183 (6 months) or 365 days before;
- young: homeless on the day and 18-24 years old (from the birth date, else the age reached in the year);
- hit by homelessness in a window: a homeless situation period overlaps the window (distinct people,
  seed 002's "hvem og hvor mange rammes af hjemløshed i løbet af et år");
- days from identification to own home: the changes from an active status to "housed", with the days
  on the list the change recorded (mean and median; Built for Zero's reference is 45 days on average).
"""

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from statistics import median

from .durations import Period, age_on, current_spell_start, spell_start, union_days
from .situations import HOMELESS, SHELTER
from .statuses import ACTIVE

LONG_TERM_DAYS = {"6": 183, "12": 365}
YOUNG = (18, 24)


@dataclass
class History:
    """One person's dated history."""

    statuses: list[tuple[date, str]] = field(default_factory=list)  # (changed_on, status), in id order
    periods: list[Period] = field(default_factory=list)
    birth_date: date | None = None
    birth_year: int | None = None

    def __post_init__(self):
        # The homeless periods alone: most days most people have none covering them, which is checked first.
        self.homeless = [(p.start, p.end) for p in self.periods if p.situation in HOMELESS]
        # By date only, keeping the order given (the database's id order) for changes on the same day.
        self.statuses = sorted(self.statuses, key=lambda change: change[0])
        self._days = [d for d, _ in self.statuses]

    def status_on(self, day: date) -> str | None:
        i = bisect_right(self._days, day)
        return self.statuses[i - 1][1] if i else None

    def situation_on(self, day: date) -> str | None:
        """The situation of the period covering the day (from its start up to, not including, its end);
        of overlapping periods the one that began last."""
        best = None
        for p in self.periods:
            if p.start <= day and (p.end is None or day < p.end) and (best is None or p.start >= best.start):
                best = p
        return best.situation if best else None

    def age_on(self, day: date) -> int | None:
        return age_on(self.birth_date, self.birth_year, day)

    def homeless_situation_on(self, day: date) -> str | None:
        """The count's situation when the person is homeless on the day and active on the list, else None."""
        if not any(s <= day and (e is None or day < e) for s, e in self.homeless):
            return None
        if self.status_on(day) not in ACTIVE:
            return None
        situation = self.situation_on(day)
        return situation if situation in HOMELESS else None


def on_day(people: list[History], day: date) -> dict:
    """Counts on one day: homeless (by situation), at a shelter (and the stays' days), long-term, young."""
    by_situation: dict[str, int] = {}
    shelter_days: list[int] = []
    long_term = dict.fromkeys(LONG_TERM_DAYS, 0)
    young = 0
    for h in people:
        situation = h.homeless_situation_on(day)
        if situation is None:
            continue
        by_situation[situation] = by_situation.get(situation, 0) + 1
        if situation in SHELTER:
            start = spell_start(h.periods, day, SHELTER)
            shelter_days.append((day - start).days if start else 0)
        spell = current_spell_start(h.periods, day)
        for key, days in LONG_TERM_DAYS.items():
            if spell is not None and (day - spell).days >= days:
                long_term[key] += 1
        age = h.age_on(day)
        if age is not None and YOUNG[0] <= age <= YOUNG[1]:
            young += 1
    return {
        "homeless": sum(by_situation.values()),
        "by_situation": by_situation,
        "shelter": len(shelter_days),
        "shelter_days_mean": round(sum(shelter_days) / len(shelter_days)) if shelter_days else None,
        "shelter_days_median": round(median(shelter_days)) if shelter_days else None,
        "long_term_6": long_term["6"],
        "long_term_12": long_term["12"],
        "young": young,
    }


def hit_between(people: list[History], start: date, end: date) -> int:
    """Distinct people with a homeless situation period overlapping [start, end] (both days included)."""
    return sum(1 for h in people if any(s <= end and (e is None or e > start) for s, e in h.homeless))


def shelter_days_between(people: list[History], start: date, end: date) -> int:
    """Days spent at a § 110 shelter within [start, end), a day counted once per person (overlapping
    periods are joined before their days are counted)."""
    return sum(
        union_days(
            [
                (max(p.start, start), min(p.end or end, end))
                for p in h.periods
                if p.situation in SHELTER and p.start < end and (p.end is None or p.end > start)
            ]
        )
        for h in people
    )


def days_to_housing(housed: list[tuple[date, int | None]], start: date, end: date) -> dict:
    """Mean and median days on the list of the moves into an own home dated within [start, end]."""
    days = [d for on, d in housed if start <= on <= end and d is not None]
    return {
        "count": len(days),
        "mean": round(sum(days) / len(days)) if days else None,
        "median": round(median(days)) if days else None,
    }


def month_ends(today: date, months: int) -> list[date]:
    """The last day of each of the ``months`` months up to today's, the current month ending today."""
    out = [today]
    first = today.replace(day=1)
    for _ in range(months - 1):
        last = first - timedelta(days=1)
        out.append(last)
        first = last.replace(day=1)
    return list(reversed(out))


def year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def earliest_day(today: date, months: int) -> date:
    """The first day any measure of ``compute`` looks at: the 12-month window before the series' first
    month end, or before the day a year ago, whichever is earlier."""
    return min(year_before(month_ends(today, months)[0]), year_before(year_before(today)))


def relevant(h: History, earliest: date) -> bool:
    """Whether a person can count in any measure from ``earliest`` on: a homeless period reaches it."""
    return any(p.situation in HOMELESS and (p.end is None or p.end > earliest) for p in h.periods)


def compute(
    people: list[History], housed: list[tuple[date, int | None]], *, today: date, months: int = 24
) -> dict:
    """Every measure now and a year ago, and the month-end series behind the charts."""
    earliest = earliest_day(today, months)
    people = [h for h in people if relevant(h, earliest)]
    ago = year_before(today)
    series = []
    for end in month_ends(today, months):
        row = on_day(people, end)
        start = year_before(end) + timedelta(days=1)
        row["month"] = end.isoformat()
        row["hit_12m"] = hit_between(people, start, end)
        row["days_to_housing_12m"] = days_to_housing(housed, start, end)["mean"]
        series.append(row)

    def window(end: date) -> dict:
        start = year_before(end) + timedelta(days=1)
        return {
            "hit": hit_between(people, start, end),
            "shelter_days": shelter_days_between(people, start, end + timedelta(days=1)),
            "to_housing": days_to_housing(housed, start, end),
        }

    return {
        "today": today.isoformat(),
        "a_year_ago": ago.isoformat(),
        "now": on_day(people, today) | {"window": window(today)},
        "then": on_day(people, ago) | {"window": window(ago)},
        "to_housing_all": days_to_housing(housed, date.min, today),
        "series": series,
    }
