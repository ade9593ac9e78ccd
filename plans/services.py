"""Writes on assessments, method decisions, action plans and consents: keyword-only, one transaction,
taking the Actor, logging the change with before/after (as people/services.py)."""

from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.access import Actor, actor_log, require
from accounts.roles import Capability
from audit.models import Action
from core import dates
from core.errors import DomainError
from people.models import Person

from . import conf
from . import goals as goal_rules
from .dimensions import HEALTH_DIMENSIONS, Dimension, GoalStatus, GoalType, Level, ServicesUse
from .labels import method as method_label
from .methods import Method
from .models import (
    ActionPlan,
    Assessment,
    AssessmentDimension,
    Consent,
    GoalStatusChange,
    MethodDecision,
    PlanGoal,
    Recipient,
)
from .recommendation import recommend
from .selectors import assessment_input, health_visible


class PlanDataError(DomainError):
    """Bad input in assessments, plans and consent."""


def _happened(field: str, value: date | None) -> None:
    """A typed date of something that happened (consent given or revoked): core/dates.py's rule."""
    problem = dates.happened_problem(value, today=timezone.localdate())
    if problem:
        raise PlanDataError(field, problem)


def _planned(field: str, value: date | None) -> None:
    """A typed date of something planned (the next review, how long a consent holds): core/dates.py's rule."""
    problem = dates.planned_problem(value, today=timezone.localdate())
    if problem:
        raise PlanDataError(field, problem)


DIMENSION_FIELDS = ("own_words", "professional_view", "level")
GOAL_FIELDS = ("goal", "goal_type", "who_does_what")
# Carried with a goal to the next version; set through plans/goals.py, not typed.
GOAL_STATUS_FIELDS = ("status", "status_on", "started_on")
PLAN_FIELDS = (
    "wishes",
    "coordinates_treatment",
    "coordinates_job",
    "coordinates_shelter",
    "coordinates_other",
    "next_review_on",
)
# Coordination with a treatment plan tells of health or substance use: the same visibility as those goals.
HEALTH_PLAN_FIELDS = frozenset({"coordinates_treatment"})


def _diff(before: dict, after: dict) -> dict:
    keys = list(dict.fromkeys([*before, *after]))
    return {k: [str(before.get(k, "")), str(after.get(k, ""))] for k in keys if before.get(k) != after.get(k)}


def _flat_assessment(a: Assessment | None) -> dict:
    if a is None:
        return {}
    out = {"services_use": a.services_use, "wants_residential_care": a.wants_residential_care, "note": a.note}
    for d in a.dimensions.all():
        out |= {
            f"{d.dimension}.{f}": getattr(d, f) for f in DIMENSION_FIELDS if getattr(d, f) not in ("", None)
        }
    return out


