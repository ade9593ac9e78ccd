"""The front pages that bring several apps together (the top layer: it may import every domain app, none
imports it): the support worker's day and the leader's overview of support. Each app's selector reads
and logs its own part; this module only composes them."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone

from accounts.access import with_actor
from accounts.roles import Capability, Role, has_capability
from fidelity.selectors import overview as fidelity_overview
from housing.selectors import eviction_cases, moving_in_warnings
from people.selectors import list_rows, needs_list_contact_due, own_citizens_page
from plans.selectors import reviews_due
from support import conf as support_conf
from support import selectors as support_selectors


@with_actor(Capability.WORK_SUPPORT)
def worker(request, actor):
    today = timezone.localdate()
    if actor.role == Role.OUTREACH_WORKER:
        return _outreach_citizens(request, actor, today)
    data = support_selectors.worker_page(actor, today=today)
    mine = support_selectors.my_citizens(actor)
    return render(
        request,
        "home/worker.html",
        {
            "data": data,
            # Action plans due for review for my citizens, each marked overdue when its date has passed.
            "reviews": reviews_due(actor, today=today, people=mine),
            "may_manage": has_capability(actor.role, Capability.MANAGE_SUPPORT),
            "persistence_days": support_conf.value("PERSISTENCE_DAYS"),
            # Eviction cases of my citizens reach me here (issue 4, item 6): prevention starts with the worker.
            "evictions": eviction_cases(actor, people=mine),
            "today": today,
            # Own citizens on the housing needs list without contact: a home may be waiting (issue 9 item 6).
            "needs_contact": needs_list_contact_due(actor, today=today),
        },
    )


def _outreach_citizens(request, actor, today):
    """The outreach worker's "Mine borgere" (issue 14 item 1): the citizens he is own worker of (not
    support episodes, which an outreach worker does not have) and the eviction cases among them."""
    page = own_citizens_page(actor, page=request.GET.get("side"))
    return render(
        request,
        "home/outreach.html",
        {
            "page": page,
            "rows": list_rows(page.object_list, today=today),
            # eviction_cases keeps a worker to the citizens they are own worker of.
            "evictions": eviction_cases(actor),
        },
    )


@with_actor(Capability.MANAGE_SUPPORT)
def leader(request, actor):
    today = timezone.localdate()
    data = support_selectors.leader_page(actor, today=today)
    return render(
        request,
        "home/leader.html",
        {
            "data": data,
            # Workers with several citizens moving in at about the same time (seed 004, 4.1).
            "moving_in": moving_in_warnings(actor, today=today),
            "cluster_days": support_conf.value("MOVE_IN_CLUSTER_DAYS"),
            "cluster_count": support_conf.value("MOVE_IN_CLUSTER_COUNT"),
            # The quarterly fidelity reminder belongs on the leader's front page too (issue 5, item 6).
            "fidelity": (
                fidelity_overview(actor, today=today)
                if has_capability(actor.role, Capability.VIEW_FIDELITY)
                else None
            ),
            "act_team_max": support_conf.value("ACT_TEAM_MAX"),
            "act_per_staff": support_conf.value("ACT_PER_STAFF"),
        },
    )


@login_required
def start(request):
    """The start page: each role's own front page (also where a login lands)."""
    role = request.membership.role if request.membership else None
    # Support workers, outreach workers and brokers start from what needs them today (issue 14 item 1).
    if role in (Role.SUPPORT_WORKER, Role.OUTREACH_WORKER, Role.HOUSING_BROKER):
        return redirect("today:page")
    # Leaders land on the figures they steer by; analysts see the same without names (issue 12).
    if has_capability(role, Capability.STEER) or role == Role.ANALYST:
        return redirect("steering:front")
    if has_capability(role, Capability.VIEW_PEOPLE):
        return redirect("people:list")
    if has_capability(role, Capability.MANAGE_USERS):
        return redirect("accounts:users")
    if has_capability(role, Capability.VIEW_FIGURES):
        return redirect("people:figures")
    return render(request, "core/no_access.html", status=403)
