"""The log retention as a daily task on the database queue; ``manage.py purge_logs`` runs the same."""

from django_tasks import task

from .services import purge_expired_logs


@task()
def purge_logs() -> int:
    """Delete log entries older than HF['LOG_RETENTION_DAYS']; the number deleted."""
    return purge_expired_logs()
