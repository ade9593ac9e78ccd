"""Import of an existing list of people (issue item 9): check every row, then save all or nothing.

A job is created by the upload request and run after that request commits, in a background thread
with its own database connection and the uploader's municipality set for django-scopes and
PostgreSQL row-level security. Tests and ``IMPORTS_RUN_INLINE`` run it in the request instead.
"""

import logging
import threading
from datetime import UTC, datetime

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from django_scopes import scope

from accounts.access import Actor
from audit.models import Action
from audit.services import log_access
from core.crypto import fernet
from people import crypto
from people import services as people_services
from people.models import Person
from people.services import PersonDataError
from tenants import rls

from . import parsing, progress
from .models import HEARTBEAT_TIMEOUT, ImportJob, JobStatus

logger = logging.getLogger(__name__)

PURPOSE = "Indlæsning af eksisterende liste"
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
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
    """Store an uploaded file as a job and start it once the upload request has committed."""
    job = ImportJob.objects.create(
        municipality=actor.municipality,
        uploaded_by=actor.user,
        file_name=file_name[:255],
        content=_seal(data),
    )
    if getattr(settings, "IMPORTS_RUN_INLINE", False):
        import_run(actor=actor, job=job)
    else:
        args = (job.pk, actor.user.pk, actor.municipality.pk, actor.role, actor.path)
        transaction.on_commit(
            lambda: threading.Thread(target=run_in_background, args=args, name=f"import-job-{job.pk}").start()
        )
    return job


def run_in_background(job_id: int, user_id: int, municipality_id: int, role: str, path: str) -> None:
    """Thread body: its own connection, scoped to one municipality, closed at the end."""
    from accounts.models import User
    from tenants.models import Municipality

    try:
        # Session-wide on this thread's own connection, so every small commit below is in the tenant;
        # the connection is closed at the end, which drops the setting with it.
        rls.set_tenant(str(municipality_id), local=False)
        municipality = Municipality.objects.get(pk=municipality_id)
        actor = Actor(user=User.objects.get(pk=user_id), municipality=municipality, role=role, path=path)
        with scope(municipality=municipality):
            job = ImportJob.objects.get(pk=job_id)
            try:
                import_run(actor=actor, job=job)
            except Exception:
                logger.exception("Import job %s failed", job_id)
                _finish(job, JobStatus.FAILED, errors=[{"row": None, "column": "", "message": UNEXPECTED}])
    except Exception:
        logger.exception("Import job %s could not run", job_id)
    finally:
        connection.close()


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
    progress.clear(job.pk)


def import_run(*, actor: Actor, job: ImportJob) -> ImportJob:
    """Check the job's file and, only if every row is right, create all its people in one transaction.

    Assumes the actor's municipality is active (scope and RLS), as in a request or run_in_background.
    Each job.save() outside the import transaction commits at once in the background thread, so the
    status page sees the phases; the counter inside the transaction goes to progress (the cache).
    """
    today = timezone.localdate()
    job.started_at = timezone.now()
    job.save(update_fields=["started_at"])  # committed at once in the thread: the first sign of life
    progress.beat(job.pk)
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
    progress.record(job.pk, 0)
    total = len(result.rows)
    step = max(1, total // 100)
    row = None
    try:
        with transaction.atomic():
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
                    progress.record(job.pk, done)
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
    except DatabaseError:
        logger.exception("Import job %s rolled back", job.pk)
        _finish(
            job,
            JobStatus.FAILED,
            errors=[{"row": row.row if row else None, "column": "", "message": UNEXPECTED}],
        )
        return job
    _finish(job, JobStatus.DONE, created=total)
    return job


def job_fail_if_stale(*, job: ImportJob, now=None) -> bool:
    """Mark a job whose worker died as failed and wipe its sealed file; True if it did.

    Dead means not finished and nothing heard for HEARTBEAT_TIMEOUT: no committed phase change
    (created, started) and no heartbeat in the progress cache. The worker's import transaction died
    with it, so nothing of the file was saved. Called on every read of an unfinished job and by
    ``manage.py fail_stale_imports``. The update is conditional on the job still being unfinished,
    so a worker that was only slow and finishes after all still records its true result.
    """
    if job.finished:
        return False
    now = now or timezone.now()
    heard = [job.created_at, job.started_at]
    if (beat := progress.last_beat(job.pk)) is not None:
        heard.append(datetime.fromtimestamp(beat, tz=UTC))
    if now - max(t for t in heard if t is not None) < HEARTBEAT_TIMEOUT:
        return False
    errors = [{"row": None, "column": "", "message": STOPPED}]
    updated = ImportJob.objects.filter(
        pk=job.pk, status__in=[JobStatus.VALIDATING, JobStatus.IMPORTING]
    ).update(status=JobStatus.FAILED, content=b"", errors=errors, finished_at=now)
    progress.clear(job.pk)
    if updated:
        logger.warning("Import job %s had no heartbeat for %s: marked failed", job.pk, HEARTBEAT_TIMEOUT)
        job.status, job.errors, job.finished_at = JobStatus.FAILED, errors, now
    return bool(updated)


def fail_stale_jobs(*, now=None) -> int:
    """Every municipality's dead jobs (the scheduled command); the caller gives system access."""
    unfinished = ImportJob.objects.filter(status__in=[JobStatus.VALIDATING, JobStatus.IMPORTING]).defer(
        "content"
    )
    return sum(job_fail_if_stale(job=job, now=now) for job in unfinished)
