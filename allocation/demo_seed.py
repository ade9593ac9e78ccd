"""Demo allocation (demo/loader.py hook, runs after housing's): open vacancies among the demo's free
units, offers in every state (one stalled past the alert limit, one declined and re-offered), the
municipality's decline reasons, some candidates' incomes and one parked person, and a committee
meeting with its agenda. Offers go through the services so the event log and audit log are real."""

from datetime import timedelta

from django.db.models import Exists, OuterRef

from accounts.access import Actor
from accounts.roles import Role
from housing.models import Landlord, LandlordKind, Tenancy, Unit, UnitType
from housing.services import unit_types_ensure_defaults

from . import matching, selectors, services
from .conf import allocation_setting, matching_params
from .models import (
    AgendaItem,
    CandidateProfile,
    CommitteeMeeting,
    DeclineReason,
    Offer,
    OfferLogEntry,
    Urgency,
    Vacancy,
)

VACANCIES = 8


def reset(municipalities):
    AgendaItem.objects.filter(municipality__in=municipalities).delete()
    CommitteeMeeting.objects.filter(municipality__in=municipalities).delete()
    OfferLogEntry.objects.filter(municipality__in=municipalities).delete()
    Offer.objects.filter(municipality__in=municipalities).delete()
    Vacancy.objects.filter(municipality__in=municipalities).delete()
    CandidateProfile.objects.filter(municipality__in=municipalities).delete()
    DeclineReason.objects.filter(municipality__in=municipalities).delete()


def _free_units(municipality, rng, count):
    occupied = Tenancy.objects.filter(unit_id=OuterRef("pk"), ends_on__isnull=True)
    units = list(
        Unit.objects.filter(municipality=municipality, active=True)
        .exclude(Exists(occupied))
        .select_related("unit_type")
        .order_by("id")
    )
    if not units:  # housing's demo is missing: a few homes of our own so the demo still shows allocation
        unit_types_ensure_defaults(municipality)
        landlord, _ = Landlord.objects.get_or_create(
            municipality=municipality,
            name="Demo Boligselskab",
            defaults={"kind": LandlordKind.HOUSING_ORGANISATION},
        )
        family = UnitType.objects.get(municipality=municipality, code="social_family")
        units = [
            Unit.objects.create(
                municipality=municipality,
                landlord=landlord,
                unit_type=family,
                address=f"Demovej {i + 1}",
                rooms=1 + i % 3,
                rent=2800 + 150 * i,
                utilities=450,
            )
            for i in range(count)
        ]
    rng.shuffle(units)
    cheap = [u for u in units if u.rent <= 3500]
    return (cheap + [u for u in units if u.rent > 3500])[:count]


def seed(*, municipality, staff, rng, today, areas):
    broker = staff.get(Role.HOUSING_BROKER) or staff.get(Role.LEADER)
    if broker is None:
        return
    actor = Actor(user=broker, municipality=municipality, role=Role.HOUSING_BROKER, path="/demo/")
    services.decline_reasons_ensure_defaults(municipality)
    reasons = list(DeclineReason.objects.filter(municipality=municipality))

    people = list(selectors._candidate_people(actor, today))
    for person in people:
        if rng.random() < 0.6:
            CandidateProfile.objects.create(
                municipality=municipality,
                person=person,
                monthly_income=rng.choice([9_500, 11_800, 12_550, 14_200, 17_000]),
                has_pet=rng.random() < 0.12,
                needs_accessible=rng.random() < 0.08,
                urgency=rng.choices([Urgency.NORMAL, Urgency.HIGH, Urgency.ACUTE], [0.8, 0.15, 0.05])[0],
            )
    people = list(selectors._candidate_people(actor, today))
    candidates = [c for c in (selectors.to_candidate(p, today) for p in people) if c]
    by_id = {p.pk: p for p in people}

    vacancies = []
    for i, unit in enumerate(_free_units(municipality, rng, VACANCIES)):
        reported = today - timedelta(days=rng.randint(3, 20))
        vacancies.append(
            services.vacancy_create(
                actor=actor, unit=unit, reported_on=reported, nominate_by=today + timedelta(days=2 + 3 * i)
            )
        )
    if not vacancies or not candidates:
        return

    params, used = matching_params(), set()

    def best(vacancy):
        for fit in matching.rank(
            [c for c in candidates if c.person_id not in used], selectors.home_of(vacancy), params
        ):
            used.add(fit.person_id)
            return by_id[fit.person_id], fit
        return None, None

    def propose(vacancy, days_ago):
        person, fit = best(vacancy)
        if person is None:
            return None
        return services.offer_propose(
            actor=actor,
            vacancy=vacancy,
            person=person,
            on=today - timedelta(days=days_ago),
            score=fit.score,
            explanation=" ".join(fit.reasons),
        )

    stall = allocation_setting("STALL_DAYS")
    plans = [  # one vacancy each: how far its offer has come
        ("proposed", 1),
        ("stalled", stall + 5),
        ("accepted", 9),
        ("lease_signed", 14),
        ("declined_reoffered", 10),
    ]
    for vacancy, (state, days_ago) in zip(vacancies, plans):
        offer = propose(vacancy, days_ago)
        if offer is None:
            continue
        start = today - timedelta(days=days_ago)
        if state == "proposed":
            continue
        services.offer_make(
            actor=actor, offer=offer, on=start + timedelta(days=1) if state != "stalled" else start
        )
        if state == "accepted":
            services.offer_accept(actor=actor, offer=offer, on=start + timedelta(days=4))
            services.offer_checklist_update(
                actor=actor,
                offer=offer,
                deposit_loan="applied",
                rent_help="to_apply",
                on=start + timedelta(days=4),
            )
        elif state == "lease_signed":
            services.offer_accept(actor=actor, offer=offer, on=start + timedelta(days=3))
            services.offer_sign_lease(actor=actor, offer=offer, on=start + timedelta(days=8))
            services.offer_checklist_update(
                actor=actor,
                offer=offer,
                deposit_loan="granted",
                rent_help="granted",
                on=start + timedelta(days=8),
            )
        elif state == "declined_reoffered":
            services.offer_decline(
                actor=actor, offer=offer, on=start + timedelta(days=3), reason=rng.choice(reasons[:3])
            )
            again = propose(vacancy, days_ago - 4)
            if again:
                services.offer_make(actor=actor, offer=again, on=today - timedelta(days=days_ago - 5))

    # One person parked (in hospital), keeping their place.
    rest = [c for c in candidates if c.person_id not in used]
    if rest:
        services.candidate_park(
            actor=actor,
            person=by_id[rest[0].person_id],
            until=today + timedelta(days=10),
            reason="Indlagt på hospital; tilbud gives efter udskrivning",
            today=today,
        )

    # The committee meets next week: its agenda is the platform's one distinct assignment of the open
    # vacancies (those with a live proposal or offer are listed with it), as a broker would create it.
    agenda = selectors.committee_agenda(actor, today=today)
    services.meeting_create(
        actor=actor,
        held_on=today + timedelta(days=5),
        title="Boligudvalgets møde",
        participants="Socialboligformidler, leder af gadeteamet, boligorganisationernes kontaktpersoner",
        agenda=agenda,
    )
