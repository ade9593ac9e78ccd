"""Reads of people, always inside the actor's municipality, and the one place that logs them."""

from datetime import date, timedelta

from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, Max, OuterRef, Q, Sum
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

import figures
from accounts import log_citizens
from accounts.access import require
from accounts.roles import Capability, has_capability, may_see_protected
from audit.models import Action
from audit.services import log_access, log_many_reads

from . import aggregates, conf, crypto, duplicates, quality, search
from . import cpr as cpr_rules
from .duplicates import Candidate, prefix_variants
from .figures import (
    AGE_GROUPS,
    DURATION_BUCKETS,
    birth_date_range,
    monthly_series,
    months_between,
)
from .models import (
    SITUATION_CHOICES,
    STATUS_CHOICES,
    MonthlyFlow,
    NeedsListEntry,
    Person,
    SituationPeriod,
)
from .quality import Check
from .situations import AT_RISK, HOMELESS, Situation
from .statuses import ACTIVE, Status


def _people(actor):
    return Person.objects.filter(municipality=actor.municipality)


def visible_in_lists(actor):
    """People the actor may see in lists and search: protected people only for their own workers."""
    own = Person.workers.through.objects.filter(person_id=OuterRef("pk"), user_id=actor.user.pk)
    return _people(actor).filter(Q(protected=False) | Exists(own))


def hidden_in_lists(actor):
    """The same rule from the other side: the protected people the actor is not a worker of, as ids. A
    list of other rows (support episodes, waits) leaves these out without joining each row's person."""
    own = Person.workers.through.objects.filter(person_id=OuterRef("pk"), user_id=actor.user.pk)
    return (
        Person.all_objects.filter(municipality=actor.municipality, protected=True)
        .exclude(Exists(own))
        .values("pk")
    )


# --- the housing needs list (boligbehovslisten, seed 001 Indsats 4) -------------------------------------
# One definition, used by the needs list page, the by-name list's filter, the figures page, the stock
# analysis, the waiting plans and allocation (issue 9 item 5): a person is on the housing needs list
# while they have an open NeedsListEntry. Person.on_needs_list mirrors that for indexed lists and is
# kept in the same transaction by people.services (register, remove, and the end of the entry when the
# person moves into their own home, dies or moves away). Inactivity does NOT take anyone off the list:
# Housing First keeps trying to reach them (seed 004, 2.3).


def needs_list_q(prefix: str = "") -> Q:
    """The filter "on the housing needs list" on people (or on a relation to people, with prefix)."""
    return Q(**{f"{prefix}on_needs_list": True})


def needs_list_people(actor, *, visible_only: bool = True):
    """Everyone on the housing needs list in the actor's municipality. Lists that name people keep
    visible_only (protected people only for their own workers); aggregates count everyone."""
    return (visible_in_lists(actor) if visible_only else _people(actor)).filter(needs_list_q())


def needs_list_entries(actor):
    """The open entries of the people on the needs list (aggregates only: rents and rooms)."""
    return NeedsListEntry.objects.filter(municipality=actor.municipality, removed_on__isnull=True).filter(
        needs_list_q("person__")
    )


def needs_list_contact_due(actor, *, today: date) -> list[dict]:
    """The worker's task (issue 9 item 6): their own citizens on the housing needs list who are marked
    inactive (no contact or update for the municipality's number of days). They stay candidates for a
    home, so the worker keeps trying to reach them (seed 004, 2.3): a home may be waiting. Longest
    without contact first; each person shown is logged."""
    people = list(needs_list_contact_due_query(actor))
    if people:
        log_many_reads(
            actor=actor.user,
            municipality=actor.municipality,
            person_ids=[p.pk for p in people],
            purpose="Boligbehovslisten: kontakt forfalden",
            role=actor.role,
            path=actor.path,
        )
    return [
        {
            "person": p,
            "last_contact_on": p.last_contact_on,
            "days": (today - p.last_contact_on).days if p.last_contact_on else None,
        }
        for p in people
    ]


