"""Reads of assessments, decisions, plans and consents: inside the actor's municipality, health and
substance details only for the citizen's own workers and their leader, and every read logged."""

from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils.translation import gettext as _

from accounts.access import require
from accounts.roles import Capability, may_see_health
from audit.models import Action
from audit.services import log_access, log_many_reads
from people.models import Person
from people.selectors import person_get

from . import conf, labels
from .dimensions import HEALTH_DIMENSIONS, Dimension, Level, ServicesUse
from .goals import histories
from .models import HEALTH_RECIPIENTS, ActionPlan, Assessment, Consent, GoalStatusChange, MethodDecision
from .recommendation import AssessmentInput, Recommendation, recommend

CITIZEN_PLAN_PURPOSE = "Handleplan udskrevet til borgeren"


def health_visible(actor, person: Person) -> bool:
    own = person.workers.filter(pk=getattr(actor.user, "pk", None)).exists()
    return may_see_health(role=actor.role, is_own_worker=own)


def person_for(actor, pk: int, *, capability, purpose: str, what: str) -> tuple[Person, bool]:
    """The person if the actor may see them, and whether health details show; the read is logged with
    its purpose, what was read and whether health and substance details were shown."""
    require(actor, capability)
    person = person_get(actor, pk, purpose=purpose, log=False)
    show_health = health_visible(actor, person)
    log_access(
        actor=actor.user,
        municipality=actor.municipality,
        action=Action.READ,
        purpose=purpose,
        person_id=person.pk,
        detail=f"{what}; helbred og rusmidler {'vist' if show_health else 'skjult'}",
        role=actor.role,
        path=actor.path,
    )
    return person, show_health


def _scoped(model, actor, person):
    return model.objects.filter(municipality=actor.municipality, person=person)


# --- assessments ---------------------------------------------------------------------------------


def assessment_versions(actor, person):
    return list(_scoped(Assessment, actor, person).select_related("created_by").order_by("-version"))


def assessment_get(actor, person, *, version: int | None = None) -> Assessment | None:
    """The current assessment, or one version of it; None when none is saved yet."""
    qs = _scoped(Assessment, actor, person).prefetch_related("dimensions").select_related("created_by")
    if version is None:
        return qs.filter(is_current=True).first()
    try:
        return qs.get(version=version)
    except Assessment.DoesNotExist as exc:
        raise Http404(_("Udredningen findes ikke.")) from exc


def assessment_input(assessment: Assessment | None) -> AssessmentInput:
    """The recommendation's inputs: services use, VUM levels and the citizen's own wish, nothing else."""
    if assessment is None:
        return AssessmentInput()
    return AssessmentInput(
        services_use=ServicesUse(assessment.services_use) if assessment.services_use else None,
        levels={Dimension(d.dimension): d.level for d in assessment.dimensions.all()},
        wants_residential_care=assessment.wants_residential_care,
    )


def recommendation_for(assessment: Assessment | None, *, show_health: bool) -> Recommendation:
    return recommend(
        assessment_input(assessment),
        thresholds=conf.thresholds(),
        hidden=frozenset() if show_health else HEALTH_DIMENSIONS,
    )


def dimension_rows(assessment: Assessment | None, *, show_health: bool) -> list[dict]:
    """The eight dimensions in the manual's order; hidden ones say so instead of showing content."""
    by_dim = {d.dimension: d for d in assessment.dimensions.all()} if assessment else {}
    rows = []
    for dim in Dimension:
        d = by_dim.get(dim.value)
        hidden = dim in HEALTH_DIMENSIONS and not show_health
        rows.append(
            {
                "key": dim.value,
                "label": str(labels.DIMENSION[dim]),
                "hidden": hidden,
                "own_words": "" if hidden or not d else d.own_words,
                "professional_view": "" if hidden or not d else d.professional_view,
                "level": None if hidden or not d else d.level,
                "level_label": ""
                if hidden
                else str(labels.LEVEL[Level(d.level)] if d and d.level is not None else labels.NOT_ASSESSED),
            }
        )
    return rows


