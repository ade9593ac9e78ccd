"""Writes on allocation: each one transaction, taking the Actor, writing an offer event and the access
log (STYLE.md). Double allocation is prevented twice: the rows are locked (select_for_update, vacancy
before person, always in that order so two services never deadlock) and re-read, and the partial
unique indexes in models.py refuse what slips through; both end in the same Danish message."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.access import Actor, actor_log
from audit.models import Action
from core.dates import happened_problem, planned_problem
from core.errors import DomainError
from housing import services as housing_services
from housing.affordability import NOT_CHECKED, affordability_check
from housing.models import VacancyStatus
from people.models import Person
from plans.consent import has_consent

from .conf import allocation_setting
from .models import (
    HOLDS_HOME,
    HOLDS_PERSON,
    LIVE,
    AgendaItem,
    CandidateProfile,
    ChecklistState,
    CommitteeMeeting,
    DeclineReason,
    MeetingDecision,
    Offer,
    OfferLogEntry,
    OfferStatus,
    Pension,
    Vacancy,
)


class AllocationError(DomainError):
    """Bad input in allocation: vacancies, offers, decline reasons, the committee; names the field."""


TAKEN_BY_OTHER = gettext_lazy(
    "Boligen er allerede givet til en anden borger. Vælg en anden bolig eller borger."
)
PERSON_HOLDS_ONE = gettext_lazy(
    "Borgeren har allerede accepteret en anden bolig. Afslut eller træk det tilbud tilbage først."
)

# Allowed steps of the offer workflow (issue 4 item 4): from -> to.
STEPS = {
    OfferStatus.PROPOSED: {OfferStatus.OFFERED, OfferStatus.WITHDRAWN},
    OfferStatus.OFFERED: {OfferStatus.ACCEPTED, OfferStatus.DECLINED, OfferStatus.WITHDRAWN},
    OfferStatus.ACCEPTED: {OfferStatus.LEASE_SIGNED, OfferStatus.DECLINED, OfferStatus.WITHDRAWN},
    OfferStatus.LEASE_SIGNED: {OfferStatus.MOVED_IN},
}


def _same_municipality(actor: Actor, obj, field: str) -> None:
    if obj.municipality_id != actor.municipality.pk:
        raise AllocationError(field, _("Valget hører ikke til kommunen."))


def _event(actor: Actor, offer: Offer, kind: str, text: str, on: date) -> OfferLogEntry:
    user = actor.user if getattr(actor.user, "pk", None) else None
    return OfferLogEntry.objects.create(
        municipality_id=offer.municipality_id,
        offer=offer,
        kind=kind,
        text=text,
        on=on,
        by=user,
        by_label=str(actor.user) if actor.user else "system",
    )


# --- decline reasons ------------------------------------------------------------------------------------


def decline_reasons_ensure_defaults(municipality) -> None:
    if not DeclineReason.objects.filter(municipality=municipality).exists():
        # ignore_conflicts: two first page views in the same second both try to create the list.
        DeclineReason.objects.bulk_create(
            [
                DeclineReason(municipality=municipality, label=label, position=i)
                for i, label in enumerate(allocation_setting("DECLINE_REASONS"))
            ],
            ignore_conflicts=True,
        )


@transaction.atomic
def decline_reason_create(*, actor: Actor, label: str) -> DeclineReason:
    label = label.strip()
    if not label:
        raise AllocationError("label", _("Skriv afslagsgrunden."))
    if DeclineReason.objects.filter(municipality=actor.municipality, label__iexact=label).exists():
        raise AllocationError("label", _("Afslagsgrunden findes allerede."))
    last = DeclineReason.objects.filter(municipality=actor.municipality).order_by("-position").first()
    return DeclineReason.objects.create(
        municipality=actor.municipality, label=label, position=(last.position + 1) if last else 0
    )


@transaction.atomic
def decline_reason_set_active(*, actor: Actor, reason: DeclineReason, active: bool) -> DeclineReason:
    _same_municipality(actor, reason, "label")
    reason.active = active
    reason.save(update_fields=["active"])
    return reason


# --- vacancies ------------------------------------------------------------------------------------------


@transaction.atomic
def vacancy_create(
    *,
    actor: Actor,
    unit,
    reported_on: date,
    nominate_by: date,
    available_from: date | None = None,
    note: str = "",
) -> Vacancy:
    _same_municipality(actor, unit, "unit")
    if nominate_by < reported_on:
        raise AllocationError(
            "nominate_by", _("Fristen for anvisning kan ikke ligge før datoen, boligen blev meldt ledig.")
        )
    if not unit.active:
        raise AllocationError("unit", _("Boligen er ikke aktiv i boligoversigten."))
    try:
        with transaction.atomic():
            vacancy = Vacancy.objects.create(
                municipality=actor.municipality,
                unit=unit,
                reported_on=reported_on,
                nominate_by=nominate_by,
                available_from=available_from,
                note=note.strip(),
                created_by=actor.user if getattr(actor.user, "pk", None) else None,
            )
    except IntegrityError as exc:
        raise AllocationError("unit", _("Boligen er allerede meldt ledig og ikke afsluttet.")) from exc
    return vacancy


@transaction.atomic
def vacancy_withdraw(*, actor: Actor, vacancy: Vacancy, on: date) -> Vacancy:
    """The landlord lets the home otherwise or the deadline passed: live offers are withdrawn with it."""
    _same_municipality(actor, vacancy, "vacancy")
    vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
    if vacancy.status not in (VacancyStatus.OPEN, VacancyStatus.NOMINATED):
        raise AllocationError("vacancy", _("Den ledige bolig er allerede afsluttet."))
    if vacancy.offers.filter(status=OfferStatus.LEASE_SIGNED).exists():
        raise AllocationError(
            "vacancy", _("Der er underskrevet lejekontrakt; boligen kan ikke trækkes tilbage.")
        )
    for offer in vacancy.offers.filter(status__in=LIVE).select_for_update():
        _set_status(
            actor, offer, OfferStatus.WITHDRAWN, on, "Trukket tilbage, fordi boligen ikke længere er ledig"
        )
    vacancy.status = VacancyStatus.WITHDRAWN
    vacancy.save(update_fields=["status"])
    return vacancy


# --- candidates -----------------------------------------------------------------------------------------


def _profile(person: Person) -> CandidateProfile:
    profile, _created = CandidateProfile.objects.get_or_create(
        person=person, defaults={"municipality_id": person.municipality_id}
    )
    return profile


@transaction.atomic
def candidate_profile_update(*, actor: Actor, person: Person, **data) -> CandidateProfile:
    _same_municipality(actor, person, "monthly_income")
    if "adults" in data and not (1 <= (data["adults"] or 0) <= 10):
        raise AllocationError("adults", _("Angiv antal voksne i husstanden (1-10)."))
    if "children" in data and not (0 <= (data["children"] or 0) <= 20):
        raise AllocationError("children", _("Angiv antal børn under 18 i husstanden (0-20)."))
    if "pension" in data and data["pension"] not in Pension.values:
        raise AllocationError("pension", _("Vælg borgerens pension."))
    profile = _profile(person)
    before = {k: getattr(profile, k) for k in data}
    for key in ("monthly_income", "has_pet", "needs_accessible", "urgency", "adults", "children", "pension"):
        if key in data:
            setattr(profile, key, data[key])
    profile.save()
    actor_log(
        actor,
        Action.UPDATE,
        "Anvisning: oplysninger til matchning",
        person.pk,
        changes={
            k: [str(before[k]), str(getattr(profile, k))] for k in data if before[k] != getattr(profile, k)
        },
    )
    return profile


@transaction.atomic
def candidate_park(
    *, actor: Actor, person: Person, until: date, reason: str, today: date
) -> CandidateProfile:
    """Leave a person out of proposals until a date without losing their place: their time homeless and
    needs list date, which order the proposals, are untouched."""
    _same_municipality(actor, person, "until")
    if until < today:
        raise AllocationError("until", _("Datoen for parkering skal ligge i dag eller senere."))
    if not reason.strip():
        raise AllocationError(
            "reason", _("Skriv hvorfor borgeren parkeres, fx indlagt eller ikke til at træffe.")
        )
    profile = _profile(person)
    profile.parked_until, profile.parked_reason = until, reason.strip()
    profile.save(update_fields=["parked_until", "parked_reason"])
    actor_log(
        actor,
        Action.UPDATE,
        "Anvisning: borger parkeret",
        person.pk,
        changes={"parked_until": ["", str(until)]},
    )
    return profile


@transaction.atomic
def candidate_unpark(*, actor: Actor, person: Person) -> CandidateProfile:
    _same_municipality(actor, person, "until")
    profile = _profile(person)
    before = str(profile.parked_until or "")
    profile.parked_until, profile.parked_reason = None, ""
    profile.save(update_fields=["parked_until", "parked_reason"])
    actor_log(
        actor,
        Action.UPDATE,
        "Anvisning: parkering ophævet",
        person.pk,
        changes={"parked_until": [before, ""]},
    )
    return profile


# --- offers ---------------------------------------------------------------------------------------------


@transaction.atomic
def offer_propose(
    *, actor: Actor, vacancy: Vacancy, person: Person, on: date, score: float = 0, explanation: str = ""
) -> Offer:
    _same_municipality(actor, vacancy, "vacancy")
    _same_municipality(actor, person, "person")
    vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
    if vacancy.status != VacancyStatus.OPEN:
        raise AllocationError("vacancy", _("Boligen er ikke længere åben for anvisning."))
    if not person.on_needs_list:
        raise AllocationError("person", _("Borgeren står ikke på boligbehovslisten."))
    pay = affordability_check(person=person, unit=vacancy.unit)
    try:
        with transaction.atomic():
            offer = Offer.objects.create(
                municipality=actor.municipality,
                vacancy=vacancy,
                person=person,
                proposed_on=on,
                status_since=on,
                score=score,
                explanation=explanation,
            )
    except IntegrityError as exc:
        raise AllocationError("person", _("Borgeren er allerede foreslået til denne bolig.")) from exc
    _event(
        actor, offer, OfferStatus.PROPOSED, "Foreslået til boligen" + ("" if pay else f" ({NOT_CHECKED})"), on
    )
    actor_log(
        actor,
        Action.CREATE,
        "Anvisning: foreslået til ledig bolig",
        person.pk,
        changes={"offer": ["", f"{vacancy.unit.address}: foreslået"]},
    )
    return offer


def _lock(offer: Offer) -> tuple[Vacancy, Offer]:
    """Lock vacancy, then person, then offer: the one order every service uses."""
    vacancy = Vacancy.objects.select_for_update().get(pk=offer.vacancy_id)
    Person.objects.select_for_update().filter(pk=offer.person_id).first()
    return vacancy, Offer.objects.select_for_update().get(pk=offer.pk)


def _set_status(actor: Actor, offer: Offer, status: str, on: date, text: str) -> Offer:
    before = offer.status
    offer.status, offer.status_since = status, on
    offer.save()
    _event(actor, offer, status, text, on)
    actor_log(
        actor,
        Action.UPDATE,
        "Anvisning: tilbud om bolig",
        offer.person_id,
        changes={"offer_status": [str(OfferStatus(before).label), str(OfferStatus(status).label)]},
    )
    return offer


def _step(offer: Offer, to: str) -> None:
    if to not in STEPS.get(OfferStatus(offer.status), set()):
        raise AllocationError(
            "status",
            _("Tilbuddet er %(status)s og kan ikke blive %(next)s.")
            % {
                "status": str(OfferStatus(offer.status).label).lower(),
                "next": str(OfferStatus(to).label).lower(),
            },
        )


def _check_date(offer: Offer, on: date) -> None:
    """A step of the offer is a fact: not before the last step, not after today (core.dates)."""
    problem = happened_problem(on, today=timezone.localdate())
    if problem:
        raise AllocationError("on", problem)
    if on < offer.status_since:
        raise AllocationError(
            "on",
            _("Datoen kan ikke ligge før tilbuddets seneste skridt (%(date)s).")
            % {"date": f"{offer.status_since:%d.%m.%Y}"},
        )


@transaction.atomic
def offer_make(*, actor: Actor, offer: Offer, on: date) -> Offer:
    """The proposal becomes an offer to the citizen (and the nomination to the landlord)."""
    _same_municipality(actor, offer, "offer")
    vacancy, offer = _lock(offer)
    _step(offer, OfferStatus.OFFERED)
    _check_date(offer, on)
    if vacancy.status not in (VacancyStatus.OPEN, VacancyStatus.NOMINATED):
        raise AllocationError("status", _("Boligen er ikke længere ledig."))
    if vacancy.offers.filter(status__in=HOLDS_HOME).exists():
        raise AllocationError("status", str(TAKEN_BY_OTHER))
    affordability_check(person=offer.person, unit=vacancy.unit, field="status")
    offer.offered_on = on
    return _set_status(actor, offer, OfferStatus.OFFERED, on, "Boligen tilbudt borgeren")


@transaction.atomic
def offer_accept(*, actor: Actor, offer: Offer, on: date) -> Offer:
    """The citizen says yes. One accepted offer per home and per person, even under concurrent requests."""
    _same_municipality(actor, offer, "offer")
    vacancy, offer = _lock(offer)
    if offer.status in HOLDS_HOME:
        raise AllocationError("status", _("Tilbuddet er allerede accepteret."))
    _step(offer, OfferStatus.ACCEPTED)
    _check_date(offer, on)
    if Offer.objects.filter(vacancy_id=vacancy.pk, status__in=HOLDS_HOME).exclude(pk=offer.pk).exists():
        raise AllocationError("status", str(TAKEN_BY_OTHER))
    if Offer.objects.filter(person_id=offer.person_id, status__in=HOLDS_PERSON).exclude(pk=offer.pk).exists():
        raise AllocationError("status", str(PERSON_HOLDS_ONE))
    affordability_check(person=offer.person, unit=vacancy.unit, field="status")
    offer.answered_on = on
    try:
        with transaction.atomic():
            _set_status(actor, offer, OfferStatus.ACCEPTED, on, "Borgeren har sagt ja til boligen")
    except IntegrityError as exc:
        raise AllocationError(
            "status", _("%(taken)s Eller: %(holds)s") % {"taken": TAKEN_BY_OTHER, "holds": PERSON_HOLDS_ONE}
        ) from exc
    vacancy.status = VacancyStatus.NOMINATED
    vacancy.save(update_fields=["status"])
    return offer


@transaction.atomic
def offer_decline(*, actor: Actor, offer: Offer, on: date, reason: DeclineReason, note: str = "") -> Offer:
    """The citizen (or the landlord) says no. No sanction: the person keeps their place on the list
    (principle 2) and the vacancy is open again for a re-offer."""
    _same_municipality(actor, offer, "offer")
    if reason is None:
        raise AllocationError("reason", _("Vælg en afslagsgrund."))
    _same_municipality(actor, reason, "reason")
    vacancy, offer = _lock(offer)
    _step(offer, OfferStatus.DECLINED)
    _check_date(offer, on)
    was_holding = offer.status in HOLDS_HOME
    offer.answered_on, offer.decline_reason, offer.decline_note = on, reason, note.strip()
    _set_status(
        actor,
        offer,
        OfferStatus.DECLINED,
        on,
        f"Afslået: {reason.label}" + (f" ({note.strip()})" if note.strip() else ""),
    )
    if was_holding and vacancy.status == VacancyStatus.NOMINATED:
        vacancy.status = VacancyStatus.OPEN
        vacancy.save(update_fields=["status"])
    return offer


@transaction.atomic
def offer_withdraw(*, actor: Actor, offer: Offer, on: date, note: str = "") -> Offer:
    _same_municipality(actor, offer, "offer")
    vacancy, offer = _lock(offer)
    _step(offer, OfferStatus.WITHDRAWN)
    was_holding = offer.status in HOLDS_HOME
    _set_status(
        actor,
        offer,
        OfferStatus.WITHDRAWN,
        max(on, offer.status_since),
        "Trukket tilbage" + (f": {note.strip()}" if note.strip() else ""),
    )
    if was_holding and vacancy.status == VacancyStatus.NOMINATED:
        vacancy.status = VacancyStatus.OPEN
        vacancy.save(update_fields=["status"])
    return offer


@transaction.atomic
def offer_sign_lease(*, actor: Actor, offer: Offer, on: date) -> Offer:
    _same_municipality(actor, offer, "offer")
    vacancy, offer = _lock(offer)
    _step(offer, OfferStatus.LEASE_SIGNED)
    _check_date(offer, on)
    affordability_check(person=offer.person, unit=vacancy.unit, field="status")
    offer.lease_signed_on = on
    return _set_status(actor, offer, OfferStatus.LEASE_SIGNED, on, "Lejekontrakten er underskrevet")


@transaction.atomic
def offer_move_in(*, actor: Actor, offer: Offer, on: date) -> Offer:
    """Moving in starts the tenancy (housing.services.tenancy_start records 'own home' and so 'housed'),
    lets the vacancy and takes the person off the needs list's proposals."""
    _same_municipality(actor, offer, "offer")
    vacancy, offer = _lock(offer)
    _step(offer, OfferStatus.MOVED_IN)
    _check_date(offer, on)
    person = Person.objects.get(pk=offer.person_id)
    offer.tenancy = housing_services.tenancy_start(
        actor=actor, person=person, starts_on=on, unit=vacancy.unit
    )
    offer.moved_in_on = on
    _set_status(actor, offer, OfferStatus.MOVED_IN, on, "Borgeren er flyttet ind")
    vacancy.status = VacancyStatus.LET
    vacancy.save(update_fields=["status"])
    # The person's other live offers lapse: they now have a home.
    for other in (
        Offer.objects.select_for_update().filter(person_id=person.pk, status__in=LIVE).exclude(pk=offer.pk)
    ):
        _set_status(
            actor,
            other,
            OfferStatus.WITHDRAWN,
            max(on, other.status_since),
            "Trukket tilbage: borgeren er flyttet ind i en anden bolig",
        )
    return offer


