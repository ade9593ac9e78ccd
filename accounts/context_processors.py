from django.conf import settings

from . import session_activity


def session_timeout(request):
    """What the timeout warning needs: the session's seconds left as of this response, the seconds left
    after a later request of the page (HTMX: it may not have saved the session), and when to warn."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    age = settings.SESSION_COOKIE_AGE
    return {
        "session_expires_in": session_activity.seconds_left(request),
        "session_renewed_in": session_activity.seconds_left_after_request(),
        "session_warn_before": min(settings.SESSION_WARNING_SECONDS, age // 2),
    }
