"""Reads for the simulation: the municipality's history month by month for the calibration (aggregates
only, never names, so nothing is logged as a read of a person), and the scenarios and runs of the actor's
municipality.

The history is loaded once per run by the task, not per page: a page reads the stored result."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Q

from accounts.access import require
from accounts.roles import Capability
from allocation.models import Vacancy
from core.pagination import page_of
from economy import costs as economy_costs
from economy.aggregates import price_book
from housing.models import Tenancy
from people.durations import Period
from people.figures import add_months, month_end, month_start
from people.measures import History as PersonHistory
from people.models import MonthlyFlow, NeedsListEntry, SituationPeriod, StatusChange
from people.situations import HOMELESS, Situation
from people.statuses import ACTIVE, Status
from plans.models import MethodDecision
from support.models import SupportEpisode, WaitingListEntry
from support.selectors import method_figures

from . import calibrate, conf, model
from .models import RunStatus, Scenario, SimulationRun

# The count's nine situations in the model's four (simulation/model.py SITUATIONS).
GROUP = {
    Situation.STREET: 0,
    Situation.NIGHT_SHELTER: 0,
    Situation.SOFA_SURFER: 1,
    Situation.HOTEL: 2,
    Situation.TRANSITIONAL: 2,
    Situation.PRISON_RELEASE: 2,
    Situation.HOSPITAL_DISCHARGE: 2,
    Situation.OTHER_EMERGENCY: 2,
    Situation.SHELTER: 3,
}
EXIT_KIND = {
    Status.MOVED_AWAY: 0,
    Status.DIED: 1,
    Status.NO_LONGER_HOMELESS: 2,
    Status.INACTIVE: 2,
}
METHOD_INDEX = {"cti": 0, "icm": 1, "act": 2}
DECISION_INDEX = {"cti": 1, "icm": 2, "act": 3}  # anything else: no specialised support (0)
GONE = {Status.DIED, Status.MOVED_AWAY}


@dataclass
class _Person:
    history: PersonHistory
    periods: list[Period]
    tenancies: list[tuple[date, date | None]]
    needs: list[tuple[date, date | None]]
    episodes: list[tuple[str, date, date | None]]
    waits: list[tuple[str, date, date | None]]
    decisions: list[tuple[date, str]]


def _covers(spans, day: date) -> bool:
    return any(s <= day and (e is None or day < e) for s, e in spans)


def _row_on(p: _Person, day: date) -> int | None:
    """The person's housing row in the model's grid on the day, or None when outside it."""
    situation = p.history.homeless_situation_on(day)
    if situation is not None:
        ready = model.READY if _covers(p.needs, day) else 0
        return GROUP[Situation(situation)] + ready
    if p.history.status_on(day) in GONE:
        return None
    own = [(x.start, x.end) for x in p.periods if x.situation == Situation.OWN_HOME]
    if _covers(p.tenancies, day) or _covers(own, day):
        return model.HOME
    return None


def _col_on(p: _Person, day: date) -> int:
    """The person's support column on the day: in a method, waiting for one, or none."""
    for method, start, end in p.episodes:
        if method in METHOD_INDEX and start <= day and (end is None or day < end):
            return model.IN[method]
    for method, since, closed in p.waits:
        if method in METHOD_INDEX and since <= day and (closed is None or day < closed):
            return model.WAIT[method]
    decided = [m for on, m in p.decisions if on <= day]
    if decided and decided[-1] in METHOD_INDEX:
        started = any(start <= day for _m, start, _e in p.episodes)
        if not started:
            return model.WAIT[decided[-1]]
    return model.NONE


