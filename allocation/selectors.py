"""Reads on allocation, always inside the actor's municipality; every person shown is logged here."""

import functools
from datetime import date, timedelta
from statistics import median

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from accounts.access import require
from accounts.roles import Capability
from audit.models import Action
from audit.services import log_many_reads
from core.pagination import page_of
from housing.affordability import payment_for
from housing.benefit import PENSION_NONE, Payment
from housing.models import VacancyStatus
from people.models import NeedsListEntry, Person
from people.selectors import needs_list_people, needs_list_q, visible_in_lists
from people.statuses import Status

from . import matching
from .conf import allocation_setting, matching_params
from .models import (
    HOLDS_PERSON,
    LIVE,
    AgendaItem,
    CandidateProfile,
    CommitteeMeeting,
    DeclineReason,
    MeetingDecision,
    Offer,
    OfferStatus,
    Vacancy,
)


def _get(qs, actor, pk, what: str):
    try:
        return qs.filter(municipality=actor.municipality).get(pk=pk)
    except qs.model.DoesNotExist as exc:
        raise Http404(f"{what} findes ikke.") from exc


def log_people_shown(actor, person_ids, purpose: str, action=Action.READ) -> None:
    if person_ids:
        log_many_reads(
            actor=actor.user,
            municipality=actor.municipality,
            person_ids=list(dict.fromkeys(person_ids)),
            purpose=purpose,
            role=actor.role,
            path=actor.path,
            action=action,
        )


# --- vacancies ------------------------------------------------------------------------------------------


def vacancy_list(actor, *, open_only: bool = True):
    require(actor, Capability.VIEW_HOUSING)
    qs = Vacancy.objects.filter(municipality=actor.municipality).select_related(
        "unit", "unit__landlord", "unit__unit_type"
    )
    if open_only:
        qs = qs.filter(status__in=[VacancyStatus.OPEN, VacancyStatus.NOMINATED])
    return qs


def vacancy_page(actor, *, page=None):
    """One page of the open vacancies, nearest deadline first, with their live offers (no citizens
    shown: nothing to log)."""
    qs = with_live_offers(vacancy_list(actor).order_by("nominate_by", "id"))
    return page_of(qs, page, size=allocation_setting("LIST_PAGE_SIZE"))


def with_live_offers(qs):
    """Vacancies with their live offers in one more query, for the status shown (Vacancy.status_label)."""
    return qs.prefetch_related(
        Prefetch("offers", queryset=Offer.objects.filter(status__in=LIVE), to_attr="live_offers")
    )


def vacancy_get(actor, pk: int) -> Vacancy:
    require(actor, Capability.VIEW_HOUSING)
    return _get(
        Vacancy.objects.select_related("unit", "unit__landlord", "unit__unit_type"),
        actor,
        pk,
        "Den ledige bolig",
    )


def home_of(vacancy: Vacancy) -> matching.Home:
    return home_of_unit(vacancy.unit, vacancy_id=vacancy.pk)


def home_of_unit(unit, *, vacancy_id: int = 0) -> matching.Home:
    return matching.Home(
        vacancy_id=vacancy_id,
        rent=unit.rent,
        utilities=unit.utilities,
        rooms=unit.rooms,
        area=unit.area,
        shared=unit.shared,
        ordinary_building=unit.unit_type.ordinary_building,
        pets_allowed=unit.pets_allowed,
        accessible=unit.accessible,
        size_m2=unit.size_m2,
    )


# --- candidates -----------------------------------------------------------------------------------------


def _candidate_filter(actor, today: date):
    """People on the housing needs list (people.selectors.needs_list_q, the one definition) who could get
    a home now: not parked, not already holding an accepted offer. People marked inactive stay: Housing
    First keeps trying to reach them (seed 004, 2.3); they are shown with how long since the last
    contact. Protected people only for their own workers (visible_in_lists)."""
    holding = Offer.objects.filter(person_id=OuterRef("pk"), status__in=HOLDS_PERSON)
    parked = CandidateProfile.objects.filter(person_id=OuterRef("pk"), parked_until__gte=today)
    return visible_in_lists(actor).filter(needs_list_q()).exclude(Exists(holding)).exclude(Exists(parked))