def services_use_label(value: str) -> str:
    return str(labels.SERVICES_USE[ServicesUse(value)] if value else labels.NOT_ASSESSED)


def assessment_compare(older: Assessment, newer: Assessment, *, show_health: bool) -> list[dict]:
    """Field by field, the two versions side by side, with what changed marked."""
    yes, no, hidden = _("Ja"), _("Nej"), _("Skjult")
    rows = [
        {
            "label": _("Kan benytte eksisterende tilbud"),
            "a": services_use_label(older.services_use),
            "b": services_use_label(newer.services_use),
        },
        {
            "label": _("Ønsker selv et botilbud (§ 107/108)"),
            "a": yes if older.wants_residential_care else no,
            "b": yes if newer.wants_residential_care else no,
        },
        {"label": _("Samlet vurdering"), "a": older.note, "b": newer.note},
    ]
    a_rows = dimension_rows(older, show_health=show_health)
    b_rows = dimension_rows(newer, show_health=show_health)
    for a, b in zip(a_rows, b_rows, strict=True):
        if a["hidden"]:
            rows.append({"label": a["label"], "a": hidden, "b": hidden, "hidden": True})
            continue
        dim = {"dimension": a["label"]}
        rows += [
            {"label": _("%(dimension)s: VUM-niveau") % dim, "a": a["level_label"], "b": b["level_label"]},
            {"label": _("%(dimension)s: borgerens egne ord") % dim, "a": a["own_words"], "b": b["own_words"]},
            {
                "label": _("%(dimension)s: den professionelles vurdering") % dim,
                "a": a["professional_view"],
                "b": b["professional_view"],
            },
        ]
    for r in rows:
        r["changed"] = r["a"] != r["b"]
    return rows


# --- decisions -----------------------------------------------------------------------------------


def decisions(actor, person):
    return list(_scoped(MethodDecision, actor, person).select_related("decided_by"))


# --- action plans --------------------------------------------------------------------------------


def plan_versions(actor, person):
    return list(_scoped(ActionPlan, actor, person).select_related("created_by").order_by("-version"))


def plan_get(actor, person, *, version: int | None = None) -> ActionPlan | None:
    qs = _scoped(ActionPlan, actor, person).prefetch_related("goals").select_related("created_by")
    if version is None:
        return qs.filter(is_current=True).first()
    try:
        return qs.get(version=version)
    except ActionPlan.DoesNotExist as exc:
        raise Http404(_("Handleplanen findes ikke.")) from exc


def goal_histories(plan: ActionPlan | None) -> dict[str, list]:
    """Each goal's dated status steps up to this version (plans/goals.py), oldest first: one query."""
    if plan is None:
        return {}
    steps = GoalStatusChange.objects.filter(
        person_id=plan.person_id, municipality_id=plan.municipality_id, plan__version__lte=plan.version
    ).order_by("plan__version", "id")
    return histories(steps)


def goal_rows(plan: ActionPlan | None, *, show_health: bool, history: bool = True) -> list[dict]:
    by_dim = {g.dimension: g for g in plan.goals.all()} if plan else {}
    steps = goal_histories(plan) if by_dim and history else {}
    rows = []
    for dim in Dimension:
        g = by_dim.get(dim.value)
        hidden = dim in HEALTH_DIMENSIONS and not show_health
        shown = g is not None and not hidden
        rows.append(
            {
                "key": dim.value,
                "label": str(labels.DIMENSION[dim]),
                "hidden": hidden,
                "goal": g.goal if shown else "",
                "goal_type": g.goal_type if shown else "",
                "goal_type_label": str(labels.GOAL_TYPE[g.goal_type]) if shown else "",
                "who_does_what": g.who_does_what if shown else "",
                "status": g.status if shown else "",
                "status_label": str(labels.GOAL_STATUS[g.status]) if shown else "",
                "status_on": g.status_on if shown else None,
                "started_on": g.started_on if shown else None,
                "history": [
                    {
                        "code": s.status,
                        "status": str(labels.GOAL_STATUS[s.status]),
                        "on": s.changed_on,
                        "started": s.started,
                    }
                    for s in steps.get(dim.value, [])
                ]
                if shown
                else [],
            }
        )
    return rows


