"""Support's capacity figures kept as a snapshot (the figures app): caseloads against the limits per
CTI/ICM worker, per team and for workers without a team (seed 004, 4.1 and 3.1), computed here from one
municipality's raw rows. Registered in SupportConfig.ready; ``selectors.capacity_overview`` reads it
through ``figures.read`` and adds the labels and the workers' names.

Plain data only (figures/registry.py): methods as codes, teams as {"pk", "name"}, workers by user id."""

from datetime import date

from django.db.models import Count

from figures.registry import register
from plans.methods import Method

from . import capacity, conf
from .models import EpisodeStatus, SupportEpisode, Team, WorkerProfile

CAPACITY = "support.capacity"
SPECIALISED_ORDER = [Method.CTI, Method.ICM, Method.ACT]


def compute_capacity(municipality, today: date) -> dict:
    """Three queries, whatever the number of workers; no names of citizens."""
    profiles = list(
        WorkerProfile.objects.filter(municipality=municipality, active=True).values(
            "user_id", "method", "team_id", "caseload_limit", "team__name"
        )
    )
    teams = list(
        Team.objects.filter(municipality=municipality, active=True)
        .order_by("method", "name")
        .values("pk", "name", "method", "max_citizens")
    )
    active = SupportEpisode.objects.filter(municipality=municipality, status=EpisodeStatus.ACTIVE)
    per_worker, per_team = {}, {}
    for r in (
        active.filter(method__in=[m.value for m in SPECIALISED_ORDER])
        .values("worker", "team", "method")
        .annotate(n=Count("id"))
    ):
        per_worker[(r["worker"], r["method"])] = per_worker.get((r["worker"], r["method"]), 0) + r["n"]
        if r["method"] == Method.ACT:
            per_team[r["team"]] = per_team.get(r["team"], 0) + r["n"]
    members = {}
    for p in profiles:
        members.setdefault(p["team_id"], []).append(p)
    workers = []
    for p in profiles:
        method_limit = conf.caseload_limit(p["method"])
        if method_limit is None:
            continue
        limit = capacity.worker_limit(method_limit=method_limit, own_limit=p["caseload_limit"])
        n = per_worker.get((p["user_id"], p["method"]), 0)
        workers.append(
            {
                "kind": "worker",
                "method": p["method"],
                "team": {"pk": p["team_id"], "name": p["team__name"]} if p["team_id"] else None,
                "team_id": p["team_id"],
                "active": n,
                "limit": limit,
                "use": capacity.use_share(n, limit),
                "user_id": p["user_id"],
                "lowered": p["caseload_limit"] is not None and p["caseload_limit"] < method_limit,
            }
        )
    rows = []
    for t in teams:
        if t["method"] == Method.ACT:
            limit = capacity.act_team_limit(
                team_max=capacity.act_team_max(own_max=t["max_citizens"], ceiling=conf.value("ACT_TEAM_MAX")),
                members=len(members.get(t["pk"], [])),
                per_member=conf.value("ACT_PER_STAFF"),
            )
            n, full = per_team.get(t["pk"], 0), None
        else:
            mine = [w for w in workers if w["team_id"] == t["pk"] and w["method"] == t["method"]]
            limit, n = sum(w["limit"] for w in mine), sum(w["active"] for w in mine)
            full = sum(1 for w in mine if w["active"] >= w["limit"])
        rows.append(
            {
                "kind": "team",
                "name": t["name"],
                "method": t["method"],
                "team": {"pk": t["pk"], "name": t["name"]},
                "active": n,
                "limit": limit,
                "use": capacity.use_share(n, limit),
                "members": len(members.get(t["pk"], [])),
                "full_workers": full,
            }
        )
    # Workers whose team is missing or of another method still count for their method.
    team_methods = {t["pk"]: t["method"] for t in teams}
    for m in (Method.CTI, Method.ICM):
        loose = [w for w in workers if w["method"] == m and team_methods.get(w["team_id"]) != m]
        if loose:
            limit, n = sum(w["limit"] for w in loose), sum(w["active"] for w in loose)
            rows.append(
                {
                    "kind": "no_team",
                    "name": None,  # labelled by the selector ("Uden team")
                    "method": m.value,
                    "team": None,
                    "active": n,
                    "limit": limit,
                    "use": capacity.use_share(n, limit),
                    "members": len(loose),
                    "full_workers": sum(1 for w in loose if w["active"] >= w["limit"]),
                }
            )
    return {"workers": workers, "teams": rows}


def register_figures() -> None:
    register(
        CAPACITY,
        compute_capacity,
        depends_on=["support.SupportEpisode", "support.WorkerProfile", "support.Team"],
        settings=["SUPPORT"],
    )
