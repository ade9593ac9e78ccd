"""Reads of support, always inside the actor's municipality; every person shown is logged.

The front pages are a fixed number of queries whatever the number of episodes (pinned in
core/tests/test_query_counts.py): last contacts and persistence are subqueries, not per-row lookups.
"""
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.http import Http404

from accounts.roles import Capability
from audit.services import log_many_reads
from people.models import Contact, Person
from people.selectors import person_get, require

from . import capacity, conf, cti, moving_in, persistence
from .methods import LABELS as METHOD_LABELS
from .methods import SPECIALISED, Method
from .models import EpisodeStatus, HandOver, SupportEpisode, Team, WaitingListEntry, WorkerProfile

EPISODE_PURPOSE = "Specialiseret støtte: borgerens forløb"
FRONT_PURPOSE = "Specialiseret støtte: overblik"


def _visible(qs, actor, person_field="person"):
    """Protected people show in lists only to their own workers (as on the by-name list)."""
    own = Person.workers.through.objects.filter(person_id=OuterRef(f"{person_field}_id"), user_id=actor.user.pk)
    return qs.filter(Q(**{f"{person_field}__protected": False}) | Exists(own))


def _log_people(actor, person_ids, purpose=FRONT_PURPOSE):
    ids = sorted(set(person_ids))
    if ids:
        log_many_reads(actor=actor.user, municipality=actor.municipality, person_ids=ids, purpose=purpose,
                       role=actor.role, path=actor.path)


def episodes(actor):
    return SupportEpisode.objects.filter(municipality=actor.municipality)


def episode_get(actor, pk: int) -> SupportEpisode:
    """One episode, if the actor may see its person; the read of the person is logged."""
    require(actor, Capability.WORK_SUPPORT)
    try:
        episode = episodes(actor).select_related("person", "worker", "team").get(pk=pk)
    except SupportEpisode.DoesNotExist as exc:
        raise Http404("Forløbet findes ikke.") from exc
    person_get(actor, episode.person_id, purpose=EPISODE_PURPOSE)
    return episode


def episode_timeline(episode: SupportEpisode) -> list[dict]:
    """The episode's events and the person's contacts since its start, newest first."""
    items = [{"date": e.on, "kind": "event", "obj": e} for e in episode.log_events.select_related("by")]
    contacts = Contact.objects.filter(person_id=episode.person_id, contacted_on__gte=episode.start_date)
    if episode.end_date:
        contacts = contacts.filter(contacted_on__lte=episode.end_date)
    items += [{"date": c.contacted_on, "kind": "contact", "obj": c} for c in contacts.select_related("recorded_by")]
    return sorted(items, key=lambda i: (i["date"], i["kind"] == "contact", i["obj"].pk), reverse=True)


def cti_timeline(episode: SupportEpisode, today: date) -> dict | None:
    if episode.method != Method.CTI:
        return None
    months, contact = conf.value("CTI_MONTHS"), conf.value("CTI_CONTACT_MONTHS")
    on = min(today, episode.end_date) if episode.end_date else today
    key = cti.current(episode.start_date, on, total_months=months, contact_months=contact)
    return {"periods": cti.periods(episode.start_date, total_months=months, contact_months=contact), "current": key,
            "current_label": cti.LABELS[key], "planned_end": cti.planned_end(episode.start_date, total_months=months)}


def _with_contacts(qs):
    """Annotate open episodes with last contact, last reached, the persistence clock and attempts since."""
    contacts = Contact.objects.filter(person_id=OuterRef("person_id"))
    last_any = contacts.order_by("-contacted_on").values("contacted_on")[:1]
    last_reached = contacts.filter(reached=True, contacted_on__gte=OuterRef("start_date")).order_by("-contacted_on").values("contacted_on")[:1]
    qs = qs.annotate(last_contact=Subquery(last_any), last_reached=Subquery(last_reached))
    qs = qs.annotate(clock=Greatest(F("start_date"), Coalesce(F("last_reached"), F("start_date"))))
    attempts = (Contact.objects.filter(person_id=OuterRef("person_id"), reached=False, contacted_on__gte=OuterRef("clock"))
                .order_by().values("person_id").annotate(n=Count("id")).values("n")[:1])
    return qs.annotate(attempts=Coalesce(Subquery(attempts, output_field=IntegerField()), 0))


