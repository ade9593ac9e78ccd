"""Thin views: parse input, call a selector or service, render."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import with_actor
from accounts.roles import Capability, has_capability
from core.forms import apply_error
from core.pdf import pdf_response

from . import selectors, services
from .forms import AssessmentForm, CompareForm, ConsentForm, DecisionForm, PlanForm, RevokeForm
from .labels import method as method_label
from .models import HEALTH_RECIPIENTS, Recipient
from .pdf import citizen_plan_pdf_bytes
from .services import PlanDataError

ASSESSMENT_PURPOSE = "Udredning"
METHOD_PURPOSE = "Valg af støttemetode"
PLAN_PURPOSE = "Handleplan"
CONSENT_PURPOSE = "Samtykke"


def _open(actor, person_id, *, purpose: str, what: str, capability=Capability.WORK_SUPPORT):
    return selectors.person_for(actor, person_id, capability=capability, purpose=purpose, what=what)


# --- assessment ----------------------------------------------------------------------------------


@with_actor(Capability.WORK_SUPPORT)
def assessment(request, actor, person_id, version=None):
    person, show_health = _open(
        actor,
        person_id,
        purpose=ASSESSMENT_PURPOSE,
        what=f"udredning{f' version {version}' if version else ''}",
    )
    current = selectors.assessment_get(actor, person, version=version)
    rec = selectors.recommendation_for(current, show_health=show_health) if current else None
    return render(
        request,
        "plans/assessment.html",
        {
            "person": person,
            "assessment": current,
            "show_health": show_health,
            "is_version": version is not None,
            "rows": selectors.dimension_rows(current, show_health=show_health),
            "services_use": selectors.services_use_label(current.services_use if current else ""),
            "versions": selectors.assessment_versions(actor, person),
            "recommendation": rec,
            "recommendation_label": method_label(rec.method) if rec else "",
        },
    )


@with_actor(Capability.WORK_SUPPORT)
def assessment_edit(request, actor, person_id):
    person, show_health = _open(actor, person_id, purpose=ASSESSMENT_PURPOSE, what="ret udredning")
    current = selectors.assessment_get(actor, person)
    if request.method == "POST":
        form = AssessmentForm(request.POST, show_health=show_health)
        if form.is_valid():
            d = form.cleaned_data
            try:
                saved = services.assessment_save(
                    actor=actor,
                    person=person,
                    services_use=d["services_use"],
                    wants_residential_care=d["wants_residential_care"],
                    note=d["note"],
                    dimensions=form.dimension_data(),
                )
            except PlanDataError as exc:
                apply_error(form, exc)
            else:
                messages.success(request, _("Udredningen er gemt som version %(n)s.") % {"n": saved.version})
                return redirect("plans:assessment", person_id=person.pk)
    else:
        initial = {}
        if current:
            initial = {
                "services_use": current.services_use,
                "wants_residential_care": current.wants_residential_care,
                "note": current.note,
            }
            for d in current.dimensions.all():
                initial |= {
                    f"{d.dimension}_own_words": d.own_words,
                    f"{d.dimension}_professional_view": d.professional_view,
                    f"{d.dimension}_level": "" if d.level is None else str(d.level),
                }
        form = AssessmentForm(initial=initial, show_health=show_health)
    return render(
        request,
        "plans/assessment_edit.html",
        {"person": person, "form": form, "show_health": show_health, "current": current},
    )


@with_actor(Capability.WORK_SUPPORT)
def assessment_compare(request, actor, person_id):
    person, show_health = _open(
        actor, person_id, purpose=ASSESSMENT_PURPOSE, what="sammenligning af udredninger"
    )
    versions = selectors.assessment_versions(actor, person)
    numbers = [v.version for v in versions]
    form, rows, older, newer = _compare_form(request, numbers)
    if older is not None:
        a = selectors.assessment_get(actor, person, version=older)
        b = selectors.assessment_get(actor, person, version=newer)
        rows = selectors.assessment_compare(a, b, show_health=show_health)
    return render(
        request,
        "plans/compare.html",
        {
            "person": person,
            "form": form,
            "rows": rows,
            "older": older,
            "newer": newer,
            "what": "udredning",
            "title": _("Sammenlign udredninger"),
            "back": "plans:assessment",
            "show_health": show_health,
        },
    )


def _compare_form(request, numbers):
    if len(numbers) < 2:
        return None, None, None, None
    data = request.GET if "a" in request.GET else {"a": numbers[1], "b": numbers[0]}
    form = CompareForm(data, versions=numbers)
    if not form.is_valid():
        return form, None, None, None
    older, newer = sorted([form.cleaned_data["a"], form.cleaned_data["b"]])
    return form, None, older, newer


# --- recommendation and decision -----------------------------------------------------------------


@with_actor(Capability.WORK_SUPPORT)
def method(request, actor, person_id):
    person, show_health = _open(actor, person_id, purpose=METHOD_PURPOSE, what="anbefaling og valg af metode")
    current = selectors.assessment_get(actor, person)
    rec = selectors.recommendation_for(current, show_health=show_health)
    if request.method == "POST":
        form = DecisionForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                decision = services.method_decide(
                    actor=actor,
                    person=person,
                    decided_method=d["decided_method"],
                    reason=d["reason"],
                    citizen_willing=d["citizen_willing"],
                )
            except PlanDataError as exc:
                apply_error(form, exc)
            else:
                messages.success(
                    request,
                    _("Valget af %(method)s er registreret.")
                    % {"method": method_label(decision.decided_method)},
                )
                return redirect("plans:method", person_id=person.pk)
    else:
        form = DecisionForm(initial={"decided_method": rec.method.value})
    return render(
        request,
        "plans/method.html",
        {
            "person": person,
            "assessment": current,
            "recommendation": rec,
            "form": form,
            "method_label": method_label(rec.method),
            "decisions": selectors.decisions(actor, person),
        },
    )


# --- action plan ---------------------------------------------------------------------------------


@with_actor(Capability.WORK_SUPPORT)
def plan(request, actor, person_id, version=None):
    person, show_health = _open(
        actor, person_id, purpose=PLAN_PURPOSE, what=f"handleplan{f' version {version}' if version else ''}"
    )
    current = selectors.plan_get(actor, person, version=version)
    return render(
        request,
        "plans/plan.html",
        {
            "person": person,
            "plan": current,
            "show_health": show_health,
            "is_version": version is not None,
            "goals": selectors.goal_rows(current, show_health=show_health),
            "versions": selectors.plan_versions(actor, person),
            "today": timezone.localdate(),
        },
    )


@with_actor(Capability.WORK_SUPPORT)
def plan_edit(request, actor, person_id):
    person, show_health = _open(actor, person_id, purpose=PLAN_PURPOSE, what="ret handleplan")
    current = selectors.plan_get(actor, person)
    if request.method == "POST":
        form = PlanForm(request.POST, show_health=show_health)
        if form.is_valid():
            try:
                saved = services.plan_save(
                    actor=actor, person=person, goals=form.goal_data(), **form.plan_fields()
                )
            except PlanDataError as exc:
                apply_error(form, exc)
            else:
                messages.success(request, _("Handleplanen er gemt som version %(n)s.") % {"n": saved.version})
                return redirect("plans:plan", person_id=person.pk)
    else:
        initial = {}
        if current:
            initial = {f: getattr(current, f) for f in services.PLAN_FIELDS}
            for g in current.goals.all():
                initial |= {f"{g.dimension}_{f}": getattr(g, f) for f in (*services.GOAL_FIELDS, "status")}
        form = PlanForm(initial=initial, show_health=show_health)
    return render(
        request,
        "plans/plan_edit.html",
        {"person": person, "form": form, "show_health": show_health, "current": current},
    )


@with_actor(Capability.WORK_SUPPORT)
def plan_citizen_pdf(request, actor, person_id):
    """The current plan as a PDF for the citizen (a download: logged as an export; no-store as every
    page of a logged-in user, core.middleware.SecurityHeadersMiddleware)."""
    data = selectors.plan_for_citizen(actor, person_id)
    if data["plan"] is None:
        messages.error(request, _("Der er ingen handleplan at udskrive endnu."))
        return redirect("plans:plan", person_id=data["person"].pk)
    content = citizen_plan_pdf_bytes(
        data,
        municipality=actor.municipality,
        worker_name=request.user.get_full_name() or request.user.get_username(),
        request=request,
    )
    return pdf_response(content, filename=f"handleplan-{timezone.localdate():%Y-%m-%d}.pdf")


@with_actor(Capability.WORK_SUPPORT)
def plan_compare(request, actor, person_id):
    person, show_health = _open(actor, person_id, purpose=PLAN_PURPOSE, what="sammenligning af handleplaner")
    numbers = [v.version for v in selectors.plan_versions(actor, person)]
    form, rows, older, newer = _compare_form(request, numbers)
    if older is not None:
        rows = selectors.plan_compare(
            selectors.plan_get(actor, person, version=older),
            selectors.plan_get(actor, person, version=newer),
            show_health=show_health,
        )
    return render(
        request,
        "plans/compare.html",
        {
            "person": person,
            "form": form,
            "rows": rows,
            "older": older,
            "newer": newer,
            "what": "handleplan",
            "title": _("Sammenlign handleplaner"),
            "back": "plans:plan",
            "show_health": show_health,
        },
    )


# --- consents ------------------------------------------------------------------------------------


@with_actor(Capability.VIEW_PEOPLE)
def consents(request, actor, person_id):
    person, show_health = _open(
        actor, person_id, purpose=CONSENT_PURPOSE, what="samtykker", capability=Capability.VIEW_PEOPLE
    )
    may_edit = has_capability(actor.role, Capability.EDIT_PEOPLE)
    form = ConsentForm(show_health=show_health)
    if request.method == "POST":
        if not may_edit:
            return render(request, "core/no_access.html", status=403)
        form = ConsentForm(request.POST, show_health=show_health)
        if form.is_valid():
            try:
                services.consent_give(actor=actor, person=person, **form.cleaned_data)
            except PlanDataError as exc:
                apply_error(form, exc)
            else:
                messages.success(request, _("Samtykket er registreret."))
                return redirect("plans:consents", person_id=person.pk)
    today = timezone.localdate()
    items = selectors.consents(actor, person, show_health=show_health)
    return render(
        request,
        "plans/consents.html",
        {
            "person": person,
            "form": form,
            "may_edit": may_edit,
            "today": today,
            "items": [(c, c.in_force_on(today)) for c in items],
            "revoke_form": RevokeForm(),
            # From the rows already read (Consent.in_force_on is has_consent's rule), not a query per recipient.
            "in_force": [
                (label, any(c.recipient == value and c.in_force_on(today) for c in items))
                for value, label in Recipient.choices
                if show_health or value not in HEALTH_RECIPIENTS
            ],
            "show_health": show_health,
        },
    )


@require_POST
@with_actor(Capability.EDIT_PEOPLE)
def consent_revoke(request, actor, person_id, consent_id):
    person, show_health = _open(
        actor,
        person_id,
        purpose=CONSENT_PURPOSE,
        what="tilbagekald samtykke",
        capability=Capability.EDIT_PEOPLE,
    )
    consent = selectors.consent_get(actor, person, consent_id, show_health=show_health)
    form = RevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Ikke gemt. Tilbagekaldt den: angiv en dato."))
    else:
        try:
            services.consent_revoke(actor=actor, consent=consent, revoked_on=form.cleaned_data["revoked_on"])
        except PlanDataError as exc:
            messages.error(request, _("Ikke gemt. %(reason)s") % {"reason": exc.message})
        else:
            messages.success(request, _("Samtykket er tilbagekaldt."))
    return redirect("plans:consents", person_id=person.pk)