def _candidate_people(actor, today: date):
    """The candidates as people, with their open entry and profile (the demo data builds from them)."""
    return (
        _candidate_filter(actor, today)
        .select_related("allocation_profile")
        .prefetch_related(
            Prefetch(
                "needs_entries",
                queryset=NeedsListEntry.objects.filter(removed_on__isnull=True),
                to_attr="open_entries",
            )
        )
        # A fixed order: the greedy baseline gives a tie to the first candidate, and PostgreSQL's
        # order without ORDER BY changes as rows are updated.
        .order_by("pk")
    )


def to_candidate(person: Person, today: date) -> matching.Candidate | None:
    entry = person.open_entries[0] if person.open_entries else None
    try:
        profile = person.allocation_profile
    except CandidateProfile.DoesNotExist:
        profile = None
    if entry is None:
        return None
    return _candidate(
        person_id=person.pk,
        since=person.homeless_since or entry.registered_on,
        entry=(entry.max_rent, entry.areas, entry.min_rooms, entry.sharing, entry.ordinary_building),
        profile=(
            (
                profile.monthly_income,
                profile.has_pet,
                profile.needs_accessible,
                profile.urgency,
                profile.adults,
                profile.children,
                profile.pension,
            )
            if profile
            else None
        ),
        today=today,
    )


_NO_PROFILE = (None, False, False, "normal", 1, 0, PENSION_NONE)


@functools.lru_cache(maxsize=4096)
def _areas(text: str) -> tuple[str, ...]:
    # Candidates share a few wished-area texts: each is split once (Copenhagen has 5,400 candidates at 3x).
    return tuple(a.strip() for a in text.split(",") if a.strip())


def _candidate(*, person_id: int, since: date, entry: tuple, profile: tuple | None, today: date):
    max_rent, areas, min_rooms, sharing, ordinary_building = entry
    income, has_pet, accessible, urgency, adults, children, pension = profile or _NO_PROFILE
    return matching.Candidate(
        person_id,
        max_rent,
        max((today - since).days, 0),
        income,
        _areas(areas),
        min_rooms,
        sharing,
        ordinary_building,
        bool(has_pet),
        bool(accessible),
        urgency or "normal",
        adults if adults is not None else 1,
        children if children is not None else 0,
        pension or PENSION_NONE,
    )


def candidates(actor, *, today: date) -> list[matching.Candidate]:
    """Every candidate's matching facts in one query of plain values from their open needs-list entry
    (one per person) and profile, in person order: no person objects, which cost Copenhagen's 1,800
    candidates a third of a second. The pages load the few people they show (people_shown)."""
    require(actor, Capability.MANAGE_HOUSING)
    # From the people (the housing needs list's partial index) to their one open entry: starting from the
    # entries and asking "person in (the candidates)" looked every person up twice (Copenhagen at 3x
    # national scale: 5,400 candidates, 60 ms).
    open_entry = "needs_entries__"
    rows = (
        _candidate_filter(actor, today)
        .filter(needs_entries__removed_on__isnull=True)
        .order_by("pk")
        .values_list(
            "pk",
            "homeless_since",
            f"{open_entry}registered_on",
            f"{open_entry}max_rent",
            f"{open_entry}areas",
            f"{open_entry}min_rooms",
            f"{open_entry}sharing",
            f"{open_entry}ordinary_building",
            "allocation_profile__person_id",
            "allocation_profile__monthly_income",
            "allocation_profile__has_pet",
            "allocation_profile__needs_accessible",
            "allocation_profile__urgency",
            "allocation_profile__adults",
            "allocation_profile__children",
            "allocation_profile__pension",
        )
    )
    return [
        _candidate(
            person_id=r[0],
            since=r[1] or r[2],
            entry=r[3:8],
            profile=r[9:16] if r[8] is not None else None,
            today=today,
        )
        for r in rows
    ]


def people_shown(actor, person_ids) -> dict[int, Person]:
    """The people a page names, by id, in one query (visible to the actor only)."""
    return visible_in_lists(actor).in_bulk(list(set(person_ids)))


