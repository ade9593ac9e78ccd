"""The by-name list's figures kept as snapshots (the figures app): days from identification to a home,
people at a shelter per month and today's counts, computed here from one municipality's raw rows.
Registered in PeopleConfig.ready; ``selectors.list_figures`` reads them through ``figures.read``.
Inflow and outflow are not here: the trigger-kept monthly rollup (people/flows.py) is already small.

Plain data only (figures/registry.py): months as ISO dates."""

from datetime import date, timedelta

from django.db.models import Count, Q

from figures.registry import register

from . import measures
from .durations import Period
from .figures import add_months, month_start, months_between, shelter_counts
from .models import Person, SituationPeriod, StatusChange
from .situations import AT_RISK, HOMELESS, SHELTER
from .statuses import ACTIVE, Status

LIST_FIGURES = "people.list"
MEASURES = "people.measures"
# The months of shelter counts kept: the figures page's window (selectors.list_figures); a longer window
# is computed on the spot.
MONTHS = 24


def first_month(today: date, months: int) -> date:
    return add_months(month_start(today), -(months - 1))


def compute_list_figures(municipality, today: date, months: int = MONTHS) -> dict:
    first = first_month(today, months)
    month_list = months_between(first, today)
    active_values = [s.value for s in ACTIVE]
    spans = list(
        SituationPeriod.objects.filter(
            municipality=municipality, situation__in=[s.value for s in SHELTER], start_date__lte=today
        )
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=first))
        .values_list("start_date", "end_date")
    )
    shelter = shelter_counts(spans, month_list, today)
    housed = _housed(municipality)
    year = measures.days_to_housing(housed, measures.year_before(today) + timedelta(days=1), today)
    every = measures.days_to_housing(housed, date.min, today)
    # One query over the municipality's people: the needs list counts everyone on it, active or not,
    # with the same definition as the list itself (people.selectors.needs_list_q: on_needs_list).
    active = Q(current_status__in=active_values)
    on_list = Q(on_needs_list=True)
    current = (
        Person.objects.filter(municipality=municipality)
        .filter(active | on_list)
        .aggregate(
            active=Count("id", filter=active),
            homeless=Count("id", filter=active & Q(current_situation__in=[s.value for s in HOMELESS])),
            at_risk=Count("id", filter=active & Q(current_situation__in=[s.value for s in AT_RISK])),
            shelter=Count("id", filter=active & Q(current_situation__in=[s.value for s in SHELTER])),
            needs_list=Count("id", filter=on_list),
        )
    )
    return {
        "shelter": {m.isoformat(): shelter[m] for m in month_list},
        "current": current,
        "avg_days_to_housing": every["mean"],
        "avg_days_to_housing_year": year["mean"],
        "housed_count": every["count"],
    }


def _housed(municipality) -> list[tuple[date, int | None]]:
    """Every move from the active list into an own home, with the days on the list it recorded."""
    return list(
        StatusChange.objects.filter(
            municipality=municipality, status=Status.HOUSED, previous_status__in=[s.value for s in ACTIVE]
        ).values_list("changed_on", "days_on_list")
    )


def compute_measures(municipality, today: date) -> dict:
    """The leaders' measures now, a year ago and month by month (people/measures.py) from the raw history."""
    # Only people with a homeless period reaching the measures' first day can count in them: the rows of
    # everyone else are never read (a subquery, not a list of ids).
    earliest = measures.earliest_day(today, MONTHS)
    ids = (
        SituationPeriod.objects.filter(municipality=municipality, situation__in=[s.value for s in HOMELESS])
        .filter(Q(end_date__isnull=True) | Q(end_date__gt=earliest))
        .values("person_id")
    )
    births = {
        pk: (birth_date, birth_year)
        for pk, birth_date, birth_year in Person.objects.filter(
            municipality=municipality, pk__in=ids
        ).values_list("id", "birth_date", "birth_year")
    }
    statuses: dict[int, list] = {}
    for person_id, on, status in (
        StatusChange.objects.filter(municipality=municipality, person_id__in=ids)
        .order_by("changed_on", "id")
        .values_list("person_id", "changed_on", "status")
    ):
        statuses.setdefault(person_id, []).append((on, status))
    periods: dict[int, list] = {}
    for person_id, situation, start, end in (
        SituationPeriod.objects.filter(municipality=municipality, person_id__in=ids)
        .order_by("start_date", "id")
        .values_list("person_id", "situation", "start_date", "end_date")
    ):
        periods.setdefault(person_id, []).append(Period(situation, start, end))
    histories = [
        measures.History(
            statuses=statuses.get(pk, []), periods=periods.get(pk, []), birth_date=bd, birth_year=by
        )
        for pk, (bd, by) in births.items()
    ]
    return measures.compute(histories, _housed(municipality), today=today, months=MONTHS)


def register_figures() -> None:
    register(
        LIST_FIGURES,
        compute_list_figures,
        depends_on=[
            "people.SituationPeriod",
            "people.StatusChange",
            ("people.Person", {"current_status", "current_situation", "on_needs_list"}),
        ],
    )
    register(
        MEASURES,
        compute_measures,
        depends_on=[
            "people.SituationPeriod",
            "people.StatusChange",
            ("people.Person", {"birth_date", "birth_year"}),
        ],
    )
