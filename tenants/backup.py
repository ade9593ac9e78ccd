"""Backup and restore of the PostgreSQL database (``./run backup``, ``./run restore``; README, Production
notes), the functions the commands and the restore test share.

The dump is taken as the owner in pg_dump's custom format. Row-level security is forced on the owner
too, so pg_dump runs with row security on and the tenant set to "all" (which counts for the owner):
without that it stops at the first protected table, and as the application role it would dump no rows.
The restore creates a fresh database, loads it as the connected (owner) role without the dump's owners
and grants, and grants the application and system roles their privileges again (tenants/roles.py).
Policies, triggers and row-level security come back with the schema; the data goes in before them.
"""

import os
import subprocess
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import connection

from . import roles


def default_path() -> Path:
    return Path(settings.BASE_DIR) / "var" / "backups" / f"hf-{datetime.now():%Y%m%d-%H%M%S}.dump"


def _libpq_env(db: dict, **extra) -> dict:
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[var] = str(db[key])
    env.update(extra)
    return env


def _require_postgres(db: dict) -> None:
    if db["ENGINE"] != "django.db.backends.postgresql":
        raise RuntimeError("Backup og gendannelse kræver PostgreSQL (DATABASE_URL).")


def dump(path: Path | str | None = None, *, db: dict | None = None) -> Path:
    """pg_dump the database (Django's default connection unless ``db`` is given) into ``path``."""
    db = db or connection.settings_dict
    _require_postgres(db)
    path = Path(path) if path else default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    env = _libpq_env(db, PGOPTIONS="-c app.tenant_id=all")
    subprocess.run(
        ["pg_dump", "--format=custom", "--enable-row-security", "--file", str(path), db["NAME"]],
        env=env,
        check=True,
    )
    path.chmod(0o600)  # personal data: readable by the operator only
    return path


def restore(path: Path | str, dbname: str, *, db: dict | None = None) -> list[str]:
    """Restore a dump into the new database ``dbname`` (refused if it exists); the roles granted to."""
    import psycopg

    db = db or connection.settings_dict
    _require_postgres(db)
    params = {k.lower(): db[k] for k in ("HOST", "PORT", "USER", "PASSWORD") if db.get(k)}
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [dbname]).fetchone():
            raise RuntimeError(f"Databasen {dbname} findes allerede; gendan i en ny database.")
        admin.execute(f"CREATE DATABASE {connection.ops.quote_name(dbname)}")
    subprocess.run(
        ["pg_restore", "--no-owner", "--no-acl", "--exit-on-error", "--dbname", dbname, str(path)],
        env=_libpq_env(db),
        check=True,
    )
    with psycopg.connect(dbname=dbname, autocommit=True, **params) as restored:
        with restored.cursor() as cursor:
            granted = roles.grant_roles(cursor, connection.ops.quote_name)
        restored.execute("ANALYZE")
    return granted
