"""Reads of support, always inside the actor's municipality; every person shown is logged.

The front pages are a fixed number of queries whatever the number of episodes (pinned in
core/tests/test_query_counts.py): last contacts and persistence are subqueries, not per-row lookups.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Case, Count, DateField, F, IntegerField, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce, Greatest
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

import figures
from accounts.access import require
from accounts.models import User
from accounts.roles import Capability, Role, has_capability
from audit.services import log_many_reads
from core.pagination import in_order, page_of, page_of_ids
from people.models import Contact, Person
from people.selectors import hidden_in_lists, person_get
from plans.labels import METHOD as METHOD_LABELS
from plans.methods import Method

from . import aggregates, capacity, conf, cti, persistence
from .labels import CTI_PHASE
from .models import EpisodeStatus, HandOver, SupportEpisode, Team, WaitingListEntry, WorkerProfile

EPISODE_PURPOSE = "Specialiseret støtte: borgerens forløb"
FRONT_PURPOSE = "Specialiseret støtte: overblik"


def _visible(qs, actor, person_field="person"):
    """Protected people show in lists only to their own workers (as on the by-name list)."""
    # The by-name list's rule (people.selectors.hidden_in_lists): no join to every row's person to decide
    # (a count over 8,000 episodes took 20 ms with the join, a few without).
    return qs.exclude(**{f"{person_field}_id__in": hidden_in_lists(actor)})


def _log_people(actor, person_ids, purpose=FRONT_PURPOSE):
    ids = sorted(set(person_ids))
    if ids:
        log_many_reads(
            actor=actor.user,
            municipality=actor.municipality,
            person_ids=ids,
            purpose=purpose,
            role=actor.role,
            path=actor.path,
        )


def episodes(actor):
    return SupportEpisode.objects.filter(municipality=actor.municipality)


def episode_get(actor, pk: int) -> SupportEpisode:
    """One episode, if the actor may see its person; the read of the person is logged."""
    require(actor, Capability.WORK_SUPPORT)
    try:
        episode = episodes(actor).select_related("person", "worker", "team").get(pk=pk)
    except SupportEpisode.DoesNotExist as exc:
        raise Http404(_("Forløbet findes ikke.")) from exc
    person_get(actor, episode.person_id, purpose=EPISODE_PURPOSE)
    return episode


def episode_timeline(episode: SupportEpisode) -> list[dict]:
    """The episode's events and the person's contacts since its start, newest first."""
    items = [{"date": e.on, "kind": "event", "obj": e} for e in episode.log_events.select_related("by")]
    contacts = Contact.objects.filter(person_id=episode.person_id, contacted_on__gte=episode.start_date)
    if episode.end_date:
        contacts = contacts.filter(contacted_on__lte=episode.end_date)
    items += [
        {"date": c.contacted_on, "kind": "contact", "obj": c} for c in contacts.select_related("recorded_by")
    ]
    return sorted(items, key=lambda i: (i["date"], i["kind"] == "contact", i["obj"].pk), reverse=True)


def cti_timeline(episode: SupportEpisode, today: date) -> dict | None:
    if episode.method != Method.CTI:
        return None
    months, contact = conf.value("CTI_MONTHS"), conf.value("CTI_CONTACT_MONTHS")
    on = min(today, episode.end_date) if episode.end_date else today
    key = cti.current(episode.start_date, on, total_months=months, contact_months=contact)
    periods = [
        _Phase(p) for p in cti.periods(episode.start_date, total_months=months, contact_months=contact)
    ]
    return {
        "periods": periods,
        "current": key,
        "current_label": CTI_PHASE[key],
        "planned_end": cti.planned_end(episode.start_date, total_months=months),
    }


class _Phase:
    """A CTI period (support/cti.py) with its label in the user's language."""

    def __init__(self, period):
        self._period = period

    def __getattr__(self, name):
        return getattr(self._period, name)

    @property
    def label(self):
        return CTI_PHASE[self._period.key]


