from urllib.parse import urlencode

from allauth.mfa.models import Authenticator
from django.shortcuts import redirect
from django.urls import reverse

from . import expired_post, session_activity
from .membership import active_membership


class MembershipMiddleware:
    """The membership the user works in now, and its municipality, on the request: the tenant for
    tenants.middleware.TenantMiddleware, the role for every access check (access.with_actor)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        membership = active_membership(request)
        request.membership = membership
        request.municipality = membership.municipality if membership else None
        return self.get_response(request)


class SessionActivityMiddleware:
    """The inactivity timeout, saving the session at most once a minute (accounts/session_activity.py).
    After AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session_activity.renew_if_due(request)
        response = self.get_response(request)
        session_activity.mark_if_saved(request)
        return response


def session_passed_mfa(request) -> bool:
    """The session's user proved the second factor in this session (allauth records each step)."""
    from allauth.account.authentication import get_authentication_records

    return any(r.get("method") == "mfa" for r in get_authentication_records(request, request.user))


class MfaRequiredMiddleware:
    """A municipality can require a TOTP second factor per role. Such a user reaches no page, the
    Django admin included, until this session has passed it: without a TOTP device they set one
    up; with one, a session that has not used it (e.g. one from a login path that skipped it) is
    asked for a code. Only the pages needed to do that, and logging out, stay open."""

    # Exact paths of allauth's second factor, re-authentication and logout, never all of /accounts/
    # (a password change or e-mail page must not be reachable on the password alone).
    ALLOWED_PREFIXES = (
        "/accounts/2fa/",
        "/accounts/reauthenticate/",
        "/accounts/logout/",
        "/accounts/login/",
        "/static/",
        "/i18n/",
        "/tilgaengelighed/",
        "/session/",
        "/totrinsbekraeftelse/",
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not request.path.startswith(self.ALLOWED_PREFIXES):
            membership = active_membership(request)
            if membership and membership.role in (membership.municipality.mfa_required_roles or []):
                if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
                    # One explanatory step first (issue 14): why, what is needed, then allauth's setup.
                    return redirect(reverse("mfa_intro"))
                if not session_passed_mfa(request):
                    return redirect(
                        f"{reverse('mfa_reauthenticate')}?{urlencode({'next': request.get_full_path()})}"
                    )
        return self.get_response(request)


class ExpiredPostMiddleware:
    """Keeps a form posted after the session ran out and gives it back after logging in
    (accounts/expired_post.py). After AuthenticationMiddleware, CSRF, messages and HTMX."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and expired_post.SESSION_KEY in request.session:
            expired_post.restore(request)
        return expired_post.on_response(request, self.get_response(request))
