"""The import task: all or nothing, in the uploader's municipality only, logged; retries, stale jobs."""

import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.utils import timezone
from django_scopes import scopes_disabled
from django_tasks_db.models import DBTaskResult

from audit.models import AccessLogEntry, Action
from core.testing import run_tasks
from imports import services, tasks
from imports.models import ImportJob, JobStatus
from people.models import NeedsListEntry, Person, SituationPeriod, StatusChange

from .conftest import HEADER, csv_bytes

pytestmark = pytest.mark.django_db

GOOD = [
    ["Jens", "Hansen", "010185-1230", "Gaden", "10.01.2025", "", "3500", "Nord"],
    ["Anna", "Berg", "", "Boform (§ 110)", "2025-02-01", "Forsorgshjemmet", "", ""],
    ["Ole", "Dam", "020285-1234", "sofa_surfer", "01.03.2025", "", "", ""],
]


def run(actor, rows, name="liste.csv"):
    """Upload as the view does, then run the queue once as the worker does."""
    job = services.job_create(actor=actor, file_name=name, data=csv_bytes([HEADER, *rows]))
    run_tasks()
    job.refresh_from_db()
    return job


def test_a_good_file_creates_everyone_with_situation_status_and_needs_list(worker_a, municipality_a):
    job = run(worker_a, GOOD)
    job.refresh_from_db()
    assert (job.status, job.total_rows, job.processed_rows, job.created_count, job.errors) == (
        JobStatus.DONE,
        3,
        3,
        3,
        [],
    )
    assert bytes(job.content) == b""  # the file with CPR numbers is wiped
    people = {p.first_name: p for p in Person.objects.all()}
    assert set(people) == {"Jens", "Anna", "Ole"}
    assert all(p.municipality_id == municipality_a.pk for p in people.values())
    jens = people["Jens"]
    assert (jens.current_situation, jens.current_status, jens.situation_since) == (
        "street",
        "newly_identified",
        date(2025, 1, 10),
    )
    assert jens.birth_date == date(1985, 1, 1) and jens.cpr == "0101851230"
    assert jens.on_needs_list and NeedsListEntry.objects.get(person=jens).max_rent == 3500
    assert not people["Anna"].on_needs_list
    assert SituationPeriod.objects.get(person=people["Anna"]).place == "Forsorgshjemmet"
    assert StatusChange.objects.count() == 3
    assert worker_a.user in jens.workers.all()


def test_a_good_file_is_logged_once_as_an_import_and_per_person_as_creation(worker_a):
    run(worker_a, GOOD)
    [entry] = AccessLogEntry.objects.filter(action=Action.IMPORT)
    assert entry.detail.startswith("3 borgere oprettet fra filen liste.csv")
    assert entry.user == worker_a.user
    created = AccessLogEntry.objects.filter(action=Action.CREATE, purpose=services.PURPOSE)
    assert created.exclude(person_id=None).values("person_id").distinct().count() == 3


def test_a_file_with_one_bad_row_saves_nothing(worker_a):
    job = run(worker_a, [*GOOD, ["Mette", "Nielsen", "310285-1234", "Gaden", "10.01.2025", "", "", ""]])
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert [(e["row"], e["column"]) for e in job.errors] == [(5, "CPR")]
    assert Person.objects.count() == 0
    assert NeedsListEntry.objects.count() == 0
    assert not AccessLogEntry.objects.filter(action__in=[Action.CREATE, Action.IMPORT]).exists()


def test_a_clash_found_while_saving_rolls_back_every_row_already_created(
    worker_a, person_factory, monkeypatch
):
    # Someone registers a person from the file between the check and the save.
    monkeypatch.setattr(services, "_existing_cprs", lambda actor, digits: set())
    person_factory(worker_a, first_name="Ole", last_name="Dam", cpr="020285-1234")
    job = run(worker_a, GOOD)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.errors == [
        {"row": 4, "column": "CPR", "message": "Der findes allerede en borger med dette CPR-nummer."}
    ]
    assert list(Person.objects.values_list("first_name", flat=True)) == ["Ole"]
    assert not AccessLogEntry.objects.filter(action=Action.IMPORT).exists()


