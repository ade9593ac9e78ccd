"""Demo homes (demo/loader.py hook): landlords, agreements, a stock with seed 001's 137 family homes at
or below 3,500 kr. in Frederikssund plus dearer homes, and tenancies for the demo people's own-home
periods (the same dates as their situation history), some ended by eviction, some with an eviction case
now, and waiting plans for most of those still waiting. Names of landlords are invented."""

from datetime import timedelta

import figures
from people.models import NeedsListEntry, Person, SituationPeriod
from people.situations import HOMELESS

from .models import Agreement, Landlord, LandlordKind, Tenancy, TenancyEndReason, Unit, UnitType, WaitingPlan
from .services import unit_types_ensure_defaults

# (landlord, kind, [(unit type code, count, rent low, rent high, rooms low, rooms high)])
FREDERIKSSUND = [
    (
        "Fjordbo Boligselskab",
        LandlordKind.HOUSING_ORGANISATION,
        [
            ("social_family", 90, 2600, 3500, 1, 3),
            ("social_family", 70, 3550, 6200, 2, 4),
            ("skaev", 8, 2900, 3400, 1, 1),
        ],
    ),
    (
        "Slangerup Almene Boliger",
        LandlordKind.HOUSING_ORGANISATION,
        [
            ("social_family", 47, 2700, 3500, 1, 3),
            ("social_family", 45, 3600, 5800, 2, 4),
            ("youth", 25, 2800, 3900, 1, 1),
        ],
    ),
    ("Hornsherred Ejendomme ApS", LandlordKind.PRIVATE, [("private", 30, 4500, 7800, 1, 3)]),
]
# Seed 001: 137 family homes at or below 3,500 kr. a month (90 + 47 above).
SMALL = [
    (
        "Fredericia Almene Boliger",
        LandlordKind.HOUSING_ORGANISATION,
        [("social_family", 25, 2900, 3500, 1, 3), ("social_family", 20, 3600, 6000, 2, 4)],
    ),
    ("Lillebælt Udlejning", LandlordKind.PRIVATE, [("private", 10, 4800, 7500, 1, 3)]),
]
STREETS = [
    "Havnevej",
    "Strandvej",
    "Skolevej",
    "Kirkegade",
    "Møllevej",
    "Engvej",
    "Byvej",
    "Parkvej",
    "Stationsvej",
    "Skovvej",
]


def reset(municipalities):
    for model in (WaitingPlan, Tenancy, Unit, Agreement, Landlord, UnitType):
        model.objects.filter(municipality__in=municipalities).delete()


def seed(*, municipality, staff, rng, today, areas):
    areas = areas or ("",)
    unit_types_ensure_defaults(municipality)
    types = {t.code: t for t in UnitType.objects.filter(municipality=municipality)}
    plan = FREDERIKSSUND if municipality.code == "0250" else SMALL
    units = []
    for name, kind, blocks in plan:
        landlord = Landlord.objects.create(
            municipality=municipality, name=name, kind=kind, contact_person=f"Udlejningen, {name}"
        )
        _agreements(municipality, landlord, today)
        for code, count, low, high, rooms_low, rooms_high in blocks:
            for _ in range(count):
                units.append(
                    Unit(
                        municipality=municipality,
                        landlord=landlord,
                        unit_type=types[code],
                        address=f"{rng.choice(STREETS)} {rng.randint(1, 140)}, {rng.choice(['st.', '1.', '2.', '3.'])} {rng.choice(['th.', 'tv.', 'mf.'])}",
                        postcode="3600" if municipality.code == "0250" else "7000",
                        area=rng.choice(areas),
                        rooms=rng.randint(rooms_low, rooms_high),
                        size_m2=rng.randint(30, 95),
                        rent=rng.randint(low, high) // 25 * 25,
                        utilities=rng.choice([300, 400, 500, 600]),
                        floor=rng.randint(0, 4),
                        accessible=rng.random() < 0.2,
                        pets_allowed=rng.random() < 0.4,
                    )
                )
    Unit.objects.bulk_create(units)
    _tenancies(municipality, units, staff, rng, today)
    _waiting_plans(municipality, staff, rng, today)