def _with_clock(qs):
    """Annotate episodes with last contact, last reached (since the start) and the persistence clock,
    from the person's contact summary (people.Person.last_contact_on/last_reached_on, kept by
    contact_record): a join on the person's key, no search through contacts."""
    reached = F("person__last_reached_on")
    return qs.annotate(
        last_contact=F("person__last_contact_on"),
        last_reached=Case(
            When(person__last_reached_on__gte=F("start_date"), then=reached),
            default=None,
            output_field=DateField(),
        ),
        clock=Greatest(F("start_date"), Coalesce(reached, F("start_date"))),
    )


def _with_attempts(qs):
    """Attempts since the clock that did not reach the citizen (qs from _with_clock): a correlated count
    on the contacts index (person, date), so use it on the rows shown, not on whole populations."""
    attempts = (
        Contact.objects.filter(
            person_id=OuterRef("person_id"), reached=False, contacted_on__gte=OuterRef("clock")
        )
        .order_by()
        .values("person_id")
        .annotate(n=Count("id"))
        .values("n")[:1]
    )
    return qs.annotate(attempts=Coalesce(Subquery(attempts, output_field=IntegerField()), 0))


def _with_contacts(qs):
    return _with_attempts(_with_clock(qs))


def _persistence(e, today):
    return persistence.persistence(
        start=e.start_date,
        last_reached=e.last_reached,
        attempts_after_reached=e.attempts,
        today=today,
        limit_days=conf.persistence_days(e.method),
    )


def _row(e, today):
    p = _persistence(e, today) if e.status == EpisodeStatus.ACTIVE else None
    phase = None
    if e.method == Method.CTI:
        phase = CTI_PHASE[
            cti.current(
                e.start_date,
                today,
                total_months=conf.value("CTI_MONTHS"),
                contact_months=conf.value("CTI_CONTACT_MONTHS"),
            )
        ]
    return {
        "episode": e,
        "person": e.person,
        "method": METHOD_LABELS[Method(e.method)],
        "phase": phase,
        "last_contact": e.last_contact,
        "last_reached": e.last_reached,
        "persistence": p,
    }


@dataclass
class WorkerPage:
    rows: list
    tasks: list
    profile: WorkerProfile | None
    limit: int | None
    active: int


def my_episodes(actor):
    """The one definition of "my citizens" (issue 9, item 9): the open episodes (active or paused) in
    which the actor is the worker. The worker's front page, its counts and its plan reviews all use it."""
    return episodes(actor).filter(worker=actor.user, status__in=[EpisodeStatus.ACTIVE, EpisodeStatus.PAUSED])


def my_citizens(actor):
    """The people of my_episodes, as a subquery of person ids."""
    return my_episodes(actor).values("person_id")


def worker_page(actor, *, today: date) -> WorkerPage:
    """My citizens (my_episodes), their method and CTI phase, last contact and persistence tasks (the
    front page, home/views.py, adds their plan reviews and eviction cases)."""
    require(actor, Capability.WORK_SUPPORT)
    qs = _with_contacts(my_episodes(actor))
    rows = [
        _row(e, today)
        for e in qs.select_related("person", "team").order_by("person__last_name", "person__first_name", "id")
    ]
    tasks = sorted(
        (r for r in rows if r["persistence"] and r["persistence"].due), key=lambda r: -r["persistence"].days
    )
    profile = WorkerProfile.objects.filter(municipality=actor.municipality, user=actor.user).first()
    limit = None
    if profile and conf.caseload_limit(profile.method):
        limit = capacity.worker_limit(
            method_limit=conf.caseload_limit(profile.method), own_limit=profile.caseload_limit
        )
    active = sum(
        1
        for r in rows
        if r["episode"].status == EpisodeStatus.ACTIVE and profile and r["episode"].method == profile.method
    )
    _log_people(actor, [r["person"].pk for r in rows])
    return WorkerPage(rows=rows, tasks=tasks, profile=profile, limit=limit, active=active)


