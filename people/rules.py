"""The rules for a person's values, one per field (issue 9 item 15): the forms (through the services),
the services and the import of an existing list all check a field here, so a value refused on one
path is refused on every path.

Dates of things that happened (a birth, a situation's start, a contact, a status change, the day a
person was identified or put on the needs list) follow core.dates: not after today, not before 1900.
A birth date that contradicts the CPR number is refused, never silently replaced by the CPR's.

Each check returns a list of (field, Danish message); the caller raises its own error (services) or
adds a row error (import).
"""

from datetime import date

from django.utils.translation import gettext as _

from core.dates import EARLIEST, happened_problem

Problems = list[tuple[str, str]]


def happened(field: str, value: date | None, *, today: date) -> Problems:
    """A date of something that has happened: between 1900 and today."""
    message = happened_problem(value, today=today)
    return [(field, message)] if message else []


def birth_problems(
    *, birth_date: date | None, birth_year: int | None, cpr_birth_date: date | None, today: date
) -> Problems:
    """Birth date and year: not in the future, not before 1900, agreeing with the CPR and each other."""
    problems = happened("birth_date", birth_date, today=today)
    if birth_date and cpr_birth_date and birth_date != cpr_birth_date:
        problems.append(
            (
                "birth_date",
                _("Fødselsdatoen passer ikke med CPR-nummeret (%(date)s).")
                % {"date": cpr_birth_date.strftime("%d.%m.%Y")},
            )
        )
    if birth_year is not None:
        if not EARLIEST.year <= birth_year <= today.year:
            problems.append(
                (
                    "birth_year",
                    _("Angiv fødselsåret mellem %(first)s og %(last)s.")
                    % {"first": EARLIEST.year, "last": today.year},
                )
            )
        elif (birth_date or cpr_birth_date) and birth_year != (birth_date or cpr_birth_date).year:
            problems.append(("birth_year", _("Fødselsåret passer ikke med fødselsdatoen.")))
    return problems


def after_birth(field: str, value: date | None, *, birth_date: date | None) -> Problems:
    """A date in a person's history cannot lie before their birth."""
    if value and birth_date and value < birth_date:
        return [(field, _("Datoen ligger før borgerens fødsel."))]
    return []


# Contact kinds, as people.models.ContactKind's values: repeated here so the rules stay free of models.
CONTACT_KINDS = frozenset(
    {"meeting", "outreach", "home_visit", "phone", "text", "note_at_door", "shelter", "hospital", "prison"}
)
CONTACT_NOTE_MAX = 500


def contact_problems(*, kind: str, note: str) -> Problems:
    """A contact or attempt: a known kind and a short note (the form's limits, so every path agrees)."""
    problems: Problems = []
    if kind not in CONTACT_KINDS:
        problems.append(("kind", _("Vælg kontaktformen.")))
    if len(note or "") > CONTACT_NOTE_MAX:
        problems.append(("note", _("Skriv højst %(max)s tegn i noten.") % {"max": CONTACT_NOTE_MAX}))
    return problems