def contact_mark(person: Person, today: date) -> str | None:
    """For a citizen marked inactive: how long since the last contact (issue 9 item 6)."""
    if person.current_status != Status.INACTIVE:
        return None
    if person.last_contact_on is None:
        return _("Ingen kontakt registreret")
    days = (today - person.last_contact_on).days
    return ngettext("Ingen kontakt i %(days)s dag", "Ingen kontakt i %(days)s dage", days) % {"days": days}


def _offer_facts(actor, person_ids, units) -> tuple[dict, dict]:
    """One query: who has declined which home ((person, unit) -> date) and each person's live offers."""
    declined, live = {}, {}
    if not person_ids:
        return declined, live
    rows = (
        Offer.objects.filter(municipality=actor.municipality, person_id__in=list(person_ids))
        .filter(Q(status=OfferStatus.DECLINED, vacancy__unit_id__in=list(units)) | Q(status__in=LIVE))
        .select_related("vacancy__unit")
        .order_by("id")
    )
    for offer in rows:
        if offer.status == OfferStatus.DECLINED:
            declined[(offer.person_id, offer.vacancy.unit_id)] = offer.answered_on or offer.status_since
        else:
            live.setdefault(offer.person_id, []).append(offer)
    return declined, live


def _marks(person: Person, vacancy: Vacancy, declined: dict, live: dict, today: date) -> list[str]:
    """What the broker must see beside a candidate for a home (issue 9 items 4 and 6)."""
    marks = []
    on = declined.get((person.pk, vacancy.unit_id))
    if on:
        marks.append(_("Har afslået denne bolig den %(date)s") % {"date": f"{on:%d.%m.%Y}"})
    for offer in live.get(person.pk, []):
        if offer.vacancy_id != vacancy.pk:
            marks.append(
                _("Har et åbent tilbud på %(address)s (%(status)s)")
                % {
                    "address": offer.vacancy.unit.address,
                    "status": str(OfferStatus(offer.status).label).lower(),
                }
            )
    contact = contact_mark(person, today)
    if contact:
        marks.append(contact)
    return marks


def declined_pairs(actor, person_ids, vacancies: list[Vacancy]) -> set[tuple[int, int]]:
    """(person, vacancy) pairs where the person has declined that home (any vacancy of the same unit).
    Read by the homes (a few), not by the candidates (thousands in a large municipality)."""
    wanted = set(person_ids)
    declined = {
        (pid, unit)
        for pid, unit in Offer.objects.filter(
            municipality=actor.municipality,
            status=OfferStatus.DECLINED,
            vacancy__unit_id__in=sorted({v.unit_id for v in vacancies}),
        ).values_list("person_id", "vacancy__unit_id")
        if pid in wanted
    }
    vacancies_of = {}
    for v in vacancies:
        vacancies_of.setdefault(v.unit_id, []).append(v.pk)
    return {(pid, vid) for pid, unit in declined for vid in vacancies_of.get(unit, [])}


def proposals_for(actor, vacancy: Vacancy, *, today: date) -> list[dict]:
    """The ranked candidates for one vacancy, each with its explanation and marks (declined this home,
    an open offer elsewhere, no contact for a while); the people shown are logged. This is the broker's
    manual path: someone who declined the home is listed with the mark and may still be chosen."""
    found = candidates(actor, today=today)
    already = set(vacancy.offers.filter(status__in=LIVE).values_list("person_id", flat=True))
    fits = list(
        matching.rank([c for c in found if c.person_id not in already], home_of(vacancy), matching_params())
    )
    fits = fits[: allocation_setting("CANDIDATES_SHOWN")]
    people = people_shown(actor, [f.person_id for f in fits])
    declined, live = _offer_facts(actor, [f.person_id for f in fits], {vacancy.unit_id})
    log_people_shown(actor, [f.person_id for f in fits], "Anvisning: kandidater til ledig bolig")
    return [
        {
            "fit": f,
            "person": people[f.person_id],
            "place": i + 1,
            "marks": _marks(people[f.person_id], vacancy, declined, live, today),
        }
        for i, f in enumerate(fits)
    ]