@dataclass
class LeaderPage:
    capacity: list = field(default_factory=list)  # rows per team (and per method for workers without a team)
    capacity_total: int = 0  # teams in all; ``capacity`` holds the ROWS_SHOWN fullest
    over_limit_total: int = 0
    methods: list = field(default_factory=list)  # rows per method: capacity, use, waiting
    full_workers: list = field(default_factory=list)  # workers at or over their limit, fullest first
    full_workers_total: int = 0
    over_limit: list = field(default_factory=list)
    tasks: list = field(default_factory=list)
    tasks_total: int = 0
    by_status: list = field(default_factory=list)
    waiting: list = field(default_factory=list)
    waiting_total: int = 0
    hidden_waiting: int = 0
    hand_overs: list = field(default_factory=list)
    capacity_computed_at: object = None  # when the capacity figures were computed (figures app)


@dataclass
class Capacity:
    workers: list  # one row per active CTI/ICM worker
    teams: list  # one row per team, and one per method for workers without a team
    computed_at: object = None  # when the snapshot was computed (figures app)


def capacity_overview(actor, *, today: date | None = None) -> Capacity:
    """Caseload against the limits (seed 004, 4.1 and 3.1): per CTI/ICM worker, per team (the sum of its
    members' limits; for ACT the team's own limit) and for workers without a team. The counts are a
    snapshot kept by the figures app (support/aggregates.py); here the labels and the workers' names
    (one query) are added. No names of citizens."""
    snap = figures.read(actor.municipality, aggregates.CAPACITY, today or timezone.localdate())
    workers, teams = snap.data["workers"], snap.data["teams"]
    names = {
        pk: f"{first} {last}".strip() or username
        # The municipality's active workers as a subquery: a list of a large municipality's 864 worker ids
        # cost 76 ms in Django's preparation of the IN list alone (BENCHMARKS.md, 3x).
        for pk, first, last, username in User.objects.filter(
            pk__in=WorkerProfile.objects.filter(municipality=actor.municipality, active=True).values(
                "user_id"
            )
        ).values_list("pk", "first_name", "last_name", "username")
    }
    for w in workers:
        w["name"] = names.get(w["user_id"], "")
        w["method_label"] = METHOD_LABELS[Method(w["method"])]
    for r in teams:
        r["method_label"] = METHOD_LABELS[Method(r["method"])]
        if r["kind"] == "no_team":
            r["name"] = _("Uden team")
    return Capacity(workers=workers, teams=teams, computed_at=snap.computed_at)


def leader_page(actor, *, today: date) -> LeaderPage:
    """The leader's front page. Its cost must not grow with the municipality (BENCHMARKS.md): figures
    are aggregates; lists of people (waiting, persistence) show the most urgent rows with the total and
    link to the full list; capacity is per team, with the workers at or over their limit."""
    require(actor, Capability.MANAGE_SUPPORT)
    page = LeaderPage()
    cap = capacity_overview(actor, today=today)
    # A page of teams (Copenhagen has 74 at 3x national scale): the fullest, shown in the usual order.
    page.capacity_total = len(cap.teams)

    def used(r):  # share of places in use; a team without places counts as over full once it has a citizen
        return r["active"] / r["limit"] if r["limit"] else 2.0 * (r["active"] > 0)

    fullest = {id(r) for r in sorted(cap.teams, key=lambda r: -used(r))[:ROWS_SHOWN]}
    page.capacity = [r for r in cap.teams if id(r) in fullest]
    page.capacity_computed_at = cap.computed_at
    full = sorted(
        (w for w in cap.workers if w["active"] >= w["limit"]),
        key=lambda w: (-(w["active"] - w["limit"]), w["name"]),
    )
    page.full_workers_total = len(full)
    page.full_workers = full[:ROWS_SHOWN]
    over = [w for w in full if w["active"] > w["limit"]] + [
        r for r in cap.teams if r["method"] == Method.ACT and r["active"] > r["limit"]
    ]
    page.over_limit_total, page.over_limit = len(over), over[:ROWS_SHOWN]

    # Waiting: the figures from every open entry (protected people count too: no names), the rows
    # for the longest waiting the leader may see.
    open_waits = WaitingListEntry.objects.filter(municipality=actor.municipality, closed_on__isnull=True)
    by_since = _waits_by_method(actor, today)
    page.methods = method_figures(actor, today=today, cap=cap, by_since=by_since)
    visible = _visible(open_waits, actor)
    page.waiting_total = visible.count()
    page.waiting = list(visible.select_related("person", "team").order_by("since", "id")[:ROWS_SHOWN])
    page.hidden_waiting = sum(n for rows in by_since.values() for _, n in rows) - page.waiting_total
    for w in page.waiting:
        w.days_waiting = (today - w.since).days
        w.method_label = METHOD_LABELS[Method(w.method)]

    counts = {r["status"]: r["n"] for r in episodes(actor).values("status").annotate(n=Count("id"))}
    page.by_status = [
        {"status": s.value, "label": s.label, "n": counts.get(s.value, 0)} for s in EpisodeStatus
    ]

    # Persistence tasks: due filter and order in SQL on the clock from the person's contact summary;
    # attempts are counted for the rows shown only. The total links to the full list.
    due = _with_clock(_visible(episodes(actor).filter(status=EpisodeStatus.ACTIVE), actor)).filter(
        _due_q(today)
    )
    # Every due episode's id in the clock's order, in one query: the total and the rows shown both come from
    # it (a count and a page each ran the same join, 10 ms apiece for Copenhagen at 3x national scale).
    # The rows shown are then read with their person, worker, team and attempts: the joins and the attempts
    # subquery run for those rows only, not for every due episode.
    ids = list(due.order_by("clock", "id").values_list("pk", flat=True))
    page.tasks_total = len(ids)
    page.tasks = [_row(e, today) for e in in_order(ids[:ROWS_SHOWN], lambda ids: _episode_rows(actor, ids))]

    page.hand_overs = list(
        HandOver.objects.filter(municipality=actor.municipality, received_on__isnull=True).select_related(
            "from_municipality"
        )
    )
    _log_people(
        actor,
        [w.person_id for w in page.waiting] + [r["person"].pk for r in page.tasks],
    )
    return page


