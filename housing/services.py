"""Writes on homes. Moving in records 'own home' (and so 'housed' on the by-name list); losing a home
returns the person to the list; support is never touched here (principle 5, seed 004 ch. 2)."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.access import Actor, actor_log
from audit.models import Action
from core.dates import happened_problem
from housing.errors import HousingDataError
from people import services as people_services
from people.models import Person
from people.situations import AT_RISK, HOMELESS

from .affordability import affordability_check
from .conf import housing_setting
from .models import (
    DEFAULT_UNIT_TYPES,
    Agreement,
    Landlord,
    LandlordKind,
    Tenancy,
    TenancyEndReason,
    Unit,
    UnitType,
    WaitingPlan,
)

LANDLORD_FIELDS = ["name", "kind", "contact_person", "phone", "email", "note"]
AGREEMENT_FIELDS = [
    "title",
    "share_percent",
    "homes_per_year",
    "starts_on",
    "ends_on",
    "contact_persons",
    "note",
]
UNIT_FIELDS = [
    "landlord",
    "unit_type",
    "address",
    "postcode",
    "area",
    "rooms",
    "size_m2",
    "rent",
    "utilities",
    "floor",
    "accessible",
    "pets_allowed",
    "shared",
    "active",
    "note",
]
UNIT_TYPE_FIELDS = ["code", "name", "ordinary_building", "social_family_home"]


def unit_types_ensure_defaults(municipality) -> None:
    for code, name, ordinary, social in DEFAULT_UNIT_TYPES:
        UnitType.objects.get_or_create(
            municipality=municipality,
            code=code,
            defaults={"name": name, "ordinary_building": ordinary, "social_family_home": social},
        )


def _happened(value: date, field: str) -> None:
    """Moving in, moving out and an eviction case are facts: not after today, not before 1900 (core.dates)."""
    problem = happened_problem(value, today=timezone.localdate())
    if problem:
        raise HousingDataError(field, problem)


def _affordable(person: Person, unit: Unit | None):
    """Moving into a home of the stock goes through the one affordability rule (affordability.py), whether
    or not an offer came first. A home outside the stock has no rent here, so nothing is checked."""
    if unit is None:
        return None
    return affordability_check(person=person, unit=unit, field="unit")


@transaction.atomic
def tenancy_start(
    *, actor: Actor, person: Person, starts_on: date, unit: Unit | None = None, address: str = ""
) -> Tenancy:
    if unit is None and not address.strip():
        raise HousingDataError("address", _("Angiv boligen eller en adresse."))
    if unit is not None and unit.municipality_id != person.municipality_id:
        raise HousingDataError("unit", _("Boligen hører ikke til kommunen."))
    _happened(starts_on, "starts_on")
    pay = _affordable(person, unit)
    try:
        with transaction.atomic():
            tenancy = Tenancy.objects.create(
                municipality=person.municipality,
                person=person,
                unit=unit,
                address=address or (unit.address if unit else ""),
                starts_on=starts_on,
                created_by=actor.user if getattr(actor.user, "pk", None) else None,
            )
    except IntegrityError as exc:
        raise HousingDataError("unit", _("Boligen eller borgeren har allerede et aktivt lejemål.")) from exc
    people_services.situation_record(
        actor=actor,
        person=person,
        situation="own_home",
        start_date=starts_on,
        place=tenancy.address,
        status_reason="Flyttet ind i egen bolig",
    )
    changes = {"tenancy": ["", tenancy.address]}
    if unit is not None and pay is None:
        changes["affordability"] = ["", "betalingsevne ikke registreret: ikke kontrolleret"]
    actor_log(actor, Action.CREATE, "Indflytning i bolig", person.pk, changes=changes)
    return tenancy


@transaction.atomic
def tenancy_end(
    *, actor: Actor, tenancy: Tenancy, ends_on: date, reason: str, next_situation: str = "", place: str = ""
) -> Tenancy:
    """End a lease. If the person has nowhere else to live, record the situation they are in now: they
    return to the by-name list as 'returned from housing'. Support episodes continue (principle 5)."""
    TenancyEndReason(reason)
    _happened(ends_on, "ends_on")
    if ends_on < tenancy.starts_on:
        raise HousingDataError("ends_on", _("Fraflytning kan ikke ligge før indflytning."))
    tenancy = Tenancy.objects.select_for_update().get(pk=tenancy.pk)
    if tenancy.ends_on:
        raise HousingDataError("ends_on", _("Lejemålet er allerede afsluttet."))
    tenancy.ends_on, tenancy.end_reason = ends_on, reason
    tenancy.save(update_fields=["ends_on", "end_reason"])
    if next_situation:
        if next_situation not in HOMELESS | AT_RISK and next_situation != "own_home":
            raise HousingDataError("next_situation", _("Ukendt situation."))
        people_services.situation_record(
            actor=actor,
            person=tenancy.person,
            situation=next_situation,
            start_date=ends_on,
            place=place,
            status_reason="Mistet bolig",
        )
    actor_log(
        actor,
        Action.UPDATE,
        "Fraflytning",
        tenancy.person_id,
        changes={"tenancy": [tenancy.address, f"afsluttet {ends_on} ({reason})"]},
    )
    return tenancy


def _assign(obj, fields: list[str], data: dict) -> None:
    for key in fields:
        if key in data:
            setattr(obj, key, data[key])


def _same_municipality(actor: Actor, obj, field: str) -> None:
    if obj is not None and obj.municipality_id != actor.municipality.pk:
        raise HousingDataError(field, _("Valget hører ikke til kommunen."))


# --- landlords ------------------------------------------------------------------------------------------


def _validate_landlord(landlord: Landlord) -> None:
    if not landlord.name.strip():
        raise HousingDataError("name", _("Angiv udlejerens navn."))
    LandlordKind(landlord.kind)
    clash = Landlord.objects.filter(
        municipality_id=landlord.municipality_id, name__iexact=landlord.name.strip()
    )
    if clash.exclude(pk=landlord.pk).exists():
        raise HousingDataError("name", _("Der findes allerede en udlejer med dette navn."))


@transaction.atomic
def landlord_create(*, actor: Actor, **data) -> Landlord:
    landlord = Landlord(municipality=actor.municipality)
    _assign(landlord, LANDLORD_FIELDS, data)
    _validate_landlord(landlord)
    landlord.save()
    return landlord


@transaction.atomic
def landlord_update(*, actor: Actor, landlord: Landlord, **data) -> Landlord:
    _same_municipality(actor, landlord, "name")
    landlord = Landlord.objects.select_for_update().get(pk=landlord.pk)
    _assign(landlord, LANDLORD_FIELDS, data)
    _validate_landlord(landlord)
    landlord.save()
    return landlord


# --- agreements -----------------------------------------------------------------------------------------


def _validate_agreement(agreement: Agreement) -> None:
    """Almenboligloven § 59: up to 25 % (LEGAL_ALLOCATION_SHARE) of vacant social family homes by law;
    a larger share exists only by agreement, so its basis must be written in the note."""
    if not agreement.title.strip():
        raise HousingDataError("title", _("Angiv aftalens titel."))
    if agreement.share_percent is None and agreement.homes_per_year is None:
        raise HousingDataError(
            "share_percent", _("Angiv enten andelen af ledige boliger eller antal boliger pr. år.")
        )
    if agreement.share_percent is not None and not (0 < agreement.share_percent <= 100):
        raise HousingDataError("share_percent", _("Andelen af ledige boliger skal være mellem 0 og 100 %."))
    if agreement.homes_per_year is not None and agreement.homes_per_year < 1:
        raise HousingDataError("homes_per_year", _("Antal boliger pr. år skal være mindst 1."))
    if agreement.ends_on and agreement.ends_on < agreement.starts_on:
        raise HousingDataError("ends_on", _("Aftalen kan ikke slutte før den begynder."))
    legal = housing_setting("LEGAL_ALLOCATION_SHARE")
    is_organisation = agreement.landlord.kind == LandlordKind.HOUSING_ORGANISATION
    if (
        is_organisation
        and agreement.share_percent is not None
        and agreement.share_percent > legal
        and not agreement.note.strip()
    ):
        raise HousingDataError(
            "note",
            _(
                "En andel over %(legal)s %% af de ledige almene familieboliger går ud over almenboligloven § 59: "
                "beskriv aftalegrundlaget (fx den aftale med boligorganisationen, der giver den højere andel) i noten."
            )
            % {"legal": legal},
        )


@transaction.atomic
def agreement_create(*, actor: Actor, landlord: Landlord, **data) -> Agreement:
    _same_municipality(actor, landlord, "title")
    agreement = Agreement(municipality=actor.municipality, landlord=landlord)
    _assign(agreement, AGREEMENT_FIELDS, data)
    _validate_agreement(agreement)
    agreement.save()
    return agreement


@transaction.atomic
def agreement_update(*, actor: Actor, agreement: Agreement, **data) -> Agreement:
    _same_municipality(actor, agreement, "title")
    agreement = Agreement.objects.select_for_update().select_related("landlord").get(pk=agreement.pk)
    _assign(agreement, AGREEMENT_FIELDS, data)
    _validate_agreement(agreement)
    agreement.save()
    return agreement


# --- unit types and units -------------------------------------------------------------------------------


def _validate_unit_type(unit_type: UnitType) -> None:
    if not unit_type.name.strip():
        raise HousingDataError("name", _("Angiv boligtypens navn."))
    if not unit_type.code.strip():
        raise HousingDataError("code", _("Angiv en kode (små bogstaver, tal og bindestreg)."))
    clash = UnitType.objects.filter(municipality_id=unit_type.municipality_id, code=unit_type.code)
    if clash.exclude(pk=unit_type.pk).exists():
        raise HousingDataError("code", _("Der findes allerede en boligtype med denne kode."))


@transaction.atomic
def unit_type_create(*, actor: Actor, **data) -> UnitType:
    unit_type = UnitType(municipality=actor.municipality)
    _assign(unit_type, UNIT_TYPE_FIELDS, data)
    _validate_unit_type(unit_type)
    unit_type.save()
    return unit_type


@transaction.atomic
def unit_type_update(*, actor: Actor, unit_type: UnitType, **data) -> UnitType:
    _same_municipality(actor, unit_type, "name")
    unit_type = UnitType.objects.select_for_update().get(pk=unit_type.pk)
    _assign(unit_type, UNIT_TYPE_FIELDS, data)
    _validate_unit_type(unit_type)
    unit_type.save()
    return unit_type


def _validate_unit(actor: Actor, unit: Unit) -> None:
    _same_municipality(actor, unit.landlord, "landlord")
    _same_municipality(actor, unit.unit_type, "unit_type")
    if not unit.address.strip():
        raise HousingDataError("address", _("Angiv boligens adresse."))
    if unit.postcode and not (len(unit.postcode) == 4 and unit.postcode.isdigit()):
        raise HousingDataError("postcode", _("Postnummeret skal være fire cifre."))
    if unit.rooms < 1:
        raise HousingDataError("rooms", _("En bolig har mindst 1 værelse."))
    if unit.rent < 1:
        raise HousingDataError("rent", _("Angiv huslejen i kr. pr. måned."))
    # A social family home is let by a social housing organisation (almenboligloven); anything else is
    # a registration error that would also distort the § 59 share.
    if unit.unit_type.social_family_home and unit.landlord.kind != LandlordKind.HOUSING_ORGANISATION:
        raise HousingDataError(
            "unit_type", _("En almen familiebolig skal have en almen boligorganisation som udlejer.")
        )


@transaction.atomic
def unit_create(*, actor: Actor, **data) -> Unit:
    unit = Unit(municipality=actor.municipality)
    _assign(unit, UNIT_FIELDS, data)
    _validate_unit(actor, unit)
    unit.save()
    return unit


@transaction.atomic
def unit_update(*, actor: Actor, unit: Unit, **data) -> Unit:
    _same_municipality(actor, unit, "address")
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    _assign(unit, UNIT_FIELDS, data)
    _validate_unit(actor, unit)
    unit.save()
    return unit


# --- eviction cases and waiting plans -------------------------------------------------------------------


@transaction.atomic
def tenancy_flag_eviction(*, actor: Actor, tenancy: Tenancy, flagged_on: date, note: str = "") -> Tenancy:
    """Flag an eviction case (fogedsag) on a current lease, for the person's support worker to act on.

    The person's situation stays 'own home' (they still live there, so the list still counts them as
    housed); the flag is what prevention works from (seed 004, 3.2: early detection of evictions)."""
    _happened(flagged_on, "flagged_on")
    tenancy = Tenancy.objects.select_for_update().get(pk=tenancy.pk)
    if tenancy.ends_on:
        raise HousingDataError(
            "flagged_on", _("Lejemålet er afsluttet; en fogedsag kan kun registreres på et aktivt lejemål.")
        )
    if flagged_on < tenancy.starts_on:
        raise HousingDataError("flagged_on", _("Fogedsagen kan ikke ligge før indflytningen."))
    before = str(tenancy.eviction_case_on or "")
    tenancy.eviction_case_on, tenancy.eviction_note = flagged_on, note.strip()
    tenancy.save(update_fields=["eviction_case_on", "eviction_note"])
    actor_log(
        actor,
        Action.UPDATE,
        "Fogedsag registreret",
        tenancy.person_id,
        changes={"eviction_case_on": [before, str(flagged_on)]},
    )
    return tenancy


@transaction.atomic
def tenancy_clear_eviction(*, actor: Actor, tenancy: Tenancy) -> Tenancy:
    """The eviction was averted (e.g. arrears paid): the flag is removed, its history kept by pghistory."""
    tenancy = Tenancy.objects.select_for_update().get(pk=tenancy.pk)
    before = str(tenancy.eviction_case_on or "")
    tenancy.eviction_case_on, tenancy.eviction_note = None, ""
    tenancy.save(update_fields=["eviction_case_on", "eviction_note"])
    actor_log(
        actor,
        Action.UPDATE,
        "Fogedsag afværget",
        tenancy.person_id,
        changes={"eviction_case_on": [before, ""]},
    )
    return tenancy


@transaction.atomic
def waiting_plan_record(
    *, actor: Actor, person: Person, stays_at: str, supported_by: str, housing_plan: str, recorded_on: date
) -> WaitingPlan:
    """Seed 004, 4.2: where the person stays and is supported until the home comes, and how it comes."""
    for field, value, message in (
        ("stays_at", stays_at, _("Angiv hvor borgeren bor i mellemtiden.")),
        ("supported_by", supported_by, _("Angiv hvem der støtter borgeren i mellemtiden.")),
        ("housing_plan", housing_plan, _("Beskriv hvordan og hvornår boligen kommer.")),
    ):
        if not value.strip():
            raise HousingDataError(field, message)
    if person.municipality_id != actor.municipality.pk:
        raise HousingDataError("stays_at", _("Borgeren hører ikke til kommunen."))
    plan = WaitingPlan.objects.create(
        municipality=actor.municipality,
        person=person,
        stays_at=stays_at.strip(),
        supported_by=supported_by.strip(),
        housing_plan=housing_plan.strip(),
        recorded_on=recorded_on,
        recorded_by=actor.user if getattr(actor.user, "pk", None) else None,
    )
    actor_log(
        actor,
        Action.CREATE,
        "Plan for tiden indtil bolig",
        person.pk,
        changes={"waiting_plan": ["", f"{plan.stays_at}; {plan.supported_by}"]},
    )
    return plan