def _agreements(municipality, landlord, today):
    start = today.replace(month=1, day=1) - timedelta(days=365 * 3)
    if landlord.kind == LandlordKind.PRIVATE:
        Agreement.objects.create(
            municipality=municipality,
            landlord=landlord,
            title="Aftale om boliger til borgere i hjemløshed",
            homes_per_year=6,
            starts_on=start,
            contact_persons="Udlejningschefen",
        )
    elif landlord.name.startswith("Slangerup"):
        Agreement.objects.create(
            municipality=municipality,
            landlord=landlord,
            title="Samarbejdsaftale om udvidet anvisning",
            share_percent=33,
            starts_on=start,
            contact_persons="Driftschef og boligsocial medarbejder",
            note="Samarbejdsaftale ud over almenboligloven § 59: 33 % af ledige familieboliger.",
        )
    else:
        Agreement.objects.create(
            municipality=municipality,
            landlord=landlord,
            title="Kommunal anvisningsret",
            share_percent=25,
            starts_on=start,
            contact_persons="Udlejningsafdelingen",
        )


def _tenancies(municipality, units, staff, rng, today):
    """A tenancy for each own-home period that follows homelessness or risk: same dates as the history."""
    periods = list(
        SituationPeriod.objects.filter(municipality=municipality)
        .order_by("person_id", "start_date", "id")
        .values_list("person_id", "situation", "start_date", "end_date")
    )
    free_from = {id(u): None for u in units}
    cheap = [u for u in units if u.rent <= 4500]
    rows = []
    for i, (person_id, situation, start, end) in enumerate(periods):
        if situation != "own_home" or i == 0 or periods[i - 1][0] != person_id:
            continue  # a home the person already had is not a placement
        pool = cheap if rng.random() < 0.8 else units
        candidates = [
            u
            for u in rng.sample(pool, min(25, len(pool)))
            if free_from[id(u)] is None or free_from[id(u)] <= start
        ]
        nxt = periods[i + 1] if i + 1 < len(periods) and periods[i + 1][0] == person_id else None
        unit = (
            candidates[0] if candidates and rng.random() < 0.85 else None
        )  # some homes are outside the stock
        if unit is not None:
            free_from[id(unit)] = end or today + timedelta(days=365 * 50)
        reason = ""
        if end:
            lost = nxt is not None and nxt[1] in HOMELESS
            reason = (
                rng.choice(
                    [
                        TenancyEndReason.EVICTED,
                        TenancyEndReason.EVICTED,
                        TenancyEndReason.ABANDONED,
                        TenancyEndReason.TERMINATED,
                    ]
                )
                if lost
                else TenancyEndReason.MOVED
            )
        eviction = (
            None if end or rng.random() > 0.05 else max(start, today - timedelta(days=rng.randint(3, 60)))
        )
        rows.append(
            Tenancy(
                municipality=municipality,
                person_id=person_id,
                unit=unit,
                address=unit.address if unit else f"{rng.choice(STREETS)} {rng.randint(1, 99)} (privat)",
                starts_on=start,
                ends_on=end,
                end_reason=reason,
                eviction_case_on=eviction,
                eviction_note="Huslejerestance; udlejer har indgivet begæring til fogedretten"
                if eviction
                else "",
                created_by=staff.get("housing_broker"),
            )
        )
    Tenancy.objects.bulk_create(rows)
    # bulk_create sends no signal: the homes' figures (the figures app) are marked stale here.
    figures.mark_stale(municipality)


def _waiting_plans(municipality, staff, rng, today):
    """Most people waiting on the needs list have a plan for the meantime (seed 004, 4.2); some lack one."""
    waiting = (
        Person.objects.filter(municipality=municipality, on_needs_list=True)
        .exclude(current_situation="own_home")
        .values_list("pk", "current_situation")
    )
    places = {
        "shelter": "Forsorgshjemmet",
        "sofa_surfer": "Hos familie eller venner",
        "street": "Natvarmestuen og gaden",
    }
    plans = []
    registered = dict(
        NeedsListEntry.objects.filter(municipality=municipality, removed_on__isnull=True).values_list(
            "person_id", "registered_on"
        )
    )
    for person_id, situation in waiting:
        if rng.random() < 0.3:
            continue
        plans.append(
            WaitingPlan(
                municipality=municipality,
                person_id=person_id,
                stays_at=places.get(situation, "Midlertidigt ophold"),
                supported_by=rng.choice(["CTI-medarbejder", "Gadeplansteamet", "Bostøtte (§ 85)"]),
                housing_plan=rng.choice(
                    [
                        "Anvisning via boligudvalget til almen familiebolig",
                        "Privat udlejer efter aftale; ansøgning om indskudslån",
                        "Ungdomsbolig efter dispensation",
                    ]
                ),
                recorded_on=registered.get(person_id) or today - timedelta(days=rng.randint(1, 60)),
                recorded_by=staff.get("housing_broker"),
            )
        )
    WaitingPlan.objects.bulk_create(plans)
