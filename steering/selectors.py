"""Reads for the leaders' front page and the goals: aggregates only, never names, in the actor's
municipality. Each domain's figures come from its own selector (retention from housing, capacity from
support, fidelity from fidelity, inflow and outflow from the by-name list's monthly rollup); the
measures of homelessness on a day come from the by-name list's dated history (people/measures.py), kept
as a snapshot by the figures app."""

from datetime import date

from django.db.models import Count, Q
from django.utils.translation import gettext, gettext_lazy

import figures
from accounts.access import require
from accounts.roles import Capability, has_capability
from count import conf as count_conf
from count.models import WeekStatus
from count.selectors import weeks as count_weeks
from fidelity.selectors import latest_results
from housing.selectors import agreements_in_force, homes_by_rent, retention_figures
from people import aggregates
from people.selectors import list_figures, list_quality, needs_list_entries
from people.situations import HOMELESS, SHORT_LABELS, Situation
from support.selectors import method_figures

from . import catalogue, conf, municipal_plan, progress, subsidy
from .models import Direction, Goal

SERIES_MONTHS = 24


def homelessness(actor, *, today: date) -> dict:
    """The measures (people/measures.py), from the snapshot kept exact by the figures app."""
    require(actor, Capability.VIEW_FIGURES)
    snap = figures.read(actor.municipality, aggregates.MEASURES, today)
    return {**snap.data, "computed_at": snap.computed_at}


def value_rows(data: dict) -> list[dict]:
    rows = []
    for m in catalogue.MEASURES:
        now, then = m.value(data["now"]), m.value(data["then"])
        rows.append(
            {
                "measure": m,
                "now": now,
                "then": then,
                "change": None if now is None or then is None else round(now - then, 1),
                "better": None
                if now is None or then is None or now == then
                else progress.better_or_equal(now, then, m.better),
            }
        )
    return rows


def situation_rows(data: dict) -> list[dict]:
    """Homeless by the count's situation, now and a year ago, in the count's order."""
    now, then = data["now"]["by_situation"], data["then"]["by_situation"]
    return [
        {
            "code": s.value,
            "label": gettext(SHORT_LABELS[s]),
            "now": now.get(s.value, 0),
            "then": then.get(s.value, 0),
        }
        for s in Situation
        if s in HOMELESS
    ]


def front_page(actor, *, today: date) -> dict:
    """Everything the leaders' front page shows. Analysts get the same figures; links to the people
    behind a figure are for roles that may see names."""
    require(actor, Capability.VIEW_FIGURES)
    data = homelessness(actor, today=today)
    flows = list_figures(actor, today=today, months=SERIES_MONTHS)
    retention = retention_figures(actor, today=today)
    return {
        "today": today,
        "data": data,
        "rows": value_rows(data),
        "situations": situation_rows(data),
        "flows": flows,
        "retention": retention,
        "capacity": method_figures(actor, today=today),
        # A list is only as good as its quality (Built for Zero's scorecard): beside the figures.
        "quality": list_quality(actor, today=today),
        "fidelity": latest_results(actor) if has_capability(actor.role, Capability.VIEW_FIDELITY) else None,
        "goals": goal_progress(actor, today=today, data=data),
        "may_see_people": has_capability(actor.role, Capability.VIEW_PEOPLE),
        "reference_days": catalogue.DAYS_TO_HOUSING_REFERENCE,
        "plan": municipal_plan.summary(actor),
    }


def goals(actor, *, archived: bool = False):
    require(actor, Capability.VIEW_FIGURES)
    qs = Goal.objects.filter(municipality=actor.municipality)
    return qs.filter(~Q(archived_on=None)) if archived else qs.filter(archived_on=None)


def goal_get(actor, pk: int) -> Goal:
    require(actor, Capability.VIEW_FIGURES)
    return Goal.objects.get(municipality=actor.municipality, pk=pk)


def current_value(data: dict, code: str) -> float | None:
    m = catalogue.measure(code)
    return m.value(data["now"]) if m else None