def global_proposal(actor, *, today: date) -> dict:
    """Optimal assignment of the open vacancies at once, against the by-hand greedy baseline: one distinct
    assignment, never the same citizen for two homes. Vacancies that already have a live proposal or
    offer are not proposed again (they are listed with it), nor are citizens who have one; a citizen is
    never proposed for a home they declined (issue 9 items 3 and 4)."""
    open_vacancies = list(vacancy_list(actor).filter(status=VacancyStatus.OPEN))
    live = {}
    for offer in (
        Offer.objects.filter(
            municipality=actor.municipality, status__in=LIVE, vacancy_id__in=[v.pk for v in open_vacancies]
        )
        .select_related("person")
        .order_by("id")
    ):
        live.setdefault(offer.vacancy_id, []).append(offer)
    vacancies = [v for v in open_vacancies if v.pk not in live]
    busy = set(
        Offer.objects.filter(municipality=actor.municipality, status__in=LIVE).values_list(
            "person_id", flat=True
        )
    )
    found = [c for c in candidates(actor, today=today) if c.person_id not in busy]
    homes = [home_of(v) for v in vacancies]
    params = matching_params()
    scores = matching.without_pairs(
        matching.score_matrix(found, homes, params),
        found,
        homes,
        declined_pairs(actor, [c.person_id for c in found], vacancies),
    )
    optimal = matching.optimal_assignment(found, homes, params, scores)
    greedy = matching.greedy_assignment(found, homes, params, scores)
    by_vacancy = {v.pk: v for v in vacancies}
    by_candidate = {c.person_id: c for c in found}
    greedy_of = {vid: pid for pid, vid in greedy.pairs}
    people = people_shown(actor, [pid for pid, _ in optimal.pairs] + list(greedy_of.values()))
    rows = []
    for pid, vid in sorted(optimal.pairs, key=lambda pv: (by_vacancy[pv[1]].nominate_by, pv[1])):
        fit = matching.evaluate(by_candidate[pid], home_of(by_vacancy[vid]), params)
        greedy_pid = greedy_of.get(vid)
        contact = contact_mark(people[pid], today)
        rows.append(
            {
                "vacancy": by_vacancy[vid],
                "person": people[pid],
                "fit": fit,
                "marks": [contact] if contact else [],
                "one_at_a_time_person": people.get(greedy_pid) if greedy_pid else None,
            }
        )
    unmatched = [v for v in vacancies if v.pk not in {vid for _, vid in optimal.pairs}]
    with_offer = [{"vacancy": v, "offers": live[v.pk]} for v in open_vacancies if v.pk in live]
    log_people_shown(
        actor,
        [r["person"].pk for r in rows]
        + [r["one_at_a_time_person"].pk for r in rows if r["one_at_a_time_person"]]
        + [o.person_id for w in with_offer for o in w["offers"]],
        "Anvisning: samlet forslag til ledige boliger",
    )
    return {
        "rows": rows,
        "unmatched": unmatched,
        "with_offer": with_offer,
        "optimal": optimal,
        "one_at_a_time": greedy,
        "gain": optimal.total_score - greedy.total_score,
        "candidates": len(found),
        "vacancies": len(vacancies),
    }


def committee_agenda(actor, *, today: date) -> list[tuple[Vacancy, Person | None, str]]:
    """The committee's agenda: every open vacancy by deadline, with the recommendation from the global
    proposal's one distinct assignment (issue 9 item 3). A vacancy with a live proposal or offer is
    listed with it and not recommended again. The texts are stored on the agenda as written."""
    with translation.override("da"):
        return _agenda(global_proposal(actor, today=today))


