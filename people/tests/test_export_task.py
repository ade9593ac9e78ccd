"""A large by-name list export is made by a task (people.exports): queued, built by the worker, sealed,
fetched once by its requester, logged as an export, deleted after its retention time."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts.roles import Role
from audit.models import AccessLogEntry, Action
from core.testing import run_tasks
from people import exports, tasks
from people.models import ExportStatus, ListExport

from .test_exports import RECENT, csv_rows, xlsx_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(worker_a, worker_b, person_factory):
    return [
        person_factory(worker_a, first_name="Søren", last_name="Ærøskøbing", cpr="010190-1234", start=RECENT),
        person_factory(worker_a, first_name="Åse", last_name="Østergård", situation="shelter", start=RECENT),
        person_factory(worker_b, first_name="Bodil", last_name="Odense", start=RECENT),
    ]


@pytest.fixture
def large_from_two(settings):
    settings.HF = settings.HF | {"PEOPLE": {"EXPORT_SYNC_MAX_ROWS": 1}}


def test_a_list_within_the_threshold_is_made_in_the_request(login, users_a, people):
    response = login(users_a[Role.LEADER]).get(reverse("people:export", args=["csv"]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert not ListExport.objects.exists()


def test_a_large_list_is_queued_built_by_the_worker_and_fetched_once(
    login,
    users_a,
    people,
    large_from_two,
):
    client = login(users_a[Role.LEADER])
    response = client.get(reverse("people:export", args=["csv"]) + "?q=S%C3%B8ren&q=")
    export = ListExport.objects.get()
    assert response.status_code == 302 and response.url == reverse("people:export_status", args=[export.pk])
    assert not AccessLogEntry.objects.filter(action=Action.EXPORT).exists()  # nothing made yet

    page = client.get(response.url).content.decode()
    assert 'hx-trigger="every 2s"' in page and "Filen dannes" in page

    run_tasks()
    export.refresh_from_db()
    sealed = b"".join(bytes(part.data) for part in export.parts.all())
    assert export.status == ExportStatus.DONE and sealed
    assert "Søren".encode() not in sealed  # sealed at rest
    [entry] = AccessLogEntry.objects.filter(action=Action.EXPORT)
    assert entry.user == users_a[Role.LEADER] and entry.detail.startswith(f"{export.total_rows} borgere")

    page = client.get(reverse("people:export_status", args=[export.pk]), HTTP_HX_REQUEST="true")
    assert "hx-trigger" not in page.content.decode() and "Hent filen" in page.content.decode()
    download = client.get(reverse("people:export_download", args=[export.pk]))
    rows = csv_rows(download)
    assert rows[0] == exports.HEADERS and "Søren" in {r[1] for r in rows[1:]}
    assert "Bodil" not in {r[1] for r in rows[1:]}  # the other municipality's person
    export.refresh_from_db()
    assert not export.parts.exists() and export.downloaded_at is not None  # wiped once fetched
    assert client.get(reverse("people:export_download", args=[export.pk])).status_code == 404
    assert "Filen er hentet og slettet" in client.get(response.url).content.decode()


def test_xlsx_is_made_by_the_task_too(login, users_a, people, large_from_two):
    client = login(users_a[Role.LEADER])
    client.get(reverse("people:export", args=["xlsx"]))
    run_tasks()
    export = ListExport.objects.get()
    rows = xlsx_rows(client.get(reverse("people:export_download", args=[export.pk])))
    assert rows[0] == exports.HEADERS and len(rows) == 3


def test_only_the_requester_sees_or_fetches_the_file(login, users_a, users_b, people, large_from_two):
    login(users_a[Role.LEADER]).get(reverse("people:export", args=["csv"]))
    run_tasks()
    export = ListExport.objects.get()
    for other in (login(users_a[Role.ADMINISTRATOR]), login(users_b[Role.LEADER])):
        assert other.get(reverse("people:export_status", args=[export.pk])).status_code in (403, 404)
        assert other.get(reverse("people:export_download", args=[export.pk])).status_code in (403, 404)
    assert ListExport.objects.get().parts.exists()  # still there for its requester


def test_a_failed_build_is_shown_failed(login, users_a, people, large_from_two, monkeypatch):
    def boom(*a, **kw):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(exports, "to_csv", boom)
    client = login(users_a[Role.LEADER])
    response = client.get(reverse("people:export", args=["csv"]))
    run_tasks()
    assert ListExport.objects.get().status == ExportStatus.FAILED
    assert "Filen kunne ikke dannes" in client.get(response.url).content.decode()


def test_the_daily_purge_deletes_exports_past_their_retention(login, users_a, people, large_from_two):
    login(users_a[Role.LEADER]).get(reverse("people:export", args=["csv"]))
    run_tasks()
    assert tasks.purge_list_exports.call() == 0
    with scopes_disabled():
        ListExport.objects.update(created_at=timezone.now() - timedelta(hours=25))
    assert tasks.purge_list_exports.call() == 1
    assert not ListExport.objects.exists()


def test_a_file_larger_than_one_block_is_sealed_in_parts_and_opened_whole(
    login, users_a, people, large_from_two, monkeypatch
):
    """Neither the task nor the download holds the whole file: it is sealed and opened block by block."""
    import core.crypto

    monkeypatch.setattr(core.crypto, "SEAL_BLOCK_BYTES", 64)
    client = login(users_a[Role.LEADER])
    client.get(reverse("people:export", args=["csv"]))
    run_tasks()
    export = ListExport.objects.get()
    assert export.parts.count() > 3
    assert list(export.parts.values_list("seq", flat=True)) == list(range(export.parts.count()))
    rows = csv_rows(client.get(reverse("people:export_download", args=[export.pk])))
    assert rows[0] == exports.HEADERS and {"Søren", "Åse"} <= {r[1] for r in rows[1:]}
    assert not export.parts.exists()
