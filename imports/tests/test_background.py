"""The real path: the upload request enqueues the job's task on the database queue, a worker with its
own connection (as `manage.py db_worker`) runs it, and the status page reads the progress from the
database while the import transaction is still open (PostgreSQL)."""

import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections
from django.urls import reverse
from django_scopes import scopes_disabled
from django_tasks_db.models import DBTaskResult

from accounts.roles import Role
from core.testing import run_tasks
from imports import services
from imports.models import ImportJob, JobStatus
from people.models import Person

from .conftest import HEADER, csv_bytes

ROWS = [
    ["Jens", "Hansen", "010185-1230", "Gaden", "10.01.2025", "", "3500", "Nord"],
    ["Anna", "Berg", "", "Natvarmestue", "01.02.2025", "", "", ""],
    ["Ole", "Dam", "", "Sofasurfer", "01.03.2025", "", "", ""],
]


def _worker():
    try:
        run_tasks()
    finally:
        connections.close_all()


@pytest.mark.django_db(transaction=True)
def test_an_upload_is_run_by_the_worker_and_its_progress_is_read_from_the_database(
    login, users_a, municipality_a, municipality_b, monkeypatch
):
    reached, release = threading.Event(), threading.Event()
    create = services.people_services.person_create
    calls = []

    def paused_create(**kw):
        calls.append(threading.current_thread().name)
        if len(calls) == 3:  # two people are created, inside the still-open transaction
            reached.set()
            assert release.wait(20)
        return create(**kw)

    monkeypatch.setattr(services.people_services, "person_create", paused_create)
    client = login(users_a[Role.LEADER])
    data = csv_bytes([HEADER, *ROWS])
    response = client.post(reverse("imports:upload"), {"file": SimpleUploadedFile("liste.csv", data)})
    with scopes_disabled():
        job = ImportJob.objects.get()
    assert response.url == reverse("imports:status", args=[job.pk])
    assert DBTaskResult.objects.get(id=job.task_id).status == "READY"  # committed with the job
    assert not calls  # nothing ran in the request

    worker = threading.Thread(target=_worker, name="db-worker")
    worker.start()
    try:
        assert reached.wait(20), "the worker did not start the job"
        with scopes_disabled():
            assert ImportJob.objects.get(pk=job.pk).status == JobStatus.IMPORTING  # a committed phase
        if connection.vendor == "postgresql":  # SQLite: one writer per file, so no count mid-transaction
            page = client.get(reverse("imports:status", args=[job.pk]), HTTP_HX_REQUEST="true")
            assert '<progress id="import-progress" max="3" value="2"' in page.content.decode()
            assert 'hx-trigger="every 1s"' in page.content.decode()
            with scopes_disabled():
                assert Person.objects.count() == 0  # nothing is visible before the whole file is saved
    finally:
        release.set()
        worker.join(30)
    assert calls and all(name == "db-worker" for name in calls)
    with scopes_disabled():
        job.refresh_from_db()
        assert (job.status, job.created_count, job.processed_rows, job.attempts) == (JobStatus.DONE, 3, 3, 1)
        assert bytes(job.content) == b""
        assert set(
            Person.objects.filter(municipality=municipality_a).values_list("first_name", flat=True)
        ) == {
            "Jens",
            "Anna",
            "Ole",
        }
        assert not Person.objects.filter(municipality=municipality_b).exists()
    result = DBTaskResult.objects.get(id=job.task_id)
    assert (result.status, result.return_value) == ("SUCCESSFUL", JobStatus.DONE)
    page = client.get(reverse("imports:status", args=[job.pk])).content.decode()
    assert "3 borgere er oprettet" in page and 'hx-trigger="every 1s"' not in page


@pytest.mark.django_db(transaction=True)
def test_a_worker_that_crashes_in_the_task_marks_the_job_failed_and_saves_nothing(
    login, users_a, municipality_a, monkeypatch
):
    def boom(**kw):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(services.people_services, "person_create", boom)
    client = login(users_a[Role.LEADER])
    data = csv_bytes([HEADER, *ROWS])
    client.post(reverse("imports:upload"), {"file": SimpleUploadedFile("liste.csv", data)})
    worker = threading.Thread(target=_worker, name="db-worker")
    worker.start()
    worker.join(30)
    with scopes_disabled():
        job = ImportJob.objects.get()
        assert (job.status, bytes(job.content)) == (JobStatus.FAILED, b"")
        assert Person.objects.count() == 0
    assert DBTaskResult.objects.get(id=job.task_id).status == "FAILED"
