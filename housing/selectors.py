"""Reads on homes, always inside the actor's municipality. Pages of the stock, agreements and the
analyses hold no person data; the reads that show people (tenancies, eviction cases, waiting plans)
are logged here."""

from datetime import date, timedelta

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import figures
from accounts.access import require
from accounts.models import User
from accounts.roles import Capability, Role
from audit.services import log_many_reads
from core.pagination import in_order, page_of
from people.models import Person
from people.selectors import log_list_shown, person_get, visible_in_lists
from plans.methods import LABELS as METHOD_LABELS
from plans.models import MethodDecision
from support import conf as support_conf
from support import moving_in
from support import selectors as support_selectors
from support.models import EpisodeStatus, SupportEpisode

from . import aggregates
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
    if filters.get("address"):
        qs = qs.filter(address__icontains=filters["address"])
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


def eviction_cases_query(actor, *, people=None):
    """The cases of ``eviction_cases`` as an unevaluated queryset, oldest case first, not logged: for a
    caller that counts them and shows the first (the "I dag" page, which logs the rows it shows)."""
    return _eviction_cases(actor, people=people)


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
    # Both reads are bounded by the tenancies starting inside the window, never by all open episodes.
    moving = Tenancy.objects.filter(municipality=actor.municipality, starts_on__range=window)
    workers = {}
    for person_id, worker_id in open_episodes.filter(person_id__in=moving.values("person_id")).values_list(
        "person_id", "worker_id"
    ):
        workers.setdefault(person_id, set()).add(worker_id)
    tenancies = moving.filter(person_id__in=list(workers)).values_list("person_id", "starts_on")
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


# --- stock analysis (seed 001, Indsats 3) and retention (issue 4 item 7) ---------------------------------
# Both are kept as snapshots (housing/aggregates.py, the figures app): a page reads the stored figure
# while nothing it depends on changed today, else the figure is computed from the rows at once.


def stock_analysis(actor, *, today: date) -> dict:
    """Aggregates only: no person is named or logged, so analysts may see it (VIEW_FIGURES)."""
    require(actor, Capability.VIEW_FIGURES)
    snap = figures.read(actor.municipality, aggregates.STOCK, today)
    return {**snap.data, "computed_at": snap.computed_at}


def _labelled(rows: list[dict], label) -> list[dict]:
    return sorted(({**r, "label": label(r["label"])} for r in rows), key=lambda r: str(r["label"]))


def retention_figures(actor, *, today: date) -> dict:
    """Aggregates only (VIEW_FIGURES). A placement is a person's first tenancy; housed means an own-home
    situation or a tenancy covers the day (housing/aggregates.py)."""
    require(actor, Capability.VIEW_FIGURES)
    snap = figures.read(actor.municipality, aggregates.RETENTION, today)
    data = snap.data
    return {
        **data,
        "by_type": _labelled(data["by_type"], lambda code: code or _("Bolig uden for oversigten")),
        "by_method": _labelled(
            data["by_method"],
            lambda code: METHOD_LABELS.get(code, code) if code else _("Ingen støtteforløb registreret"),
        ),
        "months": housing_setting("RETENTION_MONTHS"),
        "target_low": housing_setting("RETENTION_TARGET_LOW"),
        "target_high": housing_setting("RETENTION_TARGET_HIGH"),
        "computed_at": snap.computed_at,
    }


# --- while waiting (seed 004, 4.2) ----------------------------------------------------------------------


def _decided_without_home(actor):
    """Ids of the people with a decision on support (an open, active or paused, support episode or a
    method decision in the plans) and no open tenancy. Driven from the episodes and decisions, each
    probing the one-open-tenancy-per-person index: filtering every person of the municipality instead
    read all of Copenhagen's people and open tenancies twice a page (47 ms at 3x national scale)."""
    housed = Tenancy.objects.filter(
        municipality=actor.municipality, person_id=OuterRef("person_id"), ends_on__isnull=True
    )
    episodes = (
        SupportEpisode.objects.filter(
            municipality=actor.municipality, status__in=[EpisodeStatus.ACTIVE, EpisodeStatus.PAUSED]
        )
        .exclude(Exists(housed))
        .values("person_id")
        .order_by()
    )
    decisions = MethodDecision.objects.filter(municipality=actor.municipality).exclude(Exists(housed))
    return episodes.union(decisions.values("person_id").order_by())


SUPPORT_DECISION = gettext_lazy("et aktivt støtteforløb eller en afgørelse om støttemetode")


def waiting_list(actor, *, missing_only: bool = False, page=None):
    """People with a support decision and no current home, each with their latest waiting plan, one page
    at a time (without a plan first); returns the page, the basis and how many in all lack a plan. The
    list is a search and each person on the page is logged."""
    require(actor, Capability.VIEW_PEOPLE)
    require(actor, Capability.VIEW_HOUSING)
    # One query reads the whole list's ids in its order with whether each has a plan: the totals and the
    # page come from it, and only the page's people are then read in full.
    order = list(
        visible_in_lists(actor)
        .filter(pk__in=_decided_without_home(actor))
        .exclude(current_situation="own_home")
        .annotate(has_plan=Exists(WaitingPlan.objects.filter(person_id=OuterRef("pk"))))
        .order_by("has_plan", "homeless_since", "last_name", "id")
        .values_list("pk", "has_plan")
    )
    missing = sum(1 for _, has_plan in order if not has_plan)
    ids = [pk for pk, has_plan in order if not (missing_only and has_plan)]
    shown = page_of(ids, page, size=housing_setting("LIST_PAGE_SIZE"))
    plans = Prefetch("waiting_plans", queryset=WaitingPlan.objects.order_by("-recorded_on", "-id"))
    shown.object_list = in_order(
        shown.object_list,
        lambda page_ids: visible_in_lists(actor).filter(pk__in=page_ids).prefetch_related(plans),
    )
    log_list_shown(
        actor,
        people=shown.object_list,
        filters={"waiting_plan_missing": "yes" if missing_only else ""},
        purpose="Plan for tiden indtil bolig",
    )
    return shown, str(SUPPORT_DECISION), missing


def latest_waiting_plan(person: Person) -> WaitingPlan | None:
    return (
        WaitingPlan.objects.filter(municipality_id=person.municipality_id, person=person)
        .order_by("-recorded_on", "-id")
        .first()
    )


# --- the rent-subsidy pool (seeds 000, 001) ---------------------------------------------------------------


def agreements_in_force(actor, *, today: date) -> list[Agreement]:
    """Letting agreements with the housing organisations in force today (organisations only, no citizens)."""
    require(actor, Capability.VIEW_FIGURES)
    return list(
        Agreement.objects.filter(municipality=actor.municipality, starts_on__lte=today)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .select_related("landlord")
        .order_by("landlord__name", "starts_on", "id")
    )


def homes_by_rent(actor, *, limit: int, reach_rent: int) -> dict:
    """Active homes in the stock at or below the rent limit, and above it but at or below ``reach_rent``
    (rent without utilities, as the stock analysis counts it). Two counts on the (municipality, rent) index."""
    require(actor, Capability.VIEW_FIGURES)
    units = Unit.objects.filter(municipality=actor.municipality, active=True)
    return units.aggregate(
        at_limit=Count("id", filter=Q(rent__lte=limit)),
        within_reach=Count("id", filter=Q(rent__gt=limit, rent__lte=reach_rent)),
        total=Count("id"),
    )
