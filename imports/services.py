"""Import of an existing list of people (issue item 9): check every row, then save all or nothing.

The upload request creates the job and enqueues its task (imports.tasks.run_import) on the database
queue in the same transaction, so the worker (``manage.py db_worker``) sees both or neither. The
worker runs ``job_run``: the uploader's municipality set for django-scopes and PostgreSQL row-level
security, the progress written to the job row, the retry policy below.

Retry policy: a transient database error (a lost connection, a deadlock, a serialization failure:
``OperationalError``/``InterfaceError``) rolls the import back and the job is tried again after
RETRY_DELAY, at most MAX_ATTEMPTS times in all. A file with errors, a clash with a person created
meanwhile or any other failure is final: the job is failed at once and its sealed file wiped.
"""

import logging
from datetime import timedelta

from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connection, connections, transaction
from django.utils import timezone
from django_scopes import scope

import figures
from accounts.access import Actor
from accounts.models import User
from audit.models import Action
from audit.services import log_access
from core.crypto import fernet
from people import crypto
from people import services as people_services
from people.models import Person
from people.services import PersonDataError
from tenants import rls
from tenants.models import Municipality

from . import parsing
from .models import MAX_RUNTIME, ImportJob, JobStatus

logger = logging.getLogger(__name__)

PURPOSE = "Indlæsning af eksisterende liste"
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_ATTEMPTS = 3
RETRY_DELAY = timedelta(seconds=30)
TRANSIENT = (OperationalError, InterfaceError)
# people.services' field names in PersonDataError, as the columns the user sees.
_FIELD_COLUMNS = {
    "first_name": "Fornavn",
    "cpr": "CPR",
    "start_date": "Situation fra",
    "max_rent": "Husleje (kr./md.)",
    "status": "Situation",
}
UNEXPECTED = "Der opstod en uventet fejl under indlæsningen. Intet er gemt. Prøv igen, eller kontakt support."
STOPPED = (
    "Indlæsningen stoppede uden at blive færdig, og den uploadede fil er slettet. Intet fra filen er gemt. "
    "Indlæs filen igen."
)


def _seal(data: bytes) -> bytes:
    # The file holds CPR numbers in clear: encrypted at rest with the CPR key until the job ends.
    return fernet().encrypt(data)


def _unseal(token: bytes) -> bytes:
    return fernet().decrypt(bytes(token))


def job_create(*, actor: Actor, file_name: str, data: bytes) -> ImportJob:
    """Store an uploaded file as a job and enqueue its task (committed with the request)."""
    job = ImportJob.objects.create(
        municipality=actor.municipality,
        uploaded_by=actor.user,
        file_name=file_name[:255],
        content=_seal(data),
    )
    _enqueue(job, actor)
    return job


def _enqueue(job: ImportJob, actor: Actor, *, run_after=None) -> None:
    from .tasks import run_import

    task = run_import.using(run_after=run_after) if run_after else run_import
    result = task.enqueue(job.pk, actor.user.pk, actor.municipality.pk, actor.role, actor.path)
    job.task_id = str(result.id)
    job.save(update_fields=["task_id"])


