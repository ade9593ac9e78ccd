"""PostgreSQL row-level security (tenants/rls.py), tested with raw SQL below the ORM and scopes.
Runs whenever DATABASE_URL is PostgreSQL; skipped on SQLite (REQUIRE_POSTGRES=1 makes that an error)."""

from contextlib import contextmanager

import pytest
from django.db import DatabaseError, connection, transaction
from django_scopes import scopes_disabled

from people.models import Person
from tenants import rls

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row-level security is PostgreSQL's"),
]


@contextmanager
def tenant(value: str):
    """Act as a request does: the tenant set for the current transaction only."""
    with transaction.atomic():
        rls.set_tenant(value, local=True)
        yield
        # On an error the savepoint's rollback drops the local setting with everything else.
        rls.set_tenant("all", local=True)


def fetch(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@pytest.fixture
def both(worker_a, worker_b, person_factory):
    person_factory(worker_a, first_name="Anna")
    person_factory(worker_a, first_name="Arne")
    person_factory(worker_b, first_name="Bodil")
    return worker_a.municipality, worker_b.municipality


def test_with_tenant_a_raw_sql_sees_no_rows_of_b(both):
    a, b = both
    with tenant(str(a.pk)):
        assert fetch("SELECT count(*) FROM people_person WHERE municipality_id = %s", [b.pk]) == [(0,)]
        assert fetch("SELECT DISTINCT municipality_id FROM people_person") == [(a.pk,)]
        assert fetch("SELECT count(*) FROM audit_accesslogentry WHERE municipality_id = %s", [b.pk]) == [(0,)]
        assert fetch("SELECT count(*) FROM people_situationperiod WHERE municipality_id = %s", [b.pk]) == [
            (0,)
        ]


def test_every_tenant_table_hides_b_from_tenant_a(both):
    a, b = both
    with tenant(str(a.pk)):
        for table in rls.tenant_tables():
            quoted = connection.ops.quote_name(table)
            assert fetch(f"SELECT count(*) FROM {quoted} WHERE municipality_id <> %s", [a.pk]) == [(0,)], (
                table
            )


def test_with_no_tenant_set_no_rows_are_visible(both):
    with tenant(""):
        assert fetch("SELECT count(*) FROM people_person") == [(0,)]
        assert fetch("SELECT count(*) FROM audit_accesslogentry") == [(0,)]


def test_system_access_sees_every_tenant(both):
    assert fetch("SELECT count(DISTINCT municipality_id) FROM people_person") == [(2,)]


def test_inserting_a_row_for_b_while_tenant_a_is_refused(both):
    a, b = both
    with pytest.raises(DatabaseError, match="row-level security"), tenant(str(a.pk)), scopes_disabled():
        Person.objects.create(municipality=b, first_name="Indsneget")
    assert not Person.objects.filter(first_name="Indsneget").exists()


def test_updating_b_while_tenant_a_changes_nothing(both):
    a, b = both
    with tenant(str(a.pk)), connection.cursor() as cursor:
        cursor.execute("UPDATE people_person SET first_name = 'Ændret' WHERE municipality_id = %s", [b.pk])
        assert cursor.rowcount == 0
    assert Person.objects.get(municipality=b).first_name == "Bodil"


def test_moving_a_row_of_a_to_b_is_refused(both):
    a, b = both
    with (
        pytest.raises(DatabaseError, match="row-level security"),
        tenant(str(a.pk)),
        connection.cursor() as cursor,
    ):
        cursor.execute(
            "UPDATE people_person SET municipality_id = %s WHERE municipality_id = %s", [b.pk, a.pk]
        )


def test_the_connection_role_is_not_a_superuser_and_does_not_bypass_rls():
    assert fetch("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user") == [
        (False, False)
    ]


def test_rls_is_enabled_and_forced_on_every_tenant_table():
    tables = list(rls.tenant_tables())
    assert "people_person" in tables and "audit_accesslogentry" in tables
    rows = fetch(
        "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = ANY(%s)", [tables]
    )
    assert sorted(rows) == sorted((t, True, True) for t in tables)