def plan_for_citizen(actor, person_id: int) -> dict:
    """The action plan as the citizen's own printout (issue 14 item 8): the current version's wishes and
    the goals with their status and dates. Logged as an export of the plan; health and substance goals
    only for those who may see them (they are left out, not marked hidden, on the citizen's paper)."""
    require(actor, Capability.WORK_SUPPORT)
    person = person_get(actor, person_id, purpose=CITIZEN_PLAN_PURPOSE, log=False)
    show_health = health_visible(actor, person)
    plan = plan_get(actor, person)
    log_access(
        actor=actor.user,
        municipality=actor.municipality,
        action=Action.EXPORT,
        purpose=CITIZEN_PLAN_PURPOSE,
        person_id=person.pk,
        detail=f"handleplan til borgeren (PDF){f', version {plan.version}' if plan else ''}; "
        f"helbred og rusmidler {'med' if show_health else 'udeladt'}",
        role=actor.role,
        path=actor.path,
    )
    goals = [g for g in goal_rows(plan, show_health=show_health) if g["goal"]]
    return {"person": person, "plan": plan, "goals": goals, "show_health": show_health}


def plan_compare(older: ActionPlan, newer: ActionPlan, *, show_health: bool) -> list[dict]:
    def review(p):
        return p.next_review_on.strftime("%d.%m.%Y") if p.next_review_on else _("Ingen dato")

    rows = [
        {"label": _("Borgerens ønsker, drømme og håb"), "a": older.wishes, "b": newer.wishes},
        {"label": _("Næste opfølgning"), "a": review(older), "b": review(newer)},
    ]
    if show_health:
        rows.append(
            {
                "label": _("Behandlingsplan"),
                "a": older.coordinates_treatment,
                "b": newer.coordinates_treatment,
            }
        )
    rows += [
        {"label": _("Jobplan"), "a": older.coordinates_job, "b": newer.coordinates_job},
        {
            "label": _("Plan for ophold på boform"),
            "a": older.coordinates_shelter,
            "b": newer.coordinates_shelter,
        },
        {"label": _("Andre planer"), "a": older.coordinates_other, "b": newer.coordinates_other},
    ]
    for a, b in zip(
        goal_rows(older, show_health=show_health, history=False),
        goal_rows(newer, show_health=show_health, history=False),
        strict=True,
    ):
        if a["hidden"]:
            rows.append({"label": a["label"], "a": _("Skjult"), "b": _("Skjult"), "hidden": True})
            continue
        dim = {"dimension": a["label"]}
        rows += [
            {
                "label": _("%(dimension)s: mål") % dim,
                "a": f"{a['goal']}" + (f" ({a['goal_type_label']})" if a["goal"] else ""),
                "b": f"{b['goal']}" + (f" ({b['goal_type_label']})" if b["goal"] else ""),
            },
            {
                "label": _("%(dimension)s: hvem gør hvad") % dim,
                "a": a["who_does_what"],
                "b": b["who_does_what"],
            },
            {
                "label": _("%(dimension)s: status") % dim,
                "a": a["status_label"],
                "b": b["status_label"],
            },
        ]
    for r in rows:
        r["changed"] = r["a"] != r["b"]
    return rows


