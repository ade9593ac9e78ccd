"""One rule for the dates people type in (issue 9 item 15), used by every form, service and import.

Two kinds of dates:
- a date of something that happened (a situation began, a contact, a status change, a move-in, a
  hand-over, a birth): never after today;
- a date of something planned (a plan review, a committee meeting, a deadline): may lie ahead, but
  within a horizon, so a typo such as 31.12.9999 never reaches a page that computes with it.
Every date must also lie after EARLIEST (no citizen's history starts before 1900).

The checks return a Danish message (translated at call time) or None; the caller raises its own
domain error with the field name, so the message lands on the right field of the right form.
"""

from datetime import date

from django.utils.translation import gettext as _

EARLIEST = date(1900, 1, 1)
PLANNED_YEARS_AHEAD = 5


def _too_early(value: date) -> str | None:
    if value < EARLIEST:
        return _("Datoen ligger før %(earliest)s.") % {"earliest": EARLIEST.strftime("%d.%m.%Y")}
    return None


def happened_problem(value: date | None, *, today: date) -> str | None:
    """A date of something that has happened: between 1900 and today."""
    if value is None:
        return None
    if value > today:
        return _("Datoen ligger i fremtiden.")
    return _too_early(value)


def planned_problem(value: date | None, *, today: date, years_ahead: int = PLANNED_YEARS_AHEAD) -> str | None:
    """A date of something planned: between 1900 and a few years ahead."""
    if value is None:
        return None
    if value > latest_planned(today, years_ahead):
        return _("Datoen ligger mere end %(years)s år ude i fremtiden.") % {"years": years_ahead}
    return _too_early(value)


def latest_planned(today: date, years_ahead: int = PLANNED_YEARS_AHEAD) -> date:
    try:
        return today.replace(year=today.year + years_ahead)
    except ValueError:  # 29 February
        return today.replace(year=today.year + years_ahead, day=28)
