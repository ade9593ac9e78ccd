"""The by-name list's figures kept as snapshots (the figures app): days from identification to a home,
people at a shelter per month and today's counts, computed here from one municipality's raw rows.
Registered in PeopleConfig.ready; ``selectors.list_figures`` reads them through ``figures.read``.
Inflow and outflow are not here: the trigger-kept monthly rollup (people/flows.py) is already small.

Plain data only (figures/registry.py): months as ISO dates."""

from datetime import date, timedelta

from django.db.models import Avg, Count, Q

from figures.registry import register

from .figures import add_months, month_start, months_between, shelter_counts
from .models import Person, SituationPeriod, StatusChange
from .situations import AT_RISK, HOMELESS, SHELTER
from .statuses import ACTIVE, Status

LIST_FIGURES = "people.list"
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
    housed = StatusChange.objects.filter(
        municipality=municipality, status=Status.HOUSED, previous_status__in=active_values
    )
    days = housed.aggregate(
        all=Avg("days_on_list"),
        year=Avg("days_on_list", filter=Q(changed_on__gt=today - timedelta(days=365))),
        n=Count("id"),
    )
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
        "avg_days_to_housing": round(days["all"]) if days["all"] is not None else None,
        "avg_days_to_housing_year": round(days["year"]) if days["year"] is not None else None,
        "housed_count": days["n"],
    }


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
