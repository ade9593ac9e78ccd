"""What a logged-in request costs before its view (issue 11 item 7): the session, the user, the membership
with its municipality, and on PostgreSQL the tenant set once for the request's transaction. No savepoint
inside that transaction, no read and reset of the tenant setting, no session write on every request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.roles import Role
from tenants import rls

# Before: 13 statements on PostgreSQL (the tenant setting read, set and reset, a savepoint for
# ATOMIC_REQUESTS inside the middleware's transaction, the session saved in a second transaction),
# 10 on SQLite. Now: 6 on PostgreSQL (BEGIN and COMMIT included), 5 on SQLite.


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in ctx.captured_queries]


# transactional_db: the request's transaction is the outermost one, as in production (in a test
# transaction the middleware must also read and restore the tenant setting, two more queries).
@pytest.mark.django_db(transaction=True)
def test_a_trivial_logged_in_page_costs_three_queries_and_the_tenant(client, users_a):
    client.force_login(users_a[Role.OUTREACH_WORKER])
    url = reverse("core:accessibility")
    first = _queries(client, url)  # renews the session (saved at most once a minute)
    assert any(sql.startswith("UPDATE") and "django_session" in sql for sql in first)

    # The request's one transaction (recorded by SQLite's IMMEDIATE mode and by psycopg's BEGIN).
    captured = _queries(client, url)
    assert sum(sql.startswith("BEGIN") for sql in captured) <= 1
    sqls = [sql for sql in captured if sql not in ("BEGIN", "BEGIN IMMEDIATE", "COMMIT")]
    tenant = ["set_config"] if rls.is_postgres() else []
    assert len(sqls) == 3 + len(tenant), "\n".join(sqls)
    assert "django_session" in sqls[0] and "accounts_user" in sqls[1]
    assert "accounts_membership" in sqls[2] and "tenants_municipality" in sqls[2]  # one query
    if tenant:
        assert "set_config('app.tenant_id'" in sqls[3]
    assert not any("SAVEPOINT" in sql or "current_setting" in sql or "UPDATE" in sql for sql in sqls)
