"""Generated histories written through the services (people, housing, support), for the economy tests."""

import random
from datetime import date, timedelta

from accounts.roles import Role
from economy.models import Price
from housing import services as housing_services
from people import services as people_services
from support import services as support_services


def generate(actor, users, *, today: date, n: int = 24, seed: int = 11) -> None:
    """n citizens over the last four years: street, shelter stays, moving into a home (some losing it and
    returning to a shelter), support episodes by ICM, ACT and § 85 with pauses and ends."""
    rng = random.Random(seed)
    icm_worker = users[Role.SUPPORT_WORKER]
    support_services.worker_save(actor=actor, user=icm_worker, method="icm", team=None, caseload_limit=None)
    act_team = support_services.team_save(actor=actor, name="ACT-teamet", method="act")
    # An ACT team's places follow its staff (8 per staff member).
    support_services.worker_save(
        actor=actor, user=users[Role.LEADER], method="act", team=act_team, caseload_limit=None
    )
    for i in range(n):
        day = today - timedelta(days=rng.randint(700, 1500))
        person = people_services.person_create(
            actor=actor,
            first_name=f"Borger{i}",
            last_name="Økonomisen",
            situation=rng.choice(["street", "shelter", "shelter", "sofa_surfer"]),
            situation_start=day,
            birth_year=today.year - rng.randint(20, 60),
        )
        housed = False
        episode = None
        for _step in range(rng.randint(1, 5)):
            day = day + timedelta(days=rng.randint(20, 260))
            if day >= today - timedelta(days=2):
                break
            roll = rng.random()
            if not housed and roll < 0.35:
                tenancy = housing_services.tenancy_start(
                    actor=actor, person=person, starts_on=day, address=f"Testvej {i}"
                )
                housed = True
            elif housed and roll < 0.5:
                housing_services.tenancy_end(
                    actor=actor, tenancy=tenancy, ends_on=day, reason="evicted", next_situation="shelter"
                )
                housed = False
            elif not housed:
                people_services.situation_record(
                    actor=actor,
                    person=person,
                    situation=rng.choice(["shelter", "street", "hotel"]),
                    start_date=day,
                )
            if episode is None and rng.random() < 0.6:
                method = rng.choice(["icm", "act", "s85"])
                result = support_services.episode_start(
                    actor=actor,
                    person=person,
                    method=method,
                    start_date=day,
                    worker=icm_worker if method == "icm" else None,
                    team=act_team if method == "act" else None,
                    close_other_waits=False,
                )
                episode = result.episode
            elif episode is not None and episode.status == "active" and rng.random() < 0.3:
                support_services.episode_pause(actor=actor, episode=episode, on=day, reason="citizen_wish")
                episode.refresh_from_db()
            elif episode is not None and episode.status == "paused":
                support_services.episode_resume(
                    actor=actor, episode=episode, on=day, over_limit_acknowledged=True
                )
                episode.refresh_from_db()
            elif episode is not None and episode.status == "active" and rng.random() < 0.25:
                support_services.episode_end(actor=actor, episode=episode, on=day, reason="goals_reached")
                episode.refresh_from_db()


def make_b_price(world) -> Price:
    m = world.person_b.municipality
    price, _ = Price.objects.get_or_create(
        municipality=m, kind="s110_day", year=date.today().year, defaults={"amount": 987654, "unit": "day"}
    )
    return price