def _persistence(e, today):
    return persistence.persistence(start=e.start_date, last_reached=e.last_reached, attempts_after_reached=e.attempts,
                                   today=today, limit_days=conf.persistence_days(e.method))


def _row(e, today):
    p = _persistence(e, today) if e.status == EpisodeStatus.ACTIVE else None
    phase = None
    if e.method == Method.CTI:
        phase = cti.LABELS[cti.current(e.start_date, today, total_months=conf.value("CTI_MONTHS"),
                                       contact_months=conf.value("CTI_CONTACT_MONTHS"))]
    return {"episode": e, "person": e.person, "method": METHOD_LABELS[Method(e.method)], "phase": phase,
            "last_contact": e.last_contact, "last_reached": e.last_reached, "persistence": p}


@dataclass
class WorkerPage:
    rows: list
    tasks: list
    reviews: list | None  # None while the plans app is not there
    profile: WorkerProfile | None
    limit: int | None
    active: int


def worker_page(actor, *, today: date) -> WorkerPage:
    """My citizens (open episodes where I am the worker), their method and CTI phase, last contact, reviews
    due and persistence tasks."""
    require(actor, Capability.WORK_SUPPORT)
    qs = _with_contacts(episodes(actor).filter(worker=actor.user, status__in=[EpisodeStatus.ACTIVE, EpisodeStatus.PAUSED]))
    rows = [_row(e, today) for e in qs.select_related("person", "team").order_by("person__last_name", "person__first_name", "id")]
    tasks = sorted((r for r in rows if r["persistence"] and r["persistence"].due), key=lambda r: -r["persistence"].days)
    reviews = _reviews(actor, today)
    profile = WorkerProfile.objects.filter(municipality=actor.municipality, user=actor.user).first()
    limit = None
    if profile and conf.caseload_limit(profile.method):
        limit = capacity.worker_limit(method_limit=conf.caseload_limit(profile.method), own_limit=profile.caseload_limit)
    active = sum(1 for r in rows if r["episode"].status == EpisodeStatus.ACTIVE and profile and r["episode"].method == profile.method)
    _log_people(actor, [r["person"].pk for r in rows])
    return WorkerPage(rows=rows, tasks=tasks, reviews=reviews, profile=profile, limit=limit, active=active)


def _reviews(actor, today):
    """Action plans due for review for my citizens (plans app); None while that app is not installed."""
    try:
        from plans.selectors import reviews_due
    except ImportError:
        return None
    return reviews_due(actor, today=today, user=actor.user)


@dataclass
class LeaderPage:
    capacity: list = field(default_factory=list)  # rows per team and per worker
    methods: list = field(default_factory=list)  # rows per method: capacity, use, waiting
    over_limit: list = field(default_factory=list)
    tasks: list = field(default_factory=list)
    tasks_total: int = 0
    by_status: list = field(default_factory=list)
    waiting: list = field(default_factory=list)
    moving_in: list = field(default_factory=list)
    hand_overs: list = field(default_factory=list)


