"""Access: who acts, whether their role may, and the log entry written in their name.

The one place a view or service asks "may this user do this here?": `with_actor` guards a view (login,
a municipality chosen, the role's capability) and hands it an `Actor`; `require` refuses inside a
selector or service; `actor_log` writes the access log in the actor's name. The rules themselves (which
role has which capability, protected people, health details) are plain functions in `roles.py`.
No domain app is imported here: domain selectors apply these rules to their own queries.
"""

from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext

from audit.services import log_access

from .roles import Capability, has_capability


@dataclass
class Actor:
    """Who acts, in which municipality and role; built from a request or for system jobs."""

    user: object
    municipality: object
    role: str = ""
    path: str = ""

    @classmethod
    def from_request(cls, request):
        return cls(
            user=request.user,
            municipality=request.municipality,
            role=request.membership.role,
            path=request.path,
        )


def with_actor(capability: Capability):
    """Login required, a municipality chosen, and the role's capability; passes an Actor to the view."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.membership is None:
                raise PermissionDenied(gettext("Du er ikke tilknyttet en kommune."))
            actor = Actor.from_request(request)
            if not has_capability(actor.role, capability):
                return render(request, "core/no_access.html", status=403)
            return view(request, actor, *args, **kwargs)

        # Read by the navigation's registry test: a link is shown to exactly the roles the view lets in.
        wrapped.required_capability = capability
        return wrapped

    return decorator


def require(actor, capability: Capability) -> None:
    """Refuse inside a selector or service what the role may not do (the view may have been bypassed)."""
    if not has_capability(actor.role, capability):
        raise PermissionDenied(gettext("Din rolle giver ikke adgang til dette."))


def actor_log(actor: Actor, action, purpose: str, person_id=None, **kw):
    """One access log entry in the actor's name, role and page (audit.services.log_access)."""
    return log_access(
        actor=actor.user,
        municipality=actor.municipality,
        action=action,
        purpose=purpose,
        person_id=person_id,
        role=actor.role,
        path=actor.path,
        **kw,
    )
