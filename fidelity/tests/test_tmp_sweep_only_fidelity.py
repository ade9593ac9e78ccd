# TEMPORARY, not committed: the sweep restricted to fidelity routes while other apps' fillers are in flux.
import pytest
from tenants.tests import test_tenancy_sweep as sweep
from tenants.tests.test_tenancy_sweep import world  # noqa: F401
from accounts.roles import Role

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", list(Role))
def test_fidelity_only(role, world, users_a, client, monkeypatch):
    routes = [r for r in sweep.all_routes() if r.namespace == "fidelity"]
    assert len(routes) == 8
    monkeypatch.setattr(sweep, "all_routes", lambda: routes)
    sweep.test_no_url_shows_or_finds_municipality_b_for_a_role_of_a(role, world, users_a, client)
