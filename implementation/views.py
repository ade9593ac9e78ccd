"""The implementation plan, the networks and the Landkort. Thin: parse, call a selector or service, render.
Everyone with the leaders' figures reads them; leaders (Capability.STEER) edit."""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import with_actor
from accounts.roles import Capability, has_capability
from core.forms import apply_error
from core.pagination import PAGE_PARAM
from core.pdf import pdf_response

from . import pdf, selectors, services
from . import principles as hf_principles
from . import status as rules
from .errors import PlanDataError
from .forms import (
    FocusAreaForm,
    InitiativeForm,
    MapActorForm,
    MeetingForm,
    MemberForm,
    NetworkForm,
    StatusForm,
)


def _found(getter, actor, pk, message):
    try:
        return getter(actor, pk)
    except ObjectDoesNotExist:
        raise Http404(message) from None


def _may_steer(actor) -> bool:
    return has_capability(actor.role, Capability.STEER)


def _status(request) -> int:
    return 400 if request.method == "POST" else 200


# --- the plan ----------------------------------------------------------------------------------------------


@with_actor(Capability.VIEW_FIGURES)
def plan(request, actor):
    data = selectors.plan(actor, today=timezone.localdate())
    return render(request, "implementation/plan.html", {"data": data, "may_steer": _may_steer(actor)})


@with_actor(Capability.VIEW_FIGURES)
def report_pdf(request, actor):
    today = timezone.localdate()
    content = pdf.status_report_pdf(actor, today=today, request=request)
    return pdf_response(content, filename=f"implementeringsplan-{today.isoformat()}.pdf")


def _focus_area_form(request, actor, area):
    initial = {k: getattr(area, k) for k in ("number", "title", "source", "description")} if area else {}
    form = FocusAreaForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.focus_area_save(actor=actor, focus_area=area, **form.cleaned_data)
            messages.success(request, _("Fokusområdet er gemt."))
            return redirect("implementation:plan")
        except PlanDataError as exc:
            apply_error(form, exc)
    return render(
        request, "implementation/focus_area_form.html", {"form": form, "area": area}, status=_status(request)
    )


@with_actor(Capability.STEER)
def focus_area_new(request, actor):
    return _focus_area_form(request, actor, None)


@with_actor(Capability.STEER)
def focus_area_edit(request, actor, focus_area_id):
    area = _found(selectors.focus_area_get, actor, focus_area_id, _("Fokusområdet findes ikke."))
    return _focus_area_form(request, actor, area)