def leader_page(actor, *, today: date) -> LeaderPage:
    require(actor, Capability.MANAGE_SUPPORT)
    page = LeaderPage()
    profiles = list(WorkerProfile.objects.filter(municipality=actor.municipality, active=True).select_related("user", "team"))
    teams = list(Team.objects.filter(municipality=actor.municipality, active=True))
    active = episodes(actor).filter(status=EpisodeStatus.ACTIVE)
    per_worker = {(r["worker"], r["method"]): r["n"] for r in active.values("worker", "method").annotate(n=Count("id"))}
    per_team = {r["team"]: r["n"] for r in active.filter(method=Method.ACT).values("team").annotate(n=Count("id"))}
    waits = list(_visible(WaitingListEntry.objects.filter(municipality=actor.municipality, closed_on__isnull=True), actor)
                 .select_related("person", "team").order_by("since", "id"))
    hidden_waits = WaitingListEntry.objects.filter(municipality=actor.municipality, closed_on__isnull=True).count() - len(waits)

    # Capacity per worker (CTI, ICM) and per ACT team.
    members = {}
    for p in profiles:
        members.setdefault(p.team_id, []).append(p)
    for p in profiles:
        method_limit = conf.caseload_limit(p.method)
        if method_limit is None:
            continue
        limit = capacity.worker_limit(method_limit=method_limit, own_limit=p.caseload_limit)
        n = per_worker.get((p.user_id, p.method), 0)
        row = {"kind": "worker", "name": str(p), "method": p.method, "method_label": METHOD_LABELS[Method(p.method)],
               "team": p.team, "active": n, "limit": limit, "use": capacity.use_share(n, limit), "user_id": p.user_id,
               "lowered": p.caseload_limit is not None and p.caseload_limit < method_limit}
        page.capacity.append(row)
        if n > limit:
            page.over_limit.append(row)
    for t in teams:
        if t.method != Method.ACT:
            continue
        limit = capacity.act_team_limit(team_max=t.max_citizens or conf.value("ACT_TEAM_MAX"), members=len(members.get(t.pk, [])),
                                        per_member=conf.value("ACT_PER_STAFF"))
        n = per_team.get(t.pk, 0)
        row = {"kind": "team", "name": t.name, "method": t.method, "method_label": METHOD_LABELS[Method.ACT], "team": t,
               "active": n, "limit": limit, "use": capacity.use_share(n, limit), "members": len(members.get(t.pk, []))}
        page.capacity.append(row)
        if n > limit:
            page.over_limit.append(row)

    for m in SPECIALISED_ORDER:
        rows = [r for r in page.capacity if r["method"] == m]
        mw = [w for w in waits if w.method == m]
        waited = [(today - w.since).days for w in mw]
        limit = sum(r["limit"] for r in rows)
        used = sum(r["active"] for r in rows)
        page.methods.append({
            "method": m.value, "label": METHOD_LABELS[m], "limit": limit, "active": used, "free": max(0, limit - used),
            "use": capacity.use_share(used, limit), "waiting": len(mw),
            "longest_wait": max(waited) if waited else None,
            "mean_wait": round(sum(waited) / len(waited)) if waited else None,
        })
    for w in waits:
        w.days_waiting = (today - w.since).days
        w.method_label = METHOD_LABELS[Method(w.method)]
    page.waiting = waits
    page.hidden_waiting = hidden_waits

    counts = {r["status"]: r["n"] for r in episodes(actor).values("status").annotate(n=Count("id"))}
    page.by_status = [{"status": s.value, "label": s.label, "n": counts.get(s.value, 0)} for s in EpisodeStatus]

    # Persistence tasks: the due filter and the order run in SQL and only the most overdue are loaded
    # (a large municipality has thousands of open episodes); the total links to the full list.
    due = _with_contacts(_visible(active, actor)).filter(_due_q(today))
    page.tasks_total = due.count()
    shown = due.select_related("person", "worker", "team").order_by("clock", "id")[:TASKS_SHOWN]
    page.tasks = [_row(e, today) for e in shown]

    page.moving_in = moving_in_warnings(actor, today=today)
    page.hand_overs = list(HandOver.objects.filter(municipality=actor.municipality, received_on__isnull=True)
                           .select_related("from_municipality"))
    _log_people(actor, [w.person_id for w in waits] + [r["person"].pk for r in page.tasks]
                + [p for c in page.moving_in for p in c["person_ids"]])
    return page


SPECIALISED_ORDER = [Method.CTI, Method.ICM, Method.ACT]
TASKS_SHOWN = 50


def _due_q(today: date) -> Q:
    """Persistence due in SQL, the same rule as support/persistence.py: the clock (last reached, or
    the start) at least the method's number of days ago."""
    q = Q(pk__in=[])
    for method in Method:
        q |= Q(method=method, clock__lte=today - timedelta(days=conf.persistence_days(method)))
    return q