@transaction.atomic
def assessment_save(
    *,
    actor: Actor,
    person: Person,
    services_use: str = "",
    wants_residential_care: bool = False,
    note: str = "",
    dimensions: dict[str, dict],
) -> Assessment:
    """Save a new version of the assessment; the earlier ones are kept (issue 3, item 1).

    Partial is fine: any dimension may stay "ikke vurderet". A worker who may not see health details
    cannot change them either: those dimensions carry over unchanged from the previous version.
    """
    require(actor, Capability.WORK_SUPPORT)
    Person.objects.select_for_update().filter(pk=person.pk).first()  # one version number at a time
    if services_use and services_use not in set(ServicesUse):
        raise PlanDataError(
            "services_use", _("Vælg, i hvilken grad borgeren kan benytte eksisterende tilbud.")
        )
    previous = (
        Assessment.objects.filter(person=person, is_current=True).prefetch_related("dimensions").first()
    )
    show_health = health_visible(actor, person)
    kept = {d.dimension: d for d in previous.dimensions.all()} if previous else {}
    rows = {}
    for dim in Dimension:
        if dim in HEALTH_DIMENSIONS and not show_health:
            old = kept.get(dim.value)
            values = {f: getattr(old, f) for f in DIMENSION_FIELDS} if old else {}
        else:
            values = dimensions.get(dim.value) or {}
        level = values.get("level")
        if level in ("", None):
            level = None
        else:
            try:
                level = Level(int(level)).value
            except ValueError as exc:
                raise PlanDataError(
                    f"{dim.value}_level", _("VUM-niveauet skal være 0-4 eller 'ikke vurderet'.")
                ) from exc
        rows[dim.value] = {
            "own_words": (values.get("own_words") or "").strip(),
            "professional_view": (values.get("professional_view") or "").strip(),
            "level": level,
        }
    if previous:
        Assessment.objects.filter(pk=previous.pk).update(is_current=False)
    assessment = Assessment.objects.create(
        municipality=actor.municipality,
        person=person,
        version=(previous.version + 1) if previous else 1,
        services_use=services_use or "",
        wants_residential_care=bool(wants_residential_care),
        note=note.strip(),
        created_by=actor.user if getattr(actor.user, "pk", None) else None,
    )
    AssessmentDimension.objects.bulk_create(
        [
            AssessmentDimension(
                municipality=actor.municipality, assessment=assessment, dimension=dim, **values
            )
            for dim, values in rows.items()
        ]
    )
    actor_log(
        actor,
        Action.CREATE if previous is None else Action.UPDATE,
        "Udredning",
        person.pk,
        detail=f"Udredning version {assessment.version}",
        changes=_diff(_flat_assessment(previous), _flat_assessment(assessment)),
    )
    return assessment


@transaction.atomic
def method_decide(
    *, actor: Actor, person: Person, decided_method: str, reason: str = "", citizen_willing: bool
) -> MethodDecision:
    """Record the method a worker or leader chose. The recommendation is computed here from the current
    assessment, not taken from the form; choosing another method needs a written reason (issue 3, item 2).

    The citizen's willingness to receive support is the only condition (seed 004, 4.1)."""
    require(actor, Capability.WORK_SUPPORT)
    if not citizen_willing:
        raise PlanDataError(
            "citizen_willing",
            _(
                "Bekræft, at borgeren ønsker at modtage støtten. Det er den eneste "
                "betingelse for støtte; bliv ved med at tilbyde den."
            ),
        )
    try:
        decided = Method(decided_method)
    except ValueError as exc:
        raise PlanDataError("decided_method", _("Vælg en metode.")) from exc
    assessment = (
        Assessment.objects.filter(person=person, is_current=True).prefetch_related("dimensions").first()
    )
    rec = recommend(assessment_input(assessment), thresholds=conf.thresholds())
    reason = (reason or "").strip()
    if decided != rec.method and not reason:
        raise PlanDataError(
            "reason",
            _("Skriv en begrundelse: %(decided)s er valgt, men udredningen anbefaler %(recommended)s.")
            % {"decided": method_label(decided), "recommended": method_label(rec.method)},
        )
    decision = MethodDecision.objects.create(
        municipality=actor.municipality,
        person=person,
        assessment=assessment,
        recommended_method=rec.method,
        recommendation_reason=rec.reason,
        decided_method=decided,
        reason=reason,
        decided_by=actor.user if getattr(actor.user, "pk", None) else None,
    )
    actor_log(
        actor,
        Action.CREATE,
        "Valg af støttemetode",
        person.pk,
        changes={
            "decided_method": ["", decided.value],
            "recommended_method": ["", rec.method.value],
            **({"reason": ["", reason]} if reason else {}),
        },
    )
    return decision


def _flat_plan(plan: ActionPlan | None) -> dict:
    if plan is None:
        return {}
    out = {f: getattr(plan, f) for f in PLAN_FIELDS if getattr(plan, f) not in ("", None)}
    for g in plan.goals.all():
        out |= {f"{g.dimension}.{f}": getattr(g, f) for f in GOAL_FIELDS if getattr(g, f)}
        out[f"{g.dimension}.status"] = g.status
    return out