def needs_list_contact_due_query(actor):
    """The people of ``needs_list_contact_due`` as an unevaluated queryset, longest without contact first,
    not logged: for a caller that counts them and shows the first (the "I dag" page logs what it shows)."""
    require(actor, Capability.VIEW_PEOPLE)
    return (
        needs_list_people(actor)
        .filter(workers=actor.user, current_status=Status.INACTIVE)
        .order_by(F("last_contact_on").asc(nulls_first=True), "last_name", "id")
        .only("id", "first_name", "last_name", "initials", "last_contact_on", "status_since")
    )


# --- what needs the outreach worker today (the "I dag" page, today/selectors.py; issue 14 item 1) --------
# Unevaluated querysets, not logged: the caller counts them, shows the first rows and logs those people.


def inactive_soon(actor, *, today: date, within_days: int):
    """My own citizens on the active list who become inactive within ``within_days`` days by the daily
    job's rule (people.services.mark_inactive: last activity at least INACTIVE_AFTER_DAYS ago, the
    municipality's own number when set), soonest first; annotated nothing: the day is
    ``last_activity_on + INACTIVE_AFTER_DAYS``."""
    require(actor, Capability.VIEW_PEOPLE)
    after = conf.value("INACTIVE_AFTER_DAYS", municipality=actor.municipality)
    cutoff = quality.inactivity_cutoff(today, after)
    return (
        visible_in_lists(actor)
        .filter(_active_q(), workers=actor.user)
        .filter(last_activity_on__gt=cutoff, last_activity_on__lte=cutoff + timedelta(days=within_days))
        .order_by("last_activity_on", "last_name", "id")
    )


def registrations_incomplete(actor, *, today: date, within_days: int):
    """My own citizens on the active list identified within ``within_days`` days whose registration lacks
    a birth year or a situation (the by-name list's quality checks, people/quality.py), newest first."""
    require(actor, Capability.VIEW_PEOPLE)
    m = actor.municipality
    missing = quality_q(Check.NO_BIRTH_YEAR, municipality=m, today=today) | quality_q(
        Check.NO_SITUATION, municipality=m, today=today
    )
    return (
        visible_in_lists(actor)
        .filter(_active_q(), workers=actor.user, identified_on__gte=today - timedelta(days=within_days))
        .filter(missing)
        .order_by("-identified_on", "-id")
    )


def without_worker(actor, *, today: date):
    """People on the active list whom nobody has as their own worker (the quality check NO_WORKER),
    longest known first: the outreach team decides who takes them."""
    require(actor, Capability.VIEW_PEOPLE)
    return (
        visible_in_lists(actor)
        .filter(_active_q())
        .filter(quality_q(Check.NO_WORKER, municipality=actor.municipality, today=today))
        .order_by(F("identified_on").asc(nulls_last=True), "id")
    )


OWN_PURPOSE = "Mine borgere: egne borgere på hjemløselisten"


def own_citizens_page(actor, *, page):
    """One page of the actor's own citizens (Person.workers: the outreach worker who registered or took
    them) on the active list, longest without activity first: the outreach worker's "Mine borgere"
    (issue 14 item 1; a support worker's are their open episodes, support.selectors.my_episodes). Each
    person on the page is logged."""
    require(actor, Capability.VIEW_PEOPLE)
    qs = (
        visible_in_lists(actor)
        .filter(_active_q(), workers=actor.user)
        .order_by(F("last_activity_on").asc(nulls_first=True), "last_name", "id")
        .only(*LIST_FIELDS)
    )
    shown = Paginator(qs, conf.value("LIST_PAGE_SIZE")).get_page(page)
    log_list_shown(actor, people=shown.object_list, filters={"workers": "mine"}, purpose=OWN_PURPOSE)
    return shown


