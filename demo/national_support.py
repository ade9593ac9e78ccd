"""Homes and support at national scale (issues 3 and 4): called by demo.national.load_national at the
end of its load, inside the same transaction and system access, so every page has realistic data.

Per municipality: the default unit types, a few landlords and units, a tenancy for each person whose
current situation is own home (from their situation_since), CTI/ICM/ACT teams, support workers (user,
membership as support worker, worker profile; about one worker per 8 active episodes) and support
episodes with their start event for most people on the active list and most recently housed people.
The caseload rules hold: CTI at most 10 and ICM at most 8 active episodes per worker, an ACT team at
most its maximum (support/capacity.py); demand beyond the ACT team goes to ICM.

Rows go in with bulk_create in batches; the history triggers (pghistory) of these tables are off during
the load, as for the case tables: generated rows have no acting user or request to record.
"""

import math
import random
import zlib
from collections import defaultdict
from datetime import date, timedelta

from django.db import connection

from accounts.models import Membership, User
from accounts.roles import Role
from housing.models import Agreement, Landlord, LandlordKind, Tenancy, Unit, UnitType, WaitingPlan
from housing.services import unit_types_ensure_defaults
from people.models import Person
from plans.methods import Method
from support.conf import DEFAULTS
from support.models import (
    EndReason,
    EpisodeEvent,
    EpisodeStatus,
    EventKind,
    HandOver,
    SupportEpisode,
    Team,
    WaitingListEntry,
    WorkerProfile,
)
from tenants.models import Municipality

USERNAME_PREFIX = "natl-"
TEAM_SIZE = 12  # CTI/ICM workers per team
WAITING_SHARE = 0.15  # of the people on the active list without an episode
BATCH = 5000
ACTIVE = ("newly_identified", "returned_from_housing", "returned_from_inactive")
# Tables this module fills; emptied on --reset (people's CASCADE does not reach teams, units or types).
TABLES = [
    EpisodeEvent,
    WaitingListEntry,
    HandOver,
    SupportEpisode,
    WorkerProfile,
    Team,
    WaitingPlan,
    Tenancy,
    Unit,
    Agreement,
    Landlord,
    UnitType,
]
LOADED = [
    EpisodeEvent,
    WaitingListEntry,
    SupportEpisode,
    WorkerProfile,
    Team,
    Tenancy,
    Unit,
    Agreement,
    Landlord,
    UnitType,
]
LANDLORDS = [
    ("Boligselskabet {name}", LandlordKind.HOUSING_ORGANISATION),
    ("{name} Almene Boliger", LandlordKind.HOUSING_ORGANISATION),
    ("Ejendomsselskabet {name} ApS", LandlordKind.PRIVATE),
]
STREETS = [
    "Nørregade",
    "Søndergade",
    "Vestergade",
    "Østergade",
    "Skolevej",
    "Kirkevej",
    "Stationsvej",
    "Parkvej",
    "Engvej",
    "Møllevej",
    "Bakkevej",
    "Skovvej",
]
FIRST = [
    "Anne",
    "Mette",
    "Louise",
    "Camilla",
    "Sara",
    "Peter",
    "Jens",
    "Morten",
    "Søren",
    "Mads",
    "Rasmus",
    "Line",
]
LAST = [
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
]


def reset(cursor) -> None:
    """Empty the homes and support tables and remove the generated workers (a scale-only database)."""
    cursor.execute("TRUNCATE " + ", ".join(m._meta.db_table for m in TABLES) + " CASCADE")
    users = User.objects.filter(username__startswith=USERNAME_PREFIX)
    Membership.objects.filter(user__in=users).delete()
    Person.workers.through.objects.filter(user__in=users).delete()
    users.delete()


def load_support(
    *, municipalities: dict[str, int], names: dict[str, str], today: date, seed: int, out=print
) -> dict[str, int]:
    """Fill homes and support for the given municipalities (code -> pk). Returns row counts."""
    counts = defaultdict(int)
    with connection.cursor() as cursor:
        for model in LOADED:
            cursor.execute(f"ALTER TABLE {model._meta.db_table} DISABLE TRIGGER USER")
        for code, mid in municipalities.items():
            rng = random.Random(zlib.crc32(f"{seed}:support:{code}".encode()))
            _municipality(rng, mid, code, names[code], today, counts)
        # Django's foreign keys are deferred: check them now, as ALTER TABLE refuses pending trigger events.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for model in LOADED:
            cursor.execute(f"ALTER TABLE {model._meta.db_table} ENABLE TRIGGER USER")
            cursor.execute(f"ANALYZE {model._meta.db_table}")
    out("Boliger og støtte: " + ", ".join(f"{n:,} {k}" for k, n in counts.items()))
    return dict(counts)


