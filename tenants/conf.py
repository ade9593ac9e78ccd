"""The tenants app's settings: the database roles (tenants/roles.py, README's Production notes); read with
``value`` (core/conf.py). An installation overrides them in settings.HF["TENANTS"] (from the environment:
PG_APP_ROLE, PG_SYSTEM_ROLE, the same names ./run uses)."""

from core.conf import AppSettings

DEFAULTS = {
    # The role the web application logs in as. It owns nothing: SELECT, INSERT, UPDATE, DELETE on the
    # tables, only SELECT and INSERT on the access log and the history tables, and it may not set the
    # tenant to "all" (the row-level security policy ignores it for this role).
    "APP_ROLE": "hf",
    # The role of the task worker and the daily jobs (and of cron): the application's grants plus DELETE on
    # the access log (the retention purge), and member of the roles that may set the tenant to "all". The
    # owner (migrations) may too.
    "SYSTEM_ROLE": "hf_system",
}

value = AppSettings("TENANTS", DEFAULTS)