def test_existing_cpr_counts_only_within_the_uploaders_municipality(
    worker_a, worker_b, person_factory, municipality_a
):
    person_factory(worker_b, first_name="Jens", last_name="Hansen", cpr="010185-1230")
    job = run(worker_a, GOOD)
    assert job.status == JobStatus.DONE
    person_factory(worker_a, first_name="Someone", cpr="030385-1234")
    job = run(worker_a, [["Kim", "Lund", "030385-1234", "Gaden", "10.01.2025", "", "", ""]])
    assert [e["message"] for e in job.errors] == ["Der findes allerede en borger med dette CPR-nummer."]


def test_progress_is_counted_while_the_import_transaction_is_open(worker_a, monkeypatch):
    from django.db import connection

    seen = []
    monkeypatch.setattr(
        services._LiveCount, "record", lambda self, n: seen.append((n, connection.in_atomic_block))
    )
    job = run(worker_a, GOOD)
    assert seen == [(1, True), (2, True), (3, True)]
    assert (job.status, job.processed_rows, job.total_rows) == (JobStatus.DONE, 3, 3)


def test_jobs_belong_to_the_uploaders_municipality(worker_a, municipality_a, municipality_b):
    job = run(worker_a, GOOD)
    assert ImportJob.objects.get(pk=job.pk).municipality_id == municipality_a.pk
    assert not Person.objects.filter(municipality=municipality_b).exists()


def _unfinished_job(actor, *, status=JobStatus.IMPORTING, task_status=None, started_minutes_ago=0):
    job = ImportJob.objects.create(
        municipality=actor.municipality,
        uploaded_by=actor.user,
        file_name="x.csv",
        status=status,
        content=services._seal(b"Fornavn;CPR\r\nJens;0101851230\r\n"),
    )
    if task_status:
        services._enqueue(job, actor)
        DBTaskResult.objects.filter(id=job.task_id).update(
            status=task_status, started_at=timezone.now() - timedelta(minutes=started_minutes_ago)
        )
    job.refresh_from_db()
    return job


@pytest.mark.parametrize(
    "task_status,minutes", [(None, 0), ("SUCCESSFUL", 0), ("FAILED", 0), ("RUNNING", 61)]
)
def test_a_job_whose_task_is_gone_ended_or_dead_is_failed_and_its_file_wiped(worker_a, task_status, minutes):
    job = _unfinished_job(worker_a, task_status=task_status, started_minutes_ago=minutes)
    assert services.job_fail_if_stale(job=job)
    job.refresh_from_db()
    assert (job.status, bytes(job.content)) == (JobStatus.FAILED, b"")
    assert job.errors == [{"row": None, "column": "", "message": services.STOPPED}]
    assert job.finished_at is not None


@pytest.mark.parametrize("task_status,minutes", [("READY", 600), ("RUNNING", 59)])
def test_a_job_whose_task_waits_or_runs_is_left_alone(worker_a, task_status, minutes):
    job = _unfinished_job(worker_a, task_status=task_status, started_minutes_ago=minutes)
    assert not services.job_fail_if_stale(job=job)
    job.refresh_from_db()
    assert job.status == JobStatus.IMPORTING and bytes(job.content)


def test_a_finished_job_is_never_touched(worker_a):
    job = run(worker_a, GOOD)
    assert not services.job_fail_if_stale(job=job, now=timezone.now() + timedelta(days=1))
    assert ImportJob.objects.get(pk=job.pk).status == JobStatus.DONE


def test_the_command_and_the_task_fail_dead_jobs_of_every_municipality(worker_a, worker_b):
    dead_a, dead_b = _unfinished_job(worker_a), _unfinished_job(worker_b, task_status="FAILED")
    alive = _unfinished_job(worker_a, task_status="RUNNING")
    call_command("fail_stale_imports", stdout=io.StringIO())
    with scopes_disabled():
        statuses = dict(ImportJob.objects.values_list("pk", "status"))
    assert statuses == {
        dead_a.pk: JobStatus.FAILED,
        dead_b.pk: JobStatus.FAILED,
        alive.pk: JobStatus.IMPORTING,
    }
    assert tasks.fail_stale_imports.call() == 0  # the same work as a task: nothing left to fail