def goal_progress(actor, *, today: date, data: dict | None = None, archived: bool = False) -> list[dict]:
    """Each goal with its measure's value today, the path's value, the trend and whether it is on track."""
    goal_list = list(goals(actor, archived=archived))
    if not goal_list:
        return []
    data = data or homelessness(actor, today=today)
    out = []
    for g in goal_list:
        m = catalogue.measure(g.measure)
        series = []
        if m and m.series:
            series = [(date.fromisoformat(r["month"]), m.series(r)) for r in data["series"]]
        now = current_value(data, g.measure)
        p = progress.assess(
            direction=g.direction,
            target=float(g.target),
            deadline=g.deadline,
            baseline=float(g.baseline) if g.baseline is not None else None,
            baseline_on=g.baseline_on,
            current=now,
            today=today,
            series=series,
        )
        out.append({"goal": g, "measure": m, "current": now, "progress": p, "series": series[-12:]})
    return out


FIELD_LABELS = {
    "measure": gettext_lazy("måltal"),
    "direction": gettext_lazy("retning"),
    "target": gettext_lazy("mål"),
    "deadline": gettext_lazy("frist"),
    "owner": gettext_lazy("ansvarlig"),
    "why": gettext_lazy("hvorfor"),
    "archived_on": gettext_lazy("afsluttet"),
}


def _shown(field: str, value: str) -> str:
    if value in ("", "None"):
        return "–"
    if field == "measure":
        m = catalogue.measure(value)
        return str(m.label) if m else value
    if field == "direction":
        return str(Direction(value).label) if value in Direction.values else value
    if field in ("deadline", "archived_on"):
        try:
            return date.fromisoformat(value).strftime("%d.%m.%Y")
        except ValueError:
            return value
    return value


def goal_history(actor, goal: Goal) -> list[dict]:
    """Every saved change of the goal, newest first: who, when, each field's before and after."""
    require(actor, Capability.VIEW_FIGURES)
    out = []
    for c in goal.changes.all()[:100]:
        fields = c.changes if isinstance(c.changes, dict) else {}
        out.append(
            {
                "at": c.at,
                "by": c.user_label,
                "fields": [
                    {
                        "label": FIELD_LABELS.get(k, k),
                        "before": _shown(k, str(v[0]) if isinstance(v, list) and v else ""),
                        "after": _shown(k, str(v[1]) if isinstance(v, list) and len(v) > 1 else ""),
                    }
                    for k, v in fields.items()
                ],
            }
        )
    return out


def rent_subsidy(actor, *, today: date) -> dict:
    """What an application to the rent-subsidy pool needs (seeds 000, 001): the latest count, homes at or
    below the rent limit and those the subsidy would bring within reach, the people on the needs list who
    can pay at most the limit, the letting agreements in force, and the municipality's goals."""
    require(actor, Capability.VIEW_FIGURES)
    limit = conf.value("RENT_SUBSIDY_LIMIT")
    per_home_year = conf.value("RENT_SUBSIDY_PER_HOME_YEAR")
    r = subsidy.reach(limit=limit, per_home_year=per_home_year)
    homes = homes_by_rent(actor, limit=limit, reach_rent=r.reach_rent)
    counts = list(count_weeks(actor).order_by("-year").values("year", "status", "total", "completed"))
    latest = next((w for w in counts if w["status"] == WeekStatus.CLOSED), None)
    national = {int(y): n for y, n in count_conf.value("NATIONAL_TOTALS").items()}
    return {
        "today": today,
        "reach": r,
        "per_home_year": per_home_year,
        "price_level": conf.value("RENT_SUBSIDY_PRICE_LEVEL"),
        "pool": conf.value("RENT_SUBSIDY_POOL"),
        "source": conf.value("RENT_SUBSIDY_SOURCE"),
        "homes": homes,
        "reach_cost": subsidy.yearly_cost(homes["within_reach"], per_home_year=per_home_year),
        "applicants": needs_list_entries(actor).aggregate(
            at_limit=Count("id", filter=Q(max_rent__lte=limit)), total=Count("id")
        ),
        "latest_count": latest,
        "counts": [{**w, "national": national.get(w["year"])} for w in counts],
        "national_source": count_conf.value("NATIONAL_SOURCE"),
        "agreements": agreements_in_force(actor, today=today),
        "goals": goal_progress(actor, today=today),
        # The municipality's own plan (its focus areas), kept by the app above that registers the reader.
        "plan": municipal_plan.summary(actor),
    }
