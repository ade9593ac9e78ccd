"""Builders for support tests, shared with the tenancy sweep and query-count tests."""

from datetime import timedelta

from django.utils import timezone

from accounts.access import Actor
from accounts.roles import Role
from support import services


def leader(users, municipality):
    return Actor(user=users[Role.LEADER], municipality=municipality, role=Role.LEADER, path="/test/")


def support_worker(users, municipality):
    return Actor(
        user=users[Role.SUPPORT_WORKER], municipality=municipality, role=Role.SUPPORT_WORKER, path="/test/"
    )


def recent(days=20):
    return timezone.localdate() - timedelta(days=days)


def icm_setup(users, municipality, *, limit=None):
    """An ICM team with the support worker in it; returns (leader actor, worker actor, team)."""
    boss = leader(users, municipality)
    team = services.team_save(actor=boss, name="ICM-teamet", method="icm")
    services.worker_save(
        actor=boss, user=users[Role.SUPPORT_WORKER], method="icm", team=team, caseload_limit=limit
    )
    return boss, support_worker(users, municipality), team


def make_b_episode(world):
    """An ICM episode, team, worker profile, wait and hand-over of municipality B, made directly in the
    tables (not through the services, which would write B's access log before the sweep compares it)."""
    from support.models import EpisodeEvent, HandOver, SupportEpisode, Team, WaitingListEntry, WorkerProfile

    m = world.person_b.municipality
    existing = SupportEpisode.objects.filter(person=world.person_b).first()
    if existing:
        return existing
    team = Team.objects.create(municipality=m, name="ICM Odense", method="icm")
    WorkerProfile.objects.create(municipality=m, user=world.user_b, method="icm", team=team)
    episode = SupportEpisode.objects.create(
        municipality=m,
        person=world.person_b,
        method="icm",
        worker=world.user_b,
        team=team,
        start_date=recent(10),
        status_since=recent(10),
    )
    EpisodeEvent.objects.create(municipality=m, episode=episode, kind="start", on=recent(10))
    WaitingListEntry.objects.create(
        municipality=m, person=world.person_b, method="cti", since=recent(5), refusal="Fuld"
    )
    HandOver.objects.create(
        municipality=m, from_municipality=m, name="Bodil Bornholmsen", method="icm", handed_over_on=recent(1)
    )
    return episode


def make_b_team(world):
    from support.models import Team

    make_b_episode(world)
    return Team.objects.get(municipality=world.person_b.municipality)


def make_b_wait(world):
    from support.models import WaitingListEntry

    make_b_episode(world)
    return WaitingListEntry.objects.get(municipality=world.person_b.municipality)


def make_b_hand_over(world):
    from support.models import HandOver

    make_b_episode(world)
    return HandOver.objects.get(municipality=world.person_b.municipality)