def test_the_task_is_enqueued_with_the_job_and_records_the_outcome(worker_a):
    job = services.job_create(actor=worker_a, file_name="liste.csv", data=csv_bytes([HEADER, *GOOD]))
    task = DBTaskResult.objects.get(id=job.task_id)
    assert (task.task_path, task.status) == ("imports.tasks.run_import", "READY")
    run_tasks()
    task.refresh_from_db()
    assert (task.status, task.return_value) == ("SUCCESSFUL", JobStatus.DONE)
    job.refresh_from_db()
    assert (job.status, job.attempts, bytes(job.content)) == (JobStatus.DONE, 1, b"")


def _flaky(monkeypatch, failures: int):
    """person_create raises a transient database error the first ``failures`` times."""
    create, calls = services.people_services.person_create, []

    def flaky(**kw):
        calls.append(1)
        if len(calls) <= failures:
            raise OperationalError("deadlock detected")
        return create(**kw)

    monkeypatch.setattr(services.people_services, "person_create", flaky)


def _run_retries():
    """The retry waits RETRY_DELAY: make every waiting task due now, then run the queue."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    run_tasks()


def test_a_transient_database_error_is_retried_and_then_succeeds(worker_a, monkeypatch):
    _flaky(monkeypatch, failures=1)
    job = services.job_create(actor=worker_a, file_name="liste.csv", data=csv_bytes([HEADER, *GOOD]))
    first = job.task_id
    run_tasks()
    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.VALIDATING, 1) and bytes(job.content)
    retry = DBTaskResult.objects.get(id=job.task_id)
    assert job.task_id != first and retry.status == "READY" and retry.run_after > timezone.now()
    assert not services.job_fail_if_stale(job=job)  # waiting for its retry is alive
    _run_retries()
    job.refresh_from_db()
    assert (job.status, job.attempts, job.created_count) == (JobStatus.DONE, 2, 3)
    assert Person.objects.count() == 3


def test_transient_errors_are_retried_a_bounded_number_of_times_then_fail_and_wipe(worker_a, monkeypatch):
    _flaky(monkeypatch, failures=100)
    job = services.job_create(actor=worker_a, file_name="liste.csv", data=csv_bytes([HEADER, *GOOD]))
    run_tasks()
    for _ in range(services.MAX_ATTEMPTS):
        _run_retries()
    job.refresh_from_db()
    assert (job.status, job.attempts, bytes(job.content)) == (JobStatus.FAILED, services.MAX_ATTEMPTS, b"")
    assert job.errors == [{"row": None, "column": "", "message": services.UNEXPECTED}]
    assert DBTaskResult.objects.count() == services.MAX_ATTEMPTS
    assert Person.objects.count() == 0


def test_a_file_with_errors_is_final_never_retried(worker_a):
    job = run(worker_a, [["", "", "99", "Gaden", "10.01.2025", "", "", ""]])
    assert (job.status, job.attempts, bytes(job.content)) == (JobStatus.FAILED, 1, b"")
    assert DBTaskResult.objects.count() == 1 and DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_an_unexpected_error_fails_the_job_and_the_task_and_wipes_the_file(worker_a, monkeypatch):
    def boom(**kw):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(services.people_services, "person_create", boom)
    job = run(worker_a, GOOD)
    assert (job.status, job.attempts, bytes(job.content)) == (JobStatus.FAILED, 1, b"")
    assert job.errors == [{"row": None, "column": "", "message": services.UNEXPECTED}]
    task = DBTaskResult.objects.get(id=job.task_id)
    assert task.status == "FAILED" and task.exception_class_path == "builtins.RuntimeError"
    assert Person.objects.count() == 0
