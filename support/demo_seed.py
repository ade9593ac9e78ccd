"""Demo data for support (demo/loader.py calls seed() per municipality).

Sized for Frederikssund (seed 001: 28 homeless in the 2022 count, 70-150 on the housing needs list):
a CTI team of 2, an ICM team of 3 and a small ACT team of 4 (ACT's limit then follows the average, 4 x 8).
The demo support worker `stoettemedarbejder` has a full ICM caseload (8), so the leader page shows a
bottleneck and a short ICM waiting list; some episodes are paused or ended.
"""

from datetime import timedelta

from accounts.models import Membership, User
from accounts.roles import Role
from people.models import Contact, ContactKind, Person
from people.services import contact_summary_rebuild
from plans.methods import Method
from plans.models import ActionPlan

from . import conf
from .models import (
    EpisodeEvent,
    EpisodeStatus,
    HandOver,
    SupportEpisode,
    Team,
    WaitingListEntry,
    WorkerProfile,
)

PREFIX = "demo-stoette-"  # extra demo workers (no login), removed by reset()
EXTRA = [
    ("cti", "Carsten", "Dahl"),
    ("icm", "Ida", "Mortensen"),
    ("icm", "Ib", "Krogh"),
    ("act", "Asta", "Juhl"),
    ("act", "Arne", "Bech"),
    ("act", "Alma", "Vinther"),
    ("act", "Aksel", "Holt"),
]


def reset(municipalities):
    ids = [m.pk for m in municipalities]
    for model in (HandOver, WaitingListEntry, EpisodeEvent, SupportEpisode, WorkerProfile, Team):
        model.objects.filter(municipality_id__in=ids).delete()
    User.objects.filter(username__startswith=PREFIX).delete()


def seed(*, municipality, staff, rng, today, areas):
    main = staff.get(Role.SUPPORT_WORKER)
    if main is None:
        return
    teams = {
        m: Team.objects.create(municipality=municipality, name=f"{name} {municipality.name}", method=m)
        for m, name in (("cti", "CTI-teamet"), ("icm", "ICM-teamet"), ("act", "ACT-teamet"))
    }
    workers = {"cti": [], "icm": [main], "act": []}
    WorkerProfile.objects.create(municipality=municipality, user=main, method="icm", team=teams["icm"])
    for i, (method, first, last) in enumerate(EXTRA):
        user = User.objects.create(
            username=f"{PREFIX}{municipality.code}-{i}", first_name=first, last_name=last, is_active=False
        )
        Membership.objects.create(user=user, municipality=municipality, role=Role.SUPPORT_WORKER)
        WorkerProfile.objects.create(
            municipality=municipality,
            user=user,
            method=method,
            team=teams[method],
            also_section_85=(i == 2),
            caseload_limit=(5 if i == 2 else None),
        )
        workers[method].append(user)
    people = list(Person.objects.filter(municipality=municipality).order_by("id"))
    rng.shuffle(people)
    # People with an action plan (plans/demo_seed.py runs first) come first, so the demo support worker's
    # citizens have plans, and some of their reviews are due (set at the end).
    planned = _planned(municipality)
    people.sort(key=lambda p: p.pk not in planned)
    icm_limit = conf.caseload_limit("icm")
    plan = (
        [("icm", main)] * icm_limit
        + [("icm", workers["icm"][1])] * 6
        + [("icm", workers["icm"][2])] * 4
        + [("cti", workers["cti"][0])] * 7
        + [("act", None)] * 18
    )
    events, contacts = [], []
    for i, (method, worker) in enumerate(plan):
        if i >= len(people):
            break
        person = people[i]
        start = today - timedelta(days=rng.randint(20, 400 if method != "cti" else 250))
        episode = SupportEpisode(
            municipality=municipality,
            person=person,
            method=method,
            worker=worker,
            team=teams[method],
            start_date=start,
            status=EpisodeStatus.ACTIVE,
            status_since=start,
        )
        status_events = [("start", start, "")]
        if method != "icm" or worker is not main:
            if i % 9 == 0:
                on = start + timedelta(days=rng.randint(10, 19))
                episode.status, episode.status_since = EpisodeStatus.PAUSED, on
                status_events.append(("pause", on, "Længere fængselsophold"))
            elif i % 11 == 0:
                on = min(today, start + timedelta(days=rng.randint(15, 19)))
                episode.status, episode.status_since, episode.end_date = EpisodeStatus.ENDED, on, on
                episode.end_reason = "follow_on" if method == "cti" else "goals_reached"
                status_events.append(
                    ("end", on, "Opfølgende støtte er begyndt" if method == "cti" else "Målene er nået")
                )
        episode.save()
        if worker is not None:
            person.workers.add(worker)
        events += [
            EpisodeEvent(
                municipality=municipality, episode=episode, kind=k, on=on, reason=r, by=worker or main
            )
            for k, on, r in status_events
        ]
        # Contacts: most reached lately; every fourth not reached for a while, so persistence tasks show.
        stale = i % 4 == 0
        for k in range(rng.randint(2, 5)):
            back = rng.randint(16, 30) - k if stale else rng.randint(0, 12)
            contacts.append(
                Contact(
                    municipality=municipality,
                    person=person,
                    contacted_on=max(start, today - timedelta(days=back)),
                    kind=rng.choice(
                        [
                            ContactKind.HOME_VISIT,
                            ContactKind.PHONE,
                            ContactKind.TEXT,
                            ContactKind.NOTE_AT_DOOR,
                        ]
                    ),
                    reached=not stale,
                    note="",
                    recorded_by=worker or main,
                )
            )
    EpisodeEvent.objects.bulk_create(events)
    Contact.objects.bulk_create(contacts)
    contact_summary_rebuild({c.person_id for c in contacts})
    _reviews_due(municipality=municipality, worker=main, today=today)
    # A short ICM waiting list: unmet demand while ICM is full (seed 004, 3.1).
    for j, person in enumerate(people[len(plan) : len(plan) + 4]):
        WaitingListEntry.objects.create(
            municipality=municipality,
            person=person,
            method=Method.ICM if j < 3 else Method.CTI,
            team=teams["icm"] if j < 3 else None,
            since=today - timedelta(days=7 + 9 * j),
            refusal="ICM-teamet er fuldt: alle medarbejdere har deres loft af borgere."
            if j < 3
            else "CTI-teamet er fuldt.",
        )


REVIEWS_DUE_FOR_SUPPORT_WORKER = 5


def _planned(municipality) -> set[int]:
    return set(
        ActionPlan.objects.filter(municipality=municipality, is_current=True).values_list(
            "person_id", flat=True
        )
    )


def _reviews_due(*, municipality, worker, today):
    """Reviews on the demo support worker's front page: some of their citizens' plans due within the
    next days, some overdue (marked on the page)."""
    mine = SupportEpisode.objects.filter(
        municipality=municipality, worker=worker, status=EpisodeStatus.ACTIVE
    ).values("person_id")
    due = list(
        ActionPlan.objects.filter(municipality=municipality, is_current=True, person_id__in=mine).order_by(
            "person_id"
        )[:REVIEWS_DUE_FOR_SUPPORT_WORKER]
    )
    for i, plan in enumerate(due):
        ActionPlan.objects.filter(pk=plan.pk).update(next_review_on=today + timedelta(days=i - 2))
