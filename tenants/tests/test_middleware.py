"""The request's transaction (tenants.middleware.TenantMiddleware): it replaces ATOMIC_REQUESTS, so a view
that raises must still leave nothing saved, and on PostgreSQL the tenant lasts only for the request."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path

from accounts.roles import Role
from config import urls as project_urls
from tenants import rls
from tenants.models import Municipality


def _write_then_fail(request):
    Municipality.objects.create(code="9999", name="Halvt gemt")
    raise PermissionDenied


def _write(request):
    Municipality.objects.create(code="9998", name="Gemt")
    return HttpResponse(rls.current_tenant_setting())


# The project's URLs too: the layout of the 403 page names them.
urlpatterns = [path("fail/", _write_then_fail), path("write/", _write), *project_urls.urlpatterns]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


def test_atomic_requests_is_off_the_middleware_holds_the_transaction(settings):
    assert settings.DATABASES["default"]["ATOMIC_REQUESTS"] is False
    assert "tenants.middleware.TenantMiddleware" in settings.MIDDLEWARE


def test_a_view_that_raises_leaves_nothing_saved(client, users_a):
    client.force_login(users_a[Role.LEADER])
    assert client.get("/fail/").status_code == 403
    assert not Municipality.objects.filter(code="9999").exists()


def test_a_view_that_answers_saves_and_the_tenant_is_its_own(client, users_a, municipality_a):
    client.force_login(users_a[Role.LEADER])
    response = client.get("/write/")
    assert response.status_code == 200 and Municipality.objects.filter(code="9998").exists()
    if rls.is_postgres():
        assert response.content.decode() == str(municipality_a.pk)
        # The test's own transaction has its setting back ("all", from the test fixture).
        assert rls.current_tenant_setting() == "all"


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_the_tenant_ends_with_the_request(client, users_a, municipality_a):
    """As in production: the request's transaction is the outermost, nothing is read or reset."""
    client.force_login(users_a[Role.LEADER])
    assert client.get("/fail/").status_code == 403
    assert not Municipality.objects.filter(code="9999").exists()
    response = client.get("/write/")
    assert response.status_code == 200 and Municipality.objects.filter(code="9998").exists()
    if rls.is_postgres():
        assert response.content.decode() == str(municipality_a.pk)
        assert rls.current_tenant_setting() == "all"  # the session-level setting of the test fixture