def by_name_list(actor, *, filters: dict, today: date):
    """Everyone currently homeless or at risk, filtered and sorted (time homeless first).

    A search (``q``) finds every citizen of the municipality, housed, inactive and moved away too,
    unless a status is chosen; ``status`` "active" (the list), "all" or one status narrows it."""
    require(actor, Capability.VIEW_PEOPLE)
    q = (filters.get("q") or "").strip()
    status = filters.get("status") or ("all" if q else "active")
    qs = visible_in_lists(actor)
    if status == "active":
        qs = qs.filter(current_status__in=sorted(s.value for s in ACTIVE))
    elif status != "all":
        qs = qs.filter(current_status=status)
    situation = filters.get("situation")
    if situation == "homeless":
        qs = qs.filter(current_situation__in=[s.value for s in HOMELESS])
    elif situation == "at_risk":
        qs = qs.filter(current_situation__in=[s.value for s in AT_RISK])
    elif situation:
        qs = qs.filter(current_situation=situation)
    bucket = next((b for b in DURATION_BUCKETS if b[0] == filters.get("duration")), None)
    if bucket:
        _, _, low, high = bucket
        qs = qs.filter(homeless_since__lte=today - timedelta(days=low))
        if high is not None:
            qs = qs.filter(homeless_since__gte=today - timedelta(days=high))
    group = next((g for g in AGE_GROUPS if g[0] == filters.get("age_group")), None)
    if group:
        earliest, latest = birth_date_range(today, group[2], group[3])
        qs = qs.filter(
            Q(birth_date__range=(earliest, latest))
            | Q(birth_date__isnull=True, birth_year__range=(today.year - group[3], today.year - group[2]))
        )
    if filters.get("needs_list") == "yes":
        qs = qs.filter(needs_list_q())
    elif filters.get("needs_list") == "no":
        qs = qs.exclude(needs_list_q())
    if filters.get("protected") in ("yes", "no"):
        qs = qs.filter(protected=filters["protected"] == "yes")
    if filters.get("kvalitet") in {c.value for c in Check}:
        # The figures page's quality links (list_quality): exactly the people a check counts.
        check = Check(filters["kvalitet"])
        silent = _silent_places(actor.municipality, today=today) if check == Check.SILENT_SHELTER else ()
        qs = qs.filter(quality_q(check, municipality=actor.municipality, today=today, silent_places=silent))
    if q:
        qs = _search(qs, q, today=today)
    # Longest time homeless first; people at risk (not homeless, no spell) after them on every engine.
    by_time = [F("homeless_since").asc(nulls_last=True), "last_name", "id"]
    order = {
        "time": by_time,
        "name": ["last_name", "first_name", "id"],
        "identified": [F("identified_on").desc(nulls_last=True), "id"],
        "activity": [F("last_activity_on").asc(nulls_first=True), "id"],
    }.get(filters.get("sort") or "time", by_time)
    return qs.order_by(*order).only(*LIST_FIELDS)


LIST_FIELDS = [
    "id",
    "name_key",
    "first_name",
    "last_name",
    "initials",
    "birth_date",
    "birth_year",
    "protected",
    "current_situation",
    "homeless_since",
    "current_status",
    "on_needs_list",
    "last_activity_on",
]


def list_rows(people, *, today: date) -> list[dict]:
    """Display values for a list page, computed once in Python: rendering 50 rows through template
    filters was the largest cost of the by-name list at national scale (BENCHMARKS.md)."""
    # Labels translated once per page, not once per row (each is a lazy translation).
    situations = _Labels(SITUATION_CHOICES)
    statuses = _Labels(STATUS_CHOICES)
    yes, no = gettext("Ja"), gettext("Nej")
    url = reverse("people:detail", args=[0])[:-2]  # "/borgere/" + id + "/"
    rows = []
    for p in people:
        since = p.homeless_since
        rows.append(
            {
                "url": f"{url}{p.pk}/",
                # The row's contact dialog (people/_list_table.html): its address made here, not by a
                # template include per row, which cost the list a fifth of its time.
                "contact_url": f"{url}{p.pk}/kontakt/",
                "pk": p.pk,
                "name": p.display_name,
                "protected": p.protected,
                "age": p.age_on(today) if (p.birth_date or p.birth_year) else "–",
                "situation": situations[p.current_situation],
                "since": since.strftime("%d.%m.%Y") if since else "–",
                "days": (today - since).days if since else "–",
                "status": statuses[p.current_status],
                "needs_list": yes if p.on_needs_list else no,
                "activity": p.last_activity_on.strftime("%d.%m.%Y") if p.last_activity_on else "–",
            }
        )
    return rows