def _waits_by_method(actor, today: date) -> dict[str, list[tuple[int, int]]]:
    """method -> [(days waited, open entries)] over every open entry (protected people count too)."""
    by_since = {}
    open_waits = WaitingListEntry.objects.filter(municipality=actor.municipality, closed_on__isnull=True)
    for r in open_waits.values("method", "since").annotate(n=Count("id")).order_by():
        by_since.setdefault(r["method"], []).append(((today - r["since"]).days, r["n"]))
    return by_since


def method_figures(actor, *, today: date, cap: Capacity | None = None, by_since=None) -> list[dict]:
    """Places, use and waiting per specialised method (aggregates, no names): the support leader's page
    and the leaders' front page show the same figures from here."""
    cap = cap or capacity_overview(actor, today=today)
    by_since = _waits_by_method(actor, today) if by_since is None else by_since
    out = []
    for m in SPECIALISED_ORDER:
        rows = [r for r in cap.teams if r["method"] == m]
        waited = by_since.get(m.value, [])
        n_wait = sum(n for _, n in waited)
        limit, used = sum(r["limit"] for r in rows), sum(r["active"] for r in rows)
        out.append(
            {
                "method": m.value,
                "label": METHOD_LABELS[m],
                "limit": limit,
                "active": used,
                "free": max(0, limit - used),
                "use": capacity.use_share(used, limit),
                "waiting": n_wait,
                "longest_wait": max(d for d, _ in waited) if waited else None,
                "mean_wait": round(sum(d * n for d, n in waited) / n_wait) if n_wait else None,
            }
        )
    return out


SPECIALISED_ORDER = aggregates.SPECIALISED_ORDER
# Rows of people (or workers, or teams) in each list on the leader's front page: an overview to scan, with the
# total and a link to the full, paginated list. Four lists of 50 made a 78 KB page that took 200 ms to render
# on a slow 2-core machine for Copenhagen at 3x national scale (BENCHMARKS.md).
ROWS_SHOWN = 20


def _due_q(today: date) -> Q:
    """Persistence due in SQL, the same rule as support/persistence.py: the clock (last reached, or
    the start) at least the method's number of days ago."""
    q = Q(pk__in=[])
    for method in Method:
        q |= Q(method=method, clock__lte=today - timedelta(days=conf.persistence_days(method)))
    return q


