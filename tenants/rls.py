"""PostgreSQL row-level security for every tenant table and every history table, the database's own line
of defence.

The tables belong to an owner role (migrations); the web application logs in as a role that owns nothing
(tenants/roles.py). FORCE makes the policy apply to the owner too. The policy reads the transaction-local
setting ``app.tenant_id``: a municipality id (requests), empty (nothing visible) or ``all`` (system work
such as migrations, the demo seeding and the daily jobs, entered through ``system_access``). ``all`` counts
only for the table's owner and members of the system role (tenants/conf.py SYSTEM_ROLE): for the
application role it shows nothing.
"""

from contextlib import contextmanager

from django.apps import apps
from django.db import connection

SETTING = "app.tenant_id"

# The settings are read in uncorrelated sub-selects so PostgreSQL evaluates them once per query
# (an InitPlan) instead of once per row, and ``municipality_id = (...)`` can use the index: with
# current_setting() per row the policy cost more than the national figures query itself.
# NULLIF turns '' (nothing set) and 'all' into NULL, so no row matches and no cast can fail.
# "all" needs a role that may see every tenant: a member of the table's owner (after a restore the owner
# is whoever restored) or of the system role; a missing system role just means nobody else may.
_TENANT_CHECK = """(
    (
      (SELECT current_setting('app.tenant_id', true)) = 'all'
      AND (SELECT pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = '{table}'::regclass),
                              'MEMBER')
                  OR EXISTS (SELECT 1 FROM pg_roles
                             WHERE rolname = {system_role} AND pg_has_role(current_user, oid, 'MEMBER')))
    )
    OR municipality_id = (SELECT NULLIF(NULLIF(current_setting('app.tenant_id', true), ''), 'all')::bigint)
  )"""

POLICY_SQL = """
ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_isolation ON {table};
CREATE POLICY tenant_isolation ON {table}
  USING {check}
  WITH CHECK {check};
"""


def policy_sql(table: str, conn=None) -> str:
    """The statements that put ``table`` (its name unquoted) under the tenant policy."""
    from . import conf

    conn = conn or connection
    quoted = conn.ops.quote_name(table)
    role = conf.value("SYSTEM_ROLE").replace("'", "''")
    check = _TENANT_CHECK.format(table=quoted, system_role=f"'{role}'")
    return POLICY_SQL.format(table=quoted, check=check)


def is_postgres(conn=None) -> bool:
    return (conn or connection).vendor == "postgresql"


def tenant_tables():
    from .models import TenantModel

    for model in apps.get_models():
        if issubclass(model, TenantModel) and not model._meta.proxy:
            yield model._meta.db_table


def history_tables():
    """The history tables (django-pghistory's events): append-only for the application."""
    from pghistory.models import Event

    for model in apps.get_models():
        if issubclass(model, Event) and not model._meta.proxy:
            yield model._meta.db_table


def protected_tables():
    """Every table under the tenant policy: the tenant tables, and the history tables, which copy their
    tracked row's municipality."""
    from pghistory.models import Event

    from .models import TenantModel

    for model in apps.get_models():
        if model._meta.proxy:
            continue
        columns = {f.column for f in model._meta.concrete_fields}
        if issubclass(model, TenantModel) or (issubclass(model, Event) and "municipality_id" in columns):
            yield model._meta.db_table


def enable_row_level_security(sender=None, using="default", **kwargs):
    from django.db import connections

    conn = connections[using]
    if not is_postgres(conn) or getattr(sender, "name", None) != "tenants":
        return
    with conn.cursor() as cursor:
        for table in protected_tables():
            cursor.execute(policy_sql(table, conn))


def set_tenant(value: str, *, local: bool = True) -> None:
    if is_postgres():
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, %s, %s)", [SETTING, value, local])


def current_tenant_setting() -> str:
    if not is_postgres():
        return ""
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(current_setting(%s, true), '')", [SETTING])
        return cursor.fetchone()[0]


@contextmanager
def system_access():
    """Let system jobs (seeding, retention, inactivity) see every tenant, and restore afterwards."""
    from django_scopes import scopes_disabled

    previous = current_tenant_setting()
    set_tenant("all", local=False)
    try:
        with scopes_disabled():
            yield
    finally:
        set_tenant(previous, local=False)