def reviews_due(actor, *, today: date, people=None) -> list[ActionPlan]:
    """Current action plans whose next review is due within settings.HF["PLANS"]["REVIEW_DUE_WITHIN_DAYS"]
    (or overdue), soonest first, with their person; only ``people`` (a queryset of person ids, e.g.
    support.selectors.my_citizens) when given. Each plan carries ``overdue``: its review date has passed.

    Protected people show only to their own workers, as on every list; each person shown is logged."""
    plans = list(reviews_due_query(actor, today=today, people=people))
    for plan in plans:
        plan.overdue = plan.next_review_on < today
    log_many_reads(
        actor=actor.user,
        municipality=actor.municipality,
        person_ids=[p.person_id for p in plans],
        purpose="Opfølgning på handleplaner",
        role=actor.role,
        path=actor.path,
    )
    return plans


def _own_or_unprotected(actor):
    own = Person.workers.through.objects.filter(person_id=OuterRef("person_id"), user_id=actor.user.pk)
    return Q(person__protected=False) | Exists(own)


def reviews_due_query(actor, *, today: date, people=None):
    """The plans of ``reviews_due`` as an unevaluated queryset, soonest first, not logged: for a caller
    that counts them and shows the first (the "I dag" page, which logs the rows it shows)."""
    require(actor, Capability.WORK_SUPPORT)
    horizon = today + timedelta(days=conf.value("REVIEW_DUE_WITHIN_DAYS"))
    qs = ActionPlan.objects.filter(
        municipality=actor.municipality, is_current=True, next_review_on__lte=horizon
    ).filter(_own_or_unprotected(actor))
    if people is not None:
        qs = qs.filter(person_id__in=people)
    return qs.select_related("person").order_by("next_review_on", "person__last_name", "id")


# --- consents ------------------------------------------------------------------------------------


def consents_expiring(actor, *, today: date, within_days: int, people=None):
    """Consents in force today whose last day ("gælder til og med") falls within ``within_days`` days,
    soonest first, unless a later consent to the same recipient already continues it. Health recipients
    only when the actor may see the person's health details (their own worker: ``people`` are the actor's
    own citizens; a leader). ``people``: a queryset of person ids. Not logged: the caller logs."""
    require(actor, Capability.WORK_SUPPORT)
    continued = Consent.objects.filter(
        municipality=actor.municipality,
        person_id=OuterRef("person_id"),
        recipient=OuterRef("recipient"),
        revoked_on__isnull=True,
        given_on__lte=OuterRef("valid_until"),
    ).filter(Q(valid_until__isnull=True) | Q(valid_until__gt=OuterRef("valid_until")))
    qs = (
        Consent.objects.filter(
            municipality=actor.municipality,
            given_on__lte=today,
            valid_until__gte=today,
            valid_until__lte=today + timedelta(days=within_days),
        )
        .filter(Q(revoked_on__isnull=True) | Q(revoked_on__gt=today))
        .filter(_own_or_unprotected(actor))
        .exclude(Exists(continued))
    )
    if people is not None:
        qs = qs.filter(person_id__in=people)
    own = Person.workers.through.objects.filter(person_id=OuterRef("person_id"), user_id=actor.user.pk)
    if not may_see_health(role=actor.role, is_own_worker=False):
        qs = qs.filter(Q(Exists(own)) | ~Q(recipient__in=HEALTH_RECIPIENTS))
    return qs.select_related("person").order_by("valid_until", "id")


def _consents(actor, person, show_health: bool):
    qs = _scoped(Consent, actor, person)
    return qs if show_health else qs.exclude(recipient__in=HEALTH_RECIPIENTS)


def consents(actor, person, *, show_health: bool):
    return list(_consents(actor, person, show_health).select_related("recorded_by", "revoked_by"))


def consent_get(actor, person, pk: int, *, show_health: bool) -> Consent:
    try:
        return _consents(actor, person, show_health).get(pk=pk)
    except Consent.DoesNotExist as exc:
        raise Http404(_("Samtykket findes ikke.")) from exc