def _municipality(rng: random.Random, mid: int, code: str, name: str, today: date, counts) -> None:
    unit_types_ensure_defaults(Municipality.objects.get(pk=mid))
    types = {t.code: t for t in UnitType.objects.filter(municipality_id=mid)}
    people = list(
        Person.objects.filter(municipality_id=mid)
        .order_by("id")
        .values_list(
            "id", "current_status", "current_situation", "situation_since", "status_since", "identified_on"
        )
    )

    # Homes: landlords, an agreement with the housing organisation, units, tenancies.
    landlords = Landlord.objects.bulk_create(
        [
            Landlord(municipality_id=mid, name=pattern.format(name=name), kind=kind)
            for pattern, kind in LANDLORDS
        ]
    )
    Agreement.objects.bulk_create(
        [
            Agreement(
                municipality_id=mid,
                landlord=landlords[0],
                title="Anvisningsaftale",
                share_percent=25,
                starts_on=today - timedelta(days=3 * 365),
            )
        ]
    )
    housed = [p for p in people if p[2] == "own_home" and p[3]]
    in_units = housed[: math.ceil(len(housed) * 0.6)]
    vacant = 3 + len(housed) // 20
    units = []
    for i in range(len(in_units) + vacant):
        ordinary = rng.random() < 0.85
        kind = (
            rng.choice(["social_family", "social_family", "private", "youth"])
            if ordinary
            else rng.choice(["skaev", "category"])
        )
        rooms = rng.choice([1, 1, 2, 2, 3])
        units.append(
            Unit(
                municipality_id=mid,
                landlord=landlords[2 if kind == "private" else i % 2],
                unit_type=types[kind],
                address=f"{rng.choice(STREETS)} {rng.randint(1, 120)}, {rng.randint(1, 4)}. tv.",
                area=name,
                rooms=rooms,
                size_m2=25 + 20 * rooms + rng.randint(0, 15),
                rent=3000 + 1500 * rooms + rng.randint(0, 20) * 100,
                utilities=rng.randint(3, 9) * 100,
                floor=rng.randint(0, 4),
                accessible=rng.random() < 0.2,
                shared=kind == "category",
            )
        )
    units = Unit.objects.bulk_create(units, batch_size=BATCH)
    tenancies = [
        Tenancy(
            municipality_id=mid,
            person_id=p[0],
            unit=units[i] if i < len(in_units) else None,
            address=units[i].address if i < len(in_units) else f"{rng.choice(STREETS)} {rng.randint(1, 120)}",
            starts_on=p[3],
        )
        for i, p in enumerate(housed)
    ]
    Tenancy.objects.bulk_create(tenancies, batch_size=BATCH)
    counts["landlords"] += len(landlords)
    counts["units"] += len(units)
    counts["tenancies"] += len(tenancies)

    # Support: who gets an episode, with which method and status.
    recent = today - timedelta(days=730)
    plans = []  # (person id, method, start, status, status_since, end)
    for pid, status, situation, sit_since, status_since, identified in people:
        if status in ACTIVE:
            if rng.random() >= 0.55:
                continue
            earliest = max(status_since or identified or today, today - timedelta(days=540))
        elif situation == "own_home" and sit_since and sit_since >= recent:
            if rng.random() >= 0.85:
                continue
            earliest = max(identified or sit_since, sit_since - timedelta(days=90))
        else:
            continue
        start = earliest + timedelta(days=rng.randint(0, max(0, (today - earliest).days)))
        start = min(start, today)
        method = _pick(rng, [(Method.CTI, 40), (Method.ICM, 40), (Method.ACT, 20)])
        r = rng.random()
        span = (today - start).days
        if r < 0.08 and span > 1:
            on = start + timedelta(days=rng.randint(1, span))
            plans.append([pid, method, start, EpisodeStatus.ENDED, on, on])
        elif r < 0.15 and span > 1:
            plans.append(
                [pid, method, start, EpisodeStatus.PAUSED, start + timedelta(days=rng.randint(1, span)), None]
            )
        else:
            plans.append([pid, method, start, EpisodeStatus.ACTIVE, start, None])
    act_max = DEFAULTS["ACT_TEAM_MAX"]
    act_active = 0
    for plan in plans:  # the ACT team takes at most its maximum; beyond it ICM
        if plan[1] == Method.ACT and plan[3] == EpisodeStatus.ACTIVE:
            act_active += 1
            if act_active > act_max:
                plan[1] = Method.ICM

    per_worker = DEFAULTS["ACT_PER_STAFF"]  # about one worker per 8 active episodes, in every method
    n_workers = {
        m: max(1, math.ceil(sum(1 for p in plans if p[1] == m and p[3] == EpisodeStatus.ACTIVE) / per_worker))
        for m in (Method.CTI, Method.ICM, Method.ACT)
    }
    # CTI and ICM teams of at most TEAM_SIZE workers (a large municipality has several); one ACT team.
    team_list = {
        m: [
            Team(
                municipality_id=mid,
                method=m.value,
                name=f"{m.value.upper()}-teamet" if k == 1 else f"{m.value.upper()}-team {i + 1}",
            )
            for i in range(k)
        ]
        for m in n_workers
        for k in [1 if m == Method.ACT else math.ceil(n_workers[m] / TEAM_SIZE)]
    }
    Team.objects.bulk_create([t for ts in team_list.values() for t in ts])
    workers: dict[Method, list] = {}
    team_of: dict[int, Team] = {}
    profiles, memberships = [], []
    for m in (Method.CTI, Method.ICM, Method.ACT):
        users = [
            User(
                username=f"{USERNAME_PREFIX}{code}-{m.value}-{i + 1}",
                first_name=rng.choice(FIRST),
                last_name=rng.choice(LAST),
                is_active=True,
            )
            for i in range(n_workers[m])
        ]
        for u in users:
            u.set_unusable_password()
        users = User.objects.bulk_create(users, batch_size=BATCH)
        workers[m] = users
        for i, u in enumerate(users):
            team_of[u.pk] = team_list[m][min(i // TEAM_SIZE, len(team_list[m]) - 1)]
        memberships += [Membership(user=u, municipality_id=mid, role=Role.SUPPORT_WORKER) for u in users]
        profiles += [
            WorkerProfile(
                municipality_id=mid,
                user=u,
                method=m.value,
                team=team_of[u.pk],
                also_section_85=rng.random() < 0.3,
            )
            for u in users
        ]
    Membership.objects.bulk_create(memberships, batch_size=BATCH)
    WorkerProfile.objects.bulk_create(profiles, batch_size=BATCH)

    # Round robin over the method's workers: active episodes per worker at most ceil(active / workers) <= 8.
    turn = dict.fromkeys(workers, 0)
    other_turn = dict.fromkeys(workers, 0)
    episodes = []
    for pid, method, start, status, since, end in plans:
        staff = workers[method]
        if status == EpisodeStatus.ACTIVE:
            worker = staff[turn[method] % len(staff)]
            turn[method] += 1
        else:
            worker = staff[other_turn[method] % len(staff)]
            other_turn[method] += 1
        episodes.append(
            SupportEpisode(
                municipality_id=mid,
                person_id=pid,
                method=method.value,
                worker=worker,
                team=team_of[worker.pk],
                start_date=start,
                status=status.value,
                status_since=since,
                end_date=end,
                end_reason=(EndReason.FOLLOW_ON if method == Method.CTI else EndReason.GOALS_REACHED).value
                if end
                else "",
            )
        )
    episodes = SupportEpisode.objects.bulk_create(episodes, batch_size=BATCH)
    events = [
        EpisodeEvent(municipality_id=mid, episode=e, kind=EventKind.START.value, on=e.start_date)
        for e in episodes
    ]
    for e in episodes:
        if e.status == EpisodeStatus.PAUSED:
            events.append(
                EpisodeEvent(
                    municipality_id=mid,
                    episode=e,
                    kind=EventKind.PAUSE.value,
                    on=e.status_since,
                    reason="Længere fængselsophold",
                )
            )
        elif e.status == EpisodeStatus.ENDED:
            events.append(
                EpisodeEvent(
                    municipality_id=mid,
                    episode=e,
                    kind=EventKind.END.value,
                    on=e.end_date,
                    reason=EndReason(e.end_reason).label,
                )
            )
    EpisodeEvent.objects.bulk_create(events, batch_size=BATCH)
    own = {(e.person_id, e.worker_id) for e in episodes if e.status != EpisodeStatus.ENDED}
    Person.workers.through.objects.bulk_create(
        [Person.workers.through(person_id=p, user_id=u) for p, u in own],
        batch_size=BATCH,
        ignore_conflicts=True,
    )
    # Unmet demand: some people on the active list without support wait for CTI or ICM (seed 004, 3.1).
    supported = {p[0] for p in plans}
    waits = [
        WaitingListEntry(
            municipality_id=mid,
            person_id=pid,
            method=method.value,
            team=team_list[method][0],
            since=today - timedelta(days=rng.randint(0, 150)),
            refusal=f"{team_list[method][0].name} er fuldt: alle medarbejdere har deres loft af borgere.",
        )
        for pid, status, *_ in people
        if status in ACTIVE and pid not in supported and rng.random() < WAITING_SHARE
        for method in [_pick(rng, [(Method.CTI, 40), (Method.ICM, 60)])]
    ]
    WaitingListEntry.objects.bulk_create(waits, batch_size=BATCH)
    counts["waiting"] += len(waits)
    counts["teams"] += sum(len(ts) for ts in team_list.values())
    counts["workers"] += len(profiles)
    counts["episodes"] += len(episodes)
    counts["episode events"] += len(events)


def _pick(rng: random.Random, weighted):
    total = sum(w for _, w in weighted)
    r = rng.uniform(0, total)
    for value, w in weighted:
        r -= w
        if r <= 0:
            return value
    return weighted[-1][0]
