"""PostgreSQL row-level security for every tenant table, the database's own line of defence.

The application connects as a role that owns the tables but is not a superuser; FORCE makes the
policy apply to the owner too. The policy reads the transaction-local setting ``app.tenant_id``:
a municipality id (requests), empty (nothing visible) or ``all`` (system work such as migrations,
the demo seeding and retention jobs, entered through ``system_access``).
"""

from contextlib import contextmanager

from django.apps import apps
from django.db import connection

SETTING = "app.tenant_id"

# The settings are read in uncorrelated sub-selects so PostgreSQL evaluates them once per query
# (an InitPlan) instead of once per row, and ``municipality_id = (...)`` can use the index: with
# current_setting() per row the policy cost more than the national figures query itself.
# NULLIF turns '' (nothing set) and 'all' into NULL, so no row matches and no cast can fail.
_TENANT_CHECK = """(
    (SELECT current_setting('app.tenant_id', true)) = 'all'
    OR municipality_id = (SELECT NULLIF(NULLIF(current_setting('app.tenant_id', true), ''), 'all')::bigint)
  )"""

POLICY_SQL = (
    """
ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_isolation ON {table};
CREATE POLICY tenant_isolation ON {table}
  USING """
    + _TENANT_CHECK.replace("{", "{{").replace("}", "}}")
    + """
  WITH CHECK """
    + _TENANT_CHECK.replace("{", "{{").replace("}", "}}")
    + """;
"""
)


def is_postgres(conn=None) -> bool:
    return (conn or connection).vendor == "postgresql"


def tenant_tables():
    from .models import TenantModel

    for model in apps.get_models():
        if issubclass(model, TenantModel) and not model._meta.proxy:
            yield model._meta.db_table


def enable_row_level_security(sender=None, using="default", **kwargs):
    from django.db import connections

    conn = connections[using]
    if not is_postgres(conn) or getattr(sender, "name", None) != "tenants":
        return
    with conn.cursor() as cursor:
        for table in tenant_tables():
            cursor.execute(POLICY_SQL.format(table=conn.ops.quote_name(table)))


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
