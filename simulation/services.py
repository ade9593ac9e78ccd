"""Writes of the simulation: leaders save scenarios and start runs; the task runs them (``run_execute``).
Each saved change is logged with before and after values."""

from dataclasses import replace

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope

from accounts.access import Actor, actor_log, require
from accounts.roles import Capability
from audit.models import Action
from support import conf as support_conf
from tenants import rls
from tenants.models import Municipality

from . import calibrate, conf, model, selectors
from .errors import ScenarioDataError
from .models import RunStatus, Scenario, SimulationRun

PURPOSE = "Simulering af kapacitet og økonomi"
CHANGE_FIELDS = (
    "extra_homes_per_month",
    "extra_cti_workers",
    "extra_icm_workers",
    "act_team_size",
    "months_to_ready",
)


def _number(value, field: str, *, low: float, high: float, whole: bool, message: str):
    if value in (None, ""):
        return None
    try:
        number = int(value) if whole else float(value)
    except (TypeError, ValueError):
        raise ScenarioDataError(field, message) from None
    if whole and float(value) != number or not low <= number <= high:
        raise ScenarioDataError(field, message)
    return number


def validated_changes(changes: dict) -> dict:
    """The scenario's changes, checked: a Danish message on the field that is wrong."""
    out = {
        "extra_homes_per_month": _number(
            changes.get("extra_homes_per_month"),
            "extra_homes_per_month",
            low=0,
            high=500,
            whole=False,
            message=_("Ekstra boliger pr. måned skal være et tal mellem 0 og 500, fx 1,5."),
        ),
        "extra_cti_workers": _number(
            changes.get("extra_cti_workers"),
            "extra_cti_workers",
            low=0,
            high=200,
            whole=True,
            message=_("Ekstra CTI-medarbejdere skal være et helt tal mellem 0 og 200."),
        ),
        "extra_icm_workers": _number(
            changes.get("extra_icm_workers"),
            "extra_icm_workers",
            low=0,
            high=200,
            whole=True,
            message=_("Ekstra ICM-medarbejdere skal være et helt tal mellem 0 og 200."),
        ),
        "act_team_size": _number(
            changes.get("act_team_size"),
            "act_team_size",
            low=0,
            high=20,
            whole=True,
            message=_("Et ACT-team har 0-20 medarbejdere (typisk 10-12)."),
        ),
        "months_to_ready": _number(
            changes.get("months_to_ready"),
            "months_to_ready",
            low=0.5,
            high=60,
            whole=False,
            message=_("Måneder fra identifikation til klar til bolig skal være mellem 0,5 og 60."),
        ),
    }
    return {k: v for k, v in out.items() if v not in (None, 0)}


def _snapshot(s: Scenario) -> dict:
    return {
        "name": s.name,
        "description": s.description,
        "changes": str(s.changes),
        "runs": str(s.runs),
        "horizon_months": str(s.horizon_months),
        "seed": str(s.seed),
    }


@transaction.atomic
def scenario_save(
    *,
    actor: Actor,
    name: str,
    description: str = "",
    changes: dict,
    runs: int | None = None,
    horizon_months: int | None = None,
    seed: int | None = None,
    scenario: Scenario | None = None,
) -> Scenario:
    require(actor, Capability.STEER)
    name = (name or "").strip()
    if not name:
        raise ScenarioDataError("name", _("Giv scenariet et navn."))
    clash = Scenario.objects.filter(municipality=actor.municipality, name__iexact=name)
    if scenario is not None:
        clash = clash.exclude(pk=scenario.pk)
    if clash.exists():
        raise ScenarioDataError("name", _("Der findes allerede et scenarie med det navn."))
    checked = validated_changes(changes)
    runs = conf.value("RUNS") if runs in (None, "") else runs
    if not 10 <= int(runs) <= conf.value("MAX_RUNS"):
        raise ScenarioDataError(
            "runs", _("Antal gennemløb skal være mellem 10 og %(max)s.") % {"max": conf.value("MAX_RUNS")}
        )
    horizon_months = conf.value("HORIZON_MONTHS") if horizon_months in (None, "") else horizon_months
    if not 1 <= int(horizon_months) <= conf.value("MAX_HORIZON_MONTHS"):
        raise ScenarioDataError(
            "horizon_months",
            _("Antal måneder frem skal være mellem 1 og %(max)s.")
            % {"max": conf.value("MAX_HORIZON_MONTHS")},
        )
    seed = 1 if seed in (None, "") else seed
    if not 0 <= int(seed) <= 2**31 - 1:
        raise ScenarioDataError("seed", _("Startværdien skal være et helt tal fra 0 og op."))
    before = {} if scenario is None else _snapshot(scenario)
    scenario = scenario or Scenario(municipality=actor.municipality, created_by=actor.user)
    scenario.name, scenario.description, scenario.changes = name, (description or "").strip(), checked
    scenario.runs, scenario.horizon_months, scenario.seed = int(runs), int(horizon_months), int(seed)
    scenario.save()
    after = _snapshot(scenario)
    diff = {k: [before.get(k, ""), v] for k, v in after.items() if before.get(k) != v}
    actor_log(
        actor,
        Action.UPDATE if before else Action.CREATE,
        PURPOSE,
        detail=f"scenarie {scenario.pk}",
        changes=diff,
    )
    return scenario