def _agenda(result: dict) -> list[tuple[Vacancy, Person | None, str]]:
    items = {}
    for row in result["rows"]:
        reasons = " ".join(row["fit"].reasons + [f"{m}." for m in row["marks"]])
        items[row["vacancy"].pk] = (row["vacancy"], row["person"], reasons)
    for entry in result["with_offer"]:
        offers = "; ".join(
            f"{o.person.display_name} ({OfferStatus(o.status).label.lower()} {o.status_since:%d.%m.%Y})"
            for o in entry["offers"]
        )
        items[entry["vacancy"].pk] = (
            entry["vacancy"],
            None,
            f"Boligen har allerede et forslag eller tilbud: {offers}. Den indstilles ikke igen.",
        )
    for vacancy in result["unmatched"]:
        items[vacancy.pk] = (
            vacancy,
            None,
            "Ingen kandidat: ingen på boligbehovslisten kan betale boligen, eller de, "
            "der kan, er indstillet til en anden bolig eller har et åbent tilbud.",
        )
    return sorted(items.values(), key=lambda item: (item[0].nominate_by, item[0].pk))


# --- offers ---------------------------------------------------------------------------------------------


def offers_of_vacancy(actor, vacancy: Vacancy):
    require(actor, Capability.VIEW_HOUSING)
    offers = list(
        Offer.objects.filter(municipality=actor.municipality, vacancy=vacancy)
        .select_related("person", "decline_reason")
        .order_by("id")
    )
    log_people_shown(actor, [o.person_id for o in offers], "Anvisning: tilbud på ledig bolig")
    return offers


def offer_get(actor, pk: int, *, log: bool = True) -> Offer:
    require(actor, Capability.VIEW_HOUSING)
    offer = _get(
        Offer.objects.select_related(
            "person", "vacancy", "vacancy__unit", "vacancy__unit__landlord", "decline_reason"
        ),
        actor,
        pk,
        "Tilbuddet",
    )
    if (
        offer.person.protected
        and not offer.person.workers.filter(pk=actor.user.pk).exists()
        and actor.role != "leader"
    ):
        raise Http404("Tilbuddet findes ikke.")
    if log:
        log_people_shown(actor, [offer.person_id], "Anvisning: tilbud om bolig")
    return offer


def offer_payment(offer: Offer) -> Payment | None:
    """For the offer page, which has already fetched (and logged) the offer with offer_get."""
    return payment_for(offer.person, offer.vacancy.unit)


def stalled_offers(actor, *, today: date, limit: int | None = None):
    """Offers that have not moved for STALL_DAYS (issue 4 item 4): they need a nudge. ``limit``: at most
    that many, longest stalled first (only those are logged)."""
    require(actor, Capability.VIEW_HOUSING)
    since = today - timedelta(days=allocation_setting("STALL_DAYS"))
    qs = (
        Offer.objects.filter(municipality=actor.municipality, status__in=LIVE, status_since__lte=since)
        .select_related("person", "vacancy__unit")
        .order_by("status_since", "id")
    )
    offers = list(qs[:limit] if limit else qs)
    if limit:
        offers_total = len(offers) if len(offers) < limit else qs.count()
        for offer in offers:
            offer.stalled_total = offers_total
    log_people_shown(actor, [o.person_id for o in offers], "Anvisning: tilbud der står stille")
    return offers


def decline_reasons(actor, *, active_only: bool = True):
    require(actor, Capability.VIEW_HOUSING)
    qs = DeclineReason.objects.filter(municipality=actor.municipality)
    return qs.filter(active=True) if active_only else qs


def decline_reason_get(actor, pk: int) -> DeclineReason:
    require(actor, Capability.MANAGE_HOUSING)
    return _get(DeclineReason.objects.all(), actor, pk, "Afslagsgrunden")


STEP_SPANS = [
    (gettext_lazy("Foreslået til tilbudt"), "proposed_on", "offered_on"),
    (gettext_lazy("Tilbudt til svar"), "offered_on", "answered_on"),
    (gettext_lazy("Accepteret til lejekontrakt"), "answered_on", "lease_signed_on"),
    (gettext_lazy("Lejekontrakt til indflytning"), "lease_signed_on", "moved_in_on"),
    (gettext_lazy("Foreslået til indflytning"), "proposed_on", "moved_in_on"),
]


