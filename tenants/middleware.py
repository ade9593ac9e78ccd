from django.db import transaction
from django_scopes import scope

from . import rls


class TenantMiddleware:
    """Activate the request's municipality (set before by accounts.middleware.MembershipMiddleware)
    for the whole request.

    This middleware's transaction is the request's transaction (ATOMIC_REQUESTS is off: Django's would
    nest inside this one as a savepoint, two more round trips a request). It wraps the view and the
    rendering of its response, so the PostgreSQL setting, set once with ``set_config(..., true)``, is
    local to it and ends with it; django-scopes makes every scoped query of another tenant impossible.
    Like ATOMIC_REQUESTS, a view that raises leaves nothing saved: the transaction is rolled back after
    the error page is made.

    Only when the request runs inside a transaction already (a test's) is the previous setting read and
    put back, since the transaction-local setting would otherwise outlive the request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.municipality = getattr(request, "municipality", None)
        tenant_id = str(request.municipality.pk) if request.municipality else ""
        nested = transaction.get_connection().in_atomic_block
        with transaction.atomic():
            previous = rls.current_tenant_setting() if nested else None
            rls.set_tenant(tenant_id)
            try:
                with scope(municipality=request.municipality):
                    response = self.get_response(request)
                if getattr(request, "_tenant_view_failed", False):
                    transaction.set_rollback(True)
                return response
            finally:
                # Only a usable transaction can be reset; a broken one is rolled back anyway.
                if nested and not transaction.get_connection().needs_rollback:
                    rls.set_tenant(previous)

    def process_exception(self, request, exception):
        """The view raised (Http404, PermissionDenied, an error): roll back its writes as ATOMIC_REQUESTS
        did, once the error page is made (a broken transaction could not render it)."""
        request._tenant_view_failed = True
        return None
