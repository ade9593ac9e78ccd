"""What needs the logged-in person today, per role (issue 14 item 1): the domains' own reads composed into
sections of items (today/items.py). Nothing is stored but what the person has seen (today.models): an
item exists while its source finds it, so work done leaves the list.

THE REGISTRY. ``SOURCES`` maps each role to its list of sources, in the order they are shown among equally
urgent sections. A source is one ``Source(...)`` line: its kind (items.Kind or any new string), its label
and the rule in words, a ``find`` that returns the rows (an unevaluated queryset from the domain's
selectors, or a short list), an ``item`` that turns a row into an Item (who or what, why, where it is done,
when it is due), and the list where all of them are worked. To add a source from another app (the
documents helper's expiring documents, say), write its ``find`` and ``item`` beside the others here and add
the ``Source`` to the role's list: see ``DOCUMENT_SOURCES`` below, left empty for that purpose.

Cost: every source is one COUNT and one bounded fetch of the first ``SECTION_SIZE`` rows (a list source one
query), and the page logs every person it shows in one statement, so the page's queries do not grow with
the municipality (today/tests/test_query_counts.py pins them at two sizes).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from accounts.roles import Capability, Role, has_capability
from allocation import selectors as allocation_selectors
from allocation.conf import allocation_setting
from allocation.models import OfferStatus
from audit.services import log_many_reads
from casefile import conf as casefile_conf
from casefile import selectors as casefile_selectors
from fidelity import selectors as fidelity_selectors
from fidelity.quarters import Quarter
from housing import selectors as housing_selectors
from people import conf as people_conf
from people import selectors as people_selectors
from plans import conf as plans_conf
from plans import selectors as plans_selectors
from support import conf as support_conf
from support import selectors as support_selectors
from support.labels import CTI_PHASE

from . import conf
from .items import Item, Kind, Section, arrange, bounded, initials_of, ordered
from .models import TodayState

PURPOSE = "I dag: opgaver og påmindelser"


def _d(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def _person_fields(p) -> dict:
    return {
        "title": p.display_name,
        "person_id": p.pk,
        "initials": initials_of(p.first_name, p.last_name, p.initials),
    }


# --- support worker --------------------------------------------------------------------------------------


def _persistence_find(actor, today):
    return support_selectors.persistence_due(actor, today=today)


def _persistence_item(e, today):
    limit = support_conf.persistence_days(e.method)
    days = (today - e.clock).days
    return Item(
        kind=Kind.PERSISTENCE,
        key=f"{Kind.PERSISTENCE}:{e.pk}",
        reason=ngettext(
            "Ikke truffet i %(days)s dag (siden %(since)s). Bliv ved med at opsøge borgeren.",
            "Ikke truffet i %(days)s dage (siden %(since)s). Bliv ved med at opsøge borgeren.",
            days,
        )
        % {"days": days, "since": _d(e.clock)},
        url=reverse("support:episode", args=[e.pk]),
        due=date.fromordinal(e.clock.toordinal() + limit),
        **_person_fields(e.person),
    )


def _reviews_find(actor, today):
    return plans_selectors.reviews_due_query(actor, today=today, people=support_selectors.my_citizens(actor))


def _review_item(plan, today):
    overdue = plan.next_review_on < today
    return Item(
        kind=Kind.PLAN_REVIEW,
        key=f"{Kind.PLAN_REVIEW}:{plan.pk}",
        reason=(
            _("Opfølgningen på handleplanen var %(date)s og er forfalden.")
            if overdue
            else _("Opfølgning på handleplanen %(date)s.")
        )
        % {"date": _d(plan.next_review_on)},
        url=reverse("plans:plan", args=[plan.person_id]),
        due=plan.next_review_on,
        **_person_fields(plan.person),
    )


def _cti_find(actor, today):
    return support_selectors.cti_phase_starts(
        actor, today=today, ahead_days=conf.value("CTI_PHASE_AHEAD_DAYS")
    )


def _cti_item(row, today):
    episode, period = row
    return Item(
        kind=Kind.CTI_PHASE,
        key=f"{Kind.CTI_PHASE}:{episode.pk}:{period.key}",
        reason=_("%(phase)s begynder %(date)s. Forbered overgangen med borgeren.")
        % {"phase": CTI_PHASE[period.key], "date": _d(period.start)},
        url=reverse("support:episode", args=[episode.pk]),
        due=period.start,
        **_person_fields(episode.person),
    )


def _evictions_mine_find(actor, today):
    return housing_selectors.eviction_cases_query(actor, people=support_selectors.my_citizens(actor))


def _evictions_own_find(actor, today):
    # The outreach worker's own citizens (Person.workers): eviction_cases_query keeps non-leaders to them.
    return housing_selectors.eviction_cases_query(actor)


def _eviction_item(t, today):
    return Item(
        kind=Kind.HOME_AT_RISK,
        key=f"{Kind.HOME_AT_RISK}:{t.pk}",
        reason=_("Fogedsag registreret %(date)s på %(address)s. Tag kontakt til borgeren og udlejeren.")
        % {"date": _d(t.eviction_case_on), "address": (t.address or t.unit.address).rstrip(".")},
        url=reverse("people:detail", args=[t.person_id]),
        # No date to miss: urgent from the day the case is registered until it is cleared.
        **_person_fields(t.person),
    )


def _offers_answer_find(actor, today):
    return allocation_selectors.offers_awaiting_answer(actor, people=support_selectors.my_citizens(actor))


def _offer_answer_item(o, today):
    days = conf.value("OFFER_STALLED_DAYS").get(OfferStatus.OFFERED, 7)
    return Item(
        kind=Kind.OFFER_ANSWER,
        key=f"{Kind.OFFER_ANSWER}:{o.pk}",
        reason=_("Tilbudt %(address)s den %(date)s. Hjælp borgeren med at svare.")
        % {"address": o.vacancy.unit.address, "date": _d(o.status_since)},
        url=reverse("allocation:offer_detail", args=[o.pk]),
        due=date.fromordinal(o.status_since.toordinal() + days),
        **_person_fields(o.person),
    )


def _needs_contact_find(actor, today):
    return people_selectors.needs_list_contact_due_query(actor)


def _needs_contact_item(p, today):
    since = p.last_contact_on
    return Item(
        kind=Kind.NEEDS_CONTACT,
        key=f"{Kind.NEEDS_CONTACT}:{p.pk}",
        reason=(
            _("På boligbehovslisten og inaktiv, senest kontakt %(date)s: en bolig kan vente.")
            % {"date": _d(since)}
            if since
            else _("På boligbehovslisten og inaktiv, ingen kontakt registreret: en bolig kan vente.")
        ),
        url=reverse("people:detail", args=[p.pk]),
        due=p.status_since,
        **_person_fields(p),
    )


def _consents_find(actor, today):
    return plans_selectors.consents_expiring(
        actor,
        today=today,
        within_days=conf.value("CONSENT_EXPIRY_DAYS"),
        people=support_selectors.my_citizens(actor),
    )


def _consent_item(c, today):
    return Item(
        kind=Kind.CONSENT_EXPIRING,
        key=f"{Kind.CONSENT_EXPIRING}:{c.pk}",
        reason=_("Samtykket til at dele med %(recipient)s gælder til og med %(date)s.")
        % {"recipient": str(c.get_recipient_display()).lower(), "date": _d(c.valid_until)},
        url=reverse("plans:consents", args=[c.person_id]),
        due=c.valid_until,
        **_person_fields(c.person),
    )


def _documents_find(actor, today):
    # The case file's own selector: the actor's own citizens' documents that run out within its warning
    # window or have run out, soonest first, bounded; it logs the people behind them itself.
    if not has_capability(actor.role, Capability.CASE_DOCUMENTS):
        return []
    return casefile_selectors.expiring_documents(actor, today=today, limit=conf.value("SECTION_PAGE_SIZE"))


def _document_item(d, today):
    return Item(
        kind=Kind.DOCUMENT_EXPIRING,
        key=f"{Kind.DOCUMENT_EXPIRING}:{d.document_id}",
        reason=(
            _('%(kind)s "%(title)s" udløb %(date)s. Få et nyt.')
            if d.expired
            else _('%(kind)s "%(title)s" udløber %(date)s.')
        )
        % {"kind": d.kind_label, "title": d.title, "date": _d(d.expires_on)},
        url=d.url,
        due=d.expires_on,
        **_person_fields(d.person),
    )


# --- outreach worker -------------------------------------------------------------------------------------


def _near_inactive_find(actor, today):
    return people_selectors.inactive_soon(
        actor, today=today, within_days=conf.value("INACTIVE_WARNING_DAYS")
    ).select_related("municipality")


def _near_inactive_item(p, today):
    after = people_conf.value("INACTIVE_AFTER_DAYS", municipality=p.municipality)
    becomes = date.fromordinal(p.last_activity_on.toordinal() + after + 1)
    seen = (today - p.last_activity_on).days
    return Item(
        kind=Kind.NEAR_INACTIVE,
        key=f"{Kind.NEAR_INACTIVE}:{p.pk}",
        reason=ngettext(
            "Ikke set i %(days)s dag. Bliver inaktiv %(date)s uden en kontakt.",
            "Ikke set i %(days)s dage. Bliver inaktiv %(date)s uden en kontakt.",
            seen,
        )
        % {"days": seen, "date": _d(becomes)},
        url=reverse("people:detail", args=[p.pk]),
        due=becomes,
        **_person_fields(p),
    )


def _registration_find(actor, today):
    return people_selectors.registrations_incomplete(
        actor, today=today, within_days=conf.value("NEW_REGISTRATION_DAYS")
    )


def _registration_item(p, today):
    missing = []
    if not (p.birth_year or p.birth_date):
        missing.append(_("fødselsår"))
    if not p.current_situation:
        missing.append(_("situation"))
    return Item(
        kind=Kind.REGISTRATION,
        key=f"{Kind.REGISTRATION}:{p.pk}",
        reason=_("Registreret %(date)s, mangler %(missing)s.")
        % {"date": _d(p.identified_on), "missing": _(" og ").join(missing)},
        url=reverse("people:edit", args=[p.pk]),
        **_person_fields(p),
    )


def _no_worker_find(actor, today):
    return people_selectors.without_worker(actor, today=today)


def _no_worker_item(p, today):
    return Item(
        kind=Kind.NO_WORKER,
        key=f"{Kind.NO_WORKER}:{p.pk}",
        reason=(
            _("På listen siden %(date)s uden egen medarbejder.") % {"date": _d(p.identified_on)}
            if p.identified_on
            else _("På listen uden egen medarbejder.")
        ),
        url=reverse("people:detail", args=[p.pk]),
        **_person_fields(p),
    )


# --- housing broker --------------------------------------------------------------------------------------


def _vacancy_find(actor, today):
    return allocation_selectors.vacancies_near_deadline(actor, today=today)


def _vacancy_item(v, today):
    return Item(
        kind=Kind.VACANCY_DEADLINE,
        key=f"{Kind.VACANCY_DEADLINE}:{v.pk}",
        title=v.unit.address,
        reason=_("Frist for anvisning %(date)s, ingen borger foreslået endnu.") % {"date": _d(v.nominate_by)},
        url=reverse("allocation:vacancy_detail", args=[v.pk]),
        due=v.nominate_by,
    )


def _stalled_find(actor, today):
    return allocation_selectors.offers_stalled(
        actor, today=today, days_by_status=conf.value("OFFER_STALLED_DAYS")
    )


def _stalled_item(o, today):
    days = conf.value("OFFER_STALLED_DAYS")[o.status]
    waited = (today - o.status_since).days
    return Item(
        kind=Kind.OFFER_STALLED,
        key=f"{Kind.OFFER_STALLED}:{o.pk}:{o.status}",
        reason=ngettext(
            "%(address)s: %(status)s i %(days)s dag (siden %(date)s).",
            "%(address)s: %(status)s i %(days)s dage (siden %(date)s).",
            waited,
        )
        % {
            "address": o.vacancy.unit.address,
            "status": str(OfferStatus(o.status).label).lower(),
            "days": waited,
            "date": _d(o.status_since),
        },
        url=reverse("allocation:offer_detail", args=[o.pk]),
        due=date.fromordinal(o.status_since.toordinal() + days),
        **_person_fields(o.person),
    )


def _committee_find(actor, today):
    return allocation_selectors.agenda_pending(actor)


def _committee_item(item, today):
    return Item(
        kind=Kind.COMMITTEE,
        key=f"{Kind.COMMITTEE}:{item.pk}",
        title=item.vacancy.unit.address,
        reason=_("På dagsordenen for %(meeting)s %(date)s uden beslutning.")
        % {"meeting": item.meeting.title, "date": _d(item.meeting.held_on)},
        url=reverse("allocation:meeting_detail", args=[item.meeting_id]),
        due=item.meeting.held_on,
    )


# --- leader ----------------------------------------------------------------------------------------------


def _fidelity_find(actor, today):
    if not has_capability(actor.role, Capability.VIEW_FIDELITY):
        return []
    data = fidelity_selectors.overview(actor, today=today)
    return [("missing", r["unit"], data["quarter"]) for r in data["missing"]] + [
        ("action", a, None) for a in data["overdue"]
    ]


def _fidelity_item(row, today):
    what, obj, quarter = row
    if what == "missing":
        q: Quarter = quarter
        return Item(
            kind=Kind.FIDELITY_DUE,
            key=f"{Kind.FIDELITY_DUE}:{obj.pk}:{q}",
            title=obj.name,
            reason=_("Efterlevelsesskemaet for %(quarter)s er ikke udfyldt (kvartalet slutter %(date)s).")
            % {"quarter": str(q), "date": _d(q.end)},
            url=reverse("fidelity:overview"),
            due=q.end,
        )
    return Item(
        kind=Kind.FIDELITY_DUE,
        key=f"{Kind.FIDELITY_DUE}:action:{obj.pk}",
        title=obj.assessment.unit.name,
        reason=_("Aftalt handling skulle være gennemført %(date)s: %(text)s")
        % {"date": _d(obj.due_on), "text": obj.what[:120]},
        url=reverse("fidelity:assessment", args=[obj.assessment_id]),
        due=obj.due_on,
    )


def _waiting_find(actor, today):
    return support_selectors.waiting_longer_than(actor, today=today, days=conf.value("WAITING_ALERT_DAYS"))


def _waiting_item(w, today):
    days = (today - w.since).days
    return Item(
        kind=Kind.WAITING_LONG,
        key=f"{Kind.WAITING_LONG}:{w.pk}",
        reason=ngettext(
            "Har ventet på støtte (%(method)s) i %(days)s dag, siden %(date)s.",
            "Har ventet på støtte (%(method)s) i %(days)s dage, siden %(date)s.",
            days,
        )
        % {"method": w.get_method_display(), "days": days, "date": _d(w.since)},
        url=reverse("support:waiting"),
        due=date.fromordinal(w.since.toordinal() + conf.value("WAITING_ALERT_DAYS")),
        **_person_fields(w.person),
    )


def _caseload_find(actor, today):
    cap = support_selectors.capacity_overview(actor, today=today)
    return [("worker", w) for w in cap.workers if w["active"] > w["limit"]] + [
        ("team", t)
        for t in cap.teams
        if t["kind"] == "team" and t["method"] == "act" and t["active"] > t["limit"]
    ]


def _caseload_item(row, today):
    what, r = row
    return Item(
        kind=Kind.OVER_CASELOAD,
        key=f"{Kind.OVER_CASELOAD}:{what}:{r['user_id'] if what == 'worker' else r['team']['pk']}",
        title=r.get("name") or "",
        reason=_("%(active)s borgere i %(method)s, grænsen er %(limit)s.")
        % {"active": r["active"], "method": r["method_label"], "limit": r["limit"]},
        url=reverse("support:workers") if what == "worker" else reverse("support:teams"),
    )


def _moving_in_find(actor, today):
    # housing.selectors.moving_in_warnings logs the people behind each warning itself.
    return housing_selectors.moving_in_warnings(actor, today=today)


def _moving_in_item(w, today):
    return Item(
        kind=Kind.MOVING_IN,
        key=f"{Kind.MOVING_IN}:{w['worker_id']}:{_d(w['first'])}",
        title=w["worker"],
        reason=_("%(n)s af medarbejderens borgere flytter ind mellem %(first)s og %(last)s.")
        % {"n": w["n"], "first": _d(w["first"]), "last": _d(w["last"])},
        url=reverse("home:leader"),
        due=w["first"],
    )


# --- the registry ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    kind: str
    label: object  # a lazy translation
    why: Callable[[], str]  # the rule in the user's words (with the configured numbers)
    find: Callable  # (actor, today) -> QuerySet | list
    item: Callable  # (row, today) -> Item
    more: Callable[[], str] = lambda: ""  # the list where all of them are worked


def _days(key, text):
    return lambda: text % {"days": conf.value(key)}


PERSISTENCE = Source(
    Kind.PERSISTENCE,
    gettext_lazy("Borgere du ikke har truffet"),
    lambda: _(
        "Når en borger ikke er truffet i metodens antal dage (fx %(days)s), bliver du ved med at opsøge."
    )
    % {"days": support_conf.persistence_days("icm")},
    _persistence_find,
    _persistence_item,
    lambda: reverse("home:worker") + "#tasks",
)
PLAN_REVIEWS = Source(
    Kind.PLAN_REVIEW,
    gettext_lazy("Opfølgning på handleplaner"),
    lambda: _("Handleplaner med opfølgning inden for %(days)s dage eller forfaldne.")
    % {"days": plans_conf.value("REVIEW_DUE_WITHIN_DAYS")},
    _reviews_find,
    _review_item,
    lambda: reverse("home:worker"),
)
CTI_PHASES = Source(
    Kind.CTI_PHASE,
    gettext_lazy("CTI-faser der skifter"),
    _days("CTI_PHASE_AHEAD_DAYS", gettext_lazy("En ny CTI-fase begynder inden for %(days)s dage.")),
    _cti_find,
    _cti_item,
    lambda: reverse("home:worker"),
)
HOMES_AT_RISK = Source(
    Kind.HOME_AT_RISK,
    gettext_lazy("Boligen er i fare"),
    lambda: _("Dine borgere med en fogedsag på lejemålet: forebyg udsættelsen."),
    _evictions_mine_find,
    _eviction_item,
)
HOMES_AT_RISK_OWN = Source(
    Kind.HOME_AT_RISK,
    HOMES_AT_RISK.label,
    HOMES_AT_RISK.why,
    _evictions_own_find,
    _eviction_item,
)
OFFERS_ANSWER = Source(
    Kind.OFFER_ANSWER,
    gettext_lazy("Tilbud der venter på borgerens svar"),
    lambda: _("Dine borgere har fået tilbudt en bolig og har ikke svaret endnu."),
    _offers_answer_find,
    _offer_answer_item,
)
NEEDS_CONTACT = Source(
    Kind.NEEDS_CONTACT,
    gettext_lazy("Boligbehovslisten: kontakt forfalden"),
    lambda: _(
        "Dine borgere på boligbehovslisten, som er markeret inaktive. De er stadig med, når boliger fordeles."
    ),
    _needs_contact_find,
    _needs_contact_item,
    lambda: reverse("people:needs_list"),
)
CONSENTS = Source(
    Kind.CONSENT_EXPIRING,
    gettext_lazy("Samtykker der udløber"),
    _days("CONSENT_EXPIRY_DAYS", gettext_lazy("Samtykker, der udløber inden for %(days)s dage.")),
    _consents_find,
    _consent_item,
)
NEAR_INACTIVE = Source(
    Kind.NEAR_INACTIVE,
    gettext_lazy("Snart inaktive"),
    lambda: _(
        "Dine borgere uden kontakt eller opdatering, som bliver inaktive inden for %(warn)s dage "
        "(efter %(after)s dage uden aktivitet)."
    )
    % {"warn": conf.value("INACTIVE_WARNING_DAYS"), "after": people_conf.value("INACTIVE_AFTER_DAYS")},
    _near_inactive_find,
    _near_inactive_item,
    lambda: reverse("people:list") + "?sort=activity",
)
REGISTRATIONS = Source(
    Kind.REGISTRATION,
    gettext_lazy("Nye registreringer der skal gøres færdige"),
    _days(
        "NEW_REGISTRATION_DAYS",
        gettext_lazy(
            "Borgere, du har registreret de seneste %(days)s dage, som mangler fødselsår eller situation."
        ),
    ),
    _registration_find,
    _registration_item,
)
NO_WORKER = Source(
    Kind.NO_WORKER,
    gettext_lazy("Borgere uden medarbejder"),
    lambda: _("Borgere på den aktive liste, som ingen medarbejder er tilknyttet."),
    _no_worker_find,
    _no_worker_item,
    lambda: reverse("people:list") + "?kvalitet=no_worker",
)
VACANCIES = Source(
    Kind.VACANCY_DEADLINE,
    gettext_lazy("Ledige boliger tæt på fristen"),
    lambda: _("Ledige boliger uden forslag, hvor fristen for anvisning er inden for %(days)s dage.")
    % {"days": allocation_setting("DEADLINE_WARNING_DAYS")},
    _vacancy_find,
    _vacancy_item,
    lambda: reverse("allocation:vacancies"),
)
STALLED = Source(
    Kind.OFFER_STALLED,
    gettext_lazy("Tilbud der står stille"),
    lambda: _(
        "Tilbud, der har stået på samme trin for længe: foreslået %(proposed)s dage, tilbudt %(offered)s dage, "
        "accepteret %(accepted)s dage, lejekontrakt underskrevet %(lease_signed)s dage."
    )
    % conf.value("OFFER_STALLED_DAYS"),
    _stalled_find,
    _stalled_item,
    lambda: reverse("allocation:vacancies"),
)
COMMITTEE = Source(
    Kind.COMMITTEE,
    gettext_lazy("Boligudvalget"),
    lambda: _("Punkter på boligudvalgets dagsorden, der venter på en beslutning."),
    _committee_find,
    _committee_item,
    lambda: reverse("allocation:meetings"),
)
FIDELITY = Source(
    Kind.FIDELITY_DUE,
    gettext_lazy("Efterlevelse i dette kvartal"),
    lambda: _(
        "Enheder, hvis efterlevelsesskema for kvartalet ikke er udfyldt, og aftalte handlinger efter fristen."
    ),
    _fidelity_find,
    _fidelity_item,
    lambda: reverse("fidelity:overview"),
)
WAITING = Source(
    Kind.WAITING_LONG,
    gettext_lazy("Venter længe på støtte"),
    _days(
        "WAITING_ALERT_DAYS",
        gettext_lazy("Borgere, der har ventet på specialiseret støtte i mere end %(days)s dage."),
    ),
    _waiting_find,
    _waiting_item,
    lambda: reverse("support:waiting"),
)
CASELOAD = Source(
    Kind.OVER_CASELOAD,
    gettext_lazy("Over grænsen for antal borgere"),
    lambda: _("Medarbejdere og ACT-teams med flere borgere end metodens grænse (Socialstyrelsens manual)."),
    _caseload_find,
    _caseload_item,
    lambda: reverse("home:leader"),
)
MOVING_IN = Source(
    Kind.MOVING_IN,
    gettext_lazy("Flere flytter ind på samme tid"),
    lambda: _("Medarbejdere med %(count)s eller flere borgere, der flytter ind inden for %(days)s dage.")
    % {
        "count": support_conf.value("MOVE_IN_CLUSTER_COUNT"),
        "days": support_conf.value("MOVE_IN_CLUSTER_DAYS"),
    },
    _moving_in_find,
    _moving_in_item,
    lambda: reverse("home:leader"),
)

# Documents on the person that run out (the case file, casefile.selectors.expiring_documents), for every
# role that lists DOCUMENT_SOURCES.
DOCUMENT_SOURCES: list[Source] = [
    Source(
        Kind.DOCUMENT_EXPIRING,
        gettext_lazy("Dokumenter der udløber"),
        lambda: _(
            "Dine borgeres dokumenter (lejekontrakt, samtykkeerklæring, ID), der udløber inden for "
            "%(days)s dage eller er udløbet."
        )
        % {"days": casefile_conf.value("EXPIRY_WARNING_DAYS")},
        _documents_find,
        _document_item,
    )
]

SOURCES: dict[str, list[Source]] = {
    Role.SUPPORT_WORKER: [
        PERSISTENCE,
        HOMES_AT_RISK,
        OFFERS_ANSWER,
        NEEDS_CONTACT,
        PLAN_REVIEWS,
        CTI_PHASES,
        CONSENTS,
        *DOCUMENT_SOURCES,
    ],
    Role.OUTREACH_WORKER: [
        NEAR_INACTIVE,
        HOMES_AT_RISK_OWN,
        NEEDS_CONTACT,
        REGISTRATIONS,
        NO_WORKER,
        *DOCUMENT_SOURCES,
    ],
    Role.HOUSING_BROKER: [VACANCIES, STALLED, COMMITTEE],
    Role.LEADER: [FIDELITY, WAITING, CASELOAD, MOVING_IN, COMMITTEE],
}


def sources_for(role: str) -> list[Source]:
    return SOURCES.get(role, [])


def has_today(role: str | None) -> bool:
    return bool(role) and bool(sources_for(role))


def source_for(role: str, kind: str) -> Source | None:
    return next((s for s in sources_for(role) if s.kind == kind), None)


# --- reading ---------------------------------------------------------------------------------------------


def section(source: Source, actor, *, today: date, limit: int) -> Section:
    """One source's section: its total and the first ``limit`` items in order (today/items.py). Not logged:
    ``today_page`` logs the people of all sections at once."""
    rows = source.find(actor, today)
    if isinstance(rows, QuerySet):
        total = rows.count()
        shown = [source.item(r, today) for r in rows[:limit]] if total else []
        items = ordered(shown, today)
    else:
        items, total = bounded([source.item(r, today) for r in rows], limit, today)
    return Section(
        kind=source.kind,
        label=str(source.label),
        why=str(source.why()),
        items=items,
        total=total,
        more_url=source.more(),
    )


def _log(actor, sections: list[Section], purpose: str) -> None:
    ids = sorted({i.person_id for s in sections for i in s.items if i.person_id})
    if ids:
        log_many_reads(
            actor=actor.user,
            municipality=actor.municipality,
            person_ids=ids,
            purpose=purpose,
            role=actor.role,
            path=actor.path,
        )


def today_sections(actor, *, today: date, log: bool = True, purpose: str = PURPOSE) -> list[Section]:
    """Every section of the actor's role, most urgent first; each person shown is logged (``log=False``
    only for the bell's count, which shows nobody)."""
    sections = arrange(
        section(s, actor, today=today, limit=conf.value("SECTION_SIZE")) for s in sources_for(actor.role)
    )
    if log:
        _log(actor, sections, purpose)
    return sections


def section_full(actor, kind: str, *, today: date) -> Section | None:
    """All of one section, up to SECTION_PAGE_SIZE rows (the domain's list pages the rest); logged."""
    source = source_for(actor.role, kind)
    if source is None:
        return None
    found = section(source, actor, today=today, limit=conf.value("SECTION_PAGE_SIZE"))
    _log(actor, [found], PURPOSE)
    return found


def digest_on(actor) -> bool:
    """Whether the user has switched the daily e-mail on (their state row; none yet means off)."""
    return TodayState.objects.filter(municipality=actor.municipality, user=actor.user, digest=True).exists()
