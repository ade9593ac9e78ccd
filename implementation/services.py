"""Writes of the implementation plan, the networks and the Landkort: only leaders (Capability.STEER) make
them; each is one transaction, checks its input with a Danish message that says what and where, and writes
the change with its before and after values to the access log. An initiative's every status is kept
(InitiativeStatusChange) and shown on its page."""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.access import Actor, actor_log, require
from accounts.models import Membership
from accounts.roles import Capability
from audit.models import Action
from steering.models import Goal

from . import conf
from . import principles as hf_principles
from . import status as rules
from .errors import PlanDataError
from .models import (
    ActorKind,
    FocusArea,
    Initiative,
    InitiativeStatusChange,
    MapActor,
    Meeting,
    Network,
    NetworkKind,
    NetworkMember,
    Status,
)

PURPOSE_PLAN = "Kommunens implementeringsplan for Housing First"
PURPOSE_NETWORK = "Netværk i indsatsen mod hjemløshed"
PURPOSE_MAP = "Housing First Landkort"
EARLIEST_YEAR = 2000
YEARS_AHEAD = 25
_PHONE = re.compile(r"^[0-9 +()-]{3,40}$")


def _text(value, *, field: str, required_message: str | None = None, max_length: int = 200) -> str:
    text = (value or "").strip()
    if required_message and not text:
        raise PlanDataError(field, required_message)
    if len(text) > max_length:
        raise PlanDataError(field, _("Teksten må højst være %(n)s tegn.") % {"n": max_length})
    return text


def _shown(d: date | None) -> str:
    return date_format(d, "d.m.Y") if d else ""


def _check_date(d: date | None, *, field: str, today: date, what: str) -> None:
    if d is None:
        return
    if d.year < EARLIEST_YEAR or d.year > today.year + YEARS_AHEAD:
        raise PlanDataError(
            field,
            _("%(what)s skal ligge mellem år %(first)s og %(last)s.")
            % {"what": what, "first": EARLIEST_YEAR, "last": today.year + YEARS_AHEAD},
        )


def _diff(before: dict, after: dict) -> dict:
    return {k: [before.get(k, ""), v] for k, v in after.items() if before.get(k, "") != v}


def _label(actor: Actor) -> str:
    return actor.user.get_full_name() or actor.user.get_username()


def _mine(actor: Actor, obj, *, field: str, message: str):
    """An object passed in must be the actor's municipality's (a view may have been bypassed)."""
    if obj is None or obj.municipality_id != actor.municipality.pk:
        raise PlanDataError(field, message)
    return obj


# --- focus areas -------------------------------------------------------------------------------------------


def _focus_area_snapshot(a: FocusArea) -> dict:
    return {"number": str(a.number), "title": a.title, "description": a.description, "source": a.source}


@transaction.atomic
def focus_area_save(
    *,
    actor: Actor,
    number: int | None,
    title: str,
    description: str = "",
    source: str = "",
    focus_area: FocusArea | None = None,
) -> FocusArea:
    """Create or change a focus area (a development goal or an "Indsats" of the municipality's plan)."""
    require(actor, Capability.STEER)
    if focus_area is not None:
        _mine(actor, focus_area, field=None, message=_("Fokusområdet findes ikke i kommunens plan."))
    if number is None or not 1 <= int(number) <= 99:
        raise PlanDataError("number", _("Giv fokusområdet et nummer mellem 1 og 99, fx 3 for Indsats 3."))
    title = _text(title, field="title", required_message=_("Skriv fokusområdets titel."))
    description = _text(description, field="description", max_length=5000)
    source = _text(source, field="source")
    others = FocusArea.objects.filter(municipality=actor.municipality)
    if focus_area is not None:
        others = others.exclude(pk=focus_area.pk)
    if others.filter(number=number).exists():
        raise PlanDataError(
            "number", _("Planen har allerede et fokusområde nr. %(n)s. Vælg et andet nummer.") % {"n": number}
        )
    if focus_area is None and others.count() >= conf.value("MAX_FOCUS_AREAS"):
        raise PlanDataError(
            None, _("Planen har allerede %(n)s fokusområder, det højeste antal.") % {"n": others.count()}
        )
    before = {} if focus_area is None else _focus_area_snapshot(focus_area)
    area = focus_area or FocusArea(municipality=actor.municipality)
    area.number, area.title, area.description, area.source = int(number), title, description, source
    area.save()
    actor_log(
        actor,
        Action.UPDATE if before else Action.CREATE,
        PURPOSE_PLAN,
        detail=f"fokusområde {area.pk}",
        changes=_diff(before, _focus_area_snapshot(area)),
    )
    return area