class _Labels(dict):
    """A choice's label in the active language, translated the first time a page asks for it."""

    def __init__(self, choices):
        super().__init__()
        self._lazy = dict(choices)

    def __missing__(self, key):
        value = self[key] = str(self._lazy.get(key, ""))
        return value


def _search(qs, q: str, *, today: date):
    """Each term narrows: a CPR number (or its search token) by its keyed hash, a date by the birth
    date, anything else by the folded names and initials (people/search.py)."""
    for term in search.split_terms(q):
        digits = (
            crypto.digits_from_search_token(term) if term.startswith(crypto.SEARCH_TOKEN_PREFIX) else None
        )
        if digits is None and search.is_cpr(term):
            digits = search.cpr_digits(term)
        if digits is not None:
            qs = qs.filter(cpr_hash=crypto.keyed_hash(digits))
        elif (days := search.birth_dates(term, today=today)) is not None:
            qs = qs.filter(birth_date__in=days)
        else:
            qs = qs.filter(search_name__contains=search.fold(term))
    return qs


def search_terms_for_log(filters: dict) -> str:
    """The search and filters as logged; a CPR number searched for (typed or as a search token) is
    logged masked, showing the birth date only."""
    parts = []
    for key, value in sorted(filters.items()):
        if value in (None, ""):
            continue
        if key == "q":
            terms = []
            for term in search.split_terms(str(value)):
                digits = (
                    crypto.digits_from_search_token(term)
                    if term.startswith(crypto.SEARCH_TOKEN_PREFIX)
                    else None
                )
                terms.append(cpr_rules.mask(digits) if digits else search.mask_cprs(term))
            value = " ".join(terms)
        parts.append(f"{key}={value}")
    return "; ".join(parts)


def log_list_shown(actor, *, people=(), person_ids=None, filters: dict, purpose: str) -> None:
    """A list page is a search (with its terms) and a read of each person shown: one statement.
    ``person_ids`` instead of ``people`` for an export: ids only, no model object per row."""
    log_many_reads(
        actor=actor.user,
        municipality=actor.municipality,
        person_ids=person_ids if person_ids is not None else [p.pk for p in people],
        purpose=purpose,
        role=actor.role,
        path=actor.path,
        search_detail=search_terms_for_log(filters),
    )


LIST_PURPOSE = "Opfølgning på hjemløselisten"
EXPORT_PURPOSE = "Udtræk af hjemløselisten"


def by_name_page(actor, *, filters: dict, today: date, page):
    """One page of the by-name list; the search and each person on the page are logged."""
    shown = Paginator(
        by_name_list(actor, filters=filters, today=today), conf.value("LIST_PAGE_SIZE")
    ).get_page(page)
    log_list_shown(actor, people=shown.object_list, filters=filters, purpose=LIST_PURPOSE)
    return shown


def needs_list_page(actor, *, page):
    """One page of the housing needs list, longest homeless first; each person on it is logged."""
    qs = (
        needs_list_people(actor)
        .prefetch_related("needs_entries")
        .order_by("homeless_since", "last_name", "id")
    )
    shown = Paginator(qs, conf.value("LIST_PAGE_SIZE")).get_page(page)
    log_list_shown(
        actor, people=shown.object_list, filters={"needs_list": "yes"}, purpose="Boligbehovslisten"
    )
    return shown


def by_name_export(actor, *, filters: dict, fmt: str, today: date, ids: list[int] | None = None):
    """The filtered by-name list for an export and its size: the search, each person exported and the
    export itself (how many, with which filters) are logged. ``ids`` when the caller already has them."""
    require(actor, Capability.EXPORT_PEOPLE)
    qs = by_name_list(actor, filters=filters, today=today)
    if ids is None:
        ids = list(qs.values_list("id", flat=True))
    log_list_shown(actor, person_ids=ids, filters=filters | {"format": fmt}, purpose=EXPORT_PURPOSE)
    log_access(
        actor=actor.user,
        municipality=actor.municipality,
        action=Action.EXPORT,
        purpose=EXPORT_PURPOSE,
        detail=f"{len(ids)} borgere; {search_terms_for_log(filters)}",
        role=actor.role,
        path=actor.path,
    )
    return qs, len(ids)


