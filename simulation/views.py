"""The leaders' scenarios, their runs and the comparison. Thin: parse, call a selector or service, render."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import with_actor
from accounts.roles import Capability, has_capability
from core.forms import apply_error

from . import charts, conf, selectors, services
from .errors import ScenarioDataError
from .forms import ScenarioForm
from .models import RunStatus, Scenario, SimulationRun

MAX_COMPARED = 4


@with_actor(Capability.VIEW_FIGURES)
def scenario_list(request, actor):
    return render(
        request,
        "simulation/list.html",
        {
            "page": selectors.scenario_page(actor, page=request.GET.get("side")),
            "may_steer": has_capability(actor.role, Capability.STEER),
        },
    )


def _scenario(actor, scenario_id) -> Scenario:
    try:
        return selectors.scenario_get(actor, scenario_id)
    except Scenario.DoesNotExist:
        raise Http404(_("Scenariet findes ikke.")) from None


def _form(request, actor, scenario):
    if scenario:
        initial = {
            "name": scenario.name,
            "description": scenario.description,
            "runs": scenario.runs,
            "horizon_months": scenario.horizon_months,
            "seed": scenario.seed,
            **scenario.changes,
        }
    else:
        initial = {"runs": conf.value("RUNS"), "horizon_months": conf.value("HORIZON_MONTHS"), "seed": 1}
    form = ScenarioForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        changes = {k: data.get(k) for k in services.CHANGE_FIELDS}
        try:
            saved = services.scenario_save(
                actor=actor,
                scenario=scenario,
                name=data["name"],
                description=data["description"],
                changes=changes,
                runs=data["runs"],
                horizon_months=data["horizon_months"],
                seed=data["seed"],
            )
            messages.success(request, _("Scenariet er gemt. Start en beregning for at se resultatet."))
            return redirect("simulation:scenario_edit", scenario_id=saved.pk)
        except ScenarioDataError as exc:
            apply_error(form, exc)
    runs = list(scenario.simulation_runs.defer("result")[:10]) if scenario else []
    return render(
        request,
        "simulation/scenario_form.html",
        {"form": form, "scenario": scenario, "runs": runs},
        status=400 if request.method == "POST" else 200,
    )


@with_actor(Capability.STEER)
def scenario_new(request, actor):
    return _form(request, actor, None)


@with_actor(Capability.STEER)
def scenario_edit(request, actor, scenario_id):
    return _form(request, actor, _scenario(actor, scenario_id))


@require_POST
@with_actor(Capability.STEER)
def run_start(request, actor, scenario_id):
    run = services.run_start(actor=actor, scenario=_scenario(actor, scenario_id))
    return redirect("simulation:run_detail", run_id=run.pk)


@with_actor(Capability.VIEW_FIGURES)
def run_detail(request, actor, run_id):
    try:
        run = selectors.run_get(actor, run_id)
    except SimulationRun.DoesNotExist:
        raise Http404(_("Beregningen findes ikke.")) from None
    context = {"run": run, "summary": charts.run_summary(run) if run.status == RunStatus.DONE else None}
    template = "simulation/_run_status.html" if request.htmx else "simulation/run.html"
    return render(request, template, context)


@with_actor(Capability.VIEW_FIGURES)
def compare(request, actor):
    all_scenarios = list(selectors.scenarios(actor)[:200])
    finished = selectors.latest_runs(actor, [s.pk for s in all_scenarios], done_only=True)
    wanted = [int(x) for x in request.GET.getlist("scenarie") if x.isdigit()]
    chosen = (
        [s for s in all_scenarios if s.pk in wanted and s.pk in finished]
        if wanted
        else [s for s in all_scenarios if s.pk in finished]
    )
    chosen = chosen[:MAX_COMPARED]
    data = charts.comparison([(s, finished[s.pk]) for s in chosen])
    return render(
        request,
        "simulation/compare.html",
        {
            "scenarios": [s for s in all_scenarios if s.pk in finished],
            "chosen_ids": [s.pk for s in chosen],
            "data": data,
            "chart": data["chart"] if data else None,
            # The prices the base run used (each run keeps its own), else this year's from the economy page.
            "prices": (chosen and (finished[chosen[0].pk].result or {}).get("prices"))
            or selectors.prices_now(actor, today=timezone.localdate()),
        },
    )
