"""CTI's time frame: 9 months from the start, a contact period, then three equally long phases
(seed 004, ch. 4). No Django import.

Decision: the contact period lies inside the 9 months (the seed: "en samlet periode på ni måneder ...
opdelt i tre lige lange faser og en kontaktskabelsesperiode, der ligger før 1. fase"). Its length is
configured in months (DEFAULTS["CTI_CONTACT_MONTHS"]); the three phases split the remaining DAYS equally,
any left-over day going to the earliest phases, so the last phase ends exactly on the 9-month date.
Months are calendar months clamped to the month's end: 31 January + 1 month is 28 (or 29) February.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

PHASES = ("contact", "phase_1", "phase_2", "phase_3")
LABELS = {
    "contact": "Kontaktskabelsesperiode",
    "phase_1": "1. fase: Overgang til egen bolig",
    "phase_2": "2. fase: Afprøvning",
    "phase_3": "3. fase: Overdragelse af støtte",
    "after": "Efter de 9 måneder",
    "before": "Ikke begyndt",
}


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it has fewer days (leap years included)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Period:
    key: str
    start: date
    end: date  # exclusive: the day the next period begins

    @property
    def label(self) -> str:
        return LABELS[self.key]

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def days(self) -> int:
        return (self.end - self.start).days


def periods(start: date, *, total_months: int, contact_months: int) -> list[Period]:
    if not 0 <= contact_months < total_months:
        raise ValueError("The contact period must be shorter than the whole CTI course.")
    contact_end = add_months(start, contact_months)
    end = add_months(start, total_months)
    remaining = (end - contact_end).days
    base, extra = divmod(remaining, 3)
    out = [Period("contact", start, contact_end)] if contact_months else []
    begin = contact_end
    for i, key in enumerate(PHASES[1:]):
        length = base + (1 if i < extra else 0)
        out.append(Period(key, begin, begin + timedelta(days=length)))
        begin += timedelta(days=length)
    assert begin == end
    return out


def current(start: date, on: date, *, total_months: int, contact_months: int) -> str:
    """The key of the period ``on`` falls in: 'before', a period key or 'after' (the 9 months are over)."""
    if on < start:
        return "before"
    for p in periods(start, total_months=total_months, contact_months=contact_months):
        if p.start <= on < p.end:
            return p.key
    return "after"


def planned_end(start: date, *, total_months: int) -> date:
    """The first day after the course: the 9-month date."""
    return add_months(start, total_months)
