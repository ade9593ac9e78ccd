"""Reads on homes, always inside the actor's municipality. Pages of the stock, agreements and the
analyses hold no person data; the reads that show people (tenancies, eviction cases, waiting plans)
are logged here."""

from datetime import date, timedelta

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.http import Http404
from django.utils.translation import gettext as _

from accounts.access import require
from accounts.models import User
from accounts.roles import Capability, Role
from audit.services import log_many_reads
from core.pagination import page_of
from people.models import Person, SituationPeriod
from people.selectors import log_list_shown, needs_list_entries, person_get, visible_in_lists
from people.situations import HOMELESS
from plans.methods import LABELS as METHOD_LABELS
from plans.models import MethodDecision
from support import conf as support_conf
from support import moving_in
from support import selectors as support_selectors
from support.models import EpisodeStatus, SupportEpisode

from . import retention as retention_calc
from . import stock
from .conf import housing_setting
from .models import OPEN_VACANCY_STATUSES, Agreement, Landlord, Tenancy, Unit, UnitType, WaitingPlan


def _get(qs, actor, pk, what: str):
    try:
        return qs.filter(municipality=actor.municipality).get(pk=pk)
    except qs.model.DoesNotExist as exc:
        raise Http404(f"{what} findes ikke.") from exc


def landlord_list(actor, *, name: str = ""):
    """The landlords (organisations, no citizens), by name; ``name`` narrows to names containing it."""
    require(actor, Capability.VIEW_HOUSING)
    qs = Landlord.objects.filter(municipality=actor.municipality)
    if name:
        qs = qs.filter(name__icontains=name)
    return qs.annotate(
        unit_count=Count("units", distinct=True), agreement_count=Count("agreements", distinct=True)
    ).order_by("name", "id")


def landlord_page(actor, *, name: str = "", page=None):
    """One page of the landlords (nothing to log: no citizens)."""
    return page_of(landlord_list(actor, name=name), page, size=housing_setting("LIST_PAGE_SIZE"))


def landlord_get(actor, pk: int) -> Landlord:
    require(actor, Capability.VIEW_HOUSING)
    return _get(Landlord.objects.prefetch_related("agreements"), actor, pk, "Udlejeren")


def agreement_get(actor, pk: int) -> Agreement:
    require(actor, Capability.VIEW_HOUSING)
    return _get(Agreement.objects.select_related("landlord"), actor, pk, "Aftalen")


def unit_types(actor):
    require(actor, Capability.VIEW_HOUSING)
    return UnitType.objects.filter(municipality=actor.municipality).annotate(unit_count=Count("units"))


def unit_type_get(actor, pk: int) -> UnitType:
    require(actor, Capability.VIEW_HOUSING)
    return _get(UnitType.objects.all(), actor, pk, "Boligtypen")


def unit_list(actor, *, filters: dict):
    require(actor, Capability.VIEW_HOUSING)
    occupied = Tenancy.objects.filter(unit_id=OuterRef("pk"), ends_on__isnull=True)
    qs = (
        Unit.objects.filter(municipality=actor.municipality)
        .select_related("landlord", "unit_type")
        .annotate(occupied=Exists(occupied), reported_vacant=_reported_vacant())
    )
    if filters.get("max_rent"):
        qs = qs.filter(rent__lte=filters["max_rent"])
    if filters.get("unit_type"):
        qs = qs.filter(unit_type=filters["unit_type"])
    if filters.get("landlord"):
        qs = qs.filter(landlord=filters["landlord"])
    if filters.get("rooms"):
        qs = qs.filter(rooms__gte=filters["rooms"])
    if filters.get("vacant_only"):
        qs = qs.filter(occupied=False, active=True)
    return qs.order_by("address", "id")


def unit_page(actor, *, filters: dict, page=None):
    """One page of the units (homes, no citizens: nothing to log)."""
    return page_of(unit_list(actor, filters=filters), page, size=housing_setting("LIST_PAGE_SIZE"))


def _reported_vacant():
    """A unit is "Ledig" when it is reported vacant to the municipality (an open vacancy, read along the
    vacancies' foreign key to the unit); a unit merely without a tenant is "uden lejer" (issue 9 item 7)."""
    return Exists(Unit.objects.filter(pk=OuterRef("pk"), vacancies__status__in=OPEN_VACANCY_STATUSES))