# --- initiatives -------------------------------------------------------------------------------------------


def _initiative_snapshot(i: Initiative, goal_ids) -> dict:
    return {
        "focus_area": str(i.focus_area_id),
        "title": i.title,
        "description": i.description,
        "owner": i.owner,
        "start": str(i.start or ""),
        "deadline": str(i.deadline or ""),
        "notes": i.notes,
        "principles": ",".join(str(p) for p in i.principles),
        "goals": ",".join(str(g) for g in sorted(goal_ids)),
    }


def _principles(values) -> list[int]:
    try:
        chosen = sorted({int(v) for v in values or []})
    except (TypeError, ValueError):
        raise PlanDataError("principles", _("Vælg principperne på listen.")) from None
    if not set(chosen) <= hf_principles.numbers():
        raise PlanDataError("principles", _("Vælg principperne på listen (Housing Firsts otte principper)."))
    return chosen


def _goals(actor: Actor, goals) -> list[Goal]:
    goals = list(goals or [])
    if any(g.municipality_id != actor.municipality.pk for g in goals):
        raise PlanDataError("goals", _("Vælg mål blandt kommunens egne mål."))
    return goals


@transaction.atomic
def initiative_save(
    *,
    actor: Actor,
    focus_area: FocusArea | None,
    title: str,
    owner: str,
    today: date,
    description: str = "",
    start: date | None = None,
    deadline: date | None = None,
    notes: str = "",
    principles: list | None = None,
    goals: list | None = None,
    initiative: Initiative | None = None,
) -> Initiative:
    """Create an initiative (its status starts as "Ikke startet", the first row of its history) or change
    its description, owner, dates, principles and goals; the status changes with initiative_status_change."""
    require(actor, Capability.STEER)
    if initiative is not None:
        _mine(actor, initiative, field=None, message=_("Initiativet findes ikke i kommunens plan."))
    _mine(actor, focus_area, field="focus_area", message=_("Vælg et af kommunens fokusområder."))
    title = _text(title, field="title", required_message=_("Skriv initiativets titel."))
    owner = _text(owner, field="owner", required_message=_("Skriv hvem der er ansvarlig for initiativet."))
    description = _text(description, field="description", max_length=5000)
    notes = _text(notes, field="notes", max_length=5000)
    _check_date(start, field="start", today=today, what=_("Start"))
    _check_date(deadline, field="deadline", today=today, what=_("Fristen"))
    if start and deadline and deadline < start:
        raise PlanDataError(
            "deadline",
            _("Fristen %(deadline)s ligger før start %(start)s. Fristen skal ligge på eller efter start.")
            % {"deadline": _shown(deadline), "start": _shown(start)},
        )
    chosen = _principles(principles)
    goal_list = _goals(actor, goals)
    if initiative is None:
        existing = Initiative.objects.filter(municipality=actor.municipality).count()
        if existing >= conf.value("MAX_INITIATIVES"):
            raise PlanDataError(
                None, _("Planen har allerede %(n)s initiativer, det højeste antal.") % {"n": existing}
            )
    before = (
        {}
        if initiative is None
        else _initiative_snapshot(initiative, initiative.goals.values_list("pk", flat=True))
    )
    item = initiative or Initiative(municipality=actor.municipality, status=Status.NOT_STARTED)
    item.focus_area, item.title, item.owner, item.description = focus_area, title, owner, description
    item.start, item.deadline, item.notes, item.principles = start, deadline, notes, chosen
    item.save()
    item.goals.set(goal_list)
    if initiative is None:
        InitiativeStatusChange.objects.create(
            municipality=actor.municipality,
            initiative=item,
            user=actor.user,
            user_label=_label(actor),
            from_status="",
            to_status=item.status,
            note="",
        )
    actor_log(
        actor,
        Action.UPDATE if before else Action.CREATE,
        PURPOSE_PLAN,
        detail=f"initiativ {item.pk}",
        changes=_diff(before, _initiative_snapshot(item, [g.pk for g in goal_list])),
    )
    return item


