"""Reads of the implementation plan, the networks and the Landkort, in the actor's municipality. Everyone who
sees the leaders' figures may read them (Capability.VIEW_FIGURES); no citizen is shown, so no read is logged.
Members and contact persons are staff."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Count, Max, Prefetch
from django.urls import reverse

from accounts.access import require
from accounts.models import Membership
from accounts.roles import Capability, has_capability
from core.pagination import page_of
from steering import municipal_plan
from steering import selectors as steering_selectors

from . import conf
from . import principles as hf_principles
from . import status as rules
from .models import (
    ActorKind,
    FocusArea,
    Initiative,
    InitiativeStatusChange,
    MapActor,
    Meeting,
    Network,
    NetworkMember,
    Status,
)


def focus_areas(actor):
    require(actor, Capability.VIEW_FIGURES)
    return FocusArea.objects.filter(municipality=actor.municipality)


def focus_area_get(actor, pk: int) -> FocusArea:
    return focus_areas(actor).get(pk=pk)


def initiatives(actor):
    require(actor, Capability.VIEW_FIGURES)
    return Initiative.objects.filter(municipality=actor.municipality)


def initiative_get(actor, pk: int) -> Initiative:
    return initiatives(actor).select_related("focus_area").prefetch_related("goals").get(pk=pk)


def _status_counts(items) -> list[dict]:
    c = rules.counts(i.status for i in items)
    return [{"status": s, "label": Status(s).label, "count": c[s]} for s in rules.ORDER]


def plan(actor, *, today: date) -> dict:
    """The plan grouped by focus area in their order: each initiative with whether it is overdue and the
    titles of the principles it serves; status counts per focus area and for the whole plan. Three queries
    (focus areas, initiatives, their goals); a plan is bounded (conf MAX_INITIATIVES)."""
    require(actor, Capability.VIEW_FIGURES)
    areas = list(focus_areas(actor))
    items = list(initiatives(actor).prefetch_related("goals").order_by("deadline", "id"))
    by_area: dict[int, list] = {}
    for i in items:
        by_area.setdefault(i.focus_area_id, []).append(
            {
                "initiative": i,
                "overdue": rules.is_overdue(status=i.status, deadline=i.deadline, today=today),
                "principles": [hf_principles.title(n) for n in i.principles],
            }
        )
    groups = [
        {
            "area": a,
            "rows": by_area.get(a.pk, []),
            "counts": _status_counts([r["initiative"] for r in by_area.get(a.pk, [])]),
            "overdue": sum(r["overdue"] for r in by_area.get(a.pk, [])),
        }
        for a in areas
    ]
    return {
        "today": today,
        "groups": groups,
        "counts": _status_counts(items),
        "total": len(items),
        "overdue": sum(g["overdue"] for g in groups),
    }


def initiative_history(actor, initiative: Initiative) -> list[dict]:
    """Every status the initiative was given, newest first: who, when, from, to and the note."""
    require(actor, Capability.VIEW_FIGURES)
    rows = InitiativeStatusChange.objects.filter(municipality=actor.municipality, initiative=initiative)
    return [
        {
            "at": c.at,
            "by": c.user_label,
            "from": Status(c.from_status).label if c.from_status else "",
            "to": Status(c.to_status).label,
            "note": c.note,
            "created": not c.from_status,
        }
        for c in rows[:200]
    ]


def status_report(actor, *, today: date) -> dict:
    """The plan's status for the political committee: per focus area its initiatives with status, owner,
    deadline and the latest note (the newest status change's note, else the initiative's notes), and the
    linked goals with their progress (steering.selectors.goal_progress)."""
    data = plan(actor, today=today)
    ids = [r["initiative"].pk for g in data["groups"] for r in g["rows"]]
    latest: dict[int, str] = {}
    for c in (
        InitiativeStatusChange.objects.filter(municipality=actor.municipality, initiative_id__in=ids)
        .exclude(note="")
        .order_by("initiative_id", "-at", "-id")
        .values("initiative_id", "note")
    ):
        latest.setdefault(c["initiative_id"], c["note"])
    progress = {p["goal"].pk: p for p in steering_selectors.goal_progress(actor, today=today)} if ids else {}
    for g in data["groups"]:
        for r in g["rows"]:
            i = r["initiative"]
            r["latest_note"] = latest.get(i.pk) or i.notes
            r["goals"] = [progress[goal.pk] for goal in i.goals.all() if goal.pk in progress]
    return data


def plan_summary(actor) -> municipal_plan.PlanSummary | None:
    """The link to the plan and its focus areas, for steering's pages (registered in apps.py)."""
    if not has_capability(actor.role, Capability.VIEW_FIGURES):
        return None
    titles = [f"{a.number}. {a.title}" for a in focus_areas(actor).only("number", "title")]
    return municipal_plan.PlanSummary(url=reverse("implementation:plan"), focus_areas=titles)


def goal_choices(actor):
    """The municipality's open goals, to link an initiative to."""
    return steering_selectors.goals(actor)


# --- networks ---------------------------------------------------------------------------------------------


def networks(actor):
    """The networks with their number of members and latest meeting."""
    require(actor, Capability.VIEW_FIGURES)
    return Network.objects.filter(municipality=actor.municipality).annotate(
        member_count=Count("members", distinct=True), last_meeting=Max("meetings__held_on")
    )


def network_get(actor, pk: int) -> Network:
    require(actor, Capability.VIEW_FIGURES)
    return (
        Network.objects.filter(municipality=actor.municipality)
        .prefetch_related(Prefetch("members", queryset=NetworkMember.objects.select_related("user")))
        .get(pk=pk)
    )


def network_meetings(actor, network: Network, page_number):
    """One page of the network's meetings, newest first."""
    require(actor, Capability.VIEW_FIGURES)
    qs = Meeting.objects.filter(municipality=actor.municipality, network=network).order_by("-held_on", "-id")
    return page_of(qs, page_number, size=conf.value("LIST_PAGE_SIZE"))


def member_get(actor, pk: int) -> NetworkMember:
    require(actor, Capability.VIEW_FIGURES)
    return NetworkMember.objects.filter(municipality=actor.municipality).get(pk=pk)


def meeting_get(actor, pk: int) -> Meeting:
    require(actor, Capability.VIEW_FIGURES)
    return Meeting.objects.filter(municipality=actor.municipality).select_related("network").get(pk=pk)


def member_user_choices(actor):
    """The municipality's users, for linking a network member to their user."""
    require(actor, Capability.STEER)
    ids = Membership.objects.filter(municipality=actor.municipality).values("user_id")
    return get_user_model().objects.filter(pk__in=ids).order_by("first_name", "last_name", "username")


# --- the Landkort ------------------------------------------------------------------------------------------


def map_actors(actor):
    require(actor, Capability.VIEW_FIGURES)
    return MapActor.objects.filter(municipality=actor.municipality)


def map_actor_get(actor, pk: int) -> MapActor:
    return map_actors(actor).get(pk=pk)


def landkort(actor) -> list[dict]:
    """The actors grouped by kind in the Landkort's order; kinds without actors are left out. One query;
    the map is bounded (conf MAX_MAP_ACTORS)."""
    found: dict[str, list] = {}
    for a in map_actors(actor).order_by("name", "id"):
        found.setdefault(a.kind, []).append(a)
    return [
        {"kind": k.value, "label": k.label, "actors": found[k.value]} for k in ActorKind if k.value in found
    ]
