"""Thin views on homes: parse input, call a selector or service, render."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.access import with_actor
from accounts.roles import Capability, has_capability
from core.errors import DomainError
from core.forms import apply_error
from core.pagination import PAGE_PARAM
from core.params import text_param
from people.selectors import person_get

from . import selectors, services
from .conf import housing_setting
from .forms import (
    AgreementForm,
    EvictionForm,
    LandlordForm,
    TenancyEndForm,
    TenancyStartForm,
    UnitFilterForm,
    UnitForm,
    UnitTypeForm,
    WaitingPlanForm,
)

PERSON_PURPOSE = "Bolig: indflytning, fraflytning og fogedsag"


def _save(request, form, call, success: str):
    """Validate, call the service, and on success flash a message; returns the result or None."""
    if not form.is_valid():
        return None
    try:
        result = call(form.cleaned_data)
    except DomainError as exc:
        apply_error(form, exc)
        return None
    messages.success(request, success)
    return result


# --- landlords and agreements ---------------------------------------------------------------------------


@with_actor(Capability.VIEW_HOUSING)
def landlord_list(request, actor):
    name = text_param(request.GET, "navn")
    page = selectors.landlord_page(actor, name=name, page=request.GET.get(PAGE_PARAM))
    return render(
        request,
        "housing/landlord_list.html",
        {
            "page": page,
            "landlords": page.object_list,
            "name": name,
            "may_manage": has_capability(actor.role, Capability.MANAGE_HOUSING),
        },
    )


@with_actor(Capability.MANAGE_HOUSING)
def landlord_create(request, actor):
    form = LandlordForm(request.POST or None)
    if request.method == "POST":
        landlord = _save(
            request, form, lambda d: services.landlord_create(actor=actor, **d), _("Udlejeren er oprettet.")
        )
        if landlord:
            return redirect("housing:landlord_detail", landlord_id=landlord.pk)
    return render(
        request,
        "housing/form.html",
        {"form": form, "title": _("Ny udlejer"), "back": ("housing:landlords", None)},
    )


@with_actor(Capability.VIEW_HOUSING)
def landlord_detail(request, actor, landlord_id):
    landlord = selectors.landlord_get(actor, landlord_id)
    page = selectors.unit_page(actor, filters={"landlord": landlord}, page=request.GET.get(PAGE_PARAM))
    return render(
        request,
        "housing/landlord_detail.html",
        {
            "landlord": landlord,
            "agreements": landlord.agreements.all(),
            "page": page,
            "units": page.object_list,
            "legal_share": housing_setting("LEGAL_ALLOCATION_SHARE"),
            "may_manage": has_capability(actor.role, Capability.MANAGE_HOUSING),
        },
    )


@with_actor(Capability.MANAGE_HOUSING)
def landlord_edit(request, actor, landlord_id):
    landlord = selectors.landlord_get(actor, landlord_id)
    form = LandlordForm(request.POST or None, instance=landlord)
    if request.method == "POST":
        if _save(
            request,
            form,
            lambda d: services.landlord_update(actor=actor, landlord=landlord, **d),
            _("Udlejeren er gemt."),
        ):
            return redirect("housing:landlord_detail", landlord_id=landlord.pk)
    return render(
        request,
        "housing/form.html",
        {
            "form": form,
            "title": _("Ret %(name)s") % {"name": landlord.name},
            "back": ("housing:landlord_detail", landlord.pk),
        },
    )


@with_actor(Capability.MANAGE_HOUSING)
def agreement_create(request, actor, landlord_id):
    landlord = selectors.landlord_get(actor, landlord_id)
    form = AgreementForm(request.POST or None)
    if request.method == "POST":
        if _save(
            request,
            form,
            lambda d: services.agreement_create(actor=actor, landlord=landlord, **d),
            _("Aftalen er oprettet."),
        ):
            return redirect("housing:landlord_detail", landlord_id=landlord.pk)
    return render(
        request,
        "housing/form.html",
        {
            "form": form,
            "title": _("Ny aftale med %(name)s") % {"name": landlord.name},
            "back": ("housing:landlord_detail", landlord.pk),
        },
    )


@with_actor(Capability.MANAGE_HOUSING)
def agreement_edit(request, actor, agreement_id):
    agreement = selectors.agreement_get(actor, agreement_id)
    form = AgreementForm(request.POST or None, instance=agreement)
    if request.method == "POST":
        if _save(
            request,
            form,
            lambda d: services.agreement_update(actor=actor, agreement=agreement, **d),
            _("Aftalen er gemt."),
        ):
            return redirect("housing:landlord_detail", landlord_id=agreement.landlord_id)
    return render(
        request,
        "housing/form.html",
        {
            "form": form,
            "title": _("Ret aftale: %(title)s") % {"title": agreement.title},
            "back": ("housing:landlord_detail", agreement.landlord_id),
        },
    )


# --- unit types and units -------------------------------------------------------------------------------


@with_actor(Capability.VIEW_HOUSING)
def unit_type_list(request, actor):
    may_manage = has_capability(actor.role, Capability.MANAGE_HOUSING)
    form = UnitTypeForm(request.POST or None)
    if request.method == "POST":
        if not may_manage:
            return render(request, "core/no_access.html", status=403)
        if _save(
            request, form, lambda d: services.unit_type_create(actor=actor, **d), _("Boligtypen er oprettet.")
        ):
            return redirect("housing:unit_types")
    return render(
        request,
        "housing/unit_type_list.html",
        {"unit_types": selectors.unit_types(actor), "form": form, "may_manage": may_manage},
    )


@with_actor(Capability.MANAGE_HOUSING)
def unit_type_edit(request, actor, unit_type_id):
    unit_type = selectors.unit_type_get(actor, unit_type_id)
    form = UnitTypeForm(request.POST or None, instance=unit_type)
    if request.method == "POST":
        if _save(
            request,
            form,
            lambda d: services.unit_type_update(actor=actor, unit_type=unit_type, **d),
            _("Boligtypen er gemt."),
        ):
            return redirect("housing:unit_types")
    return render(
        request,
        "housing/form.html",
        {
            "form": form,
            "title": _("Ret boligtype: %(name)s") % {"name": unit_type.name},
            "back": ("housing:unit_types", None),
        },
    )


@with_actor(Capability.VIEW_HOUSING)
def unit_list(request, actor):
    form = UnitFilterForm(request.GET or None, municipality=actor.municipality)
    filters = form.cleaned_data if form.is_valid() else {}
    page = selectors.unit_page(actor, filters=filters, page=request.GET.get(PAGE_PARAM))
    return render(
        request,
        "housing/unit_list.html",
        {
            "form": form,
            "page": page,
            "units": page.object_list,
            "threshold": housing_setting("RENT_THRESHOLD"),
            "may_manage": has_capability(actor.role, Capability.MANAGE_HOUSING),
        },
    )


@with_actor(Capability.MANAGE_HOUSING)
def unit_create(request, actor):
    services.unit_types_ensure_defaults(actor.municipality)
    form = UnitForm(
        request.POST or None,
        municipality=actor.municipality,
        initial={"landlord": request.GET.get("udlejer")},
    )
    if request.method == "POST":
        if _save(request, form, lambda d: services.unit_create(actor=actor, **d), _("Boligen er oprettet.")):
            return redirect("housing:units")
    return render(
        request, "housing/form.html", {"form": form, "title": _("Ny bolig"), "back": ("housing:units", None)}
    )


@with_actor(Capability.MANAGE_HOUSING)
def unit_edit(request, actor, unit_id):
    unit = selectors.unit_get(actor, unit_id)
    form = UnitForm(request.POST or None, instance=unit, municipality=actor.municipality)
    if request.method == "POST":
        if _save(
            request, form, lambda d: services.unit_update(actor=actor, unit=unit, **d), _("Boligen er gemt.")
        ):
            return redirect("housing:units")
    return render(
        request,
        "housing/form.html",
        {
            "form": form,
            "title": _("Ret bolig: %(address)s") % {"address": unit.address},
            "back": ("housing:units", None),
        },
    )


# --- analyses (aggregates only) -------------------------------------------------------------------------


@with_actor(Capability.VIEW_FIGURES)
def stock_analysis(request, actor):
    data = selectors.stock_analysis(actor, today=timezone.localdate())
    chart = {
        "labels": [str(y) for y, _ in data["per_year"]],
        "vacancies": [n for _, n in data["per_year"]],
        "groups": [f"{g['band']}, {g['rooms']}" for g in data["groups"]],
        "applicants": [g["applicants"] for g in data["groups"]],
        "supply": [g["vacancies_per_year"] for g in data["groups"]],
    }
    return render(request, "housing/stock_analysis.html", {"data": data, "chart": chart})


@with_actor(Capability.VIEW_FIGURES)
def retention(request, actor):
    data = selectors.retention_figures(actor, today=timezone.localdate())
    chart = {
        "labels": [ngettext("%(months)s mdr.", "%(months)s mdr.", m) % {"months": m} for m in data["months"]],
        "shares": [c["share"] for c in data["total"][0]["cells"]] if data["total"] else [],
        "low": data["target_low"],
        "high": data["target_high"],
    }
    return render(request, "housing/retention.html", {"data": data, "chart": chart})


# --- tenancies ------------------------------------------------------------------------------------------


@with_actor(Capability.MANAGE_HOUSING)
def tenancy_start(request, actor, person_id):
    person = person_get(actor, person_id, purpose=PERSON_PURPOSE, log=request.method == "GET")
    form = TenancyStartForm(request.POST or None, units=selectors.vacant_units(actor))
    if request.method == "POST":
        if _save(
            request,
            form,
            lambda d: services.tenancy_start(
                actor=actor, person=person, unit=d["unit"], address=d["address"], starts_on=d["starts_on"]
            ),
            _("%(name)s er flyttet ind og registreret som boligplaceret.") % {"name": person.display_name},
        ):
            return redirect(reverse("people:detail", args=[person.pk]) + "?fane=bolig")
    return render(
        request,
        "housing/tenancy_form.html",
        {"form": form, "person": person, "title": _("Indflytning"), "button": _("Registrér indflytning")},
    )


@with_actor(Capability.MANAGE_HOUSING)
def tenancy_end(request, actor, tenancy_id):
    tenancy = selectors.tenancy_get(actor, tenancy_id)
    person = person_get(actor, tenancy.person_id, purpose=PERSON_PURPOSE, log=request.method == "GET")
    form = TenancyEndForm(request.POST or None)
    if request.method == "POST":
        if _save(
            request,
            form,
            lambda d: services.tenancy_end(
                actor=actor,
                tenancy=tenancy,
                ends_on=d["ends_on"],
                reason=d["reason"],
                next_situation=d["next_situation"],
                place=d["place"],
            ),
            _("Fraflytningen er registreret. Støtten fortsætter."),
        ):
            return redirect(reverse("people:detail", args=[person.pk]) + "?fane=bolig")
    return render(
        request,
        "housing/tenancy_form.html",
        {
            "form": form,
            "person": person,
            "tenancy": tenancy,
            "title": _("Fraflytning"),
            "button": _("Registrér fraflytning"),
            "confirm": _("Lejemålet afsluttes med fraflytningen. Støtten fortsætter."),
        },
    )


@with_actor(Capability.EDIT_PEOPLE)
def tenancy_eviction(request, actor, tenancy_id):
    tenancy = selectors.tenancy_get(actor, tenancy_id)
    person = person_get(actor, tenancy.person_id, purpose=PERSON_PURPOSE, log=request.method == "GET")
    form = EvictionForm(request.POST or None)
    if request.method == "POST":
        if _save(
            request,
            form,
            lambda d: services.tenancy_flag_eviction(
                actor=actor, tenancy=tenancy, flagged_on=d["flagged_on"], note=d["note"]
            ),
            _("Fogedsagen er registreret og vises for borgerens medarbejdere."),
        ):
            return redirect(reverse("people:detail", args=[person.pk]) + "?fane=bolig")
    return render(
        request,
        "housing/tenancy_form.html",
        {
            "form": form,
            "person": person,
            "tenancy": tenancy,
            "title": _("Registrér fogedsag"),
            "button": _("Registrér fogedsag"),
        },
    )


@require_POST
@with_actor(Capability.EDIT_PEOPLE)
def tenancy_eviction_clear(request, actor, tenancy_id):
    tenancy = selectors.tenancy_get(actor, tenancy_id)
    services.tenancy_clear_eviction(actor=actor, tenancy=tenancy)
    messages.success(request, _("Fogedsagen er markeret som afværget."))
    return redirect(reverse("people:detail", args=[tenancy.person_id]) + "?fane=bolig")


@with_actor(Capability.VIEW_PEOPLE)
def eviction_list(request, actor):
    page = selectors.eviction_page(actor, page=request.GET.get(PAGE_PARAM))
    return render(request, "housing/eviction_list.html", {"page": page, "cases": page.object_list})


# --- while waiting (seed 004, 4.2) ----------------------------------------------------------------------


@with_actor(Capability.VIEW_HOUSING)
def waiting_list(request, actor):
    missing_only = request.GET.get("mangler") == "1"
    page, basis, missing = selectors.waiting_list(
        actor, missing_only=missing_only, page=request.GET.get(PAGE_PARAM)
    )
    rows = [(p, next(iter(p.waiting_plans.all()), None)) for p in page.object_list]
    return render(
        request,
        "housing/waiting_list.html",
        {
            "page": page,
            "rows": rows,
            "basis": basis,
            "missing_only": missing_only,
            "missing": missing,
            "may_edit": has_capability(actor.role, Capability.EDIT_PEOPLE),
        },
    )


@with_actor(Capability.EDIT_PEOPLE)
def waiting_plan_edit(request, actor, person_id):
    person = person_get(actor, person_id, purpose="Plan for tiden indtil bolig", log=request.method == "GET")
    current = selectors.latest_waiting_plan(person)
    initial = (
        {
            "stays_at": current.stays_at,
            "supported_by": current.supported_by,
            "housing_plan": current.housing_plan,
        }
        if current
        else {}
    )
    form = WaitingPlanForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if _save(
            request,
            form,
            lambda d: services.waiting_plan_record(actor=actor, person=person, **d),
            _("Planen er gemt."),
        ):
            return redirect("housing:waiting_list")
    return render(
        request,
        "housing/tenancy_form.html",
        {
            "form": form,
            "person": person,
            "current": current,
            "title": _("Plan for tiden indtil bolig"),
            "button": _("Gem plan"),
        },
    )
