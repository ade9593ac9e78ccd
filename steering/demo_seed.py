"""Demo goals for the leaders' front page (called by demo/loader.py): the kind of goals the municipal plans
set (seed 000's development goal 1, fewer citizens at forsorgshjem; Built for Zero's 45 days to a home;
seed 001's young people), set half a year ago from the values then, so progress and trend mean something.
Targets follow the demo's own figures: one goal on its way, one behind, one reached or close."""

from datetime import date, timedelta

from accounts.access import Actor
from accounts.roles import Role
from people.aggregates import compute_measures

from . import selectors, services
from .models import Goal

GOALS = [
    # measure, share of the value half a year ago as target, direction, owner, why
    (
        "shelter",
        0.5,
        "at_most",
        "Social- og Sundhedsudvalget",
        "Udviklingsmål 1: færre borgere bor på forsorgshjem og herberg; alle får tilbudt en bolig og den støtte, "
        "de har brug for.",
    ),
    (
        "days_to_housing",
        None,
        "at_most",
        "Ledernetværket og den boligsociale anviser",
        "Built for Zero: højst 45 dage i gennemsnit fra en borger kendes, til borgeren har sin egen bolig.",
    ),
    (
        "young",
        0.7,
        "at_most",
        "Ungeindsatsen",
        "Kommunens plan: ingen unge skal leve i hjemløshed; mørketallet for unge er stort.",
    ),
]


def _end_of_next_year(today: date) -> date:
    return date(today.year + 1, 12, 31)


def reset(municipalities) -> None:
    Goal.objects.filter(municipality__in=municipalities).delete()


def seed(*, municipality, staff, rng, today, areas) -> None:
    leader = staff.get(Role.LEADER)
    if leader is None:
        return
    actor = Actor(user=leader, municipality=municipality, role=Role.LEADER, path="/demo/")
    set_on = today - timedelta(days=182)
    then = compute_measures(municipality, set_on)
    for code, share, direction, owner, why in GOALS:
        baseline = selectors.current_value(then, code)
        if baseline is None:
            continue
        target = 45 if code == "days_to_housing" else max(0, round(baseline * share))
        goal = services.goal_save(
            actor=actor,
            measure=code,
            direction=direction,
            target=target,
            deadline=_end_of_next_year(today),
            owner=owner,
            why=why,
            baseline=baseline,
            today=today,
        )
        Goal.objects.filter(pk=goal.pk).update(baseline_on=set_on)
