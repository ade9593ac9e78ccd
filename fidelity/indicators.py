"""Fidelity from practice: indicators per core principle computed from the platform's own data, for the
same unit and quarter as the self-assessment (issue 5, item 4).

Each indicator declares its data source (app and model, and the fields it needs). When that app, model
or field does not exist on this installation the indicator reports "data not available yet", shown as
such and never as 0, so the registry keeps working while other apps change.

A unit's people: the citizens whose own workers (Person.workers) are members of the unit; a unit that
covers the whole municipality (a department) counts every citizen of the municipality.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from statistics import median

from django.apps import apps
from django.db.models import Count, Q

from housing.models import Tenancy
from people.models import Contact, StatusChange
from people.statuses import Status
from plans.models import ActionPlan
from support import conf as support_conf
from support.capacity import worker_limit
from support.models import SupportEpisode, WorkerProfile

from . import conf
from .quarters import Quarter

NOT_RECORDED_NOTE = (
    "Data findes ikke endnu: platformen registrerer endnu ikke de oplysninger, som indikatoren bygger på."
)


@dataclass
class IndicatorValue:
    available: bool
    value: float | None = None  # None with available=True: no cases in the quarter
    n: int = 0  # cases behind the value
    note: str = ""
    meets: bool | None = None  # does practice meet the principle's mark (None = cannot say)


@dataclass
class Indicator:
    key: str
    principles: tuple[int, ...]
    label: str
    unit: str  # "dage" or "%"
    source: str  # "app.Model"
    compute: Callable | None = None  # (people_q: Q, quarter, municipality) -> IndicatorValue
    needs_fields: tuple[str, ...] = field(default_factory=tuple)

    def source_available(self) -> tuple[bool, str]:
        app_label, model_name = self.source.split(".")
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            return False, f"Data findes ikke endnu: {self.source} findes ikke."
        names = {f.name for f in model._meta.get_fields()}
        lacking = [f for f in self.needs_fields if f not in names]
        if lacking:
            return False, f"Data findes ikke endnu: {self.source} mangler {', '.join(lacking)}."
        if self.compute is None:
            return False, f"Data findes ikke endnu: indikatoren er ikke beregnet fra {self.source} endnu."
        return True, ""

    def evaluate(self, *, people_q: Q, quarter: Quarter, municipality) -> IndicatorValue:
        ok, _reason = self.source_available()
        if not ok:
            # The technical reason (source_available) is for developers; the page says it in users' words.
            return IndicatorValue(available=False, note=NOT_RECORDED_NOTE)
        return self.compute(people_q, quarter, municipality)


def people_filter(unit, *, prefix: str = "person__") -> Q:
    """Q on a model with a person FK selecting the unit's people (see the module docstring)."""
    if unit.whole_municipality:
        return Q()
    return Q(**{f"{prefix}workers__in": unit.members.all()})