def unit_get(actor, pk: int) -> Unit:
    require(actor, Capability.VIEW_HOUSING)
    return _get(Unit.objects.select_related("landlord", "unit_type"), actor, pk, "Boligen")


def vacant_units(actor):
    """Active units in the stock with no current tenancy: the ones a person can move into."""
    return unit_list(actor, filters={"vacant_only": True})


def tenancy_get(actor, pk: int) -> Tenancy:
    """A tenancy, if the actor may see its person (protected people only for their own workers)."""
    require(actor, Capability.VIEW_PEOPLE)
    tenancy = _get(Tenancy.objects.select_related("person", "unit"), actor, pk, "Lejemålet")
    if not visible_in_lists(actor).filter(pk=tenancy.person_id).exists():
        person_get(actor, tenancy.person_id, purpose="Lejemål", log=False)  # raises 404 unless allowed
    return tenancy


def person_tenancies(person: Person) -> list[Tenancy]:
    """For the person page, whose view has already checked and logged the read of the person."""
    return list(
        Tenancy.objects.filter(municipality_id=person.municipality_id, person=person)
        .select_related("unit", "unit__unit_type")
        .order_by("-starts_on")
    )


def eviction_cases(actor, *, purpose: str = "Forebyggelse af udsættelse", people=None):
    """Current leases with an eviction case, for the person's own workers (the support worker's front
    page); a leader sees every case in the municipality (oversight). ``people`` (person ids, e.g.
    support.selectors.my_citizens) narrows the list to those people. Each person shown is logged."""
    cases = list(_eviction_cases(actor, people=people))
    log_list_shown(actor, people=[c.person for c in cases], filters={"eviction_case": "yes"}, purpose=purpose)
    return cases


def eviction_page(actor, *, page=None):
    """One page of ``eviction_cases`` (the eviction list); only the people on the page are logged."""
    shown = page_of(_eviction_cases(actor), page, size=housing_setting("LIST_PAGE_SIZE"))
    log_list_shown(
        actor,
        people=[c.person for c in shown.object_list],
        filters={"eviction_case": "yes"},
        purpose="Forebyggelse af udsættelse",
    )
    return shown


def _eviction_cases(actor, *, people=None):
    require(actor, Capability.VIEW_PEOPLE)
    qs = (
        Tenancy.objects.filter(
            municipality=actor.municipality, ends_on__isnull=True, eviction_case_on__isnull=False
        )
        .select_related("person", "unit")
        .order_by("eviction_case_on", "id")
    )
    if people is not None:
        qs = qs.filter(person_id__in=people)
    if actor.role != Role.LEADER:
        qs = qs.filter(person__workers=actor.user)
    else:
        qs = qs.filter(person__in=visible_in_lists(actor))
    return qs


def moving_in_warnings(actor, *, today: date) -> list[dict]:
    """Workers with several citizens moving into a home at about the same time (seed 004, 4.1: the worker
    may need fewer citizens for a period), from the tenancies starting for citizens in the worker's open
    support episodes, looking one window back and ahead. For the leader's front page; each person behind
    a warning is logged."""
    days, count = support_conf.value("MOVE_IN_CLUSTER_DAYS"), support_conf.value("MOVE_IN_CLUSTER_COUNT")
    window = (today - timedelta(days=days), today + timedelta(days=days))
    open_episodes = support_selectors.episodes(actor).filter(
        status__in=[EpisodeStatus.ACTIVE, EpisodeStatus.PAUSED], worker__isnull=False
    )
    tenancies = Tenancy.objects.filter(
        municipality=actor.municipality,
        starts_on__range=window,
        person_id__in=open_episodes.values("person_id"),
    ).values_list("person_id", "starts_on")
    workers = {}
    for person_id, worker_id in open_episodes.values_list("person_id", "worker_id"):
        workers.setdefault(person_id, set()).add(worker_id)
    move_ins = [(w, on, pid) for pid, on in tenancies for w in workers.get(pid, ())]
    found = moving_in.clusters(move_ins, count=count, days=days)
    if not found:
        return []
    names = {
        u.pk: (u.get_full_name() or u.username)
        for u in User.objects.filter(pk__in=[c.worker_id for c in found])
    }
    log_many_reads(
        actor=actor.user,
        municipality=actor.municipality,
        person_ids=sorted({p for c in found for p in c.person_ids}),
        purpose=support_selectors.FRONT_PURPOSE,
        role=actor.role,
        path=actor.path,
    )
    return [
        {
            "worker_id": c.worker_id,
            "worker": names.get(c.worker_id, ""),
            "first": c.first,
            "last": c.last,
            "n": len(c.person_ids),
            "person_ids": list(c.person_ids),
        }
        for c in found
    ]


