"""The real path: the job runs in a thread after the upload commits, on its own connection, and its
progress is visible to another connection while the import transaction is still open."""

import threading

import pytest
from django.db import connection

from accounts.access import Actor
from accounts.roles import Role
from imports import progress, services
from imports.models import ImportJob, JobStatus
from people.models import Person

from .conftest import HEADER, csv_bytes

ROWS = [
    ["Jens", "Hansen", "010185-1230", "Gaden", "10.01.2025", "", "3500", "Nord"],
    ["Anna", "Berg", "", "Natvarmestue", "01.02.2025", "", "", ""],
    ["Ole", "Dam", "", "Sofasurfer", "01.03.2025", "", "", ""],
]


@pytest.mark.django_db(transaction=True)
def test_job_runs_in_a_thread_after_commit_and_progress_shows_before_it_commits(
    settings, users_a, municipality_a, municipality_b, monkeypatch
):
    settings.IMPORTS_RUN_INLINE = False
    reached, release = threading.Event(), threading.Event()
    create = services.people_services.person_create
    calls = []

    def paused_create(**kw):
        calls.append(threading.current_thread().name)
        if len(calls) == 2:  # the first person is created, inside the still-open transaction
            reached.set()
            assert release.wait(20)
        return create(**kw)

    monkeypatch.setattr(services.people_services, "person_create", paused_create)
    actor = Actor(user=users_a[Role.LEADER], municipality=municipality_a, role=Role.LEADER, path="/indlaes/")
    job = services.job_create(actor=actor, file_name="liste.csv", data=csv_bytes([HEADER, *ROWS]))
    try:
        assert reached.wait(20), "the background job did not start"
        # Seen from this thread's own connection while the job's transaction is open:
        assert progress.read(job.pk) == 1
        assert ImportJob.objects.get(pk=job.pk).status == JobStatus.IMPORTING  # a committed phase change
        if connection.vendor == "postgresql":  # SQLite locks the tables being written until commit
            assert Person.objects.count() == 0  # nothing is visible before the whole file is saved
    finally:
        release.set()
        for thread in threading.enumerate():
            if thread.name == f"import-job-{job.pk}":
                thread.join(30)
    assert calls and all(name == f"import-job-{job.pk}" for name in calls)
    job.refresh_from_db()
    assert (job.status, job.created_count, job.processed_rows) == (JobStatus.DONE, 3, 3)
    assert set(Person.objects.filter(municipality=municipality_a).values_list("first_name", flat=True)) == {
        "Jens",
        "Anna",
        "Ole",
    }
    assert not Person.objects.filter(municipality=municipality_b).exists()


@pytest.mark.django_db(transaction=True)
def test_a_thread_that_crashes_marks_the_job_failed_and_saves_nothing(
    settings, users_a, municipality_a, monkeypatch
):
    settings.IMPORTS_RUN_INLINE = False

    def boom(**kw):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(services.people_services, "person_create", boom)
    actor = Actor(user=users_a[Role.LEADER], municipality=municipality_a, role=Role.LEADER, path="/indlaes/")
    job = services.job_create(actor=actor, file_name="liste.csv", data=csv_bytes([HEADER, *ROWS]))
    for thread in threading.enumerate():
        if thread.name == f"import-job-{job.pk}":
            thread.join(30)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.errors[0]["message"] == services.UNEXPECTED
    assert bytes(job.content) == b""
    assert not Person.objects.exists()