def moving_in_warnings(actor, *, today: date) -> list[dict]:
    """Workers with several citizens moving into a home at about the same time (seed 004, 4.1), from
    housing.Tenancy starts of citizens in the worker's open episodes, looking one window back and ahead."""
    try:
        from housing.models import Tenancy
    except ImportError:
        return []
    days, count = conf.value("MOVE_IN_CLUSTER_DAYS"), conf.value("MOVE_IN_CLUSTER_COUNT")
    window = (today - timedelta(days=days), today + timedelta(days=days))
    open_episodes = episodes(actor).filter(status__in=[EpisodeStatus.ACTIVE, EpisodeStatus.PAUSED], worker__isnull=False)
    tenancies = (Tenancy.objects.filter(municipality=actor.municipality, starts_on__range=window,
                                        person_id__in=open_episodes.values("person_id"))
                 .values_list("person_id", "starts_on"))
    workers = {}
    for person_id, worker_id in open_episodes.values_list("person_id", "worker_id"):
        workers.setdefault(person_id, set()).add(worker_id)
    move_ins = [(w, on, pid) for pid, on in tenancies for w in workers.get(pid, ())]
    found = moving_in.clusters(move_ins, count=count, days=days)
    if not found:
        return []
    from accounts.models import User

    names = {u.pk: (u.get_full_name() or u.username) for u in User.objects.filter(pk__in=[c.worker_id for c in found])}
    return [{"worker_id": c.worker_id, "worker": names.get(c.worker_id, ""), "first": c.first, "last": c.last,
             "n": len(c.person_ids), "person_ids": list(c.person_ids)} for c in found]


EPISODE_FILTERS = ("status", "method", "team", "worker", "due")


def episode_list(actor, *, filters: dict, today: date) -> list[dict]:
    """The people behind a figure: episodes filtered by status, method, team, worker or persistence due."""
    require(actor, Capability.WORK_SUPPORT)
    qs = _visible(episodes(actor), actor)
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    if filters.get("method"):
        qs = qs.filter(method=filters["method"])
    if filters.get("team"):
        qs = qs.filter(team_id=filters["team"])
    if filters.get("worker"):
        qs = qs.filter(worker_id=filters["worker"])
    rows = [_row(e, today) for e in _with_contacts(qs).select_related("person", "worker", "team").order_by("person__last_name", "id")]
    if filters.get("due"):
        rows = [r for r in rows if r["persistence"] and r["persistence"].due]
    _log_people(actor, [r["person"].pk for r in rows], purpose="Specialiseret støtte: liste over forløb")
    return rows


def waiting_list(actor, *, method: str = "", today: date) -> list:
    require(actor, Capability.WORK_SUPPORT)
    qs = _visible(WaitingListEntry.objects.filter(municipality=actor.municipality, closed_on__isnull=True), actor)
    if method:
        qs = qs.filter(method=method)
    waits = list(qs.select_related("person", "team").order_by("since", "id"))
    for w in waits:
        w.days_waiting = (today - w.since).days
        w.method_label = METHOD_LABELS[Method(w.method)]
    _log_people(actor, [w.person_id for w in waits], purpose="Venteliste til støtte")
    return waits


def person_episodes(actor, person: Person) -> list[SupportEpisode]:
    return list(episodes(actor).filter(person=person).select_related("worker", "team"))


def teams(actor):
    return Team.objects.filter(municipality=actor.municipality).annotate(n_members=Count("members"))


def worker_profiles(actor):
    return WorkerProfile.objects.filter(municipality=actor.municipality).select_related("user", "team")


def support_users(actor):
    """Users of this municipality whose role may work with support (candidates for a worker profile)."""
    from accounts.models import Membership
    from accounts.roles import has_capability

    members = Membership.objects.filter(municipality=actor.municipality).select_related("user").order_by("user__first_name")
    return [m.user for m in members if has_capability(m.role, Capability.WORK_SUPPORT)]


def workers_for_method(actor, method: str):
    return worker_profiles(actor).filter(method=method, active=True)