def job_run(job_id: int, user_id: int, municipality_id: int, role: str, path: str) -> str:
    """The task's body in the worker: run one attempt of the job; returns the job's status.

    The worker's connection is in autocommit, so each job.save() outside the import transaction
    commits at once and the status page sees the phases. The tenant is set on the connection for
    the task and restored afterwards, since the worker runs other tasks on the same connection.
    """
    previous = rls.current_tenant_setting()  # none in the worker; a test's own when run in one
    rls.set_tenant(str(municipality_id), local=False)
    try:
        municipality = Municipality.objects.get(pk=municipality_id)
        actor = Actor(user=User.objects.get(pk=user_id), municipality=municipality, role=role, path=path)
        with scope(municipality=municipality):
            job = ImportJob.objects.get(pk=job_id)
            if job.finished:  # e.g. failed by fail_stale_imports while it waited
                return job.status
            job.attempts += 1
            job.save(update_fields=["attempts"])
            try:
                import_run(actor=actor, job=job)
            except TRANSIENT:
                logger.exception("Import job %s, attempt %s: transient database error", job_id, job.attempts)
                _reconnect(municipality_id)
                job.refresh_from_db()
                if job.attempts < MAX_ATTEMPTS:
                    job.status, job.processed_rows = JobStatus.VALIDATING, 0
                    job.save(update_fields=["status", "processed_rows"])
                    _enqueue(job, actor, run_after=timezone.now() + RETRY_DELAY)
                else:
                    _finish(
                        job, JobStatus.FAILED, errors=[{"row": None, "column": "", "message": UNEXPECTED}]
                    )
            except Exception:
                logger.exception("Import job %s failed", job_id)
                _reconnect(municipality_id)
                _finish(job, JobStatus.FAILED, errors=[{"row": None, "column": "", "message": UNEXPECTED}])
                raise  # the task is recorded as failed too, with its traceback
            return job.status
    finally:
        if connection.is_usable():
            rls.set_tenant(previous, local=False)


def _reconnect(municipality_id: int) -> None:
    """After a database error the connection may be gone: a new one needs the tenant again."""
    if not connection.is_usable():
        connection.close()
        rls.set_tenant(str(municipality_id), local=False)


class _LiveCount:
    """The rows done, written to the job row while the import transaction is still open.

    The import is one transaction (all or nothing), so the count must be written on a second
    connection to be visible to the status page. That works on PostgreSQL; SQLite (the local demo)
    allows one writer per file, so there the page shows the phase and the totals written before and
    after the transaction.
    """

    def __init__(self, job: ImportJob):
        self.job, self.conn = job, None
        own = connections[DEFAULT_DB_ALIAS]
        if own.vendor == "postgresql":
            self.conn = type(own)(dict(own.settings_dict), alias="imports-live-count")

    def record(self, done: int) -> None:
        if self.conn is None:
            return
        with self.conn.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, %s, false)", [rls.SETTING, str(self.job.municipality_id)])
            cursor.execute(
                f"UPDATE {ImportJob._meta.db_table} SET processed_rows = %s WHERE id = %s",
                [done, self.job.pk],
            )

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


def _existing_cprs(actor: Actor, digits: list[str]) -> set[str]:
    """The CPR numbers among ``digits`` that already belong to someone in the municipality."""
    by_hash = {crypto.keyed_hash(d): d for d in digits}
    hashes, found = list(by_hash), set()
    for i in range(0, len(hashes), 500):
        found.update(
            Person.objects.filter(
                municipality=actor.municipality, cpr_hash__in=hashes[i : i + 500]
            ).values_list("cpr_hash", flat=True)
        )
    return {by_hash[h] for h in found}


def _finish(job: ImportJob, status: str, *, errors=None, created: int = 0) -> None:
    job.status = status
    job.errors = errors or []
    job.created_count = created
    if status == JobStatus.DONE:
        job.processed_rows = job.total_rows
    job.content = b""  # the file with CPR numbers is not kept after the job
    job.finished_at = timezone.now()
    job.save(
        update_fields=[
            "status",
            "errors",
            "created_count",
            "processed_rows",
            "content",
            "finished_at",
            "total_rows",
            "ignored_columns",
            "started_at",
        ]
    )