@transaction.atomic
def plan_save(*, actor: Actor, person: Person, goals: dict[str, dict], **fields) -> ActionPlan:
    """Save a new version of the action plan; the earlier ones are kept (issue 3, item 6).

    A goal per dimension: a goal text needs a goal type. A goal may carry ``status`` (i gang, opnået,
    ændret) and ``status_on`` (the date of a change, else today); each change of status is a dated step of
    the goal's history (plans/goals.py, GoalStatusChange). Health and substance goals and the treatment
    coordination carry over unchanged for a worker who may not see them."""
    require(actor, Capability.WORK_SUPPORT)
    Person.objects.select_for_update().filter(pk=person.pk).first()
    previous = ActionPlan.objects.filter(person=person, is_current=True).prefetch_related("goals").first()
    show_health = health_visible(actor, person)
    kept = {g.dimension: g for g in previous.goals.all()} if previous else {}
    today = timezone.localdate()
    values = {f: fields.get(f) for f in PLAN_FIELDS}
    for f in PLAN_FIELDS:
        if isinstance(values[f], str):
            values[f] = values[f].strip()
        if f in HEALTH_PLAN_FIELDS and not show_health:
            values[f] = getattr(previous, f) if previous else ""
        if values[f] is None and f != "next_review_on":
            values[f] = ""
    if values["next_review_on"] is not None and not isinstance(values["next_review_on"], date):
        raise PlanDataError("next_review_on", _("Næste opfølgning skal være en dato."))
    _planned("next_review_on", values["next_review_on"])
    new_goals, steps = [], []
    for dim in Dimension:
        old = kept.get(dim.value)
        if dim in HEALTH_DIMENSIONS and not show_health:
            g = {f: getattr(old, f) for f in (*GOAL_FIELDS, *GOAL_STATUS_FIELDS)} if old else {}
            if g:
                new_goals.append((dim.value, g))
            continue
        given = goals.get(dim.value) or {}
        g = {f: given.get(f) or "" for f in GOAL_FIELDS}
        g = {f: (v.strip() if isinstance(v, str) else v) for f, v in g.items()}
        if not g.get("goal"):
            if g.get("who_does_what"):
                raise PlanDataError(f"{dim.value}_goal", _("Skriv målet, når der står, hvem der gør hvad."))
            continue
        if g.get("goal_type") not in set(GoalType):
            raise PlanDataError(
                f"{dim.value}_goal_type", _("Vælg måltype: udvikle, fastholde eller begrænse tab.")
            )
        status, status_on = given.get("status") or None, given.get("status_on")
        if status is not None and status not in set(GoalStatus):
            raise PlanDataError(f"{dim.value}_status", _("Vælg status: i gang, opnået eller ændret."))
        if status_on is not None and not isinstance(status_on, date):
            raise PlanDataError(f"{dim.value}_status_on", _("Datoen for status skal være en dato."))
        _happened(f"{dim.value}_status_on", status_on)
        step = goal_rules.status_step(
            goal_rules.Previous(old.status, old.status_on, old.started_on) if old else None,
            status=status,
            on=status_on,
            today=today,
        )
        if step.record and step.started_on and step.status_on < step.started_on:
            raise PlanDataError(
                f"{dim.value}_status_on",
                _("Datoen ligger før målet blev sat (%(date)s).") % {"date": f"{step.started_on:%d.%m.%Y}"},
            )
        g |= {"status": step.status, "status_on": step.status_on, "started_on": step.started_on}
        new_goals.append((dim.value, g))
        if step.record:
            steps.append((dim.value, step))
    if previous:
        ActionPlan.objects.filter(pk=previous.pk).update(is_current=False)
    plan = ActionPlan.objects.create(
        municipality=actor.municipality,
        person=person,
        version=(previous.version + 1) if previous else 1,
        created_by=actor.user if getattr(actor.user, "pk", None) else None,
        **values,
    )
    PlanGoal.objects.bulk_create(
        [PlanGoal(municipality=actor.municipality, plan=plan, dimension=d, **g) for d, g in new_goals]
    )
    GoalStatusChange.objects.bulk_create(
        [
            GoalStatusChange(
                municipality=actor.municipality,
                person=person,
                plan=plan,
                dimension=d,
                status=step.status,
                changed_on=step.status_on,
                started=step.started,
                changed_by=plan.created_by,
            )
            for d, step in steps
        ]
    )
    actor_log(
        actor,
        Action.CREATE if previous is None else Action.UPDATE,
        "Handleplan",
        person.pk,
        detail=f"Handleplan version {plan.version}",
        changes=_diff(_flat_plan(previous), _flat_plan(plan)),
    )
    return plan


