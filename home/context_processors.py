from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.roles import ROLE_LABELS, Capability, Role, has_capability


def platform(request):
    """Navigation for the user's role: only what the role may use is shown. It names every app's pages,
    so it lives in the top layer."""
    membership = getattr(request, "membership", None)
    role = membership.role if membership else None
    nav = []
    # What needs the person today (today app, issue 14 item 1): the roles that work with citizens.
    if has_capability(role, Capability.VIEW_PEOPLE):
        nav.append(("today:page", _("I dag")))
    # Leaders and analysts start from the figures they steer by (issue 12).
    if has_capability(role, Capability.STEER) or role == Role.ANALYST:
        nav.append(("steering:front", _("Ledelsens overblik")))
        nav.append(("simulation:list", _("Scenarier")))
        nav.append(("economy:page", _("Økonomi")))
        # The plan, its networks and the Landkort (one entry: the pages link to each other); other roles
        # reach it from the links on the pages (the navigation by role is regrouped in a later change).
        nav.append(("implementation:plan", _("Implementeringsplan")))
    if has_capability(role, Capability.VIEW_PEOPLE):
        nav.append(("people:list", _("Hjemløselisten")))
        nav.append(("people:needs_list", _("Boligbehovslisten")))
    if has_capability(role, Capability.WORK_SUPPORT):
        nav.append(("home:worker", _("Mine borgere")))
    if has_capability(role, Capability.MANAGE_SUPPORT):
        nav.append(("home:leader", _("Støtte og kapacitet")))
    if has_capability(role, Capability.IMPORT_PEOPLE):
        nav.append(("imports:upload", _("Indlæs liste")))
    if has_capability(role, Capability.VIEW_FIGURES):
        nav.append(("people:figures", _("Tal og udvikling")))
    if has_capability(role, Capability.VIEW_HOUSING):
        nav.append(("housing:units", _("Boliger")))
        nav.append(("allocation:vacancies", _("Ledige boliger")))
    if has_capability(role, Capability.VIEW_FIGURES):
        nav.append(("housing:stock_analysis", _("Boliganalyse")))
    if has_capability(role, Capability.VIEW_FIGURES):
        nav.append(("count:weeks", _("Hjemløsetælling")))
    if has_capability(role, Capability.VIEW_FIDELITY):
        nav.append(("fidelity:overview", _("Efterlevelse")))
    if has_capability(role, Capability.READ_LOGS):
        nav.append(("audit:log", _("Log")))
    if has_capability(role, Capability.MANAGE_USERS):
        nav.append(("accounts:users", _("Brugere")))
    current = request.resolver_match.view_name if getattr(request, "resolver_match", None) else ""
    items = [{"url": reverse(name), "label": label, "current": current == name} for name, label in nav]
    return {
        "nav_items": items,
        "current_municipality": getattr(request, "municipality", None),
        "current_role_label": _(ROLE_LABELS[Role(role)]) if role else "",
        "can_switch_municipality": getattr(request, "membership_count", 0) > 1,
    }
