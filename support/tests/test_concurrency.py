"""Caseload limits hold under concurrency (issue 9, item 8), proven on PostgreSQL: 20 starts on one ICM
worker who has room for one more, sent at the same instant through real requests, each thread with
its own connection. Exactly one starts; the other 19 land on the waiting list; nobody gets a 500."""

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from conftest import make_user
from core.testing import at_once
from support import services
from support.models import EpisodeStatus, SupportEpisode, WaitingListEntry

from .helpers import icm_setup, leader, recent

N = 20

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks and concurrent connections need PostgreSQL"
    ),
]


def fire(requests):
    """POST every (client, url, data) at the same moment; returns the responses (or the exceptions)."""
    return at_once([lambda c=c, u=u, d=d: c.post(u, d) for c, u, d in requests])


def leaders(municipality, n):
    out = []
    for i in range(n):
        client = Client(raise_request_exception=False)
        client.force_login(make_user(municipality, Role.LEADER, f"leder{i}"))
        out.append(client)
    return out


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_starts_on_a_worker_with_one_place_left_start_exactly_one(
    municipality_a, users_a, worker_a, person_factory
):
    _, worker, _ = icm_setup(users_a, municipality_a)
    for i in range(7):  # 7 of 8
        services.episode_start(
            actor=worker,
            person=person_factory(worker_a, first_name=f"Har{i}", start=recent(30)),
            method="icm",
            start_date=recent(),
            worker=worker.user,
        )
    people = [person_factory(worker_a, first_name=f"Ny{i}", start=recent(30)) for i in range(N)]
    data = {
        "method": "icm",
        "worker": str(worker.user.pk),
        "team": "",
        "start_date": recent().isoformat(),
        "method_reason": "",
    }
    results = fire(
        [
            (c, reverse("support:episode_start", args=[p.pk]), data)
            for c, p in zip(leaders(municipality_a, N), people)
        ]
    )

    crashes = [r for r in results if isinstance(r, Exception) or r.status_code >= 500]
    assert not crashes, crashes[:3]
    assert sorted(r.status_code for r in results).count(302) == 1
    assert SupportEpisode.objects.filter(worker=worker.user, status=EpisodeStatus.ACTIVE).count() == 8
    assert SupportEpisode.objects.filter(person__in=people).count() == 1
    assert (
        WaitingListEntry.objects.filter(person__in=people, method="icm", closed_on__isnull=True).count()
        == N - 1
    )


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_starts_on_a_full_act_team_start_exactly_one(
    municipality_a, users_a, worker_a, person_factory
):
    boss = leader(users_a, municipality_a)
    team = services.team_save(actor=boss, name="ACT Syd", method="act", max_citizens=3)
    services.worker_save(actor=boss, user=users_a[Role.SUPPORT_WORKER], method="act", team=team)
    for i in range(2):  # 2 of 3
        services.episode_start(
            actor=boss,
            person=person_factory(worker_a, first_name=f"Har{i}", start=recent(30)),
            method="act",
            start_date=recent(),
            team=team,
        )
    people = [person_factory(worker_a, first_name=f"Ny{i}", start=recent(30)) for i in range(N)]
    data = {
        "method": "act",
        "worker": "",
        "team": str(team.pk),
        "start_date": recent().isoformat(),
        "method_reason": "",
    }
    results = fire(
        [
            (c, reverse("support:episode_start", args=[p.pk]), data)
            for c, p in zip(leaders(municipality_a, N), people)
        ]
    )

    assert not [r for r in results if isinstance(r, Exception) or r.status_code >= 500]
    assert SupportEpisode.objects.filter(team=team, status=EpisodeStatus.ACTIVE).count() == 3
    assert (
        WaitingListEntry.objects.filter(person__in=people, method="act", closed_on__isnull=True).count()
        == N - 1
    )


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_resumes_on_a_worker_with_one_place_left_resume_exactly_one(
    municipality_a, users_a, worker_a, person_factory
):
    _, worker, _ = icm_setup(users_a, municipality_a)
    paused = []
    for batch in (
        8,
        8,
        4,
    ):  # 20 citizens on a pause (e.g. long prison stays), never more than 8 active at once
        started = [
            services.episode_start(
                actor=worker,
                person=person_factory(worker_a, first_name=f"P{len(paused)}{i}", start=recent(60)),
                method="icm",
                start_date=recent(40),
                worker=worker.user,
            ).episode
            for i in range(batch)
        ]
        for e in started:
            services.episode_pause(actor=worker, episode=e, on=recent(30), reason="long_prison")
        paused += started
    for i in range(7):  # 7 of 8 active
        services.episode_start(
            actor=worker,
            person=person_factory(worker_a, first_name=f"A{i}", start=recent(60)),
            method="icm",
            start_date=recent(20),
            worker=worker.user,
        )
    data = {"on": recent(1).isoformat(), "reason": ""}
    results = fire(
        [
            (c, reverse("support:episode_resume", args=[e.pk]), data)
            for c, e in zip(leaders(municipality_a, N), paused)
        ]
    )

    assert not [r for r in results if isinstance(r, Exception) or r.status_code >= 500]
    assert sorted(r.status_code for r in results).count(302) == 1
    assert SupportEpisode.objects.filter(worker=worker.user, status=EpisodeStatus.ACTIVE).count() == 8