def _people(municipality, first: date, last: date) -> dict[int, _Person]:
    """Everyone with a situation period or a tenancy reaching the window, with their dated history."""
    in_window = Q(end_date__isnull=True) | Q(end_date__gt=first)
    ids = set(
        SituationPeriod.objects.filter(municipality=municipality, start_date__lte=last)
        .filter(in_window)
        .values_list("person_id", flat=True)
    ) | set(
        Tenancy.objects.filter(municipality=municipality, starts_on__lte=last)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gt=first))
        .values_list("person_id", flat=True)
    )
    periods: dict[int, list] = {}
    for pid, situation, start, end in (
        SituationPeriod.objects.filter(municipality=municipality, person_id__in=ids)
        .order_by("start_date", "id")
        .values_list("person_id", "situation", "start_date", "end_date")
    ):
        periods.setdefault(pid, []).append(Period(situation, start, end))
    statuses: dict[int, list] = {}
    for pid, on, status in (
        StatusChange.objects.filter(municipality=municipality, person_id__in=ids)
        .order_by("changed_on", "id")
        .values_list("person_id", "changed_on", "status")
    ):
        statuses.setdefault(pid, []).append((on, status))

    def grouped(rows):
        out: dict[int, list] = {}
        for pid, *rest in rows:
            out.setdefault(pid, []).append(tuple(rest))
        return out

    tenancies = grouped(
        Tenancy.objects.filter(municipality=municipality, person_id__in=ids).values_list(
            "person_id", "starts_on", "ends_on"
        )
    )
    needs = grouped(
        NeedsListEntry.objects.filter(municipality=municipality, person_id__in=ids).values_list(
            "person_id", "registered_on", "removed_on"
        )
    )
    episodes = grouped(
        SupportEpisode.objects.filter(municipality=municipality, person_id__in=ids).values_list(
            "person_id", "method", "start_date", "end_date"
        )
    )
    waits = grouped(
        WaitingListEntry.objects.filter(municipality=municipality, person_id__in=ids).values_list(
            "person_id", "method", "since", "closed_on"
        )
    )
    decisions = grouped(
        (pid, at.date() if isinstance(at, datetime) else at, method)
        for pid, at, method in MethodDecision.objects.filter(municipality=municipality, person_id__in=ids)
        .order_by("decided_at", "id")
        .values_list("person_id", "decided_at", "decided_method")
    )
    return {
        pid: _Person(
            history=PersonHistory(statuses=statuses.get(pid, []), periods=periods.get(pid, [])),
            periods=periods.get(pid, []),
            tenancies=tenancies.get(pid, []),
            needs=needs.get(pid, []),
            episodes=episodes.get(pid, []),
            waits=waits.get(pid, []),
            decisions=decisions.get(pid, []),
        )
        for pid in ids
    }


def history_months(today: date, months: int) -> list[date]:
    """The first days of the last ``months`` complete months before today's month, oldest first."""
    last = add_months(month_start(today), -1)
    return [add_months(last, -i) for i in range(months - 1, -1, -1)]


def load_history(municipality, *, today: date, months: int | None = None) -> calibrate.History:
    """The municipality's history month by month (calibrate.History) with the state grids at the end of
    the back-test's start month and of the last complete month. System work: the caller checks access."""
    months = months or conf.value("HISTORY_MONTHS")
    starts = history_months(today, months)
    ends = [month_end(m) for m in starts]
    first, last = starts[0], ends[-1]
    index = {(m.year, m.month): i for i, m in enumerate(starts)}
    n = len(starts)

    def slot(day: date) -> int | None:
        return index.get((day.year, day.month))

    people = _people(municipality, first, last)
    flows = dict(
        MonthlyFlow.objects.filter(municipality=municipality, month__gte=first, month__lte=last).values_list(
            "month", "inflow"
        )
    )
    h = calibrate.History(
        months=[m.isoformat() for m in starts],
        inflow=[int(flows.get(m, 0)) for m in starts],
        inflow_situation=[[0] * model.N_SIT for _ in range(n)],
        exits=[0] * n,
        exit_kinds=[[0] * 3 for _ in range(n)],
        housed=[0] * n,
        returned=[0] * n,
        homeless_end=[[0] * model.N_SIT for _ in range(n)],
        ready_end=[0] * n,
        registered=[0] * n,
        moves=[[[0] * model.N_SIT for _ in range(model.N_SIT)] for _ in range(n)],
        vacancies=[0] * n,
        decisions=[[0] * 4 for _ in range(n)],
        active_end=[[0] * 3 for _ in range(n)],
        ended=[[0] * 3 for _ in range(n)],
        housed_end=[0] * n,
    )
    active = {s.value for s in ACTIVE}
    for pid, on, status, previous in StatusChange.objects.filter(
        municipality=municipality, changed_on__gte=first, changed_on__lte=last
    ).values_list("person_id", "changed_on", "status", "previous_status"):
        i = slot(on)
        if status in active:
            p = people.get(pid)
            situation = p.history.situation_on(on) if p else None
            if situation in HOMELESS:
                h.inflow_situation[i][GROUP[Situation(situation)]] += 1
        if status == Status.RETURNED_FROM_HOUSING:
            h.returned[i] += 1
        if previous in active and status == Status.HOUSED:
            h.housed[i] += 1
        elif previous in active and status in EXIT_KIND:
            h.exits[i] += 1
            h.exit_kinds[i][EXIT_KIND[Status(status)]] += 1
    for on in Vacancy.objects.filter(
        municipality=municipality, reported_on__gte=first, reported_on__lte=last
    ).values_list("reported_on", flat=True):
        h.vacancies[slot(on)] += 1

    grid_days = {ends[-1]}
    if n > calibrate.BACKTEST_MONTHS:
        grid_days.add(ends[n - calibrate.BACKTEST_MONTHS - 1])
    grids = {d: [[0] * model.N_SUPPORT for _ in range(model.N_HOUSING)] for d in grid_days}
    for p in people.values():
        for i, end in enumerate(ends):
            row = _row_on(p, end)
            if row is not None:
                if row < model.HOME:
                    h.homeless_end[i][row % model.N_SIT] += 1
                    h.ready_end[i] += row >= model.READY
                else:
                    h.housed_end[i] += 1
                if end in grids:
                    grids[end][row][_col_on(p, end)] += 1
            for method, start, stop in p.episodes:
                if method in METHOD_INDEX and start <= end and (stop is None or end < stop):
                    h.active_end[i][METHOD_INDEX[method]] += 1
        for method, _start, stop in p.episodes:
            if method in METHOD_INDEX and stop and first <= stop <= last:
                h.ended[slot(stop)][METHOD_INDEX[method]] += 1
        for registered_on, _removed in p.needs:
            if first <= registered_on <= last and p.history.homeless_situation_on(registered_on):
                h.registered[slot(registered_on)] += 1
        for on, method in p.decisions:
            if first <= on <= last:
                h.decisions[slot(on)][DECISION_INDEX.get(method, 0)] += 1
        homeless = [x for x in p.periods if x.situation in HOMELESS]
        for before, after in zip(homeless, homeless[1:]):
            i = slot(after.start)
            a, b = GROUP[Situation(before.situation)], GROUP[Situation(after.situation)]
            if i is not None and a != b and before.end is not None and before.end >= after.start:
                h.moves[i][a][b] += 1
    h.grids = {d.isoformat(): g for d, g in grids.items()}
    return h


