"""Affordability, the one hard rule of putting a citizen into a home (seed 004, ch. 2, principle 1): rent
and utilities minus estimated housing benefit (housing/benefit.py) must be within what the citizen can
pay. Every path that puts a citizen into a home checks it here: the offer steps and the committee's
decision (allocation/services.py) and moving in without an offer (housing.services.tenancy_start)."""

from django.utils.translation import gettext as _

from housing.errors import HousingDataError
from people.models import NeedsListEntry, Person

from . import benefit
from .conf import benefit_params

# Stored in the offer's event log, which stays Danish like the other event texts.
NOT_CHECKED = "betalingsevne ikke registreret: ikke kontrolleret"

# The household facts of the estimate are recorded with the citizen's allocation profile
# (allocation.CandidateProfile), read here through its relation to the person so that homes do not
# depend on the allocation app; without a profile: one adult, no children, no pension, income unknown.
_HOUSEHOLD = {
    "allocation_profile__monthly_income": ("monthly_income", None),
    "allocation_profile__adults": ("adults", 1),
    "allocation_profile__children": ("children", 0),
    "allocation_profile__pension": ("pension", benefit.PENSION_NONE),
}


def _household(person: Person) -> dict:
    row = (
        Person.objects.filter(municipality_id=person.municipality_id, pk=person.pk)
        .values(*_HOUSEHOLD)
        .first()
        or {}
    )
    return {
        name: default if row.get(key) is None else row[key] for key, (name, default) in _HOUSEHOLD.items()
    }


def payment_for(person: Person, unit) -> benefit.Payment | None:
    """What the citizen would pay for the home after estimated housing benefit (the rule
    affordability_check enforces); None when no open needs list entry records what they can pay."""
    entry = NeedsListEntry.objects.filter(
        municipality_id=person.municipality_id, person_id=person.pk, removed_on__isnull=True
    ).first()
    if entry is None:
        return None
    return benefit.payment(
        rent=unit.rent,
        utilities=unit.utilities,
        size_m2=unit.size_m2,
        can_pay=entry.max_rent,
        params=benefit_params(),
        **_household(person),
    )


def affordability_check(*, person: Person, unit, field: str = "person") -> benefit.Payment | None:
    """Refuse, in Danish, to propose, offer, accept, sign, move in or choose a citizen for a home they
    cannot pay after estimated housing benefit. Returns the estimate; None when no open needs list entry
    records what the citizen can pay: then nothing is refused (the platform cannot know), and the caller
    flags it (NOT_CHECKED; the offer page says so too)."""
    pay = payment_for(person, unit)
    if pay is None:
        return None
    if not pay.feasible:
        raise HousingDataError(
            field,
            _(
                "%(name)s kan ikke betale boligen: husleje og forbrug %(total)s kr. minus anslået %(scheme)s %(benefit)s kr. "
                "giver %(net)s kr. om måneden, og borgeren kan betale %(can_pay)s kr. (anslået ud fra boligstøttens "
                "satser for %(year)s; ikke Udbetaling Danmarks afgørelse)."
            )
            % {
                "name": person.display_name,
                "total": _kr(pay.total),
                "scheme": pay.scheme,
                "benefit": _kr(pay.benefit),
                "net": _kr(pay.net),
                "can_pay": _kr(pay.can_pay),
                "year": pay.year,
            },
        )
    return pay


def _kr(value: int) -> str:
    return f"{value:,}".replace(",", ".")