# --- stock analysis (seed 001, Indsats 3) ----------------------------------------------------------------


def _reported_vacancies(actor, years: list[int]) -> list[tuple[int, int]]:
    """(unit, year) of every home reported vacant to the municipality in the years: the date it is vacant
    from, else the date it was reported (allocation.Vacancy, read along its foreign key to the unit)."""
    rows = Unit.objects.filter(municipality=actor.municipality, vacancies__isnull=False).values_list(
        "id", "vacancies__available_from", "vacancies__reported_on"
    )
    out = []
    for unit_id, available_from, reported_on in rows:
        day = available_from or reported_on
        if day is not None and day.year in years:
            out.append((unit_id, day.year))
    return out


def stock_analysis(actor, *, today: date) -> dict:
    """Aggregates only: no person is named or logged, so analysts may see it (VIEW_FIGURES)."""
    require(actor, Capability.VIEW_FIGURES)
    n_years = housing_setting("VACANCY_YEARS")
    years = list(range(today.year - n_years, today.year))  # whole calendar years only
    units = [
        stock.UnitRow(uid, rent, rooms, type_name, area)
        for uid, rent, rooms, type_name, area in Unit.objects.filter(
            municipality=actor.municipality, active=True
        ).values_list("id", "rent", "rooms", "unit_type__name", "area")
    ]
    tenancies = Tenancy.objects.filter(municipality=actor.municipality, unit__isnull=False)
    starts = [
        (u, d.year)
        for u, d in tenancies.filter(starts_on__year__in=years).values_list("unit_id", "starts_on")
    ]
    ends = [
        (u, d.year) for u, d in tenancies.filter(ends_on__year__in=years).values_list("unit_id", "ends_on")
    ]
    reported = _reported_vacancies(actor, years)
    per_unit_year = stock.vacancies_per_unit_year(starts=starts, ends=ends, vacancies=reported)
    applicants = [
        stock.Applicant(m, r) for m, r in needs_list_entries(actor).values_list("max_rent", "min_rooms")
    ]
    return stock.analyse(
        units=units,
        unit_year_vacancies=per_unit_year,
        applicants=applicants,
        years=years,
        limits=housing_setting("RENT_BAND_LIMITS"),
        room_groups=housing_setting("ROOM_GROUPS"),
        threshold=housing_setting("RENT_THRESHOLD"),
    )


# --- retention (issue 4 item 7) -------------------------------------------------------------------------


