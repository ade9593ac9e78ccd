from django.shortcuts import redirect
from django.urls import reverse


class MfaRequiredMiddleware:
    """A municipality can require a TOTP second factor per role: such users must set it up first."""

    ALLOWED_PREFIXES = ("/accounts/", "/static/", "/i18n/", "/tilgaengelighed/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not request.path.startswith(self.ALLOWED_PREFIXES):
            from allauth.mfa.models import Authenticator

            from .membership import active_membership

            membership = active_membership(request)
            if membership and membership.role in (membership.municipality.mfa_required_roles or []):
                if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
                    return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
