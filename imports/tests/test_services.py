"""import_run: all or nothing, in the uploader's municipality only, logged."""

import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_scopes import scopes_disabled

from audit.models import AccessLogEntry, Action
from imports import progress, services
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
    return services.job_create(actor=actor, file_name=name, data=csv_bytes([HEADER, *rows]))


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


def test_progress_is_recorded_while_the_import_transaction_is_open(worker_a, monkeypatch):
    from django.db import connection

    seen = []
    record = progress.record
    monkeypatch.setattr(
        progress,
        "record",
        lambda job_id, n: (seen.append((n, connection.in_atomic_block)), record(job_id, n)),
    )
    job = run(worker_a, GOOD)
    assert [n for n, _ in seen] == [0, 1, 2, 3]
    assert progress.read(job.pk) is None  # cleared when the job ended; the row holds the final count


def test_jobs_belong_to_the_uploaders_municipality(worker_a, municipality_a, municipality_b):
    job = run(worker_a, GOOD)
    assert ImportJob.objects.get(pk=job.pk).municipality_id == municipality_a.pk
    assert not Person.objects.filter(municipality=municipality_b).exists()


def _unfinished_job(actor, *, age_minutes: int, status=JobStatus.IMPORTING) -> ImportJob:
    job = ImportJob.objects.create(
        municipality=actor.municipality,
        uploaded_by=actor.user,
        file_name="x.csv",
        status=status,
        content=services._seal(b"Fornavn;CPR\r\nJens;0101851230\r\n"),
    )
    ImportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(minutes=age_minutes))
    job.refresh_from_db()
    return job


def test_a_job_without_heartbeat_for_the_timeout_is_failed_and_its_file_wiped(worker_a):
    job = _unfinished_job(worker_a, age_minutes=11)
    assert services.job_fail_if_stale(job=job)
    job.refresh_from_db()
    assert (job.status, bytes(job.content)) == (JobStatus.FAILED, b"")
    assert job.errors == [{"row": None, "column": "", "message": services.STOPPED}]
    assert job.finished_at is not None


def test_a_job_with_a_recent_heartbeat_is_left_running(worker_a):
    job = _unfinished_job(worker_a, age_minutes=120)
    progress.record(job.pk, 5)  # the worker is still at it
    assert not services.job_fail_if_stale(job=job)
    job.refresh_from_db()
    assert job.status == JobStatus.IMPORTING and bytes(job.content)


def test_a_young_job_is_left_running(worker_a):
    job = _unfinished_job(worker_a, age_minutes=9, status=JobStatus.VALIDATING)
    assert not services.job_fail_if_stale(job=job)
    assert ImportJob.objects.get(pk=job.pk).status == JobStatus.VALIDATING


def test_a_finished_job_is_never_touched(worker_a):
    job = run(worker_a, GOOD)
    job.refresh_from_db()
    assert not services.job_fail_if_stale(job=job, now=timezone.now() + timedelta(days=1))
    assert ImportJob.objects.get(pk=job.pk).status == JobStatus.DONE


def test_the_command_fails_dead_jobs_of_every_municipality(worker_a, worker_b):
    dead_a, dead_b = _unfinished_job(worker_a, age_minutes=30), _unfinished_job(worker_b, age_minutes=30)
    alive = _unfinished_job(worker_a, age_minutes=1)
    call_command("fail_stale_imports", stdout=io.StringIO())
    with scopes_disabled():
        statuses = dict(ImportJob.objects.values_list("pk", "status"))
    assert statuses == {
        dead_a.pk: JobStatus.FAILED,
        dead_b.pk: JobStatus.FAILED,
        alive.pk: JobStatus.IMPORTING,
    }