def _initiative_form(request, actor, item):
    fields = ("focus_area", "title", "description", "owner", "start", "deadline", "notes", "principles")
    if item:
        initial = {k: getattr(item, k) for k in fields} | {"goals": list(item.goals.all())}
    else:
        initial = {"focus_area": request.GET.get("fokusomraade")}
    form = InitiativeForm(
        request.POST or None,
        initial=initial,
        focus_areas=selectors.focus_areas(actor),
        goals=selectors.goal_choices(actor),
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.initiative_save(
                actor=actor, initiative=item, today=timezone.localdate(), **form.cleaned_data
            )
            messages.success(request, _("Initiativet er gemt."))
            return redirect("implementation:initiative_detail", initiative_id=saved.pk)
        except PlanDataError as exc:
            apply_error(form, exc)
    return render(
        request, "implementation/initiative_form.html", {"form": form, "item": item}, status=_status(request)
    )


@with_actor(Capability.STEER)
def initiative_new(request, actor):
    if not selectors.focus_areas(actor).exists():
        messages.info(request, _("Opret først et fokusområde, som initiativet hører under."))
        return redirect("implementation:focus_area_new")
    return _initiative_form(request, actor, None)


@with_actor(Capability.STEER)
def initiative_edit(request, actor, initiative_id):
    item = _found(selectors.initiative_get, actor, initiative_id, _("Initiativet findes ikke."))
    return _initiative_form(request, actor, item)


def _initiative_page(request, actor, item, status_form, status=200):
    today = timezone.localdate()
    return render(
        request,
        "implementation/initiative.html",
        {
            "item": item,
            "overdue": rules.is_overdue(status=item.status, deadline=item.deadline, today=today),
            "principles": [hf_principles.title(n) for n in item.principles],
            "history": selectors.initiative_history(actor, item),
            "status_form": status_form,
            "may_steer": _may_steer(actor),
        },
        status=status,
    )


@with_actor(Capability.VIEW_FIGURES)
def initiative_detail(request, actor, initiative_id):
    item = _found(selectors.initiative_get, actor, initiative_id, _("Initiativet findes ikke."))
    return _initiative_page(request, actor, item, StatusForm(initial={"status": item.status}))


@require_POST
@with_actor(Capability.STEER)
def initiative_status(request, actor, initiative_id):
    item = _found(selectors.initiative_get, actor, initiative_id, _("Initiativet findes ikke."))
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.initiative_status_change(actor=actor, initiative=item, **form.cleaned_data)
            messages.success(request, _("Status er ændret."))
            return redirect("implementation:initiative_detail", initiative_id=item.pk)
        except PlanDataError as exc:
            apply_error(form, exc)
    return _initiative_page(request, actor, item, form, status=400)


# --- networks ---------------------------------------------------------------------------------------------


@with_actor(Capability.VIEW_FIGURES)
def networks(request, actor):
    return render(
        request,
        "implementation/networks.html",
        {"networks": selectors.networks(actor), "may_steer": _may_steer(actor)},
    )


def _network_form(request, actor, network):
    initial = {k: getattr(network, k) for k in ("kind", "name", "purpose")} if network else {}
    form = NetworkForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.network_save(actor=actor, network=network, **form.cleaned_data)
            messages.success(request, _("Netværket er gemt."))
            return redirect("implementation:network_detail", network_id=saved.pk)
        except PlanDataError as exc:
            apply_error(form, exc)
    return render(
        request,
        "implementation/network_form.html",
        {"form": form, "network": network},
        status=_status(request),
    )


@with_actor(Capability.STEER)
def network_new(request, actor):
    return _network_form(request, actor, None)


@with_actor(Capability.STEER)
def network_edit(request, actor, network_id):
    network = _found(selectors.network_get, actor, network_id, _("Netværket findes ikke."))
    return _network_form(request, actor, network)


def _network_page(request, actor, network, member_form=None, status=200):
    may_steer = _may_steer(actor)
    if may_steer and member_form is None:
        member_form = MemberForm(users=selectors.member_user_choices(actor))
    return render(
        request,
        "implementation/network.html",
        {
            "network": network,
            "meetings": selectors.network_meetings(actor, network, request.GET.get(PAGE_PARAM)),
            "member_form": member_form,
            "may_steer": may_steer,
        },
        status=status,
    )


@with_actor(Capability.VIEW_FIGURES)
def network_detail(request, actor, network_id):
    network = _found(selectors.network_get, actor, network_id, _("Netværket findes ikke."))
    return _network_page(request, actor, network)


@require_POST
@with_actor(Capability.STEER)
def member_add(request, actor, network_id):
    network = _found(selectors.network_get, actor, network_id, _("Netværket findes ikke."))
    form = MemberForm(request.POST, users=selectors.member_user_choices(actor))
    if form.is_valid():
        try:
            services.member_add(actor=actor, network=network, **form.cleaned_data)
            messages.success(request, _("Medlemmet er tilføjet."))
            return redirect("implementation:network_detail", network_id=network.pk)
        except PlanDataError as exc:
            apply_error(form, exc)
    return _network_page(request, actor, network, member_form=form, status=400)


@require_POST
@with_actor(Capability.STEER)
def member_remove(request, actor, member_id):
    member = _found(selectors.member_get, actor, member_id, _("Medlemmet findes ikke."))
    network_id = member.network_id
    services.member_remove(actor=actor, member=member)
    messages.success(request, _("Medlemmet er fjernet fra netværket."))
    return redirect("implementation:network_detail", network_id=network_id)


def _meeting_form(request, actor, network, meeting):
    initial = {k: getattr(meeting, k) for k in ("held_on", "agenda", "minutes")} if meeting else {}
    form = MeetingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_save(
                actor=actor, network=network, meeting=meeting, today=timezone.localdate(), **form.cleaned_data
            )
            messages.success(request, _("Mødet er gemt."))
            return redirect("implementation:network_detail", network_id=network.pk)
        except PlanDataError as exc:
            apply_error(form, exc)
    return render(
        request,
        "implementation/meeting_form.html",
        {"form": form, "network": network, "meeting": meeting},
        status=_status(request),
    )


@with_actor(Capability.STEER)
def meeting_new(request, actor, network_id):
    network = _found(selectors.network_get, actor, network_id, _("Netværket findes ikke."))
    return _meeting_form(request, actor, network, None)


@with_actor(Capability.STEER)
def meeting_edit(request, actor, meeting_id):
    meeting = _found(selectors.meeting_get, actor, meeting_id, _("Mødet findes ikke."))
    return _meeting_form(request, actor, meeting.network, meeting)


# --- the Landkort ------------------------------------------------------------------------------------------


@with_actor(Capability.VIEW_FIGURES)
def landkort(request, actor):
    return render(
        request,
        "implementation/landkort.html",
        {"groups": selectors.landkort(actor), "may_steer": _may_steer(actor)},
    )


def _map_actor_form(request, actor, item):
    fields = ("kind", "name", "does", "when", "phone", "email", "address", "hours", "contact_person")
    initial = {k: getattr(item, k) for k in fields} if item else {}
    form = MapActorForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.map_actor_save(actor=actor, map_actor=item, **form.cleaned_data)
            messages.success(request, _("Aktøren er gemt på landkortet."))
            return redirect("implementation:landkort")
        except PlanDataError as exc:
            apply_error(form, exc)
    return render(
        request, "implementation/map_actor_form.html", {"form": form, "item": item}, status=_status(request)
    )


@with_actor(Capability.STEER)
def map_actor_new(request, actor):
    return _map_actor_form(request, actor, None)


@with_actor(Capability.STEER)
def map_actor_edit(request, actor, actor_id):
    item = _found(selectors.map_actor_get, actor, actor_id, _("Aktøren findes ikke."))
    return _map_actor_form(request, actor, item)


@require_POST
@with_actor(Capability.STEER)
def map_actor_delete(request, actor, actor_id):
    item = _found(selectors.map_actor_get, actor, actor_id, _("Aktøren findes ikke."))
    services.map_actor_delete(actor=actor, map_actor=item)
    messages.success(request, _("Aktøren er fjernet fra landkortet."))
    return redirect("implementation:landkort")
