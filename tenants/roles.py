"""The database roles' privileges, granted by the owner after every migration and after a restore.

Three roles (README, Production notes; ./run ensure_pg_role creates them):

- the owner runs migrations and owns every table, sequence, trigger and policy;
- the application role (conf APP_ROLE, the web server) owns nothing. It gets SELECT, INSERT, UPDATE and
  DELETE on the tables and USAGE on the sequences; on the append-only tables (the access log and the
  history tables) only SELECT and INSERT; on django_migrations only SELECT. No TRUNCATE, REFERENCES or
  TRIGGER; not being the owner it can neither ALTER a table nor disable its row-level security or triggers;
  and the policy ignores its "all" (tenants/rls.py);
- the system role (conf SYSTEM_ROLE, the task worker and the daily jobs) has the application's grants,
  may set the tenant to "all", and may DELETE from the access log: the retention purge
  (audit.services.purge_expired_logs) runs there. The append-only trigger still refuses any DELETE the
  purge did not ask to skip, and neither role may UPDATE the log or change the history.

Each run first revokes everything from both roles, so a table that became append-only loses its UPDATE.
A role that does not exist, or that is the one connected (a single-role installation where the
application owns its tables, as before), is left alone.
"""

from django.apps import apps
from django.db import connection

from . import conf, rls

READ_ONLY = ("django_migrations",)


def append_only_tables():
    """Tables whose model refuses UPDATE and DELETE with a trigger (the access log); not the history."""
    import pgtrigger

    for model in apps.get_models():
        triggers = getattr(model._meta, "triggers", [])
        if not model._meta.proxy and any(isinstance(t, pgtrigger.Protect) for t in triggers):
            yield model._meta.db_table


def _existing_roles(cursor, names) -> set[str]:
    cursor.execute(
        "SELECT rolname FROM pg_roles WHERE rolname = ANY(%s) AND rolname <> current_user", [list(names)]
    )
    return {row[0] for row in cursor.fetchall()}


def grant_statements(role: str, *, schema: str, system: bool, quote) -> list[str]:
    """What ``role`` is given, after everything it had is taken away."""
    r, s = quote(role), quote(schema)
    append_only = [quote(t) for t in [*append_only_tables(), *rls.history_tables()]]
    statements = [
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM {r}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {s} FROM {r}",
        f"GRANT USAGE ON SCHEMA {s} TO {r}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO {r}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {r}",
        f"REVOKE UPDATE, DELETE ON {', '.join(append_only)} FROM {r}",
        f"REVOKE INSERT, UPDATE, DELETE ON {', '.join(quote(t) for t in READ_ONLY)} FROM {r}",
    ]
    if system:
        statements.append(f"GRANT DELETE ON {', '.join(quote(t) for t in append_only_tables())} TO {r}")
    return statements


def grant_roles(cursor, quote) -> list[str]:
    """Grant the application and system roles their privileges on the connected database; the roles
    granted to (missing ones and the connected role itself are skipped)."""
    app_role, system_role = conf.value("APP_ROLE"), conf.value("SYSTEM_ROLE")
    present = _existing_roles(cursor, [app_role, system_role])
    cursor.execute("SELECT current_schema()")
    schema = cursor.fetchone()[0]
    granted = []
    for role, system in ((app_role, False), (system_role, True)):
        if role in present:
            for sql in grant_statements(role, schema=schema, system=system, quote=quote):
                cursor.execute(sql)
            granted.append(role)
    return granted


def grant_after_migrate(sender=None, using="default", **kwargs):
    """post_migrate (once, for the tenants app): every migration run by the owner ends with the grants."""
    from django.db import connections

    conn = connections[using]
    if not rls.is_postgres(conn) or getattr(sender, "name", None) != "tenants":
        return
    with conn.cursor() as cursor:
        grant_roles(cursor, conn.ops.quote_name)


def grant_on_default() -> list[str]:
    with connection.cursor() as cursor:
        return grant_roles(cursor, connection.ops.quote_name)