@transaction.atomic
def consent_give(
    *,
    actor: Actor,
    person: Person,
    recipient: str,
    scope: str,
    given_on: date,
    valid_until: date | None = None,
    recipient_name: str = "",
) -> Consent:
    require(actor, Capability.EDIT_PEOPLE)
    if recipient not in Recipient.values:
        raise PlanDataError("recipient", _("Vælg, hvem borgeren giver samtykke til at dele med."))
    if not (scope or "").strip():
        raise PlanDataError("scope", _("Skriv, hvilke oplysninger borgeren giver samtykke til at dele."))
    _happened("given_on", given_on)
    _planned("valid_until", valid_until)
    if valid_until is not None and valid_until < given_on:
        raise PlanDataError(
            "valid_until", _("'Gælder til og med' skal være samme dag som eller efter 'givet den'.")
        )
    consent = Consent.objects.create(
        municipality=actor.municipality,
        person=person,
        recipient=recipient,
        recipient_name=recipient_name.strip(),
        scope=scope.strip(),
        given_on=given_on,
        valid_until=valid_until,
        recorded_by=actor.user if getattr(actor.user, "pk", None) else None,
    )
    with translation.override(settings.LANGUAGE_CODE):  # the access log stays Danish
        detail = f"Samtykke til {Recipient(recipient).label}"
    actor_log(
        actor,
        Action.CREATE,
        "Samtykke",
        person.pk,
        detail=detail,
        changes={
            "recipient": ["", recipient],
            "scope": ["", consent.scope],
            "given_on": ["", str(given_on)],
            "valid_until": ["", str(valid_until or "")],
        },
    )
    return consent


@transaction.atomic
def consent_revoke(*, actor: Actor, consent: Consent, revoked_on: date) -> Consent:
    require(actor, Capability.EDIT_PEOPLE)
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    if consent.revoked_on is not None:
        raise PlanDataError(
            "revoked_on",
            _("Samtykket er allerede tilbagekaldt den %(date)s.")
            % {"date": f"{consent.revoked_on:%d.%m.%Y}"},
        )
    _happened("revoked_on", revoked_on)
    if revoked_on < consent.given_on:
        raise PlanDataError(
            "revoked_on",
            _("Et samtykke kan ikke tilbagekaldes før den dag, det blev givet (%(date)s).")
            % {"date": f"{consent.given_on:%d.%m.%Y}"},
        )
    consent.revoked_on = revoked_on
    consent.revoked_by = actor.user if getattr(actor.user, "pk", None) else None
    consent.save(update_fields=["revoked_on", "revoked_by"])
    with translation.override(settings.LANGUAGE_CODE):  # the access log stays Danish
        detail = f"Samtykke til {consent.get_recipient_display()} tilbagekaldt"
    actor_log(
        actor,
        Action.UPDATE,
        "Samtykke",
        consent.person_id,
        detail=detail,
        changes={"revoked_on": ["", str(revoked_on)]},
    )
    return consent