def places_now(actor, *, today: date) -> dict:
    """Places per specialised method now (support's capacity: workers' caseload limits and ACT teams)."""
    return {row["method"]: row["limit"] for row in method_figures(actor, today=today)}


def calibration_history(actor, *, today: date) -> calibrate.History:
    require(actor, Capability.VIEW_FIGURES)
    return load_history(actor.municipality, today=today)


# --- scenarios and runs -----------------------------------------------------------------------------


def scenarios(actor):
    require(actor, Capability.VIEW_FIGURES)
    return Scenario.objects.filter(municipality=actor.municipality)


def scenario_page(actor, *, page=None):
    qs = scenarios(actor).select_related("created_by")
    result = page_of(qs, page, size=conf.value("LIST_PAGE_SIZE"))
    latest = latest_runs(actor, [s.pk for s in result.object_list])
    for s in result.object_list:
        s.latest_run = latest.get(s.pk)
    return result


def scenario_get(actor, pk: int) -> Scenario:
    return scenarios(actor).get(pk=pk)


def run_get(actor, pk: int) -> SimulationRun:
    require(actor, Capability.VIEW_FIGURES)
    return SimulationRun.objects.select_related("scenario").get(municipality=actor.municipality, pk=pk)


def latest_runs(actor, scenario_ids, *, done_only: bool = False) -> dict[int, SimulationRun]:
    """The newest run of each scenario (the newest finished one with ``done_only``)."""
    require(actor, Capability.VIEW_FIGURES)
    qs = SimulationRun.objects.filter(municipality=actor.municipality, scenario_id__in=list(scenario_ids))
    if done_only:
        qs = qs.filter(status=RunStatus.DONE)
    out: dict[int, SimulationRun] = {}
    for run in qs.order_by("scenario_id", "-created_at", "-id").defer("result" if not done_only else "path"):
        out.setdefault(run.scenario_id, run)
    return out


def prices_now(actor, *, today: date) -> dict:
    """This year's prices a year per citizen, as the economy page shows them (the municipality's own where a
    leader set one, else the default with its source): a shelter year (the day price x 365) and each
    specialised method's support."""
    require(actor, Capability.VIEW_FIGURES)
    book = price_book(actor.municipality)
    year = today.year
    return {
        "year": year,
        "shelter": round(book.daily(economy_costs.SHELTER, year) * economy_costs.DAYS_A_YEAR),
        "support": {
            m: round(book.per_citizen_year(m, year))
            for m in (economy_costs.CTI, economy_costs.ICM, economy_costs.ACT)
        },
    }
