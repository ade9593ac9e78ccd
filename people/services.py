"""Writes on people: every one a transaction, taking the acting user, writing the access log with
before/after, and keeping the person's list summary in step with the history."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import figures
from accounts.access import Actor, actor_log, require
from accounts.roles import Capability
from audit.models import Action
from core import crypto as core_crypto
from core.errors import DomainError

from . import conf, crypto, rules, situations
from . import cpr as cpr_rules
from .durations import Period, current_spell_start
from .models import Contact, NeedsListEntry, Person, SituationPeriod, StatusChange
from .statuses import ACTIVE, Status, StatusError, check_transition, is_active, reentry_status

PERSON_FIELDS = [
    "first_name",
    "last_name",
    "initials",
    "birth_date",
    "birth_year",
    "gender",
    "phone",
    "email",
    "contact_note",
    "protected",
]


class PersonDataError(DomainError):
    """Bad data about a person, with a Danish message naming the field."""


def _raise_first(problems: rules.Problems) -> None:
    if problems:
        raise PersonDataError(*problems[0])


def apply_cpr(person: Person, raw: str, *, today: date) -> None:
    """Validate a CPR number and set the encrypted value and hash (or clear them). The birth date is
    checked against it in _validate_person: a contradicting birth date is refused, never replaced."""
    raw = (raw or "").strip()
    if not raw:
        person.cpr_encrypted, person.cpr_hash = "", ""
        return
    try:
        parsed = cpr_rules.parse(raw, today=today)
    except cpr_rules.CprError as exc:
        raise PersonDataError("cpr", str(exc)) from exc
    person.cpr_encrypted = core_crypto.encrypt(parsed.digits)
    person.cpr_hash = crypto.keyed_hash(parsed.digits)


def _validate_person(person: Person, *, today: date) -> None:
    if not (person.first_name.strip() or person.last_name.strip() or person.initials.strip()):
        raise PersonDataError("first_name", _("Angiv navn eller initialer."))
    cpr_birth = cpr_rules.birth_date(person.cpr.replace("-", "")) if person.cpr_encrypted else None
    _raise_first(
        rules.birth_problems(
            birth_date=person.birth_date, birth_year=person.birth_year, cpr_birth_date=cpr_birth, today=today
        )
    )
    person.birth_date = person.birth_date or cpr_birth
    if person.birth_date:
        person.birth_year = person.birth_date.year
    if person.cpr_hash:
        clash = Person.objects.filter(municipality=person.municipality, cpr_hash=person.cpr_hash)
        if person.pk:
            clash = clash.exclude(pk=person.pk)
        if clash.exists():
            raise PersonDataError("cpr", duplicate_cpr_message())


def duplicate_cpr_message() -> str:
    """Translated when raised, in the language of the request."""
    return _("Der findes allerede en borger med dette CPR-nummer.")


def _snapshot(person: Person) -> dict:
    return {f: getattr(person, f) for f in PERSON_FIELDS} | {"cpr": person.cpr_hash}


def _diff(before: dict, after: dict) -> dict:
    return {k: [str(before.get(k, "")), str(after[k])] for k in after if before.get(k) != after[k]}


def _save_unique_cpr(person: Person) -> None:
    """Save, turning a same-CPR clash into the Danish duplicate message: two saves of the same CPR at the
    same moment both pass the check in _validate_person, and the unique constraint (municipality,
    cpr_hash) refuses the second."""
    try:
        with transaction.atomic():
            person.save()
    except IntegrityError as exc:
        if person.cpr_hash and "cpr" in str(exc).lower():
            raise PersonDataError("cpr", duplicate_cpr_message()) from exc
        raise


@transaction.atomic
def person_create(
    *,
    actor: Actor,
    cpr: str = "",
    situation: str,
    situation_start: date,
    place: str = "",
    identified_on: date | None = None,
    purpose: str = "Registrering på hjemløselisten",
    **fields,
) -> Person:
    """Create a person on the by-name list with their first situation and status 'newly identified'."""
    today = timezone.localdate()
    person = Person(
        municipality=actor.municipality, **{k: v for k, v in fields.items() if k in PERSON_FIELDS}
    )
    apply_cpr(person, cpr, today=today)
    _validate_person(person, today=today)
    _raise_first(
        rules.happened("situation_start", situation_start, today=today)
        + rules.after_birth("situation_start", situation_start, birth_date=person.birth_date)
        + rules.happened("identified_on", identified_on, today=today)
    )
    person.identified_on = identified_on or situation_start
    _save_unique_cpr(person)
    if actor.user and getattr(actor.user, "pk", None):
        person.workers.add(actor.user)
    actor_log(actor, Action.CREATE, purpose, person.pk, changes=_diff({}, _snapshot(person)))
    situation_record(
        actor=actor,
        person=person,
        situation=situation,
        start_date=situation_start,
        place=place,
        status_reason="Registreret på listen",
        log=False,
    )
    return person


@transaction.atomic
def person_update(
    *, actor: Actor, person: Person, cpr: str | None = None, purpose: str = "Opdatering af stamdata", **fields
) -> Person:
    person = Person.objects.select_for_update().get(pk=person.pk)
    before = _snapshot(person)
    for key, value in fields.items():
        if key in PERSON_FIELDS:
            setattr(person, key, value)
    if cpr is not None:
        apply_cpr(person, cpr, today=timezone.localdate())
    _validate_person(person, today=timezone.localdate())
    _save_unique_cpr(person)
    changes = _diff(before, _snapshot(person))
    if changes:
        actor_log(actor, Action.UPDATE, purpose, person.pk, changes=changes)
    return person


def _refresh_summary(person: Person, today: date) -> None:
    periods = [Period(p.situation, p.start_date, p.end_date) for p in person.situations.all()]
    current = next((p for p in reversed(periods) if p.end is None), None)
    person.current_situation = current.situation if current else ""
    person.situation_since = current.start if current else None
    person.homeless_since = current_spell_start(periods, today)


@transaction.atomic
def situation_record(
    *,
    actor: Actor,
    person: Person,
    situation: str,
    start_date: date,
    place: str = "",
    note: str = "",
    status_reason: str = "",
    log: bool = True,
) -> SituationPeriod:
    """Record where a person stays from a date: closes the open period and opens a new one.

    Own home ends homelessness and records 'housed'; a homeless or at-risk situation after housing or
    inactivity puts the person back on the list with the matching status.
    """
    situations.Situation(situation)  # raises ValueError on an unknown code
    person = Person.objects.select_for_update().get(pk=person.pk)
    _raise_first(
        rules.happened("start_date", start_date, today=timezone.localdate())
        + rules.after_birth("start_date", start_date, birth_date=person.birth_date)
    )
    last = person.situations.order_by("-start_date", "-id").first()
    if last and start_date < last.start_date:
        raise PersonDataError(
            "start_date",
            _("Datoen ligger før den seneste situation (%(date)s).")
            % {"date": f"{last.start_date:%d.%m.%Y}"},
        )
    if last and last.end_date is None:
        last.end_date = start_date
        last.save(update_fields=["end_date"])
    period = SituationPeriod.objects.create(
        municipality=person.municipality,
        person=person,
        situation=situation,
        start_date=start_date,
        place=place,
        note=note,
        recorded_by=actor.user if getattr(actor.user, "pk", None) else None,
    )
    category = situations.category(situation)
    if category == "housed" and is_active(person.current_status):
        _status_change(actor, person, Status.HOUSED, start_date, status_reason or "Flyttet i egen bolig")
    if category == "housed":
        # Moving into an own home (an offer's move-in, a tenancy or a situation typed in) takes the
        # person off the housing needs list, on every path (issue 9 item 5).
        _needs_list_end(actor, person, start_date, "Flyttet i egen bolig")
    elif (
        category != "housed" and not is_active(person.current_status) and person.current_status != Status.DIED
    ):
        new = reentry_status(person.current_status or None)
        _status_change(actor, person, new, start_date, status_reason or "Ny situation registreret")
    person.last_activity_on = max(filter(None, [person.last_activity_on, start_date]))
    _refresh_summary(person, timezone.localdate())
    person.save()
    if log:
        actor_log(
            actor,
            Action.CREATE,
            "Registrering af situation",
            person.pk,
            changes={"situation": ["", situation], "start_date": ["", str(start_date)]},
        )
    return period


def _status_change(actor: Actor, person: Person, status: Status, on: date, reason: str) -> StatusChange:
    check_transition(person.current_status or None, status)
    leaving = is_active(person.current_status) and not is_active(status)
    days = (on - person.status_since).days if leaving and person.status_since else None
    change = StatusChange.objects.create(
        municipality=person.municipality,
        person=person,
        status=status,
        changed_on=on,
        reason=reason,
        previous_status=person.current_status or "",
        days_on_list=days,
        changed_by=actor.user if getattr(actor.user, "pk", None) else None,
    )
    person.current_status, person.status_since = status, on
    return change


@transaction.atomic
def status_change(*, actor: Actor, person: Person, status: str, on: date, reason: str) -> StatusChange:
    """A manual status change with its reason (e.g. moved away, died, no longer homeless)."""
    if not reason.strip():
        raise PersonDataError("reason", _("Angiv en begrundelse for statusændringen."))
    _raise_first(rules.happened("on", on, today=timezone.localdate()))
    person = Person.objects.select_for_update().get(pk=person.pk)
    before = person.current_status
    try:
        change = _status_change(actor, person, Status(status), on, reason.strip())
    except StatusError as exc:
        raise PersonDataError("status", str(exc)) from exc
    if Status(status) in (Status.RETURNED_FROM_INACTIVE,):
        person.last_activity_on = on
    if Status(status) in LEAVES_NEEDS_LIST:
        _needs_list_end(actor, person, on, reason.strip())
    person.save()
    actor_log(
        actor,
        Action.UPDATE,
        "Ændring af status på hjemløselisten",
        person.pk,
        changes={"status": [before, status]},
        detail=reason,
    )
    return change


@transaction.atomic
def contact_record(
    *, actor: Actor, person: Person, contacted_on: date, kind: str, reached: bool, note: str = ""
) -> Contact:
    """A contact or an attempt (reached=False): the one way a contact is recorded, from the person page,
    the quick dialog, the front page and a support episode (support.services.episode_contact_record)."""
    require(actor, Capability.EDIT_PEOPLE)
    note = (note or "").strip()
    _raise_first(
        rules.happened("contacted_on", contacted_on, today=timezone.localdate())
        + rules.contact_problems(kind=kind, note=note)
    )
    person = Person.objects.select_for_update().get(pk=person.pk)
    contact = Contact.objects.create(
        municipality=person.municipality,
        person=person,
        contacted_on=contacted_on,
        kind=kind,
        reached=reached,
        note=note,
        recorded_by=actor.user if getattr(actor.user, "pk", None) else None,
    )
    if person.current_status == Status.INACTIVE and reached:
        _status_change(actor, person, Status.RETURNED_FROM_INACTIVE, contacted_on, "Kontakt genoptaget")
    person.last_activity_on = max(filter(None, [person.last_activity_on, contacted_on]))
    person.last_contact_on = max(filter(None, [person.last_contact_on, contacted_on]))
    if reached:
        person.last_reached_on = max(filter(None, [person.last_reached_on, contacted_on]))
    person.save()
    actor_log(
        actor,
        Action.CREATE,
        "Registrering af kontakt",
        person.pk,
        changes={"contact": ["", f"{kind} {contacted_on}"]},
    )
    return contact


def contact_summary_rebuild(person_ids) -> int:
    """Recompute last contact and last reached for these people from their contacts, in one UPDATE:
    for code that inserts contacts in bulk (demo loaders) instead of through contact_record. No
    maintained figure (the figures app) reads these columns, so none is marked stale."""
    from django.db.models import Max, OuterRef, Subquery

    contacts = Contact.objects.filter(person_id=OuterRef("pk")).order_by().values("person_id")
    return Person.objects.filter(pk__in=list(person_ids)).update(
        last_contact_on=Subquery(contacts.annotate(d=Max("contacted_on")).values("d")[:1]),
        last_reached_on=Subquery(
            contacts.filter(reached=True).annotate(d=Max("contacted_on")).values("d")[:1]
        ),
    )


@transaction.atomic
def needs_list_register(
    *, actor: Actor, person: Person, registered_on: date, max_rent: int, **wishes
) -> NeedsListEntry:
    """Put a person on the housing needs list, or update their open entry."""
    if max_rent is None or max_rent <= 0:
        raise PersonDataError(
            "max_rent", _("Angiv den husleje borgeren kan betale pr. måned (et positivt beløb).")
        )
    _raise_first(rules.happened("registered_on", registered_on, today=timezone.localdate()))
    person = Person.objects.select_for_update().get(pk=person.pk)
    entry = person.needs_entries.filter(removed_on__isnull=True).first()
    before = {}
    if entry is None:
        entry = NeedsListEntry(
            municipality=person.municipality, person=person, registered_on=registered_on, max_rent=max_rent
        )
    else:
        before = {"max_rent": entry.max_rent, **{k: getattr(entry, k) for k in wishes}}
    entry.max_rent = max_rent
    for key, value in wishes.items():
        setattr(entry, key, value)
    entry.save()
    person.on_needs_list = True
    person.save(update_fields=["on_needs_list", "updated_at"])
    after = {"max_rent": entry.max_rent, **{k: getattr(entry, k) for k in wishes}}
    actor_log(
        actor,
        Action.UPDATE if before else Action.CREATE,
        "Boligbehovslisten",
        person.pk,
        changes=_diff(before, after),
    )
    return entry


@transaction.atomic
def needs_list_remove(*, actor: Actor, person: Person, removed_on: date) -> None:
    person = Person.objects.select_for_update().get(pk=person.pk)
    # A queryset update sends no signal; the save of on_needs_list below marks the figures that read
    # the needs list stale (the figures app: people.Person's on_needs_list is their dependency).
    person.needs_entries.filter(removed_on__isnull=True).update(removed_on=removed_on)
    person.on_needs_list = False
    person.save(update_fields=["on_needs_list", "updated_at"])
    actor_log(
        actor, Action.UPDATE, "Boligbehovslisten", person.pk, changes={"on_needs_list": ["True", "False"]}
    )


# Leaving the by-name list this way ends the place on the housing needs list too; inactivity does not
# (the worker keeps trying to reach the citizen, seed 004 2.3), nor does "no longer homeless".
LEAVES_NEEDS_LIST = frozenset({Status.DIED, Status.MOVED_AWAY})


def _needs_list_end(actor: Actor, person: Person, on: date, reason: str) -> None:
    """Close the open entry and clear the flag on a locked person the caller saves (one transaction)."""
    entry = person.needs_entries.filter(removed_on__isnull=True).first()
    if entry is not None:
        entry.removed_on = max(on, entry.registered_on)
        entry.save(update_fields=["removed_on"])
    if entry is not None or person.on_needs_list:
        person.on_needs_list = False
        actor_log(
            actor,
            Action.UPDATE,
            "Boligbehovslisten",
            person.pk,
            changes={"on_needs_list": ["True", "False"]},
            detail=reason,
        )


@transaction.atomic
def mark_inactive(*, municipality, today: date, actor_user=None) -> int:
    """Mark active people with no contact or situation update for N days as inactive (issue 2)."""

    after = conf.value("INACTIVE_AFTER_DAYS", municipality=municipality)
    cutoff = date.fromordinal(today.toordinal() - after)
    actor = Actor(user=actor_user, municipality=municipality, role="system")
    stale = Person.objects.filter(
        municipality=municipality, current_status__in=[s.value for s in ACTIVE], last_activity_on__lte=cutoff
    )
    with figures.collected():  # the figures (the figures app) are marked stale once, not per person
        return _mark_inactive_rows(actor, stale, after, today)


def _mark_inactive_rows(actor, stale, after: int, today: date) -> int:
    count = 0
    for person in stale.select_for_update():
        before = person.current_status
        reason = f"Ingen kontakt eller opdatering i {after} dage"
        _status_change(actor, person, Status.INACTIVE, today, reason)
        person.save(update_fields=["current_status", "status_since", "updated_at"])
        # A change of personal data like any other: logged, by "system" (Datatilsynet, DOMAIN.md).
        actor_log(
            actor,
            Action.UPDATE,
            "Automatisk markering som inaktiv på hjemløselisten",
            person.pk,
            changes={"status": [before, Status.INACTIVE.value]},
            detail=reason,
        )
        count += 1
    return count