@transaction.atomic
def offer_checklist_update(
    *, actor: Actor, offer: Offer, deposit_loan: str, rent_help: str, on: date
) -> Offer:
    _same_municipality(actor, offer, "offer")
    offer = Offer.objects.select_for_update().get(pk=offer.pk)
    changes = []
    for field, value in (("deposit_loan", deposit_loan), ("rent_help", rent_help)):
        ChecklistState(value)
        if getattr(offer, field) != value:
            changes.append(
                f"{str(Offer._meta.get_field(field).verbose_name).capitalize()}: {ChecklistState(value).label}"
            )
            setattr(offer, field, value)
    if changes:
        offer.save(update_fields=["deposit_loan", "rent_help"])
        _event(actor, offer, "checklist", "; ".join(changes), on)
        actor_log(
            actor,
            Action.UPDATE,
            "Anvisning: indskudslån og huslejehjælp",
            offer.person_id,
            changes={"checklist": ["", "; ".join(changes)]},
        )
    return offer


def _consent_to_landlord(person: Person, on: date) -> bool:
    """Fail closed: without a recorded consent nothing is shared."""
    return has_consent(person=person, recipient="landlord", on=on)


@transaction.atomic
def offer_share_with_landlord(*, actor: Actor, offer: Offer, on: date) -> Offer:
    """Record that the person's details were passed to the landlord; only with the person's consent."""
    _same_municipality(actor, offer, "offer")
    offer = Offer.objects.select_for_update().select_related("person").get(pk=offer.pk)
    if offer.status not in (OfferStatus.OFFERED, OfferStatus.ACCEPTED, OfferStatus.LEASE_SIGNED):
        raise AllocationError(
            "status", _("Oplysninger deles først med udlejeren, når boligen er tilbudt borgeren.")
        )
    if not _consent_to_landlord(offer.person, on):
        raise AllocationError(
            "status",
            _(
                "%(name)s har ikke givet samtykke til at dele oplysninger med udlejeren. "
                "Registrér samtykket på borgerens side først."
            )
            % {"name": offer.person.display_name},
        )
    offer.shared_with_landlord_on = on
    offer.save(update_fields=["shared_with_landlord_on"])
    _event(actor, offer, "shared", "Borgerens oplysninger delt med udlejeren (samtykke registreret)", on)
    actor_log(actor, Action.EXPORT, "Anvisning: oplysninger delt med udlejer", offer.person_id)
    return offer


