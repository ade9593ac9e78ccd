"""Shared fixtures: two municipalities, a user per role in each, and people in both."""

import os
from datetime import date

import pytest
from django_scopes import scopes_disabled

from accounts.roles import Role

PASSWORD = "demo-password-123"


def pytest_configure(config):
    # CI must fail, not skip, when PostgreSQL is expected but missing.
    if os.environ.get("REQUIRE_POSTGRES") == "1" and not os.environ.get("DATABASE_URL", "").startswith(
        "postgres"
    ):
        raise pytest.UsageError("REQUIRE_POSTGRES=1 but DATABASE_URL does not point at PostgreSQL.")


@pytest.fixture(autouse=True)
def _danish_first():
    """Every test starts in the default language. The locale middleware activates the request's
    language in the test's own thread and nothing resets it, so a test that asked for English would
    otherwise leave later service calls (messages translated at call time) in English."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _system_scope(request):
    """Test bodies build data across tenants (scopes off, RLS bypass on PostgreSQL); requests through
    the test client still run scoped to the logged-in user's municipality by TenantMiddleware."""
    if (
        request.node.get_closest_marker("django_db")
        or "db" in request.fixturenames
        or "transactional_db" in request.fixturenames
    ):
        request.getfixturevalue("db") if "transactional_db" not in request.fixturenames else None
        from tenants.rls import system_access

        with system_access():
            yield
    else:
        with scopes_disabled():
            yield


@pytest.fixture
def municipality_a(db):
    from tenants.models import Municipality

    return Municipality.objects.create(code="0250", name="Frederikssund")


@pytest.fixture
def municipality_b(db):
    from tenants.models import Municipality

    return Municipality.objects.create(code="0461", name="Odense")


def make_user(municipality, role: str, username: str | None = None):
    from accounts.models import Membership, User

    username = username or f"{role}-{municipality.code}"
    user = User.objects.create_user(
        username=username, password=PASSWORD, first_name=role.replace("_", " ").title()
    )
    Membership.objects.create(user=user, municipality=municipality, role=role)
    return user


@pytest.fixture
def users_a(municipality_a):
    return {role: make_user(municipality_a, role) for role in Role}


@pytest.fixture
def users_b(municipality_b):
    return {role: make_user(municipality_b, role) for role in Role}


@pytest.fixture
def actor_factory():
    from accounts.access import Actor

    def build(user, municipality, role):
        return Actor(user=user, municipality=municipality, role=role, path="/test/")

    return build


@pytest.fixture
def worker_a(users_a, municipality_a, actor_factory):
    return actor_factory(users_a[Role.OUTREACH_WORKER], municipality_a, Role.OUTREACH_WORKER)


@pytest.fixture
def worker_b(users_b, municipality_b, actor_factory):
    return actor_factory(users_b[Role.OUTREACH_WORKER], municipality_b, Role.OUTREACH_WORKER)


@pytest.fixture
def person_factory():
    from people import services

    def create(
        actor, first_name="Jens", last_name="Hansen", situation="street", start=date(2025, 1, 10), **kw
    ):
        return services.person_create(
            actor=actor,
            first_name=first_name,
            last_name=last_name,
            situation=situation,
            situation_start=start,
            **kw,
        )

    return create


@pytest.fixture
def login(client):
    def do(user):
        client.force_login(user)
        return client

    return do


@pytest.fixture(autouse=True)
def _clear_cache():
    """Daily jobs remember in the cache that they ran; every test starts with a clean day."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """On SQLite, a test database in a file instead of in memory, with IMMEDIATE transactions.

    The live server and the task worker's thread (imports) then have connections of their own that wait for
    each other's locks (busy timeout); an in-memory database is one shared cache whose table locks fail at
    once ("database table is locked"). IMMEDIATE takes the write lock at BEGIN, so two transactions never
    deadlock on the upgrade from reading to writing. Here in the root conftest so it holds whichever test
    of an xdist worker sets up the database first; PostgreSQL is left as it is.
    """
    import atexit
    import shutil
    import tempfile

    from django.conf import settings

    db = settings.DATABASES["default"]
    if db["ENGINE"] == "django.db.backends.sqlite3":
        workdir = tempfile.mkdtemp(prefix="hf-e2e-")
        atexit.register(shutil.rmtree, workdir, ignore_errors=True)
        db.setdefault("TEST", {})["NAME"] = os.path.join(workdir, "test.sqlite3")
        db.setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
