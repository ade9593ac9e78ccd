"""Writes on homes. Moving in records 'own home' (and so 'housed' on the by-name list); losing a home
returns the person to the list; support is never touched here (principle 5, seed 004 ch. 2)."""
from datetime import date

from django.db import IntegrityError, transaction

from audit.models import Action
from people import services as people_services
from people.models import Person
from people.services import Actor, PersonDataError
from people.situations import HOMELESS, AT_RISK

from .models import DEFAULT_UNIT_TYPES, Tenancy, TenancyEndReason, Unit, UnitType


def unit_types_ensure_defaults(municipality) -> None:
    for code, name, ordinary, social in DEFAULT_UNIT_TYPES:
        UnitType.objects.get_or_create(municipality=municipality, code=code,
                                       defaults={"name": name, "ordinary_building": ordinary, "social_family_home": social})


@transaction.atomic
def tenancy_start(*, actor: Actor, person: Person, starts_on: date, unit: Unit | None = None, address: str = "") -> Tenancy:
    if unit is None and not address.strip():
        raise PersonDataError("address", "Angiv boligen eller en adresse.")
    if unit is not None and unit.municipality_id != person.municipality_id:
        raise PersonDataError("unit", "Boligen hører ikke til kommunen.")
    try:
        with transaction.atomic():
            tenancy = Tenancy.objects.create(
                municipality=person.municipality, person=person, unit=unit, address=address or (unit.address if unit else ""),
                starts_on=starts_on, created_by=actor.user if getattr(actor.user, "pk", None) else None,
            )
    except IntegrityError as exc:
        raise PersonDataError("unit", "Boligen eller borgeren har allerede et aktivt lejemål.") from exc
    people_services.situation_record(actor=actor, person=person, situation="own_home", start_date=starts_on,
                                     place=tenancy.address, status_reason="Flyttet ind i egen bolig")
    people_services._log(actor, Action.CREATE, "Indflytning i bolig", person.pk, changes={"tenancy": ["", tenancy.address]})
    return tenancy


@transaction.atomic
def tenancy_end(*, actor: Actor, tenancy: Tenancy, ends_on: date, reason: str, next_situation: str = "", place: str = "") -> Tenancy:
    """End a lease. If the person has nowhere else to live, record the situation they are in now: they
    return to the by-name list as 'returned from housing'. Support episodes continue (principle 5)."""
    TenancyEndReason(reason)
    if ends_on < tenancy.starts_on:
        raise PersonDataError("ends_on", "Fraflytning kan ikke ligge før indflytning.")
    tenancy = Tenancy.objects.select_for_update().get(pk=tenancy.pk)
    if tenancy.ends_on:
        raise PersonDataError("ends_on", "Lejemålet er allerede afsluttet.")
    tenancy.ends_on, tenancy.end_reason = ends_on, reason
    tenancy.save(update_fields=["ends_on", "end_reason"])
    if next_situation:
        if next_situation not in HOMELESS | AT_RISK and next_situation != "own_home":
            raise PersonDataError("next_situation", "Ukendt situation.")
        people_services.situation_record(actor=actor, person=tenancy.person, situation=next_situation,
                                         start_date=ends_on, place=place, status_reason="Mistet bolig")
    people_services._log(actor, Action.UPDATE, "Fraflytning", tenancy.person_id,
                         changes={"tenancy": [tenancy.address, f"afsluttet {ends_on} ({reason})"]})
    return tenancy
