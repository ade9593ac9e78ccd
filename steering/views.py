"""The leaders' front page and their goals. Thin: parse, call a selector or service, render."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import with_actor
from accounts.roles import Capability, has_capability
from core.forms import apply_error
from core.pdf import pdf_response

from . import charts, pdf, selectors, services
from .errors import GoalDataError
from .forms import GoalForm
from .models import Goal


@with_actor(Capability.VIEW_FIGURES)
def front(request, actor):
    page = selectors.front_page(actor, today=timezone.localdate())
    return render(
        request,
        "steering/front.html",
        {
            "page": page,
            "chart": charts.front(page),
            "may_steer": has_capability(actor.role, Capability.STEER),
        },
    )


@with_actor(Capability.VIEW_FIGURES)
def goals(request, actor):
    today = timezone.localdate()
    return render(
        request,
        "steering/goals.html",
        {
            "goals": selectors.goal_progress(actor, today=today),
            "archived": selectors.goal_progress(actor, today=today, archived=True),
            "may_steer": has_capability(actor.role, Capability.STEER),
        },
    )


def _get(actor, goal_id) -> Goal:
    try:
        return selectors.goal_get(actor, goal_id)
    except Goal.DoesNotExist:
        raise Http404(_("Målet findes ikke.")) from None


def _goal_form(request, actor, goal):
    today = timezone.localdate()
    initial = (
        {f: getattr(goal, f) for f in ("measure", "direction", "target", "deadline", "owner", "why")}
        if goal
        else {"direction": "at_most"}
    )
    form = GoalForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.goal_save(actor=actor, goal=goal, today=today, **form.cleaned_data)
            messages.success(request, _("Målet er gemt."))
            return redirect("steering:goal_edit", goal_id=saved.pk)
        except GoalDataError as exc:
            apply_error(form, exc)
    return render(
        request,
        "steering/goal_form.html",
        {
            "form": form,
            "goal": goal,
            "history": selectors.goal_history(actor, goal) if goal else [],
        },
        status=400 if request.method == "POST" else 200,
    )


@with_actor(Capability.STEER)
def goal_new(request, actor):
    return _goal_form(request, actor, None)


@with_actor(Capability.STEER)
def goal_edit(request, actor, goal_id):
    return _goal_form(request, actor, _get(actor, goal_id))


@require_POST
@with_actor(Capability.STEER)
def goal_archive(request, actor, goal_id):
    services.goal_archive(actor=actor, goal=_get(actor, goal_id), today=timezone.localdate())
    messages.success(request, _("Målet er afsluttet. Det findes under afsluttede mål."))
    return redirect("steering:goals")


@with_actor(Capability.VIEW_FIGURES)
def goals_pdf(request, actor):
    today = timezone.localdate()
    content = pdf.goals_pdf(actor, today=today, request=request)
    return pdf_response(content, filename=f"maal-{today.isoformat()}.pdf")


@with_actor(Capability.VIEW_FIGURES)
def rent_subsidy(request, actor):
    data = selectors.rent_subsidy(actor, today=timezone.localdate())
    return render(request, "steering/rent_subsidy.html", {"data": data})


@with_actor(Capability.VIEW_FIGURES)
def rent_subsidy_pdf(request, actor):
    today = timezone.localdate()
    content = pdf.rent_subsidy_pdf(actor, today=today, request=request)
    return pdf_response(content, filename=f"huslejetilskud-{today.isoformat()}.pdf")