def person_get(actor, pk: int, *, purpose: str, log: bool = True) -> Person:
    """One person, if the actor may see them; the read is logged."""
    require(actor, Capability.VIEW_PEOPLE)
    try:
        person = _people(actor).get(pk=pk)
    except Person.DoesNotExist as exc:
        raise Http404(gettext("Borgeren findes ikke.")) from exc
    if person.protected:
        own = person.workers.filter(pk=actor.user.pk).exists()
        if not may_see_protected(role=actor.role, is_own_worker=own, in_list=False):
            raise Http404(gettext("Borgeren findes ikke."))
    if log:
        log_access(
            actor=actor.user,
            municipality=actor.municipality,
            action=Action.READ,
            purpose=purpose,
            person_id=person.pk,
            role=actor.role,
            path=actor.path,
        )
    return person


# The log page's citizen search for an access request (accounts.log_citizens): at most this many found.
LOG_SEARCH_LIMIT = 20


class LogFinder:
    """Finds citizens for a leader reading the access log, with the by-name list's own search (names
    folded, birth dates, CPR by its keyed hash). Every citizen of the municipality can be found, moved away
    and inactive too; a protected citizen only by their exact CPR number (an access request names the
    citizen by CPR, and protected people are never found by name outside their own workers). The search
    is logged with its terms (a CPR number masked) and each citizen found is logged as read."""

    def search(self, actor, *, query: str, purpose: str) -> list[log_citizens.Citizen]:
        require(actor, Capability.READ_LOGS)
        terms = search.split_terms(query)
        if not terms:
            return []
        by_cpr = any(search.is_cpr(t) or t.startswith(crypto.SEARCH_TOKEN_PREFIX) for t in terms)
        base = _people(actor) if by_cpr else visible_in_lists(actor)
        found = list(
            _search(base, query, today=timezone.localdate()).order_by("last_name", "first_name", "id")[
                :LOG_SEARCH_LIMIT
            ]
        )
        log_list_shown(actor, people=found, filters={"q": query}, purpose=purpose)
        return [log_citizens.Citizen(p.pk, p.display_name, p.birth_date) for p in found]

    def get(self, actor, *, person_id: int, purpose: str, log: bool = True) -> log_citizens.Citizen | None:
        require(actor, Capability.READ_LOGS)
        person = _people(actor).filter(pk=person_id).first()
        if person is None:
            return None
        if log:
            log_access(
                actor=actor.user,
                municipality=actor.municipality,
                action=Action.READ,
                purpose=purpose,
                person_id=person.pk,
                role=actor.role,
                path=actor.path,
            )
        return log_citizens.Citizen(person.pk, person.display_name, person.birth_date)


def reveal_cpr(actor, person: Person) -> str:
    require(actor, Capability.VIEW_FULL_CPR)
    log_access(
        actor=actor.user,
        municipality=actor.municipality,
        action=Action.REVEAL_CPR,
        purpose="Visning af fuldt CPR-nummer",
        person_id=person.pk,
        role=actor.role,
        path=actor.path,
    )
    return cpr_rules.Cpr(person.cpr).formatted if person.cpr_encrypted else ""


def timeline(person: Person) -> list[dict]:
    """Situations, status changes and contacts of one person, newest first."""
    items = []
    for p in person.situations.all():
        items.append({"date": p.start_date, "kind": "situation", "obj": p})
    for s in person.status_changes.all():
        items.append({"date": s.changed_on, "kind": "status", "obj": s})
    for c in person.contacts.all():
        items.append({"date": c.contacted_on, "kind": "contact", "obj": c})
    return sorted(items, key=lambda i: (i["date"], i["kind"] == "status"), reverse=True)


def person_with_cpr(actor, cpr: str) -> Person | None:
    """The citizen of the actor's municipality with this CPR number, if the actor may see them in lists."""
    if not (cpr and cpr_rules.looks_like_cpr(cpr)):
        return None
    return visible_in_lists(actor).filter(cpr_hash=crypto.keyed_hash(search.cpr_digits(cpr))).first()