def _support_methods(actor, moved_in: dict[int, date]) -> dict[int, str]:
    """person_id -> the method of the support episode open on the day the person moved in, else of the
    first episode that began after it (support often starts with the keys)."""
    episodes: dict[int, list] = {}
    for person_id, method, start, end in (
        SupportEpisode.objects.filter(municipality=actor.municipality, person_id__in=list(moved_in))
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
            out[person_id] = METHOD_LABELS.get(chosen, chosen)
    return out


def retention_figures(actor, *, today: date) -> dict:
    """Aggregates only (VIEW_FIGURES). A placement is a person's first tenancy; housed means an own-home
    situation or a tenancy covers the day."""
    require(actor, Capability.VIEW_FIGURES)
    first = {}
    # A tenancy dated after today is no placement (yet): a typo such as 31.12.9999 stored before the
    # date rule existed must not count, nor break the page.
    for person_id, starts_on, type_name in (
        Tenancy.objects.filter(municipality=actor.municipality, starts_on__lte=today)
        .order_by("starts_on", "id")
        .values_list("person_id", "starts_on", "unit__unit_type__name")
    ):
        first.setdefault(person_id, (starts_on, type_name or _("Bolig uden for oversigten")))
    housed: dict[int, list] = {p: [] for p in first}
    homeless_starts: dict[int, list] = {p: [] for p in first}
    died: dict[int, date] = {}
    for person_id, situation, start, end in SituationPeriod.objects.filter(
        municipality=actor.municipality, person_id__in=list(first)
    ).values_list("person_id", "situation", "start_date", "end_date"):
        if situation == "own_home":
            housed[person_id].append((start, end))
        elif situation in HOMELESS:
            homeless_starts[person_id].append(start)
    for person_id, start, end in Tenancy.objects.filter(
        municipality=actor.municipality, person_id__in=list(first)
    ).values_list("person_id", "starts_on", "ends_on"):
        housed[person_id].append((start, end))
    for person_id, on in Person.objects.filter(
        municipality=actor.municipality, pk__in=list(first), current_status="died"
    ).values_list("pk", "status_since"):
        died[person_id] = on
    methods = _support_methods(actor, {p: day for p, (day, _) in first.items()})
    placements = []
    for person_id, (moved_in, type_name) in first.items():
        later = [d for d in homeless_starts[person_id] if d > moved_in]
        groups = {"type": type_name, "method": methods.get(person_id, _("Ingen støtteforløb registreret"))}
        placements.append(
            retention_calc.Placement(
                moved_in=moved_in,
                housed=housed[person_id],
                first_homeless_after=min(later) if later else None,
                died_on=died.get(person_id),
                groups=groups,
            )
        )
    months = housing_setting("RETENTION_MONTHS")
    return {
        "months": months,
        "placements": len(placements),
        "total": retention_calc.retention_table(placements, months_list=months, today=today, dimension=None),
        "by_type": retention_calc.retention_table(
            placements, months_list=months, today=today, dimension="type"
        ),
        "by_method": retention_calc.retention_table(
            placements, months_list=months, today=today, dimension="method"
        ),
        "returns": retention_calc.returns(placements, windows=housing_setting("RETURN_WINDOWS"), today=today),
        "target_low": housing_setting("RETENTION_TARGET_LOW"),
        "target_high": housing_setting("RETENTION_TARGET_HIGH"),
    }


# --- while waiting (seed 004, 4.2) ----------------------------------------------------------------------


def _support_decision(actor):
    """Who has a decision on support: an open (active or paused) support episode, or a method decision
    in the plans. Returns (a filter on people, its description for the page)."""
    q = Q(
        Exists(
            SupportEpisode.objects.filter(
                person_id=OuterRef("pk"), status__in=[EpisodeStatus.ACTIVE, EpisodeStatus.PAUSED]
            )
        )
    ) | Q(Exists(MethodDecision.objects.filter(person_id=OuterRef("pk"))))
    return q, _("et aktivt støtteforløb eller en afgørelse om støttemetode")


def waiting_list(actor, *, missing_only: bool = False, page=None):
    """People with a support decision and no current home, each with their latest waiting plan, one page
    at a time (without a plan first); returns the page, the basis and how many in all lack a plan. The
    list is a search and each person on the page is logged."""
    require(actor, Capability.VIEW_PEOPLE)
    require(actor, Capability.VIEW_HOUSING)
    decided, basis = _support_decision(actor)
    # Who lives in a home now, as one set the planner hashes (NOT IN). With NOT EXISTS, the row-level
    # security filter made the planner expect a few hundred people and join every open tenancy to each
    # person in a nested loop: seconds for Copenhagen at national scale, growing with its size (BENCHMARKS.md).
    housed_now = Tenancy.objects.filter(municipality=actor.municipality, ends_on__isnull=True).values(
        "person_id"
    )
    has_plan = WaitingPlan.objects.filter(person_id=OuterRef("pk"))
    qs = (
        visible_in_lists(actor)
        .filter(decided)
        .exclude(current_situation="own_home")
        .exclude(pk__in=housed_now)
        .annotate(has_plan=Exists(has_plan))
    )
    counts = qs.aggregate(total=Count("id"), missing=Count("id", filter=Q(has_plan=False)))
    missing = counts["missing"]
    if missing_only:
        qs = qs.filter(has_plan=False)
    qs = qs.prefetch_related(
        Prefetch("waiting_plans", queryset=WaitingPlan.objects.order_by("-recorded_on", "-id"))
    ).order_by("has_plan", "homeless_since", "last_name", "id")
    total = missing if missing_only else counts["total"]
    shown = page_of(qs, page, size=housing_setting("LIST_PAGE_SIZE"), count=total)
    log_list_shown(
        actor,
        people=shown.object_list,
        filters={"waiting_plan_missing": "yes" if missing_only else ""},
        purpose="Plan for tiden indtil bolig",
    )
    return shown, basis, missing


def latest_waiting_plan(person: Person) -> WaitingPlan | None:
    return (
        WaitingPlan.objects.filter(municipality_id=person.municipality_id, person=person)
        .order_by("-recorded_on", "-id")
        .first()
    )