def _episode_rows(actor, ids):
    """Episodes by id as list rows show them: person, worker, team and the contact summary."""
    return _with_contacts(episodes(actor).filter(pk__in=ids)).select_related("person", "worker", "team")


FILTER_WORKERS = 50


def episode_filter_workers(actor, *, team_id=None, worker_id=None) -> tuple[list, bool]:
    """The episode list's worker filter: the support workers of the chosen team, or of the municipality
    when they are no more than FILTER_WORKERS (names only, each once). A large municipality (close to 900
    at national scale) gets the chosen worker only, and the page asks for a team first. Returns
    (workers, complete): complete is False when only the chosen worker is offered."""
    qs = support_users(actor).filter(support_profiles__municipality=actor.municipality)
    if team_id:
        qs = qs.filter(support_profiles__team_id=team_id)
    qs = (
        qs.only("id", "first_name", "last_name", "username")
        .distinct()
        .order_by("first_name", "last_name", "id")
    )
    found = list(qs[: FILTER_WORKERS + 1])
    if len(found) <= FILTER_WORKERS:
        return found, True
    return (list(qs.filter(pk=worker_id)) if worker_id else []), False


EPISODE_FILTERS = ("status", "method", "team", "worker", "due")


def episode_list(actor, *, filters: dict, today: date, page=None):
    """The people behind a figure: one page (``page``, from ``?side=``) of the episodes filtered by status,
    method, team, worker or persistence due; each row is a dict (``_row``) and only the people on the page
    are logged."""
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
    if filters.get("due"):
        qs = _with_contacts(qs).filter(_due_q(today), status=EpisodeStatus.ACTIVE)
    shown = page_of_ids(
        qs.order_by("person__last_name", "id"),
        page,
        size=conf.value("LIST_PAGE_SIZE"),
        load=lambda ids: _episode_rows(actor, ids),
    )
    shown.object_list = [_row(e, today) for e in shown.object_list]
    _log_people(
        actor, [r["person"].pk for r in shown.object_list], purpose="Specialiseret støtte: liste over forløb"
    )
    return shown


def waiting_list(actor, *, method: str = "", today: date, page=None):
    """One page of the open support waiting list, longest waiting first; only the people on it are logged."""
    require(actor, Capability.WORK_SUPPORT)
    qs = _visible(
        WaitingListEntry.objects.filter(municipality=actor.municipality, closed_on__isnull=True), actor
    )
    if method:
        qs = qs.filter(method=method)
    shown = page_of(
        qs.select_related("person", "team").order_by("since", "id"), page, size=conf.value("LIST_PAGE_SIZE")
    )
    shown.object_list = waits = list(shown.object_list)
    for w in waits:
        w.days_waiting = (today - w.since).days
        w.method_label = METHOD_LABELS[Method(w.method)]
    _log_people(actor, [w.person_id for w in waits], purpose="Venteliste til støtte")
    return shown


def person_episodes(actor, person: Person) -> list[SupportEpisode]:
    return list(episodes(actor).filter(person=person).select_related("worker", "team"))


def person_waits(actor, person: Person) -> list[WaitingListEntry]:
    """The person's open waiting-list entries (the person's read is logged by the caller)."""
    return list(
        WaitingListEntry.objects.filter(
            municipality=actor.municipality, person=person, closed_on__isnull=True
        ).order_by("since", "id")
    )


def teams(actor):
    return Team.objects.filter(municipality=actor.municipality).annotate(n_members=Count("members"))


def worker_profiles(actor):
    return WorkerProfile.objects.filter(municipality=actor.municipality).select_related("user", "team")


def support_users(actor):
    """Users of this municipality whose role may work with support (candidates for a worker profile),
    as a queryset ordered by name."""
    roles = [role.value for role in Role if has_capability(role, Capability.WORK_SUPPORT)]
    return User.objects.filter(
        memberships__municipality=actor.municipality, memberships__role__in=roles
    ).order_by("first_name", "last_name", "id")