@transaction.atomic
def initiative_status_change(
    *, actor: Actor, initiative: Initiative, status: str, note: str = ""
) -> Initiative:
    """Give an initiative a new status, with who, when and why kept in its history. A delay or a dropped
    initiative needs a note: the committee will ask why."""
    require(actor, Capability.STEER)
    _mine(actor, initiative, field=None, message=_("Initiativet findes ikke i kommunens plan."))
    # Locked, so two leaders changing it at once each see the other's status as the one they change from.
    item = Initiative.objects.select_for_update().get(pk=initiative.pk, municipality=actor.municipality)
    if status not in Status.values:
        raise PlanDataError("status", _("Vælg en af statusserne på listen."))
    if status == item.status:
        raise PlanDataError(
            "status", _("Initiativet har allerede status »%(status)s«.") % {"status": Status(status).label}
        )
    note = _text(note, field="note", max_length=2000)
    if status in rules.NEEDS_NOTE and not note:
        raise PlanDataError(
            "note",
            _("Skriv i noten hvorfor initiativet er »%(status)s«, så udvalget kan se det.")
            % {"status": Status(status).label},
        )
    before = item.status
    item.status = status
    item.save(update_fields=["status", "updated_at"])
    InitiativeStatusChange.objects.create(
        municipality=actor.municipality,
        initiative=item,
        user=actor.user,
        user_label=_label(actor),
        from_status=before,
        to_status=status,
        note=note,
    )
    actor_log(
        actor,
        Action.UPDATE,
        PURPOSE_PLAN,
        detail=f"initiativ {item.pk} status",
        changes={"status": [before, status], **({"note": ["", note]} if note else {})},
    )
    initiative.status = status
    return item


# --- networks ---------------------------------------------------------------------------------------------


@transaction.atomic
def network_save(
    *, actor: Actor, kind: str, name: str, purpose: str = "", network: Network | None = None
) -> Network:
    require(actor, Capability.STEER)
    if network is not None:
        _mine(actor, network, field=None, message=_("Netværket findes ikke i kommunen."))
    if kind not in NetworkKind.values:
        raise PlanDataError("kind", _("Vælg om det er et ledernetværk eller et medarbejdernetværk."))
    name = _text(name, field="name", required_message=_("Skriv netværkets navn."))
    purpose = _text(purpose, field="purpose", max_length=5000)
    before = (
        {} if network is None else {"kind": network.kind, "name": network.name, "purpose": network.purpose}
    )
    net = network or Network(municipality=actor.municipality)
    net.kind, net.name, net.purpose = kind, name, purpose
    net.save()
    actor_log(
        actor,
        Action.UPDATE if before else Action.CREATE,
        PURPOSE_NETWORK,
        detail=f"netværk {net.pk}",
        changes=_diff(before, {"kind": kind, "name": name, "purpose": purpose}),
    )
    return net


@transaction.atomic
def member_add(
    *, actor: Actor, network: Network, name: str, organisation: str = "", role: str = "", user=None
) -> NetworkMember:
    """A member of a network: a person with their organisation and role, and their user if they have one."""
    require(actor, Capability.STEER)
    _mine(actor, network, field=None, message=_("Netværket findes ikke i kommunen."))
    name = _text(name, field="name", required_message=_("Skriv medlemmets navn."))
    organisation = _text(organisation, field="organisation")
    role = _text(role, field="role")
    if (
        user is not None
        and not Membership.objects.filter(user=user, municipality=actor.municipality).exists()
    ):
        raise PlanDataError("user", _("Vælg en bruger fra kommunen, eller lad feltet stå tomt."))
    if network.members.count() >= conf.value("MAX_NETWORK_MEMBERS"):
        raise PlanDataError(None, _("Netværket har allerede det højeste antal medlemmer."))
    member = NetworkMember.objects.create(
        municipality=actor.municipality,
        network=network,
        name=name,
        organisation=organisation,
        role=role,
        user=user,
    )
    actor_log(
        actor,
        Action.CREATE,
        PURPOSE_NETWORK,
        detail=f"netværk {network.pk} medlem {member.pk}",
        changes={"name": ["", name], "organisation": ["", organisation], "role": ["", role]},
    )
    return member


@transaction.atomic
def member_remove(*, actor: Actor, member: NetworkMember) -> None:
    require(actor, Capability.STEER)
    _mine(actor, member, field=None, message=_("Medlemmet findes ikke i kommunens netværk."))
    actor_log(
        actor,
        Action.DELETE,
        PURPOSE_NETWORK,
        detail=f"netværk {member.network_id} medlem {member.pk}",
        changes={"name": [member.name, ""], "organisation": [member.organisation, ""]},
    )
    member.delete()


