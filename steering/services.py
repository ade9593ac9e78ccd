"""Writes of goals: only leaders set them; each change is logged with before and after values and kept
as a version (django-pghistory)."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.access import Actor, actor_log, require
from accounts.roles import Capability
from audit.models import Action

from . import catalogue, selectors
from .errors import GoalDataError
from .models import Direction, Goal, GoalChange

PURPOSE = "Mål for indsatsen mod hjemløshed"
FIELDS = ("measure", "direction", "target", "deadline", "owner", "why")


def _snapshot(goal: Goal) -> dict:
    return {k: str(getattr(goal, k)) for k in FIELDS + ("archived_on",)}


def _validated(*, measure: str, direction: str, target, deadline: date | None, owner: str, today: date):
    m = catalogue.measure(measure)
    if m is None:
        raise GoalDataError("measure", _("Vælg et af måltallene på listen."))
    if direction not in Direction.values:
        raise GoalDataError("direction", _("Vælg om målet er et højeste eller et mindste tal."))
    try:
        value = Decimal(str(target))
    except (InvalidOperation, ValueError):
        raise GoalDataError("target", _("Skriv målet som et tal, fx 15.")) from None
    if not value.is_finite() or value < 0 or value > Decimal("9999999"):
        raise GoalDataError("target", _("Målet skal være et tal mellem 0 og 9.999.999."))
    if deadline is None:
        raise GoalDataError("deadline", _("Giv målet en frist."))
    if deadline <= today:
        raise GoalDataError("deadline", _("Fristen skal ligge efter i dag."))
    if deadline.year > today.year + 25:
        raise GoalDataError("deadline", _("Fristen kan højst ligge 25 år ude i fremtiden."))
    owner = (owner or "").strip()
    if not owner:
        raise GoalDataError("owner", _("Skriv hvem der er ansvarlig for målet."))
    return value.quantize(Decimal("0.1")), owner


@transaction.atomic
def goal_save(
    *,
    actor: Actor,
    measure: str,
    direction: str,
    target,
    deadline: date | None,
    owner: str,
    why: str = "",
    baseline: float | None = None,
    today: date,
    goal: Goal | None = None,
) -> Goal:
    """Create a goal (its starting point is the measure's value today, read here unless given, as the demo
    does for a goal set half a year ago) or change one (its starting point stays)."""
    require(actor, Capability.STEER)
    value, owner = _validated(
        measure=measure, direction=direction, target=target, deadline=deadline, owner=owner, today=today
    )
    if goal is not None and goal.archived_on is not None:
        raise GoalDataError(None, _("Et afsluttet mål kan ikke ændres."))
    before = {} if goal is None else _snapshot(goal)
    if goal is None or goal.measure != measure:
        goal = goal or Goal(municipality=actor.municipality, created_by=actor.user)
        if baseline is None:
            baseline = selectors.current_value(selectors.homelessness(actor, today=today), measure)
        # A new measure starts from its own value today: the path runs from there.
        goal.baseline = None if baseline is None else Decimal(str(baseline)).quantize(Decimal("0.1"))
        goal.baseline_on = today
    goal.measure, goal.direction, goal.target = measure, direction, value
    goal.deadline, goal.owner, goal.why = deadline, owner, (why or "").strip()
    goal.save()
    after = _snapshot(goal)
    changes = {k: [before.get(k, ""), v] for k, v in after.items() if before.get(k) != v}
    _record(actor, goal, Action.UPDATE if before else Action.CREATE, changes)
    return goal


def _record(actor: Actor, goal: Goal, action, changes: dict) -> None:
    GoalChange.objects.create(
        municipality=actor.municipality,
        goal=goal,
        user=actor.user,
        user_label=actor.user.get_full_name() or actor.user.get_username(),
        changes=changes,
    )
    actor_log(actor, action, PURPOSE, detail=f"mål {goal.pk}", changes=changes)


@transaction.atomic
def goal_archive(*, actor: Actor, goal: Goal, today: date) -> Goal:
    """Close a goal (reached, dropped or replaced): it leaves the front page and keeps its history."""
    require(actor, Capability.STEER)
    if goal.archived_on is not None:
        return goal
    goal.archived_on = today
    goal.save(update_fields=["archived_on", "updated_at"])
    actor_log(
        actor,
        Action.UPDATE,
        PURPOSE,
        detail=f"mål {goal.pk} afsluttet",
        changes={"archived_on": ["", str(today)]},
    )
    return goal