def _pct(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def days_to_home(people_q, quarter, municipality) -> IndicatorValue:
    """Principle 1: median days on the list for those housed in the quarter (StatusChange.days_on_list)."""

    rows = (
        StatusChange.objects.filter(
            people_q,
            municipality=municipality,
            status=Status.HOUSED,
            changed_on__range=(quarter.start, quarter.end),
            days_on_list__isnull=False,
        )
        .values_list("id", "days_on_list")
        .distinct()
    )  # distinct: a person with two unit workers joins twice
    days = [d for _id, d in rows]
    if not days:
        return IndicatorValue(available=True, n=0, note="Ingen boligplaceret i kvartalet.")
    value = float(median(days))
    return IndicatorValue(
        available=True,
        value=value,
        n=len(days),
        meets=value <= conf.value("DAYS_TO_HOME_TARGET"),
        note=f"Mål: højst {conf.value('DAYS_TO_HOME_TARGET')} dage.",
    )


def ordinary_building_share(people_q, quarter, municipality) -> IndicatorValue:
    """Principle 4: of tenancies begun in the quarter in a known unit, the share in ordinary buildings."""

    rows = list(
        Tenancy.objects.filter(
            people_q,
            municipality=municipality,
            unit__isnull=False,
            starts_on__range=(quarter.start, quarter.end),
        )
        .values_list("id", "unit__unit_type__ordinary_building")
        .distinct()
    )
    if not rows:
        return IndicatorValue(available=True, n=0, note="Ingen indflytninger i kendte boliger i kvartalet.")
    value = _pct(sum(1 for _, ordinary in rows if ordinary), len(rows))
    return IndicatorValue(
        available=True, value=value, n=len(rows), meets=value >= conf.value("INDICATOR_BELOW_PCT")
    )


def persistence_after_no_contact(people_q, quarter, municipality) -> IndicatorValue:
    """Principle 3 (and 5): of citizens not reached at a contact attempt in the quarter, the share with a
    further attempt after it (Contact.reached=False, then any later contact)."""

    contacts = list(
        Contact.objects.filter(
            people_q, municipality=municipality, contacted_on__range=(quarter.start, quarter.end)
        )
        .values_list("person_id", "contacted_on", "reached", "id")
        .distinct()
    )
    first_miss, last_contact = {}, {}
    for person_id, on, reached, _id in contacts:
        if not reached and (person_id not in first_miss or on < first_miss[person_id]):
            first_miss[person_id] = on
        last_contact[person_id] = max(last_contact.get(person_id, on), on)
    if not first_miss:
        return IndicatorValue(available=True, n=0, note="Ingen forgæves kontaktforsøg i kvartalet.")
    followed = sum(1 for p, miss in first_miss.items() if last_contact[p] > miss)
    value = _pct(followed, len(first_miss))
    return IndicatorValue(
        available=True,
        value=value,
        n=len(first_miss),
        meets=value >= conf.value("INDICATOR_BELOW_PCT"),
        note="Andel med nyt kontaktforsøg efter et forgæves.",
    )


def plans_with_wishes(people_q, quarter, municipality) -> IndicatorValue:
    """Principles 6 and 7: of the unit's citizens' action plans in force at the quarter's end (latest
    version made by then), the share that records the citizen's own wishes, dreams and hopes."""

    plans = list(
        ActionPlan.objects.filter(people_q, municipality=municipality, created_at__date__lte=quarter.end)
        .order_by("person_id", "-version")
        .values_list("person_id", "wishes")
        .distinct()
    )
    latest = {}
    for person_id, wishes in plans:
        latest.setdefault(person_id, wishes)
    if not latest:
        return IndicatorValue(available=True, n=0, note="Ingen handleplaner.")
    value = _pct(sum(1 for w in latest.values() if (w or "").strip()), len(latest))
    return IndicatorValue(
        available=True, value=value, n=len(latest), meets=value >= conf.value("INDICATOR_BELOW_PCT")
    )


def _episodes_open_on(day):
    """Q for support episodes running on a day (started, not yet ended)."""
    return Q(start_date__lte=day) & (Q(end_date__isnull=True) | Q(end_date__gt=day))


def ended_goals_reached(people_q, quarter, municipality) -> IndicatorValue:
    """Principles 3 and 6: of support episodes ended in the quarter, the share ended because the
    citizen's goals were reached (seed 004: the citizen's own goals decide when support changes)."""

    rows = list(
        SupportEpisode.objects.filter(
            people_q, municipality=municipality, end_date__range=(quarter.start, quarter.end)
        )
        .values_list("id", "end_reason")
        .distinct()
    )
    if not rows:
        return IndicatorValue(available=True, n=0, note="Ingen forløb afsluttet i kvartalet.")
    value = _pct(sum(1 for _, reason in rows if reason == "goals_reached"), len(rows))
    return IndicatorValue(
        available=True, value=value, n=len(rows), meets=value >= conf.value("INDICATOR_BELOW_PCT")
    )


def support_after_home_lost(people_q, quarter, municipality) -> IndicatorValue:
    """Principle 5: of citizens who lost or left a home in the quarter while in a support episode, the
    share whose support was still running SUPPORT_CONTINUES_DAYS later (separation of housing and support)."""

    window = timedelta(days=conf.value("SUPPORT_CONTINUES_DAYS"))
    ended = {}
    for person_id, ends_on in (
        Tenancy.objects.filter(
            people_q, municipality=municipality, ends_on__range=(quarter.start, quarter.end)
        )
        .exclude(end_reason="died")
        .values_list("person_id", "ends_on")
        .distinct()
    ):
        ended[person_id] = min(ended.get(person_id, ends_on), ends_on)
    cases, continued = 0, 0
    episodes = {}
    for pid, start, end in SupportEpisode.objects.filter(
        municipality=municipality, person_id__in=list(ended)
    ).values_list("person_id", "start_date", "end_date"):
        episodes.setdefault(pid, []).append((start, end))
    for pid, lost_on in ended.items():
        running = [
            (st, en) for st, en in episodes.get(pid, []) if st <= lost_on and (en is None or en > lost_on)
        ]
        if running:
            cases += 1
            continued += any(en is None or en > lost_on + window for _st, en in running)
    if not cases:
        return IndicatorValue(
            available=True, n=0, note="Ingen mistede en bolig under et støtteforløb i kvartalet."
        )
    value = _pct(continued, cases)
    return IndicatorValue(
        available=True,
        value=value,
        n=cases,
        meets=value >= conf.value("INDICATOR_BELOW_PCT"),
        note=f"Støtten kørte stadig {conf.value('SUPPORT_CONTINUES_DAYS')} dage efter.",
    )


def caseload_within_limits(people_q, quarter, municipality, *, unit=None) -> IndicatorValue:
    """Low caseloads (seed 004, ch. 4): of the unit's CTI/ICM workers, the share whose citizens at the
    quarter's end were within their limit (support/capacity.py). ACT is a team limit and is not counted here."""

    profiles = WorkerProfile.objects.filter(municipality=municipality, active=True)
    if unit is not None and not unit.whole_municipality:
        profiles = profiles.filter(user__in=unit.members.all())
    workers = []
    for user_id, method, own in profiles.values_list("user_id", "method", "caseload_limit"):
        method_limit = support_conf.caseload_limit(method)
        if method_limit is not None:
            workers.append((user_id, worker_limit(method_limit=method_limit, own_limit=own)))
    if not workers:
        return IndicatorValue(available=True, n=0, note="Ingen CTI- eller ICM-medarbejdere i enheden.")
    counts = dict(
        SupportEpisode.objects.filter(
            _episodes_open_on(quarter.end), municipality=municipality, worker_id__in=[w for w, _ in workers]
        )
        .order_by()
        .values_list("worker_id")
        .annotate(n=Count("id"))
    )
    within = sum(1 for w, limit in workers if counts.get(w, 0) <= limit)
    value = _pct(within, len(workers))
    return IndicatorValue(
        available=True,
        value=value,
        n=len(workers),
        meets=within == len(workers),
        note="Sagstal ved kvartalets udgang.",
    )


REGISTRY: list[Indicator] = [
    Indicator(
        "days_to_home",
        (1,),
        "Dage fra registrering til egen bolig (median)",
        "dage",
        "people.StatusChange",
        days_to_home,
    ),
    Indicator(
        "ordinary_building",
        (4,),
        "Andel indflytninger i almindeligt byggeri",
        "%",
        "housing.Tenancy",
        ordinary_building_share,
    ),
    Indicator(
        "persistence",
        (3,),
        "Vedholdende kontakt efter forgæves kontaktforsøg",
        "%",
        "people.Contact",
        persistence_after_no_contact,
    ),
    Indicator(
        "plan_wishes",
        (6, 7),
        "Handleplaner med borgerens ønsker, drømme og håb",
        "%",
        "plans.ActionPlan",
        plans_with_wishes,
        needs_fields=("wishes", "person", "version"),
    ),
    Indicator(
        "support_after_home_lost",
        (5,),
        "Støtteforløb der fortsatte efter tab af bolig",
        "%",
        "support.SupportEpisode",
        support_after_home_lost,
        needs_fields=("person", "start_date", "end_date"),
    ),
    Indicator(
        "ended_goals_reached",
        (3, 6),
        "Forløb afsluttet fordi målene er nået",
        "%",
        "support.SupportEpisode",
        ended_goals_reached,
        needs_fields=("end_date", "end_reason"),
    ),
    Indicator(
        "caseload_within_limits",
        (3,),
        "Medarbejdere med sagstal inden for metodens grænse",
        "%",
        "support.WorkerProfile",
        caseload_within_limits,
        needs_fields=("user", "method", "caseload_limit"),
    ),
    # The support app records no end reason "lack of contact" (support/models.py EndReason): an episode cannot be
    # closed for that reason there, so this indicator has no data to count until such a reason exists.
    Indicator(
        "closed_no_contact",
        (3,),
        "Forløb lukket på grund af manglende kontakt",
        "%",
        "support.SupportEpisode",
    ),
]


def evaluate_all(*, unit, quarter: Quarter, municipality) -> list[tuple[Indicator, IndicatorValue]]:
    q = people_filter(unit)
    out = []
    for ind in REGISTRY:
        if ind.compute is caseload_within_limits:  # counts workers, not people: needs the unit itself
            ok, reason = ind.source_available()
            value = (
                caseload_within_limits(q, quarter, municipality, unit=unit)
                if ok
                else IndicatorValue(False, note=reason)
            )
        else:
            value = ind.evaluate(people_q=q, quarter=quarter, municipality=municipality)
        out.append((ind, value))
    return out