# --- the allocation committee ---------------------------------------------------------------------------


@transaction.atomic
def meeting_create(
    *,
    actor: Actor,
    held_on: date,
    title: str,
    participants: str = "",
    agenda: list[tuple[Vacancy, Person | None, str]],
) -> CommitteeMeeting:
    """A meeting with an agenda: each open vacancy with the proposed person and why (from matching,
    selectors.committee_agenda)."""
    if not title.strip():
        raise AllocationError("title", _("Giv mødet en titel."))
    problem = planned_problem(held_on, today=timezone.localdate())
    if problem:
        raise AllocationError("held_on", problem)
    meeting = CommitteeMeeting.objects.create(
        municipality=actor.municipality,
        held_on=held_on,
        title=title.strip(),
        participants=participants.strip(),
        created_by=actor.user if getattr(actor.user, "pk", None) else None,
    )
    for vacancy, person, text in agenda:
        _same_municipality(actor, vacancy, "title")
        AgendaItem.objects.create(
            municipality=actor.municipality,
            meeting=meeting,
            vacancy=vacancy,
            proposed_person=person,
            proposal_text=text,
        )
    return meeting


@transaction.atomic
def agenda_decide(
    *,
    actor: Actor,
    item: AgendaItem,
    decision: str,
    reason: str,
    chosen_person: Person | None = None,
    on: date | None = None,
) -> AgendaItem:
    """The committee's decision on an item. Approving the recommendation (or choosing another citizen)
    creates the proposal on the vacancy through offer_propose, in the same transaction: if the home can
    no longer be proposed, the decision is not saved either (issue 9 item 3)."""
    _same_municipality(actor, item, "decision")
    MeetingDecision(decision)
    if not decision:
        raise AllocationError("decision", _("Vælg udvalgets beslutning."))
    if not reason.strip():
        raise AllocationError("reason", _("Skriv begrundelsen for beslutningen."))
    if decision == MeetingDecision.OTHER and chosen_person is None:
        raise AllocationError("chosen_person", _("Vælg den borger, udvalget har valgt."))
    if chosen_person is not None:
        _same_municipality(actor, chosen_person, "chosen_person")
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    item.decision, item.reason = decision, reason.strip()
    item.chosen_person = (
        chosen_person
        if decision == MeetingDecision.OTHER
        else (item.proposed_person if decision == MeetingDecision.APPROVED else None)
    )
    if item.chosen_person is not None:
        affordability_check(
            person=item.chosen_person,
            unit=item.vacancy.unit,
            field="chosen_person" if decision == MeetingDecision.OTHER else "decision",
        )
    item.save()
    if item.chosen_person_id:
        actor_log(
            actor,
            Action.UPDATE,
            "Boligudvalget: beslutning om anvisning",
            item.chosen_person_id,
            changes={"decision": ["", f"{MeetingDecision(decision).label}: {item.reason}"]},
        )
        if not Offer.objects.filter(
            vacancy_id=item.vacancy_id, person_id=item.chosen_person_id, status__in=LIVE
        ).exists():
            text = f"Boligudvalget {item.meeting.held_on:%d.%m.%Y}: {item.reason}"
            if decision == MeetingDecision.APPROVED and item.proposal_text:
                text = f"{text} {item.proposal_text}"
            offer_propose(
                actor=actor,
                vacancy=item.vacancy,
                person=item.chosen_person,
                on=on or timezone.localdate(),
                explanation=text,
            )
    return item
