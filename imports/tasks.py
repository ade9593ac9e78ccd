"""The import's tasks on the database queue, run by ``manage.py db_worker`` (django-tasks-db)."""

from django_tasks import task

from tenants.rls import system_access

from . import services


@task()
def run_import(job_id: int, user_id: int, municipality_id: int, role: str, path: str) -> str:
    """One attempt at an uploaded list (services.job_run): its job's final or retried status."""
    return services.job_run(job_id, user_id, municipality_id, role, path)


@task()
def fail_stale_imports() -> int:
    """Jobs whose task is gone or dead are failed and their files wiped (services.job_fail_if_stale)."""
    with system_access():
        return services.fail_stale_jobs()