def step_durations(actor) -> list[dict]:
    """Days between the steps of the offer workflow (median, mean and count), over all offers."""
    require(actor, Capability.VIEW_HOUSING)
    rows = list(
        Offer.objects.filter(municipality=actor.municipality).values(
            "proposed_on", "offered_on", "answered_on", "lease_signed_on", "moved_in_on"
        )
    )
    out = []
    for label, start, end in STEP_SPANS:
        days = [(r[end] - r[start]).days for r in rows if r[start] and r[end]]
        out.append(
            {
                "label": str(label),
                "count": len(days),
                "median": median(days) if days else None,
                "mean": round(sum(days) / len(days), 1) if days else None,
            }
        )
    return out


# --- committee ------------------------------------------------------------------------------------------


def meeting_list(actor, *, page=None):
    """One page of the committee's meetings, newest first (no citizens: nothing to log)."""
    require(actor, Capability.VIEW_HOUSING)
    qs = CommitteeMeeting.objects.filter(municipality=actor.municipality).order_by("-held_on", "-id")
    return page_of(qs, page, size=allocation_setting("LIST_PAGE_SIZE"))


MEETING_PURPOSE = "Boligudvalget: dagsorden og beslutninger"


def meeting_get(actor, pk: int, *, purpose: str = MEETING_PURPOSE, action=Action.READ):
    """The meeting and its agenda items; each person the agenda shows is logged."""
    meeting, items, shown = _meeting(actor, pk)
    log_people_shown(actor, shown, purpose, action)
    return meeting, items


def meeting_export(actor, pk: int):
    """The meeting and its agenda for the PDF; each person in it is logged as exported."""
    return meeting_get(actor, pk, purpose="Boligudvalget: udskrift af dagsorden (PDF)", action=Action.EXPORT)


def meeting_page(actor, pk: int, *, may_manage: bool):
    """The committee's page: the meeting, its items and, for those who record decisions, the citizens on
    the housing needs list the committee may choose instead (every decision form lists them). Each
    person the page shows is logged once: the agenda's people and every candidate in the list."""
    meeting, items, shown = _meeting(actor, pk)
    candidates = decision_candidates(actor) if may_manage else None
    if candidates is not None:
        shown += list(candidates.values_list("id", flat=True))
    log_people_shown(actor, shown, MEETING_PURPOSE)
    return meeting, items, candidates


def meeting_for_decision(actor, pk: int) -> CommitteeMeeting:
    """The meeting a decision is recorded on (no person is read: the decision's service logs it)."""
    require(actor, Capability.MANAGE_HOUSING)
    return _get(CommitteeMeeting.objects.all(), actor, pk, "Mødet")


def decision_candidates(actor):
    """The citizens a committee decision may name instead of the recommended one (not logged here: the
    page that lists them logs them, meeting_page)."""
    return needs_list_people(actor).order_by("last_name", "first_name")


def _meeting(actor, pk: int):
    require(actor, Capability.VIEW_HOUSING)
    meeting = _get(CommitteeMeeting.objects.all(), actor, pk, "Mødet")
    items = list(
        AgendaItem.objects.filter(meeting=meeting).select_related(
            "vacancy",
            "vacancy__unit",
            "vacancy__unit__landlord",
            "vacancy__unit__unit_type",
            "proposed_person",
            "chosen_person",
        )
    )
    # Each item shows the vacancy's live proposals and offers as they are now, and beside the recommended
    # citizen what the broker must see (declined this home, an open offer elsewhere, no contact).
    live = {}
    for offer in (
        Offer.objects.filter(
            municipality=actor.municipality, status__in=LIVE, vacancy_id__in=[i.vacancy_id for i in items]
        )
        .select_related("person")
        .order_by("id")
    ):
        live.setdefault(offer.vacancy_id, []).append(offer)
    proposed = {i.proposed_person_id for i in items if i.proposed_person_id}
    declined, open_offers = _offer_facts(actor, proposed, {i.vacancy.unit_id for i in items})
    today = timezone.localdate()
    for item in items:
        item.live_offers = live.get(item.vacancy_id, [])
        item.marks = (
            _marks(item.proposed_person, item.vacancy, declined, open_offers, today)
            if item.proposed_person
            else []
        )
    shown = (
        [i.proposed_person_id for i in items if i.proposed_person_id]
        + [i.chosen_person_id for i in items if i.chosen_person_id]
        + [o.person_id for offers in live.values() for o in offers]
    )
    return meeting, items, shown


