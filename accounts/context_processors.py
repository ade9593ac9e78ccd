from django.conf import settings


def session_timeout(request):
    """What the timeout warning needs: the session's seconds left as of this response, and when to warn."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    age = settings.SESSION_COOKIE_AGE  # saved with every request (SESSION_SAVE_EVERY_REQUEST): a full age
    return {"session_expires_in": age, "session_warn_before": min(settings.SESSION_WARNING_SECONDS, age // 2)}
