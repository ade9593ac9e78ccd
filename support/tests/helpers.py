"""Builders for support tests, shared with the tenancy sweep and query-count tests."""
from datetime import timedelta

from django.utils import timezone

from accounts.roles import Role
from people.services import Actor
from support import services


def leader(users, municipality):
    return Actor(user=users[Role.LEADER], municipality=municipality, role=Role.LEADER, path="/test/")


def support_worker(users, municipality):
    return Actor(user=users[Role.SUPPORT_WORKER], municipality=municipality, role=Role.SUPPORT_WORKER, path="/test/")


def recent(days=20):
    return timezone.localdate() - timedelta(days=days)


def icm_setup(users, municipality, *, limit=None):
    """An ICM team with the support worker in it; returns (leader actor, worker actor, team)."""
    boss = leader(users, municipality)
    team = services.team_save(actor=boss, name="ICM-teamet", method="icm")
    services.worker_save(actor=boss, user=users[Role.SUPPORT_WORKER], method="icm", team=team, caseload_limit=limit)
    return boss, support_worker(users, municipality), team


def make_b_episode(world):
    """An ICM episode of municipality B's person (tenancy sweep FILLERS)."""
    from support.models import SupportEpisode

    existing = SupportEpisode.objects.filter(person=world.person_b).first()
    if existing:
        return existing
    from accounts.models import User

    municipality = world.person_b.municipality
    users = {m.role: m.user for m in __import__("accounts.models", fromlist=["Membership"]).Membership.objects
             .filter(municipality=municipality).select_related("user")}
    _, worker, _ = icm_setup(users, municipality)
    del User
    return services.episode_start(actor=worker, person=world.person_b, method="icm", start_date=recent(10),
                                  worker=users[Role.SUPPORT_WORKER]).episode


def make_b_team(world):
    from support.models import Team

    make_b_episode(world)
    return Team.objects.filter(municipality=world.person_b.municipality).first()


def make_b_wait(world):
    from support.models import WaitingListEntry

    make_b_episode(world)
    wait = WaitingListEntry.objects.filter(municipality=world.person_b.municipality).first()
    return wait or WaitingListEntry.objects.create(municipality=world.person_b.municipality, person=world.person_b,
                                                   method="cti", since=recent(5), refusal="Fuld")


def make_b_hand_over(world):
    from support.models import HandOver

    m = world.person_b.municipality
    return HandOver.objects.filter(municipality=m).first() or HandOver.objects.create(
        municipality=m, from_municipality=m, name="Bodil Bornholmsen", method="icm", handed_over_on=recent(1))