def likely_duplicates(actor, *, first_name: str, last_name: str, birth_date, birth_year, cpr: str):
    """Existing people who may be the one being created (shown before creating)."""
    cpr_hash = ""
    if cpr and cpr_rules.looks_like_cpr(cpr):
        cpr_hash = crypto.keyed_hash(cpr.replace("-", "").strip())
    qs = visible_in_lists(actor)
    names = [n for n in (first_name, last_name) if n]
    cond = Q()
    for n in names:
        for prefix in prefix_variants(n):
            cond |= Q(first_name__istartswith=prefix) | Q(last_name__istartswith=prefix)
    if birth_date:
        cond |= Q(birth_date=birth_date)
    if cpr_hash:
        cond |= Q(cpr_hash=cpr_hash)
    if not cond:
        return []
    rows = qs.filter(cond).values_list(
        "id", "first_name", "last_name", "birth_date", "birth_year", "cpr_hash"
    )[:500]
    candidates = [Candidate(*r) for r in rows]
    ranked = duplicates.likely_duplicates(
        first_name=first_name,
        last_name=last_name,
        birth_date=birth_date,
        birth_year=birth_year,
        cpr_hash=cpr_hash or None,
        candidates=candidates,
    )
    people = {p.pk: p for p in _people(actor).filter(pk__in=[c.id for _, c in ranked])}
    return [(s, people[c.id]) for s, c in ranked if c.id in people]


def list_figures(actor, *, today: date, months: int = 24) -> dict:
    """Aggregates only, never names: active, inflow and outflow by month, days to housing, shelters.
    The scans of the people and their histories are a snapshot kept by the figures app
    (people/aggregates.py); inflow and outflow come from the trigger-kept monthly rollup."""
    require(actor, Capability.VIEW_FIGURES)
    first = aggregates.first_month(today, months)
    month_list = months_between(first, today)
    if months <= aggregates.MONTHS:
        snap = figures.read(actor.municipality, aggregates.LIST_FIGURES, today)
        data, computed_at = snap.data, snap.computed_at
    else:  # a longer window than the one kept
        data = aggregates.compute_list_figures(actor.municipality, today, months)
        computed_at = None
    # Inflow and outflow come from the trigger-kept monthly rollup (people/flows.py), not a scan of
    # the history: the same figures, a few rows per month.
    flows = MonthlyFlow.objects.filter(municipality=actor.municipality)
    before = flows.filter(month__lt=first).aggregate(i=Sum("inflow"), o=Sum("outflow"))
    inflow, outflow = {}, {}
    for month, i, o in flows.filter(month__gte=first, month__lte=today).values_list(
        "month", "inflow", "outflow"
    ):
        inflow[month], outflow[month] = i, o
    rows = monthly_series(
        months=month_list,
        inflow=inflow,
        outflow=outflow,
        active_before=(before["i"] or 0) - (before["o"] or 0),
        shelter={m: data["shelter"][m.isoformat()] for m in month_list},
    )
    return {
        "rows": rows,
        "current": data["current"],
        "avg_days_to_housing": data["avg_days_to_housing"],
        "avg_days_to_housing_year": data["avg_days_to_housing_year"],
        "housed_count": data["housed_count"],
        "inflow_year": sum(r.inflow for r in rows[-12:]),
        "outflow_year": sum(r.outflow for r in rows[-12:]),
        "computed_at": computed_at,
    }


# --- the by-name list's quality (issue 12 item 3; the rules in people/quality.py) ------------------------
# Every check is a filter on people (quality_q); the figures page counts it on the active list in one
# aggregate, and the by-name list's "kvalitet" filter applies the same filter, so a link shows exactly
# the people counted (protected people only to their own workers, as everywhere in lists).


def _active_q(prefix: str = "") -> Q:
    return Q(**{f"{prefix}current_status__in": [s.value for s in ACTIVE]})


