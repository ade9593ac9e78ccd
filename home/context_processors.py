from django.utils.translation import gettext as _

from accounts.roles import ROLE_LABELS, Capability, Role, has_capability

from . import navigation


def platform(request):
    """The header for the user's role: the grouped menu of home/navigation.py (only what the role may open)
    and whether the global search is offered. It names every app's pages, so it lives in the top layer."""
    membership = getattr(request, "membership", None)
    role = membership.role if membership else None
    current = request.resolver_match.view_name if getattr(request, "resolver_match", None) else ""
    return {
        "nav_groups": navigation.menu(role, current=current or ""),
        # What the rendered menu depends on, and nothing else (the header keeps it by this key).
        "nav_key": navigation.menu_key(role, current=current or ""),
        # What the role may do, for the pages' own links ({% if can.view_housing %}): a link the role
        # cannot open is not shown (issue 14: no "Ingen adgang" behind a link).
        "can": {c.value: has_capability(role, c) for c in Capability},
        # The global search finds citizens (names) or homes and landlords: offered to roles that may see either.
        "may_search": has_capability(role, Capability.VIEW_PEOPLE)
        or has_capability(role, Capability.VIEW_HOUSING),
        "current_municipality": getattr(request, "municipality", None),
        "current_role_label": _(ROLE_LABELS[Role(role)]) if role else "",
        "can_switch_municipality": getattr(request, "membership_count", 0) > 1,
    }
