from django.db import transaction
from django_scopes import scope

from . import rls


class TenantMiddleware:
    """Activate the request's municipality (set before by accounts.middleware.MembershipMiddleware)
    for the whole request.

    One transaction wraps the rest of the request so the PostgreSQL setting is local to it, and
    django-scopes makes every scoped query of another tenant impossible.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.municipality = getattr(request, "municipality", None)
        tenant_id = str(request.municipality.pk) if request.municipality else ""
        with transaction.atomic():
            previous = rls.current_tenant_setting()
            rls.set_tenant(tenant_id)
            try:
                with scope(municipality=request.municipality):
                    return self.get_response(request)
            finally:
                # Only a usable transaction can be reset; a broken one is rolled back anyway.
                if not transaction.get_connection().needs_rollback:
                    rls.set_tenant(previous)
