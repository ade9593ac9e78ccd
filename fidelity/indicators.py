"""Fidelity from practice: indicators per core principle computed from the platform's own data, for the
same unit and quarter as the self-assessment (issue 5, item 4).

Each indicator declares its data source (app and model). When that app or model does not exist on this
installation the indicator reports "data not available yet", shown as such and never as 0; the support
app (SupportEpisode) is being built, so its indicators report missing data until it is installed and
the indicator is implemented against it.

A unit's people: the citizens whose own workers (Person.workers) are members of the unit; a unit that
covers the whole municipality (a department) counts every citizen of the municipality.
"""
from dataclasses import dataclass, field
from statistics import median
from typing import Callable

from django.apps import apps
from django.conf import settings
from django.db.models import Q

from .quarters import Quarter


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
        if not apps.is_installed(app_label):
            return False, f"Data findes ikke endnu: appen '{app_label}' er ikke installeret."
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
        ok, reason = self.source_available()
        if not ok:
            return IndicatorValue(available=False, note=reason)
        return self.compute(people_q, quarter, municipality)


def conf(key):
    return settings.HF["FIDELITY"][key]


def people_filter(unit, *, prefix: str = "person__") -> Q:
    """Q on a model with a person FK selecting the unit's people (see the module docstring)."""
    if unit.whole_municipality:
        return Q()
    return Q(**{f"{prefix}workers__in": unit.members.all()})


def _pct(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def days_to_home(people_q, quarter, municipality) -> IndicatorValue:
    """Principle 1: median days on the list for those housed in the quarter (StatusChange.days_on_list)."""
    from people.models import StatusChange
    from people.statuses import Status

    rows = (StatusChange.objects.filter(people_q, municipality=municipality, status=Status.HOUSED,
                                        changed_on__range=(quarter.start, quarter.end), days_on_list__isnull=False)
            .values_list("id", "days_on_list").distinct())  # distinct: a person with two unit workers joins twice
    days = [d for _id, d in rows]
    if not days:
        return IndicatorValue(available=True, n=0, note="Ingen boligplaceret i kvartalet.")
    value = float(median(days))
    return IndicatorValue(available=True, value=value, n=len(days), meets=value <= conf("DAYS_TO_HOME_TARGET"),
                          note=f"Mål: højst {conf('DAYS_TO_HOME_TARGET')} dage.")


def ordinary_building_share(people_q, quarter, municipality) -> IndicatorValue:
    """Principle 4: of tenancies begun in the quarter in a known unit, the share in ordinary buildings."""
    from housing.models import Tenancy

    rows = list(Tenancy.objects.filter(people_q, municipality=municipality, unit__isnull=False,
                                       starts_on__range=(quarter.start, quarter.end))
                .values_list("id", "unit__unit_type__ordinary_building").distinct())
    if not rows:
        return IndicatorValue(available=True, n=0, note="Ingen indflytninger i kendte boliger i kvartalet.")
    value = _pct(sum(1 for _, ordinary in rows if ordinary), len(rows))
    return IndicatorValue(available=True, value=value, n=len(rows), meets=value >= conf("INDICATOR_BELOW_PCT"))


def persistence_after_no_contact(people_q, quarter, municipality) -> IndicatorValue:
    """Principle 3 (and 5): of citizens not reached at a contact attempt in the quarter, the share with a
    further attempt after it (Contact.reached=False, then any later contact)."""
    from people.models import Contact

    contacts = list(Contact.objects.filter(people_q, municipality=municipality,
                                           contacted_on__range=(quarter.start, quarter.end))
                    .values_list("person_id", "contacted_on", "reached", "id").distinct())
    first_miss, last_contact = {}, {}
    for person_id, on, reached, _id in contacts:
        if not reached and (person_id not in first_miss or on < first_miss[person_id]):
            first_miss[person_id] = on
        last_contact[person_id] = max(last_contact.get(person_id, on), on)
    if not first_miss:
        return IndicatorValue(available=True, n=0, note="Ingen forgæves kontaktforsøg i kvartalet.")
    followed = sum(1 for p, miss in first_miss.items() if last_contact[p] > miss)
    value = _pct(followed, len(first_miss))
    return IndicatorValue(available=True, value=value, n=len(first_miss), meets=value >= conf("INDICATOR_BELOW_PCT"),
                          note="Andel med nyt kontaktforsøg efter et forgæves.")


def plans_with_wishes(people_q, quarter, municipality) -> IndicatorValue:
    """Principles 6 and 7: of the unit's citizens' action plans in force at the quarter's end (latest
    version made by then), the share that records the citizen's own wishes, dreams and hopes."""
    from plans.models import ActionPlan

    plans = list(ActionPlan.objects.filter(people_q, municipality=municipality, created_at__date__lte=quarter.end)
                 .order_by("person_id", "-version").values_list("person_id", "wishes").distinct())
    latest = {}
    for person_id, wishes in plans:
        latest.setdefault(person_id, wishes)
    if not latest:
        return IndicatorValue(available=True, n=0, note="Ingen handleplaner.")
    value = _pct(sum(1 for w in latest.values() if (w or "").strip()), len(latest))
    return IndicatorValue(available=True, value=value, n=len(latest), meets=value >= conf("INDICATOR_BELOW_PCT"))


REGISTRY: list[Indicator] = [
    Indicator("days_to_home", (1,), "Dage fra registrering til egen bolig (median)", "dage", "people.StatusChange",
              days_to_home),
    Indicator("ordinary_building", (4,), "Andel indflytninger i almindeligt byggeri", "%", "housing.Tenancy",
              ordinary_building_share),
    Indicator("persistence", (3,), "Vedholdende kontakt efter forgæves kontaktforsøg", "%", "people.Contact",
              persistence_after_no_contact),
    Indicator("plan_wishes", (6, 7), "Handleplaner med borgerens ønsker, drømme og håb", "%", "plans.ActionPlan",
              plans_with_wishes, needs_fields=("wishes", "person", "version")),
    # The support app (issue 3) is not installed yet: these report missing data until it is.
    Indicator("support_after_home_lost", (5,), "Støtteforløb der fortsatte efter tab af bolig", "%",
              "support.SupportEpisode"),
    Indicator("closed_no_contact", (3,), "Forløb lukket på grund af manglende kontakt", "%", "support.SupportEpisode"),
    Indicator("caseload_within_limits", (3,), "Medarbejdere med sagstal inden for metodens grænse", "%",
              "support.SupportEpisode"),
    Indicator("ended_goals_reached", (3, 6), "Forløb afsluttet fordi målene er nået", "%", "support.SupportEpisode"),
]


def evaluate_all(*, unit, quarter: Quarter, municipality) -> list[tuple[Indicator, IndicatorValue]]:
    q = people_filter(unit)
    return [(ind, ind.evaluate(people_q=q, quarter=quarter, municipality=municipality)) for ind in REGISTRY]
