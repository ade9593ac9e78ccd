"""The economy figure kept as a snapshot (the figures app): the municipality's cost from its own records,
computed here from the raw rows by economy/costs.py and registered in EconomyConfig.ready. The page reads
it through ``figures.read``; a change of a situation, an episode, a pause, a tenancy or a price marks it
stale.

What the records give (and what they do not):
- shelter days: situation periods with the situation "shelter" (§ 110);
- support: episodes by method, less their pauses (support.EpisodeEvent pause/resume); the method
  "another offer" is not priced, since it does not say which offer;
- moving into one's own home: the first tenancy or own-home situation after the citizen's first
  homelessness on the platform;
- § 107/108 residential stays are not recorded as stays (only as a reason a tenancy ended), so they are
  left out and the page says so.
"""

from collections import defaultdict
from datetime import date

from django.db.models import Min

from figures.registry import register
from housing.models import Tenancy
from people.models import SituationPeriod
from people.situations import HOMELESS, Situation
from support import conf as support_conf
from support.models import EpisodeEvent, EpisodeStatus, EventKind, SupportEpisode

from . import conf, costs
from .models import Price

KEY = "economy.costs"


def price_book(municipality) -> costs.PriceBook:
    own = {
        (p.kind, p.year): costs.Entry(float(p.amount), p.unit, True, p.source, p.note)
        for p in Price.objects.filter(municipality=municipality)
    }
    per_worker = support_conf.value("CASELOAD_PER_WORKER")
    caseloads = {
        costs.CTI: per_worker.get(costs.CTI),
        costs.ICM: per_worker.get(costs.ICM),
        costs.ACT: support_conf.value("ACT_PER_STAFF"),
    }
    return costs.PriceBook(own=own, defaults=conf.value("PRICES"), caseloads=caseloads)


def _pauses(municipality) -> dict[int, list[tuple[date, date | None]]]:
    """episode id -> [(paused on, resumed on or None)] from the episodes' event log, in order."""
    out: dict[int, list] = defaultdict(list)
    for episode_id, kind, on in (
        EpisodeEvent.objects.filter(municipality=municipality, kind__in=[EventKind.PAUSE, EventKind.RESUME])
        .order_by("episode_id", "on", "id")
        .values_list("episode_id", "kind", "on")
    ):
        mine = out[episode_id]
        if kind == EventKind.PAUSE and (not mine or mine[-1][1] is not None):
            mine.append((on, None))
        elif kind == EventKind.RESUME and mine and mine[-1][1] is None:
            mine[-1] = (mine[-1][0], on)
    return out


def housed_on(municipality) -> dict[int, date]:
    """person id -> the day the citizen moved into an own home: the first tenancy or own-home situation that
    begins after the citizen's first homelessness recorded on the platform."""
    first_homeless = dict(
        SituationPeriod.objects.filter(municipality=municipality, situation__in=[s.value for s in HOMELESS])
        .values("person_id")
        .annotate(first=Min("start_date"))
        .values_list("person_id", "first")
    )
    starts = list(
        SituationPeriod.objects.filter(municipality=municipality, situation=Situation.OWN_HOME).values_list(
            "person_id", "start_date"
        )
    ) + list(Tenancy.objects.filter(municipality=municipality).values_list("person_id", "starts_on"))
    out: dict[int, date] = {}
    for person_id, day in starts:
        first = first_homeless.get(person_id)
        if first is not None and day > first and (person_id not in out or day < out[person_id]):
            out[person_id] = day
    return out


def citizens(municipality) -> list[costs.Citizen]:
    people: dict[int, costs.Citizen] = defaultdict(costs.Citizen)
    for person_id, start, end in SituationPeriod.objects.filter(
        municipality=municipality, situation=Situation.SHELTER
    ).values_list("person_id", "start_date", "end_date"):
        people[person_id].shelter.append((start, end))
    pauses = _pauses(municipality)
    for pk, person_id, method, start, end, status, since in SupportEpisode.objects.filter(
        municipality=municipality
    ).values_list("pk", "person_id", "method", "start_date", "end_date", "status", "status_since"):
        mine = pauses.get(pk, [])
        if status == EpisodeStatus.PAUSED and (not mine or mine[-1][1] is not None):
            mine = [*mine, (since, None)]  # paused without a logged event: from the status date
        people[person_id].episodes.append(costs.Episode(method, start, end, mine))
    for person_id, day in housed_on(municipality).items():
        people[person_id].housed_on = day
    return list(people.values())


def compute(municipality, today: date) -> dict:
    data = costs.compute(
        citizens(municipality),
        price_book(municipality),
        today=today,
        reform=date.fromisoformat(conf.value("REFORM_DATE")),
        refund_years=conf.value("REFUND_176A_YEARS"),
        follow_years=conf.value("FOLLOW_YEARS"),
        payback_months=12 * conf.value("FOLLOW_YEARS"),
    )
    data["today"] = today.isoformat()
    return data


def register_figures() -> None:
    register(
        KEY,
        compute,
        depends_on=[
            "people.SituationPeriod",
            "support.SupportEpisode",
            "support.EpisodeEvent",
            "housing.Tenancy",
            "economy.Price",
        ],
        settings=["ECONOMY", "SUPPORT"],
    )
