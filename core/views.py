from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from accounts.roles import Capability, has_capability


@login_required
def home(request):
    role = request.membership.role if request.membership else None
    # A support worker's day starts with their own citizens (issue 3, front pages).
    if role == "support_worker":
        return redirect("home:worker")
    if has_capability(role, Capability.VIEW_PEOPLE):
        return redirect("people:list")
    if has_capability(role, Capability.MANAGE_USERS):
        return redirect("accounts:users")
    if has_capability(role, Capability.VIEW_FIGURES):
        return redirect("people:figures")
    return render(request, "core/no_access.html", status=403)


def accessibility(request):
    return render(request, "core/accessibility.html")
