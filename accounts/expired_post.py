"""Nothing typed is lost to the session timeout (issue 9, item 20).

A form posted after the session ran out reaches a view that sends the user to the login page; the
typed data would be lost there. Instead, when that happens:

1. ``stash`` keeps the posted fields, encrypted (the CPR key, as the import does with its file), in
   the new anonymous session, with the user the expired session belonged to, the address the form
   posted to and the page it was on (the Referer, when it is this site). Only posts that passed
   Django's CSRF check are kept, so only this site's own forms; passwords, codes, tokens and files
   never are. The login redirect is pointed at the page, not at the post address (which may only
   accept POST).
2. Django's login keeps the session's data (it only changes the key), so after logging in again the
   page is shown with the form filled in from the stash and a message to check and save again. The
   form is re-shown, never saved automatically: the user may have been away for a long time, and
   something may have changed since (another worker's update, a closed case). The re-shown page is a
   fresh GET, so it carries the new CSRF token that the login issued; the old one is never reused.
3. The stash is given back only to the same user, only on that page, once, and only within
   ``MAX_AGE``; a different user logging in on the same computer never sees it.
"""

import json
from urllib.parse import urlencode, urlparse

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext

from core.crypto import fernet

SESSION_KEY = "expired_post"
MAX_AGE = 60 * 60  # seconds the stash may wait for the login
MAX_BYTES = 100_000  # a form's typed text, far below the session row's limits
# Field names never kept: a password, a one-time code, a token. Files are never in request.POST.
SECRET_WORDS = ("password", "passwd", "kodeord", "adgangskode", "secret", "token", "otp", "csrf")
SECRET_NAMES = {"code"}


def _is_secret(name: str) -> bool:
    lowered = name.lower()
    return lowered in SECRET_NAMES or any(word in lowered for word in SECRET_WORDS)


def _expired_user_id(request) -> str | None:
    """The user of the session the request's cookie names, though that session has run out."""
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not key or settings.SESSION_ENGINE not in (
        "django.contrib.sessions.backends.db",
        "django.contrib.sessions.backends.cached_db",
    ):
        return None
    from django.contrib.sessions.models import Session

    row = Session.objects.filter(session_key=key).first()
    return row.get_decoded().get("_auth_user_id") if row else None


def _page_of(request) -> str:
    """The page the form was on: the Referer when it is this site's, else the post address."""
    referer = request.headers.get("Referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        parsed = urlparse(referer)
        return parsed.path + (f"?{parsed.query}" if parsed.query else "")
    return request.path


def _is_login_redirect(response) -> bool:
    login = resolve_url(settings.LOGIN_URL)
    return response.status_code == 302 and response.get("Location", "").startswith(login)


def on_response(request, response):
    """Every response: when a view sends a logged-out user to log in, keep what they posted and,
    for HTMX, send the whole page to the login (a redirect would put the login page into a part of
    the page, e.g. every second into an import's progress)."""
    if request.user.is_authenticated or not _is_login_redirect(response):
        return response
    if request.method == "POST":
        stash(request, response)
    if getattr(request, "htmx", False):
        htmx_response = HttpResponse(status=204)
        htmx_response["HX-Redirect"] = response["Location"]
        return htmx_response
    return response


def stash(request, response) -> None:
    """Keep an expired session's post (see the module) and point the login redirect at its page."""
    if request.path.startswith("/accounts/") or not getattr(request, "csrf_processing_done", False):
        return
    user_id = _expired_user_id(request)
    data = {name: request.POST.getlist(name) for name in request.POST if not _is_secret(name)}
    if not user_id or not any(v for values in data.values() for v in values):
        return
    page = _page_of(request)
    body = json.dumps({"user": str(user_id), "action": request.path, "page": page, "data": data})
    if len(body) > MAX_BYTES:
        return
    request.session[SESSION_KEY] = fernet().encrypt(body.encode()).decode()
    response["Location"] = f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': page}, safe='/')}"


def restore(request) -> None:
    """On the page after logging in again: give the stash to the page and say what happened."""
    token = request.session.get(SESSION_KEY)
    if not token or request.method != "GET" or getattr(request, "htmx", False):
        return
    try:
        stashed = json.loads(fernet().decrypt(token.encode(), ttl=MAX_AGE))
    except Exception:  # expired or unreadable (a changed key): nothing to give back
        request.session.pop(SESSION_KEY, None)
        return
    if stashed["user"] != str(request.user.pk):
        request.session.pop(SESSION_KEY, None)  # someone else logged in on this computer
        return
    if stashed["page"] not in (request.get_full_path(), request.path):
        return  # e.g. the second-factor page on the way back: wait for the page itself
    request.session.pop(SESSION_KEY, None)
    request.preserved_form = {"action": stashed["action"], "data": stashed["data"]}
    messages.warning(
        request, gettext("Din session udløb. Det, du skrev, er bevaret: kontroller og gem igen.")
    )
