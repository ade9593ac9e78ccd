"""The database roles (tenants/roles.py, tenants/rls.py): what the application and system roles may not do,
proven on PostgreSQL with raw SQL.

The suite logs in as the owner (it creates and migrates the test database; ./run test does so). Each test
here switches with SET LOCAL ROLE to the application or the system role: from then on every privilege,
ownership and policy check is the switched role's, exactly as when it logs in itself. Skipped on SQLite;
with REQUIRE_POSTGRES=1 a missing PostgreSQL is an error, and missing roles fail here.
"""

from contextlib import contextmanager
from datetime import timedelta

import pgtrigger
import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from audit.models import AccessLogEntry
from audit.services import purge_expired_logs
from tenants import conf, rls, roles

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="database roles are PostgreSQL's"),
]

APP, SYSTEM = conf.value("APP_ROLE"), conf.value("SYSTEM_ROLE")


def fetch(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def one(sql, params=()):
    return fetch(sql, params)[0][0]


@pytest.fixture(autouse=True)
def _logged_in_as_the_owner(db):
    owner = one("SELECT current_user")
    if (
        owner == APP
        or one("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'people_person'") == APP
    ):
        pytest.fail(
            f"The tests log in as the owner role, not the application role {APP}: "
            "DATABASE_URL=postgres://hf_owner@127.0.0.1:5432/hf (./run ensure_pg_role creates it)."
        )
    for role in (APP, SYSTEM):
        if not one("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = %s)", [role]):
            pytest.fail(f"Role {role} is missing: ./run test creates it (ensure_pg_role).")
        if not one("SELECT pg_has_role(current_user, %s, 'MEMBER')", [role]):
            pytest.fail(f"The owner {owner} must be a member of {role} (GRANT {role} TO {owner}).")


@contextmanager
def as_role(role: str):
    """The rest of the block runs as ``role``: privileges, ownership and policies are its own."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL ROLE {connection.ops.quote_name(role)}")
        yield cursor
        cursor.execute("RESET ROLE")


def refused(cursor, sql, params=()) -> str:
    with pytest.raises(DatabaseError) as error, transaction.atomic():
        cursor.execute(sql, params)
    return str(error.value)


@pytest.fixture
def both(worker_a, worker_b, person_factory):
    """People (with history rows and log rows) in two municipalities, written by the owner."""
    person_factory(worker_a, first_name="Anna")
    person_factory(worker_b, first_name="Bodil")
    assert one("SELECT count(DISTINCT municipality_id) FROM people_personevent") == 2
    assert one("SELECT count(DISTINCT municipality_id) FROM audit_accesslogentry") == 2
    return worker_a.municipality, worker_b.municipality


def test_the_application_role_owns_nothing_and_has_no_special_powers():
    assert fetch("SELECT rolsuper, rolbypassrls, rolcreaterole FROM pg_roles WHERE rolname = %s", [APP]) == [
        (False, False, False)
    ]
    assert (
        one(
            "SELECT count(*) FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = %s)",
            [APP],
        )
        == 0
    )
    with as_role(APP) as cursor:
        assert "permission denied" in refused(cursor, "CREATE TABLE intruder (id int)")


@pytest.mark.parametrize("role", [APP, SYSTEM])
def test_neither_role_may_truncate_the_log_or_any_table(role):
    with as_role(role) as cursor:
        for table in ("audit_accesslogentry", "people_person", "people_personevent"):
            assert "permission denied" in refused(cursor, f"TRUNCATE {table}"), table


@pytest.mark.parametrize("role", [APP, SYSTEM])
def test_neither_role_may_alter_a_table_or_switch_off_its_row_level_security_or_triggers(role):
    statements = [
        "ALTER TABLE people_person DISABLE ROW LEVEL SECURITY",
        "ALTER TABLE people_person NO FORCE ROW LEVEL SECURITY",
        "ALTER TABLE people_personevent DISABLE ROW LEVEL SECURITY",
        "DROP POLICY tenant_isolation ON people_person",
        "ALTER TABLE audit_accesslogentry DISABLE TRIGGER USER",
        "ALTER TABLE audit_accesslogentry DISABLE TRIGGER ALL",
        "ALTER TABLE people_person DISABLE TRIGGER USER",
        "ALTER TABLE people_person ADD COLUMN intruder int",
        "DROP TABLE audit_accesslogentry",
    ]
    with as_role(role) as cursor:
        for sql in statements:
            assert "must be owner" in refused(cursor, sql), sql


@pytest.mark.parametrize("role", [APP, SYSTEM])
def test_neither_role_may_change_the_log_or_the_history_even_with_the_trigger_skipped(both, role):
    a, _ = both
    # pgtrigger.ignore is a setting any role may set; the missing privilege is what refuses.
    with as_role(role) as cursor, pgtrigger.ignore("audit.AccessLogEntry:append_only"):
        rls.set_tenant(str(a.pk))
        assert "permission denied" in refused(cursor, "UPDATE audit_accesslogentry SET purpose = 'x'")
        for table in rls.history_tables():
            assert "permission denied" in refused(cursor, f"UPDATE {table} SET pgh_label = 'x'"), table
            assert "permission denied" in refused(cursor, f"DELETE FROM {table}"), table
    with as_role(APP) as cursor:
        rls.set_tenant(str(a.pk))
        assert "permission denied" in refused(cursor, "DELETE FROM audit_accesslogentry")


def test_every_table_grants_exactly_what_the_roles_need():
    tables = [r[0] for r in fetch("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")]
    append_only = {*roles.append_only_tables(), *rls.history_tables()}
    assert "audit_accesslogentry" in append_only and "people_personevent" in append_only
    assert len(list(rls.history_tables())) >= 31

    def may(role, table, privilege):
        return one(
            "SELECT has_table_privilege(%s, %s, %s)", [role, connection.ops.quote_name(table), privilege]
        )

    for table in tables:
        for role in (APP, SYSTEM):
            assert may(role, table, "SELECT"), (role, table)
            assert not may(role, table, "TRUNCATE") and not may(role, table, "TRIGGER"), (role, table)
            if table in append_only or table == "django_migrations":
                assert not may(role, table, "UPDATE"), (role, table)
        if table not in append_only and table != "django_migrations":
            assert may(APP, table, "UPDATE") and may(APP, table, "DELETE"), table
    assert not may(APP, "audit_accesslogentry", "DELETE")
    assert may(SYSTEM, "audit_accesslogentry", "DELETE")
    assert not may(SYSTEM, "people_personevent", "DELETE")


def test_all_shows_the_application_role_nothing_and_the_system_role_everything(both):
    with as_role(APP):
        rls.set_tenant("all")
        for table in ("people_person", "people_personevent", "audit_accesslogentry"):
            assert one(f"SELECT count(*) FROM {table}") == 0, table
    with as_role(SYSTEM):
        rls.set_tenant("all")
        assert one("SELECT count(DISTINCT municipality_id) FROM people_person") == 2
        assert one("SELECT count(DISTINCT municipality_id) FROM people_personevent") == 2


def test_all_lets_the_application_role_write_nothing(both):
    a, _ = both
    with as_role(APP) as cursor:
        rls.set_tenant("all")
        assert "row-level security" in refused(
            cursor,
            "INSERT INTO people_personevent (pgh_created_at, pgh_label, municipality_id) SELECT now(), 'x', %s",
            [a.pk],
        )


def test_the_history_of_b_is_invisible_from_a(both):
    a, b = both
    with as_role(APP):
        rls.set_tenant(str(a.pk))
        for table in rls.history_tables():
            assert one(f"SELECT count(*) FROM {table} WHERE municipality_id <> %s", [a.pk]) == 0, table
        assert one("SELECT count(*) FROM people_personevent") >= 1
        assert one("SELECT count(*) FROM people_personevent WHERE municipality_id = %s", [b.pk]) == 0


def test_every_history_table_has_row_level_security_forced():
    tables = list(rls.history_tables())
    assert sorted(
        fetch(
            "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = ANY(%s)",
            [tables],
        )
    ) == sorted((t, True, True) for t in tables)
    assert one("SELECT count(*) FROM pg_policies WHERE tablename = ANY(%s)", [tables]) == len(tables)


def test_the_application_role_does_the_everyday_work(both, users_a, login, person_factory):
    """Pages, a new citizen (its history row and log rows) and a search, all as the application role."""
    a, _ = both
    client = login(users_a[Role.OUTREACH_WORKER])
    with as_role(APP):
        assert client.get(reverse("people:list")).status_code == 200
        assert client.get(reverse("people:list") + "?q=Anna").status_code == 200
        response = client.post(
            reverse("people:create"),
            {
                "first_name": "Carl",
                "last_name": "Nielsen",
                "gender": "unknown",
                "situation": "street",
                "situation_start": timezone.localdate().isoformat(),
            },
        )
        assert response.status_code == 302, response.content[:500]
        rls.set_tenant(str(a.pk))
        assert one("SELECT count(*) FROM people_personevent WHERE first_name = 'Carl'") >= 1
        assert one("SELECT count(*) FROM audit_accesslogentry WHERE action = 'create'") >= 1


def test_the_retention_purge_runs_as_the_system_role(both):
    oldest = AccessLogEntry.objects.order_by("id").first()
    with pgtrigger.ignore("audit.AccessLogEntry:append_only"):  # the owner dates one entry back
        AccessLogEntry.objects.filter(pk=oldest.pk).update(at=timezone.now() - timedelta(days=10_000))
    before = AccessLogEntry.objects.count()
    with as_role(SYSTEM):
        assert purge_expired_logs(retention_days=365) == 1
        assert AccessLogEntry.objects.count() == before - 1
