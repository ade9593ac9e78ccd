"""The 30-minute inactivity timeout without a session write on every request.

Django renews a session's expiry only when it saves it. Saving every request (SESSION_SAVE_EVERY_REQUEST)
cost an UPDATE per page; instead a logged-in request marks the session as used when the mark is older
than a minute (``renew_after``), which saves it (and renews the expiry) at most once a minute, and a session
saved for any other reason gets a fresh mark too. The session so runs out between SESSION_COOKIE_AGE
minus a minute and SESSION_COOKIE_AGE after the last request; ``seconds_left`` is what the timeout warning
counts down from (the exact time left as of the last save), and after a later request of the same page
(HTMX) it counts from ``seconds_left_after_request``, which never overstates it.
"""

import time

from django.conf import settings

RENEWED_KEY = "hf_session_renewed"
RENEW_AFTER_SECONDS = 60


def renew_after() -> int:
    """A minute, or a tenth of a (test's) very short session age."""
    return max(1, min(RENEW_AFTER_SECONDS, settings.SESSION_COOKIE_AGE // 10))


def _logged_in(request) -> bool:
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def renew_if_due(request) -> None:
    """Before the view: mark the session as used when the last mark is a minute old (it is then saved)."""
    if not _logged_in(request):
        return
    renewed = request.session.get(RENEWED_KEY)
    if renewed is None or time.time() - renewed >= renew_after():
        request.session[RENEWED_KEY] = round(time.time(), 3)


def mark_if_saved(request) -> None:
    """After the view: a session that will be saved anyway (login, a changed municipality) is marked now."""
    session = getattr(request, "session", None)
    if session is not None and session.modified and _logged_in(request):
        session[RENEWED_KEY] = round(time.time(), 3)


def seconds_left(request) -> int:
    age = settings.SESSION_COOKIE_AGE
    renewed = request.session.get(RENEWED_KEY)
    if renewed is None:
        return age
    return max(0, min(age, age - int(time.time() - renewed)))


def seconds_left_after_request() -> int:
    return settings.SESSION_COOKIE_AGE - renew_after()