@transaction.atomic
def meeting_save(
    *,
    actor: Actor,
    network: Network,
    held_on: date | None,
    today: date,
    agenda: str = "",
    minutes: str = "",
    meeting: Meeting | None = None,
) -> Meeting:
    """A network's meeting: its date, agenda, and the minutes and decisions once held."""
    require(actor, Capability.STEER)
    _mine(actor, network, field=None, message=_("Netværket findes ikke i kommunen."))
    if meeting is not None and meeting.network_id != network.pk:
        raise PlanDataError(None, _("Mødet hører ikke til netværket."))
    if held_on is None:
        raise PlanDataError("held_on", _("Giv mødet en dato."))
    _check_date(held_on, field="held_on", today=today, what=_("Mødets dato"))
    if held_on.year > today.year + 2:
        raise PlanDataError("held_on", _("Et møde kan højst planlægges to år frem."))
    agenda = _text(agenda, field="agenda", max_length=10000)
    minutes = _text(minutes, field="minutes", max_length=20000)
    if minutes and held_on > today:
        raise PlanDataError(
            "minutes", _("Et referat kan først skrives, når mødet er holdt (mødets dato er efter i dag).")
        )
    before = (
        {}
        if meeting is None
        else {"held_on": str(meeting.held_on), "agenda": meeting.agenda, "minutes": meeting.minutes}
    )
    m = meeting or Meeting(municipality=actor.municipality, network=network)
    m.held_on, m.agenda, m.minutes = held_on, agenda, minutes
    m.save()
    actor_log(
        actor,
        Action.UPDATE if before else Action.CREATE,
        PURPOSE_NETWORK,
        detail=f"netværk {network.pk} møde {m.pk}",
        changes=_diff(before, {"held_on": str(held_on), "agenda": agenda, "minutes": minutes}),
    )
    return m


# --- the Landkort ------------------------------------------------------------------------------------------

MAP_FIELDS = ("kind", "name", "does", "when", "phone", "email", "address", "hours", "contact_person")


@transaction.atomic
def map_actor_save(
    *,
    actor: Actor,
    kind: str,
    name: str,
    does: str = "",
    when: str = "",
    phone: str = "",
    email: str = "",
    address: str = "",
    hours: str = "",
    contact_person: str = "",
    map_actor: MapActor | None = None,
) -> MapActor:
    """An actor on the Landkort: what they do, when to go to them, and how to reach them. The contact person
    is staff; no citizen is named here."""
    require(actor, Capability.STEER)
    if map_actor is not None:
        _mine(actor, map_actor, field=None, message=_("Aktøren findes ikke på kommunens landkort."))
    if kind not in ActorKind.values:
        raise PlanDataError("kind", _("Vælg hvilken slags aktør det er."))
    values = {
        "kind": kind,
        "name": _text(name, field="name", required_message=_("Skriv aktørens navn.")),
        "does": _text(does, field="does", max_length=3000),
        "when": _text(when, field="when", max_length=3000),
        "phone": _text(phone, field="phone", max_length=40),
        "email": _text(email, field="email", max_length=254),
        "address": _text(address, field="address", max_length=300),
        "hours": _text(hours, field="hours"),
        "contact_person": _text(contact_person, field="contact_person"),
    }
    if values["phone"] and not _PHONE.match(values["phone"]):
        raise PlanDataError("phone", _("Skriv telefonnummeret med cifre, fx 47 35 10 00 eller +45 47351000."))
    if values["email"]:
        try:
            validate_email(values["email"])
        except ValidationError:
            raise PlanDataError("email", _("Skriv en gyldig e-mailadresse, fx kontakt@kommune.dk.")) from None
    if not any(values[k] for k in ("phone", "email", "address")):
        raise PlanDataError(
            "phone", _("Skriv mindst én måde at nå aktøren på: telefon, e-mail eller adresse.")
        )
    if map_actor is None:
        existing = MapActor.objects.filter(municipality=actor.municipality).count()
        if existing >= conf.value("MAX_MAP_ACTORS"):
            raise PlanDataError(
                None, _("Landkortet har allerede %(n)s aktører, det højeste antal.") % {"n": existing}
            )
    before = {} if map_actor is None else {k: getattr(map_actor, k) for k in MAP_FIELDS}
    item = map_actor or MapActor(municipality=actor.municipality)
    for k, v in values.items():
        setattr(item, k, v)
    item.save()
    actor_log(
        actor,
        Action.UPDATE if before else Action.CREATE,
        PURPOSE_MAP,
        detail=f"aktør {item.pk}",
        changes=_diff(before, values),
    )
    return item


@transaction.atomic
def map_actor_delete(*, actor: Actor, map_actor: MapActor) -> None:
    require(actor, Capability.STEER)
    _mine(actor, map_actor, field=None, message=_("Aktøren findes ikke på kommunens landkort."))
    actor_log(
        actor,
        Action.DELETE,
        PURPOSE_MAP,
        detail=f"aktør {map_actor.pk}",
        changes={k: [getattr(map_actor, k), ""] for k in MAP_FIELDS if getattr(map_actor, k)},
    )
    map_actor.delete()