def _silent_shelters(municipality, *, today: date) -> list[quality.Shelter]:
    """The § 110 places of the lookback period with their latest reported stay: one GROUP BY over the
    municipality's shelter stays of that period (index municipality, situation, start_date)."""
    known = today - timedelta(days=conf.value("SHELTER_KNOWN_DAYS"))
    reports = (
        SituationPeriod.objects.filter(
            municipality=municipality,
            situation=Situation.SHELTER,
            start_date__gt=known,
            start_date__lte=today,
        )
        .exclude(place="")
        .values("place")
        .annotate(last=Max("start_date"), stays=Count("id"))
        .order_by()
    )
    return quality.silent_shelters(
        [(r["place"], r["last"], r["stays"]) for r in reports],
        today=today,
        silent_after_days=conf.value("SHELTER_SILENT_AFTER_DAYS"),
    )


def _silent_places(municipality, *, today: date) -> list[str]:
    return [place for shelter in _silent_shelters(municipality, today=today) for place in shelter.places]


def quality_q(check: Check, *, municipality, today: date, silent_places=()) -> Q:
    """The people a quality check finds (besides being on the active list, which the caller filters)."""
    if check == Check.DUPLICATES:
        # GROUP BY the name key and birth year (no birth year groups with no birth year) over the active
        # list, HAVING two or more and at least one without a CPR number. The keys of such groups are
        # one hashed subquery; the correlated one then checks the birth year for those few rows only.
        def groups(**outer):
            return (
                Person.objects.filter(_active_q(), municipality=municipality, **outer)
                .exclude(name_key="")
                .annotate(year_key=Coalesce("birth_year", 0))
                .values("name_key", "year_key")
                .annotate(n=Count("id"), without_cpr=Count("id", filter=Q(cpr_hash="")))
                .filter(n__gt=1, without_cpr__gt=0)
            )

        same_group = groups(name_key=OuterRef("name_key")).filter(
            year_key=Coalesce(OuterRef("birth_year"), 0)
        )
        return Q(name_key__in=groups().values("name_key")) & Q(Exists(same_group))
    if check == Check.NO_UPDATE:
        after = conf.value("INACTIVE_AFTER_DAYS", municipality=municipality)
        return Q(last_activity_on__isnull=True) | Q(
            last_activity_on__lte=quality.inactivity_cutoff(today, after)
        )
    if check == Check.NO_BIRTH_YEAR:
        return Q(birth_year__isnull=True, birth_date__isnull=True)
    if check == Check.NO_SITUATION:
        return Q(current_situation="")
    if check == Check.NO_WORKER:
        return ~Q(Exists(Person.workers.through.objects.filter(person_id=OuterRef("pk"))))
    if check == Check.SILENT_SHELTER:
        if not silent_places:
            return Q(pk__in=[])
        # The open § 110 stays at those places: one subquery (index municipality, situation, start_date).
        open_stays = SituationPeriod.objects.filter(
            municipality=municipality,
            situation=Situation.SHELTER,
            end_date__isnull=True,
            place__in=silent_places,
        ).values("person_id")
        return Q(current_situation=Situation.SHELTER) & Q(pk__in=open_stays)
    raise ValueError(check)


def duplicate_partners(actor, people) -> dict[int, list[int]]:
    """For the people on a page of the "possible duplicates" check: the other active records of their
    group (same name key and birth year), so a leader can open the merge preview of the pair. Ids only
    (no names are shown), one query."""
    keys = {p.name_key for p in people if p.name_key}
    if not keys:
        return {}
    rows = list(
        visible_in_lists(actor)
        .filter(_active_q(), name_key__in=keys)
        .values_list("pk", "name_key", "birth_year")
    )
    out = {}
    for p in people:
        out[p.pk] = [
            pk for pk, key, year in rows if pk != p.pk and key == p.name_key and year == p.birth_year
        ]
    return out