@transaction.atomic
def run_start(*, actor: Actor, scenario: Scenario) -> SimulationRun:
    """Queue a run; its task is committed with the request that asked for it."""
    from .tasks import run_simulation

    require(actor, Capability.STEER)
    run = SimulationRun.objects.create(
        municipality=actor.municipality,
        scenario=scenario,
        requested_by=actor.user,
        role=actor.role,
        path=actor.path[:300],
    )
    run.task_id = str(run_simulation.enqueue(run.pk, actor.municipality.pk).id)
    run.save(update_fields=["task_id"])
    actor_log(actor, Action.CREATE, PURPOSE, detail=f"simulering af scenarie {scenario.pk}")
    return run


def caseloads() -> dict:
    per_worker = support_conf.value("CASELOAD_PER_WORKER")
    return {
        "cti": per_worker["cti"],
        "icm": per_worker["icm"],
        "act_per_staff": support_conf.value("ACT_PER_STAFF"),
        "act_max": support_conf.value("ACT_TEAM_MAX"),
    }


def _set_progress(run: SimulationRun, progress: int, **fields) -> None:
    SimulationRun.objects.filter(pk=run.pk).update(progress=progress, **fields)


def compute(
    history: calibrate.History,
    *,
    places: dict,
    prices: dict,
    changes: dict,
    runs: int,
    months: int,
    seed: int,
    report=None,
) -> dict:
    """The result a run stores: the base (the municipality's history carried forward) and the scenario,
    each as percentiles per month, waits, cost and savings, and the back-test. Plain data; ``report(p)``
    gets the progress 0-100."""
    report = report or (lambda p: None)
    defaults = conf.model_defaults(prices)
    backtest = calibrate.backtest(history, defaults=defaults, runs=conf.value("BACKTEST_RUNS"), seed=seed)
    report(20)
    base, basis = calibrate.calibrate(history, defaults=defaults, capacity=places)
    start = history.grids.get(calibrate.month_end(history.months[-1]))
    base = replace(base, initial=calibrate.as_grid(start) if start else calibrate.empty_grid())
    scenario = model.apply_scenario(base, changes, caseload=caseloads())

    def stage(low, high):
        return lambda done: report(low + (high - low) * done // months)

    base_result = model.simulate(base, runs=runs, months=months, seed=seed, progress=stage(20, 55))
    scen_result = model.simulate(scenario, runs=runs, months=months, seed=seed, progress=stage(55, 95))
    first = calibrate.month_end(history.months[-1])
    labels = [calibrate.month_label(first, t + 1) for t in range(months)]
    return {
        "labels": labels,
        "start": first,
        "start_totals": calibrate.grid_totals(base.initial),
        "base": model.summarise(base_result),
        "scenario": model.summarise(scen_result, base=base_result),
        "parameters": {"base": parameters_shown(base), "scenario": parameters_shown(scenario)},
        # The prices the run used: a later change of a price does not change a finished run.
        "prices": prices,
        "basis": basis,
        "backtest": backtest,
        "runs": runs,
        "months": months,
        "seed": seed,
    }


def parameters_shown(p: model.Parameters) -> dict:
    return {
        "inflow_mean": p.inflow_mean,
        "homes_per_month": round(p.homes_per_month, 2),
        "months_to_ready": p.months_to_ready,
        "capacity": dict(p.capacity),
        "need_mix": [round(x, 3) for x in p.need_mix],
        "exit_homeless": p.exit_homeless[0],
        "lose_home": dict(p.lose_home),
    }


def run_execute(run_id: int, municipality_id: int) -> str:
    """The task's body in the worker: load the history as the requester, run, store; progress on the row."""
    previous = rls.current_tenant_setting()
    rls.set_tenant(str(municipality_id), local=False)
    try:
        municipality = Municipality.objects.get(pk=municipality_id)
        with scope(municipality=municipality):
            run = SimulationRun.objects.select_related("scenario", "requested_by").get(pk=run_id)
            actor = Actor(user=run.requested_by, municipality=municipality, role=run.role, path=run.path)
            _set_progress(run, 1, status=RunStatus.RUNNING)
            try:
                today = timezone.localdate()
                history = selectors.calibration_history(actor, today=today)
                places = selectors.places_now(actor, today=today)
                prices = selectors.prices_now(actor, today=today)
                _set_progress(run, 10)
                last = [10]

                def report(p):
                    if p >= last[0] + 5:  # a write every 5 %
                        last[0] = p
                        _set_progress(run, p)

                s = run.scenario
                result = compute(
                    history,
                    places=places,
                    prices=prices,
                    changes=s.changes,
                    runs=s.runs,
                    months=s.horizon_months,
                    seed=s.seed,
                    report=report,
                )
            except Exception:
                _set_progress(run, run.progress, status=RunStatus.FAILED, finished_at=timezone.now())
                raise
            _set_progress(run, 100, status=RunStatus.DONE, result=result, finished_at=timezone.now())
            return RunStatus.DONE
    finally:
        rls.set_tenant(previous, local=False)
