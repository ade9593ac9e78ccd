from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from accounts.roles import Capability, has_capability


@login_required
def home(request):
    role = request.membership.role if request.membership else None
    # A support worker's day starts with their own citizens (issue 3, front pages).
    if role == "support_worker":
        return redirect("support:mine")
    if has_capability(role, Capability.VIEW_PEOPLE):
        return redirect("people:list")
    if has_capability(role, Capability.MANAGE_USERS):
        return redirect("accounts:users")
    if has_capability(role, Capability.VIEW_FIGURES):
        return redirect("people:figures")
    return render(request, "core/no_access.html", status=403)


def accessibility(request):
    return render(request, "core/accessibility.html")


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form whose security token failed gets the platform's 403 page (in the layout,
    in the user's language) instead of Django's technical one; the reason is never shown."""
    return render(request, "403.html", {"csrf_failed": True}, status=403)
