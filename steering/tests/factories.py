from datetime import date, timedelta

from steering.models import Goal


def make_goal(municipality, **kw) -> Goal:
    values = {
        "measure": "shelter",
        "direction": "at_most",
        "target": 15,
        "deadline": date.today() + timedelta(days=400),
        "owner": "Socialudvalget",
        "why": "Udviklingsmål 1",
        "baseline": 30,
        "baseline_on": date.today() - timedelta(days=100),
    }
    values.update(kw)
    return Goal.objects.create(municipality=municipality, **values)


def make_b_goal(world) -> Goal:
    existing = Goal.objects.filter(municipality=world.person_b.municipality).first()
    return existing or make_goal(world.person_b.municipality)