def agenda_item_get(actor, meeting, pk) -> AgendaItem:
    """The item of this meeting; anything but a number of one of its items is a 404, never a 500."""
    require(actor, Capability.MANAGE_HOUSING)
    try:
        pk = int(pk)
    except (TypeError, ValueError) as exc:
        raise Http404("Punktet findes ikke.") from exc
    return _get(AgendaItem.objects.filter(meeting=meeting), actor, pk, "Punktet")


def person_for_allocation(actor, pk: int) -> Person:
    """A person the actor may allocate to (visible in lists, same municipality)."""
    require(actor, Capability.MANAGE_HOUSING)
    try:
        return visible_in_lists(actor).get(pk=pk)
    except Person.DoesNotExist as exc:
        raise Http404("Borgeren findes ikke.") from exc


def candidate_get(actor, pk: int) -> Person:
    """A person for the candidate page (the facts matching needs beyond the needs list); the read is
    logged."""
    person = person_for_allocation(actor, pk)
    log_people_shown(actor, [person.pk], "Anvisning: oplysninger til matchning")
    return person


def allocation_profile(person: Person) -> CandidateProfile | None:
    return CandidateProfile.objects.filter(person=person).first()


# --- what needs the broker and the worker today (the "I dag" page, today/selectors.py; issue 14 item 1) ---
# Unevaluated querysets, not logged: the caller counts them, shows the first rows and logs those people.


def _visible_offers(actor, qs):
    own = Person.workers.through.objects.filter(person_id=OuterRef("person_id"), user_id=actor.user.pk)
    return qs.filter(Q(person__protected=False) | Exists(own))


def offers_awaiting_answer(actor, *, people=None):
    """Offers made to the citizen and not yet answered, oldest first; ``people``: a queryset of person ids
    (a worker's own citizens)."""
    require(actor, Capability.VIEW_HOUSING)
    qs = Offer.objects.filter(municipality=actor.municipality, status=OfferStatus.OFFERED)
    if people is not None:
        qs = qs.filter(person_id__in=people)
    return _visible_offers(actor, qs).select_related("person", "vacancy__unit").order_by("status_since", "id")


def offers_stalled(actor, *, today: date, days_by_status: dict[str, int]):
    """Live offers that have stayed in their step longer than that step's number of days
    (``days_by_status``: status -> days), longest waiting first."""
    require(actor, Capability.VIEW_HOUSING)
    waited = Q(pk__in=[])
    for status, days in days_by_status.items():
        if status in LIVE:
            waited |= Q(status=status, status_since__lte=today - timedelta(days=days))
    qs = Offer.objects.filter(municipality=actor.municipality, status__in=LIVE).filter(waited)
    return _visible_offers(actor, qs).select_related("person", "vacancy__unit").order_by("status_since", "id")


def vacancies_near_deadline(actor, *, today: date):
    """Open vacancies with nobody proposed whose nomination deadline is within DEADLINE_WARNING_DAYS
    (or has passed), nearest deadline first. No citizens."""
    require(actor, Capability.VIEW_HOUSING)
    live = Offer.objects.filter(vacancy_id=OuterRef("pk"), status__in=LIVE)
    return (
        Vacancy.objects.filter(
            municipality=actor.municipality,
            status=VacancyStatus.OPEN,
            nominate_by__lte=today + timedelta(days=allocation_setting("DEADLINE_WARNING_DAYS")),
        )
        .exclude(Exists(live))
        .select_related("unit")
        .order_by("nominate_by", "id")
    )


def agenda_pending(actor):
    """Agenda items of the allocation committee without a decision, on vacancies still open, by meeting
    date: the committee (or the broker after it) has yet to decide them."""
    require(actor, Capability.VIEW_HOUSING)
    return (
        AgendaItem.objects.filter(
            municipality=actor.municipality,
            decision=MeetingDecision.PENDING,
            vacancy__status=VacancyStatus.OPEN,
        )
        .select_related("meeting", "vacancy__unit")
        .order_by("meeting__held_on", "id")
    )
