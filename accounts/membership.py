from .models import Membership

SESSION_KEY = "active_municipality_id"


def active_membership(request) -> Membership | None:
    """The membership the user works in now: the one chosen in the session, else their only one."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    cached = getattr(request, "_active_membership", None)
    if cached is not None:
        return cached
    memberships = list(Membership.objects.filter(user=user).select_related("municipality"))
    chosen = request.session.get(SESSION_KEY)
    membership = next((m for m in memberships if m.municipality_id == chosen), None)
    if membership is None and memberships:
        membership = memberships[0]
    request._active_membership = membership
    request.membership_count = len(memberships)
    return membership
