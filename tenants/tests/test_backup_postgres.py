"""Backup and restore (tenants/backup.py, the functions behind ./run backup and ./run restore): a dump of a
little data restores into a fresh database with the same rows, policies, triggers, grants and a password
that still logs in. PostgreSQL only (skipped on SQLite; REQUIRE_POSTGRES=1 makes a missing one an error)."""

import uuid

import psycopg
import pytest
from django.contrib.auth.hashers import check_password
from django.db import connection

from accounts.roles import Role
from conftest import PASSWORD
from tenants import backup, conf, rls

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),  # pg_dump sees only committed rows
    pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump is PostgreSQL's"),
]

POLICIES = "SELECT tablename, policyname, qual, with_check FROM pg_policies ORDER BY 1, 2"
TRIGGERS = (
    "SELECT c.relname, t.tgname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
    "WHERE NOT t.tgisinternal ORDER BY 1, 2"
)
FORCED = "SELECT relname FROM pg_class WHERE relrowsecurity AND relforcerowsecurity ORDER BY 1"


def query(cursor, sql, params=()):
    cursor.execute(sql, params)
    return cursor.fetchall()


def test_a_dump_restores_into_a_fresh_database_with_its_rows_policies_triggers_and_logins(
    tmp_path, users_a, users_b, worker_a, worker_b, person_factory
):
    person_factory(worker_a, first_name="Anna")
    person_factory(worker_a, first_name="Arne")
    person_factory(worker_b, first_name="Bodil")
    tables = ["accounts_user", "tenants_municipality", *rls.protected_tables()]

    def state(cursor):
        cursor.execute("SELECT set_config('app.tenant_id', 'all', false)")
        counts = {t: query(cursor, f'SELECT count(*) FROM "{t}"')[0][0] for t in tables}
        return counts, query(cursor, POLICIES), query(cursor, TRIGGERS), query(cursor, FORCED)

    with connection.cursor() as cursor:
        before = state(cursor)
    counts = before[0]
    assert counts["people_person"] == 3 and counts["people_personevent"] >= 3
    assert counts["audit_accesslogentry"] >= 3 and len(before[1]) >= 60 and before[2]

    path = backup.dump(tmp_path / "hf.dump")
    assert path.stat().st_size > 0 and oct(path.stat().st_mode & 0o777) == "0o600"
    name = f"{connection.settings_dict['NAME']}_restored_{uuid.uuid4().hex[:8]}"
    db = connection.settings_dict
    params = {k.lower(): db[k] for k in ("HOST", "PORT", "USER", "PASSWORD") if db.get(k)}
    try:
        granted = backup.restore(path, name)
        assert granted == [conf.value("APP_ROLE"), conf.value("SYSTEM_ROLE")]
        with psycopg.connect(dbname=name, **params) as restored, restored.cursor() as cursor:
            assert state(cursor) == before
            username = users_a[Role.OUTREACH_WORKER].username
            (encoded,) = query(cursor, "SELECT password FROM accounts_user WHERE username = %s", [username])[
                0
            ]
            assert check_password(PASSWORD, encoded)
            app = conf.value("APP_ROLE")
            assert query(
                cursor,
                "SELECT has_table_privilege(%s, 'audit_accesslogentry', 'INSERT'), "
                "has_table_privilege(%s, 'audit_accesslogentry', 'DELETE'), "
                "has_table_privilege(%s, 'people_person', 'UPDATE')",
                [app, app, app],
            ) == [(True, False, True)]
        with pytest.raises(RuntimeError, match="findes allerede"):
            backup.restore(path, name)
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