def import_run(*, actor: Actor, job: ImportJob) -> ImportJob:
    """Check the job's file and, only if every row is right, create all its people in one transaction.

    Assumes the actor's municipality is active (scope and RLS), as in job_run. A transient database
    error propagates (job_run retries); a file with errors or a clash is the job's final result.
    """
    today = timezone.localdate()
    job.started_at = timezone.now()
    job.save(update_fields=["started_at"])  # committed at once in the worker: the first sign of life
    result = parsing.parse(
        _unseal(job.content),
        job.file_name,
        today=today,
        existing_cprs=lambda digits: _existing_cprs(actor, digits),
    )
    job.total_rows, job.ignored_columns = result.total_rows, result.ignored_columns
    if not result.ok:
        _finish(job, JobStatus.FAILED, errors=[e.as_dict() for e in result.errors])
        return job

    job.status, job.processed_rows = JobStatus.IMPORTING, 0
    job.save(update_fields=["status", "processed_rows", "total_rows", "ignored_columns", "started_at"])
    total = len(result.rows)
    step = max(1, total // 100)
    row = None
    live = _LiveCount(job)
    try:
        # The figures (the figures app) the new people change are marked stale once, at the end of the
        # import's transaction, instead of for every row.
        with transaction.atomic(), figures.collected():
            for done, row in enumerate(result.rows, start=1):
                person = people_services.person_create(
                    actor=actor,
                    cpr=row.cpr,
                    situation=row.situation,
                    situation_start=row.situation_start,
                    place=row.place,
                    identified_on=row.identified_on,
                    purpose=PURPOSE,
                    **row.person,
                )
                if row.needs:
                    people_services.needs_list_register(actor=actor, person=person, **row.needs)
                if done % step == 0 or done == total:
                    live.record(done)
            log_access(
                actor=actor.user,
                municipality=actor.municipality,
                action=Action.IMPORT,
                purpose=PURPOSE,
                detail=f"{total} borgere oprettet fra filen {job.file_name} (indlæsning {job.pk})",
                role=actor.role,
                path=actor.path,
            )
    except PersonDataError as exc:
        # Someone created the same person while the file was checked: nothing is saved.
        column = _FIELD_COLUMNS.get(exc.field, exc.field)
        _finish(
            job,
            JobStatus.FAILED,
            errors=[{"row": row.row if row else None, "column": column, "message": exc.message}],
        )
        return job
    finally:
        live.close()
    _finish(job, JobStatus.DONE, created=total)
    return job


def _task_status(task_id: str) -> tuple[str | None, object]:
    """The status of a job's task on the queue and when it started; (None, None) if it is gone."""
    from django_tasks_db.models import DBTaskResult

    row = (
        DBTaskResult.objects.filter(id=task_id).values_list("status", "started_at").first()
        if task_id
        else None
    )
    return row or (None, None)


def job_fail_if_stale(*, job: ImportJob, now=None) -> bool:
    """Mark a job whose task is gone or dead as failed and wipe its sealed file; True if it did.

    The job's task (job.task_id) on the queue tells: waiting (READY) or running for less than
    MAX_RUNTIME is alive; a task that ended (succeeded or failed) while the job is unfinished, a
    task that is gone (deleted from the queue) or one "running" longer than MAX_RUNTIME (its worker
    was killed; django-tasks-db never notices) is dead, and its transaction died with it, so nothing
    of the file was saved. Called on every read of an unfinished job and by the daily task/command
    ``fail_stale_imports``. The update is conditional on the job still being unfinished, so a worker
    that was only slow and finishes after all still records its true result.
    """
    if job.finished:
        return False
    now = now or timezone.now()
    status, started_at = _task_status(job.task_id)
    if status == "READY" or (status == "RUNNING" and started_at and now - started_at < MAX_RUNTIME):
        return False
    errors = [{"row": None, "column": "", "message": STOPPED}]
    updated = ImportJob.objects.filter(
        pk=job.pk, task_id=job.task_id, status__in=[JobStatus.VALIDATING, JobStatus.IMPORTING]
    ).update(status=JobStatus.FAILED, content=b"", errors=errors, finished_at=now)
    if updated:
        logger.warning("Import job %s: its task is %s; marked failed", job.pk, status or "gone")
        job.status, job.errors, job.finished_at = JobStatus.FAILED, errors, now
    return bool(updated)


def fail_stale_jobs(*, now=None) -> int:
    """Every municipality's dead jobs (the scheduled command); the caller gives system access."""
    unfinished = ImportJob.objects.filter(status__in=[JobStatus.VALIDATING, JobStatus.IMPORTING]).defer(
        "content"
    )
    return sum(job_fail_if_stale(job=job, now=now) for job in unfinished)
