"""Reads for the leaders' front page and the goals: aggregates only, never names, in the actor's
municipality. Each domain's figures come from its own selector (retention from housing, capacity from
support, fidelity from fidelity, inflow and outflow from the by-name list's monthly rollup); the
measures of homelessness on a day are computed here from the dated history (steering/measures.py)."""

from datetime import date

from django.db.models import Q
from django.utils.translation import gettext, gettext_lazy

from accounts.access import require
from accounts.roles import Capability, has_capability
from fidelity.selectors import latest_results
from housing.selectors import retention_figures
from people.durations import Period
from people.models import Person, SituationPeriod, StatusChange
from people.selectors import list_figures
from people.situations import HOMELESS, SHORT_LABELS, Situation
from people.statuses import ACTIVE, Status
from support.selectors import method_figures

from . import catalogue, measures, progress
from .models import Direction, Goal

SERIES_MONTHS = 24


def compute_measures(municipality, *, today: date) -> dict:
    """The measures from the municipality's raw history (system work: no actor, no names)."""
    people: dict[int, measures.History] = {}
    for pk, birth_date, birth_year in Person.objects.filter(municipality=municipality).values_list(
        "id", "birth_date", "birth_year"
    ):
        people[pk] = measures.History(birth_date=birth_date, birth_year=birth_year)
    statuses: dict[int, list] = {}
    for person_id, on, status in (
        StatusChange.objects.filter(municipality=municipality)
        .order_by("changed_on", "id")
        .values_list("person_id", "changed_on", "status")
    ):
        statuses.setdefault(person_id, []).append((on, status))
    for person_id, situation, start, end in (
        SituationPeriod.objects.filter(municipality=municipality)
        .order_by("start_date", "id")
        .values_list("person_id", "situation", "start_date", "end_date")
    ):
        if person_id in people:
            people[person_id].periods.append(Period(situation, start, end))
    histories = []
    for pk, h in people.items():
        histories.append(
            measures.History(
                statuses=statuses.get(pk, []),
                periods=h.periods,
                birth_date=h.birth_date,
                birth_year=h.birth_year,
            )
        )
    housed = list(
        StatusChange.objects.filter(
            municipality=municipality, status=Status.HOUSED, previous_status__in=[s.value for s in ACTIVE]
        ).values_list("changed_on", "days_on_list")
    )
    return measures.compute(histories, housed, today=today, months=SERIES_MONTHS)


def homelessness(actor, *, today: date) -> dict:
    require(actor, Capability.VIEW_FIGURES)
    return compute_measures(actor.municipality, today=today)


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
        "fidelity": latest_results(actor) if has_capability(actor.role, Capability.VIEW_FIDELITY) else None,
        "goals": goal_progress(actor, today=today, data=data),
        "may_see_people": has_capability(actor.role, Capability.VIEW_PEOPLE),
        "reference_days": catalogue.DAYS_TO_HOUSING_REFERENCE,
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
