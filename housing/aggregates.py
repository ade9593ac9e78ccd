"""The housing figures kept as snapshots (the figures app): retention after moving in and the stock
analysis, each computed here from one municipality's raw rows. Registered in HousingConfig.ready; the
selectors read them through ``figures.read`` and label them in the reader's language.

Plain data only (figures/registry.py): retention groups are stored as codes (the unit type's name, or
NO_UNIT_TYPE for a home outside the stock; the method's code, or NO_METHOD without a support episode)."""

from datetime import date

from figures.registry import register
from people.models import NeedsListEntry, Person, SituationPeriod
from people.selectors import needs_list_q
from people.situations import HOMELESS
from support.models import SupportEpisode

from . import retention as retention_calc
from . import stock
from .conf import housing_setting
from .models import Tenancy, Unit

RETENTION = "housing.retention"
STOCK = "housing.stock"
NO_UNIT_TYPE = ""  # the first home is not in the municipality's stock (a tenancy without a unit)
NO_METHOD = ""  # no support episode registered around moving in


def _support_methods(municipality, moved_in: dict[int, date]) -> dict[int, str]:
    """person_id -> the method of the support episode open on the day the person moved in, else of the
    first episode that began after it (support often starts with the keys)."""
    episodes: dict[int, list] = {}
    for person_id, method, start, end in (
        SupportEpisode.objects.filter(municipality=municipality, person_id__in=list(moved_in))
        .order_by("start_date", "id")
        .values_list("person_id", "method", "start_date", "end_date")
    ):
        episodes.setdefault(person_id, []).append((method, start, end))
    out = {}
    for person_id, day in moved_in.items():
        mine = episodes.get(person_id, [])
        chosen = next((m for m, s, e in mine if s <= day and (e is None or e >= day)), None) or next(
            (m for m, s, _ in mine if s > day), None
        )
        if chosen:
            out[person_id] = chosen
    return out


def compute_retention(municipality, today: date) -> dict:
    """A placement is a person's first tenancy; housed means an own-home situation or a tenancy covers
    the day (housing/retention.py)."""
    first = {}
    # A tenancy dated after today is no placement (yet): a typo such as 31.12.9999 stored before the
    # date rule existed must not count, nor break the page.
    for person_id, starts_on, type_name in (
        Tenancy.objects.filter(municipality=municipality, starts_on__lte=today)
        .order_by("starts_on", "id")
        .values_list("person_id", "starts_on", "unit__unit_type__name")
    ):
        first.setdefault(person_id, (starts_on, type_name or NO_UNIT_TYPE))
    housed: dict[int, list] = {p: [] for p in first}
    homeless_starts: dict[int, list] = {p: [] for p in first}
    died: dict[int, date] = {}
    for person_id, situation, start, end in SituationPeriod.objects.filter(
        municipality=municipality, person_id__in=list(first)
    ).values_list("person_id", "situation", "start_date", "end_date"):
        if situation == "own_home":
            housed[person_id].append((start, end))
        elif situation in HOMELESS:
            homeless_starts[person_id].append(start)
    for person_id, start, end in Tenancy.objects.filter(
        municipality=municipality, person_id__in=list(first)
    ).values_list("person_id", "starts_on", "ends_on"):
        housed[person_id].append((start, end))
    for person_id, on in Person.objects.filter(
        municipality=municipality, pk__in=list(first), current_status="died"
    ).values_list("pk", "status_since"):
        died[person_id] = on
    methods = _support_methods(municipality, {p: day for p, (day, _) in first.items()})
    placements = []
    for person_id, (moved_in, type_name) in first.items():
        later = [d for d in homeless_starts[person_id] if d > moved_in]
        placements.append(
            retention_calc.Placement(
                moved_in=moved_in,
                housed=housed[person_id],
                first_homeless_after=min(later) if later else None,
                died_on=died.get(person_id),
                groups={"type": type_name, "method": methods.get(person_id, NO_METHOD)},
            )
        )
    months = housing_setting("RETENTION_MONTHS")
    return {
        "placements": len(placements),
        "total": retention_calc.retention_table(placements, months_list=months, today=today, dimension=None),
        "by_type": retention_calc.retention_table(
            placements, months_list=months, today=today, dimension="type"
        ),
        "by_method": retention_calc.retention_table(
            placements, months_list=months, today=today, dimension="method"
        ),
        "returns": retention_calc.returns(placements, windows=housing_setting("RETURN_WINDOWS"), today=today),
    }


def _reported_vacancies(municipality, years: list[int]) -> list[tuple[int, int]]:
    """(unit, year) of every home reported vacant to the municipality in the years: the date it is vacant
    from, else the date it was reported (allocation.Vacancy, read along its foreign key to the unit)."""
    rows = Unit.objects.filter(municipality=municipality, vacancies__isnull=False).values_list(
        "id", "vacancies__available_from", "vacancies__reported_on"
    )
    out = []
    for unit_id, available_from, reported_on in rows:
        day = available_from or reported_on
        if day is not None and day.year in years:
            out.append((unit_id, day.year))
    return out


def compute_stock(municipality, today: date) -> dict:
    """The stock analysis (seed 001, Indsats 3; housing/stock.py): aggregates only."""
    n_years = housing_setting("VACANCY_YEARS")
    years = list(range(today.year - n_years, today.year))  # whole calendar years only
    units = [
        stock.UnitRow(uid, rent, rooms, type_name, area)
        for uid, rent, rooms, type_name, area in Unit.objects.filter(
            municipality=municipality, active=True
        ).values_list("id", "rent", "rooms", "unit_type__name", "area")
    ]
    tenancies = Tenancy.objects.filter(municipality=municipality, unit__isnull=False)
    starts = [
        (u, d.year)
        for u, d in tenancies.filter(starts_on__year__in=years).values_list("unit_id", "starts_on")
    ]
    ends = [
        (u, d.year) for u, d in tenancies.filter(ends_on__year__in=years).values_list("unit_id", "ends_on")
    ]
    reported = _reported_vacancies(municipality, years)
    per_unit_year = stock.vacancies_per_unit_year(starts=starts, ends=ends, vacancies=reported)
    # The housing needs list's one definition (people.selectors.needs_list_entries).
    entries = NeedsListEntry.objects.filter(municipality=municipality, removed_on__isnull=True).filter(
        needs_list_q("person__")
    )
    applicants = [stock.Applicant(m, r) for m, r in entries.values_list("max_rent", "min_rooms")]
    return stock.analyse(
        units=units,
        unit_year_vacancies=per_unit_year,
        applicants=applicants,
        years=years,
        limits=housing_setting("RENT_BAND_LIMITS"),
        room_groups=housing_setting("ROOM_GROUPS"),
        threshold=housing_setting("RENT_THRESHOLD"),
    )


def register_figures() -> None:
    person_status = ("people.Person", {"current_status", "status_since"})
    register(
        RETENTION,
        compute_retention,
        depends_on=[
            "housing.Tenancy",
            "housing.Unit",
            "housing.UnitType",
            "people.SituationPeriod",
            person_status,
            "support.SupportEpisode",
        ],
        settings=["HOUSING"],
    )
    register(
        STOCK,
        compute_stock,
        depends_on=[
            "housing.Unit",
            "housing.UnitType",
            "housing.Tenancy",
            # Vacancies reported to the municipality (allocation's table, read along Unit.vacancies).
            ("allocation.Vacancy", {"unit", "available_from", "reported_on"}),
            "people.NeedsListEntry",
            ("people.Person", {"on_needs_list"}),
        ],
        settings=["HOUSING"],
    )