def _quality_texts(*, window: int, silent_days: int, known_days: int) -> dict:
    """Label and definition ("hvordan tælles det?") of each check, in the request's language."""
    return {
        Check.DUPLICATES: (
            gettext("Mulige dubletter"),
            gettext(
                "Borgere på den aktive liste, der har samme for- og efternavn (store og små bogstaver, accenter, "
                "æ/ae, ø/oe/o, å/aa og ordenes rækkefølge ses der bort fra) og samme fødselsår som mindst én "
                "anden på listen, eller som begge mangler fødselsår. Har alle i gruppen et CPR-nummer, er de "
                "forskellige borgere og tælles ikke. Borgere, der kun kendes ved initialer, indgår ikke."
            ),
        ),
        Check.NO_UPDATE: (
            gettext("Ingen opdatering i %(days)s dage") % {"days": window},
            gettext(
                "Borgere på den aktive liste uden en registreret kontakt, situation eller statusændring de "
                "seneste %(days)s dage (kommunens grænse for inaktivitet), eller helt uden registreret "
                "aktivitet. Den daglige kørsel gør de første inaktive; de sidste bliver aldrig inaktive af sig "
                "selv."
            )
            % {"days": window},
        ),
        Check.NO_BIRTH_YEAR: (
            gettext("Mangler fødselsår"),
            gettext("Borgere på den aktive liste uden fødselsdato og uden fødselsår."),
        ),
        Check.NO_SITUATION: (
            gettext("Mangler situation"),
            gettext("Borgere på den aktive liste uden en aktuel situation (hvor borgeren opholder sig)."),
        ),
        Check.NO_WORKER: (
            gettext("Ingen medarbejder"),
            gettext(
                "Borgere på den aktive liste, som ingen medarbejder er tilknyttet som egen medarbejder "
                "(hverken opsøgende medarbejder, sagsbehandler eller støttemedarbejder)."
            ),
        ),
        Check.SILENT_SHELTER: (
            gettext("På boform uden indberetning i %(days)s dage") % {"days": silent_days},
            gettext(
                "En boform (§ 110) skal underrette kommunen om et ophold inden for 3 hverdage. En boform er "
                "det sted, der er angivet på ophold på boform, der er begyndt de seneste %(known)s dage; en "
                "boform er tavs, når intet ophold dér er begyndt de seneste %(days)s dage. Tallet er borgerne "
                "på den aktive liste, hvis aktuelle ophold er på en tavs boform: tjek, om de stadig bor der."
            )
            % {"days": silent_days, "known": known_days},
        ),
    }


def list_quality(actor, *, today: date) -> dict:
    """The by-name list's quality beside the figures: one row per check with its count, its share of
    the active list and, for roles that may see names, the by-name list address showing those people.
    Aggregates only, no names: two queries (the shelters' latest reports, then one aggregate over the
    municipality's active list with a filtered count per check)."""
    require(actor, Capability.VIEW_FIGURES)
    municipality = actor.municipality
    window = conf.value("INACTIVE_AFTER_DAYS", municipality=municipality)
    silent_days = conf.value("SHELTER_SILENT_AFTER_DAYS")
    shelters = _silent_shelters(municipality, today=today)
    places = [place for shelter in shelters for place in shelter.places]
    may_see_names = has_capability(actor.role, Capability.VIEW_PEOPLE)
    filters = {c: quality_q(c, municipality=municipality, today=today, silent_places=places) for c in Check}
    counts = {c.value: Count("id", filter=q) for c, q in filters.items()}
    if may_see_names:
        # Counted but not shown to this reader in the list: protected people they are not a worker of.
        own = Person.workers.through.objects.filter(person_id=OuterRef("pk"), user_id=actor.user.pk)
        hidden = Q(protected=True) & ~Q(Exists(own))
        counts |= {f"{c.value}_hidden": Count("id", filter=hidden & q) for c, q in filters.items()}
    totals = _people(actor).filter(_active_q()).aggregate(active=Count("id"), **counts)
    texts = _quality_texts(
        window=window, silent_days=silent_days, known_days=conf.value("SHELTER_KNOWN_DAYS")
    )
    list_url = reverse("people:list")
    rows = []
    for check in Check:
        label, definition = texts[check]
        count = totals[check.value]
        rows.append(
            {
                "code": check.value,
                "label": label,
                "definition": definition,
                "count": count,
                "share": quality.share(count, totals["active"]),
                "query": f"kvalitet={check.value}",
                "url": f"{list_url}?kvalitet={check.value}" if may_see_names and count else None,
                "hidden": totals.get(f"{check.value}_hidden", 0),
            }
        )
    return {
        "rows": rows,
        "active": totals["active"],
        "shelters": shelters,
        "window_days": window,
        "silent_days": silent_days,
    }


LOG_FINDER = LogFinder()