def support_users_page(actor, *, page=None):
    """One page of the support users (staff, no citizens: nothing is logged)."""
    return page_of(support_users(actor), page, size=conf.value("LIST_PAGE_SIZE"))


def workers_for_assignment(actor):
    """Support workers who may be made a citizen's worker (visitation): active, with a method. Only what
    the choice shows (name, method) is read: a large municipality has hundreds of them, and loading each
    one's whole user and team cost the person page more than the rest of it."""
    return (
        WorkerProfile.objects.filter(municipality=actor.municipality, active=True)
        .select_related("user")
        .only(
            "id",
            "municipality_id",
            "user_id",
            "method",
            "user__first_name",
            "user__last_name",
            "user__username",
        )
    )


ASSIGN_CHOICES = 20


def workers_to_assign(actor, *, person, query: str = "") -> tuple[list, bool]:
    """The support workers offered when a citizen gets a worker (visitation): active, not already the
    citizen's, each word of ``query`` in their name or user name. At most ASSIGN_CHOICES of them, and
    whether there are more: Copenhagen has close to 900 support workers at national scale, which no one
    reads through in a list. Without a query, all of them where there are no more than that (a small
    municipality), else none: the page asks for a name. Returns (workers, more)."""
    qs = workers_for_assignment(actor).exclude(user_id__in=person.workers.values("pk"))
    words = query.split()[:5]
    for word in words:
        qs = qs.filter(
            Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
            | Q(user__username__icontains=word)
        )
    found = list(qs.order_by("user__first_name", "user__last_name", "id")[: ASSIGN_CHOICES + 1])
    more = len(found) > ASSIGN_CHOICES
    if more and not words:
        return [], True
    return found[:ASSIGN_CHOICES], more


def workers_for_method(actor, method: str):
    return worker_profiles(actor).filter(method=method, active=True)


# --- what needs the worker today (the "I dag" page, today/selectors.py; issue 14 item 1) ------------------
# Unevaluated querysets and bounded lists: the caller counts, shows the first rows and logs the people it
# shows, so the page costs a fixed number of queries whatever the number of episodes.


def persistence_due(actor, *, today: date):
    """My active episodes (my_episodes) whose citizen has not been reached for the method's number of
    days (support/persistence.py, the rule of _due_q), longest first, annotated with ``clock`` (last
    reached, or the start). Not logged: the caller logs the rows it shows."""
    require(actor, Capability.WORK_SUPPORT)
    qs = _with_clock(_visible(my_episodes(actor).filter(status=EpisodeStatus.ACTIVE), actor))
    return qs.filter(_due_q(today)).select_related("person").order_by("clock", "id")


def cti_phase_starts(actor, *, today: date, ahead_days: int) -> list[tuple[SupportEpisode, object]]:
    """(episode, period) for my active CTI episodes whose next period (support/cti.py) begins within
    ``ahead_days`` days from today (today included), soonest first. A worker has at most the CTI caseload
    (about 10) such episodes, so the periods are computed in Python. Not logged: the caller logs."""
    require(actor, Capability.WORK_SUPPORT)
    months, contact = conf.value("CTI_MONTHS"), conf.value("CTI_CONTACT_MONTHS")
    horizon = today + timedelta(days=ahead_days)
    found = []
    qs = _visible(my_episodes(actor).filter(status=EpisodeStatus.ACTIVE, method=Method.CTI), actor)
    for e in qs.select_related("person").order_by("start_date", "id"):
        for p in cti.periods(e.start_date, total_months=months, contact_months=contact):
            if p.start > e.start_date and today <= p.start <= horizon:
                found.append((e, p))
    return sorted(found, key=lambda ep: (ep[1].start, ep[0].pk))


def waiting_longer_than(actor, *, today: date, days: int):
    """Open waiting-list entries older than ``days`` days, longest waiting first (protected people only
    for their own workers). Not logged: the caller logs the rows it shows."""
    require(actor, Capability.WORK_SUPPORT)
    qs = WaitingListEntry.objects.filter(
        municipality=actor.municipality, closed_on__isnull=True, since__lte=today - timedelta(days=days)
    )
    return _visible(qs, actor).select_related("person").order_by("since", "id")
