"""Upload, template and status pages: capability, tenancy, size limit, HTMX polling, query counts."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from accounts.access import Actor
from accounts.roles import Role
from core.testing import run_tasks
from imports import services
from imports.models import ImportJob, JobStatus
from people.models import Person

from .conftest import HEADER, csv_bytes

pytestmark = pytest.mark.django_db

ROWS = [
    ["Jens", "Hansen", "010185-1230", "Gaden", "10.01.2025", "", "3500", "Nord"],
    ["Anna", "Berg", "", "Natvarmestue", "01.02.2025", "", "", ""],
]


def upload(client, rows, name="liste.csv"):
    """Post the file, then let the worker run its task (as `manage.py db_worker` would)."""
    data = csv_bytes([HEADER, *rows])
    response = client.post(reverse("imports:upload"), {"file": SimpleUploadedFile(name, data, "text/csv")})
    run_tasks()
    return response


def test_upload_runs_the_job_and_the_status_page_shows_the_result(login, users_a, municipality_a):
    client = login(users_a[Role.LEADER])
    response = upload(client, ROWS)
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response.url == reverse("imports:status", args=[job.pk])
    page = client.get(response.url).content.decode()
    assert "2 borgere er oprettet" in page
    assert 'hx-trigger="every 1s"' not in page  # finished: no more polling
    assert Person.objects.filter(municipality=municipality_a).count() == 2


def test_status_page_of_a_failed_file_lists_every_error(login, users_a):
    client = login(users_a[Role.OUTREACH_WORKER])
    response = upload(
        client,
        [
            *ROWS,
            ["", "", "", "Gaden", "10.01.2025", "", "", ""],
            ["Ole", "", "99", "Gaden", "10.01.2025", "", "", ""],
        ],
    )
    page = client.get(response.url).content.decode()
    assert "Filen blev ikke indlæst" in page
    assert "<caption>Fejl i filen</caption>" in page
    assert "<td>4</td><td>Fornavn</td><td>Angiv navn eller initialer.</td>" in page
    assert "<td>5</td><td>CPR</td>" in page
    assert Person.objects.count() == 0


def test_a_running_job_is_polled_every_second_with_a_progress_bar(login, users_a, municipality_a):
    job = ImportJob.objects.create(
        municipality=municipality_a,
        uploaded_by=users_a[Role.LEADER],
        file_name="x.csv",
        status=JobStatus.IMPORTING,
        total_rows=200,
        processed_rows=50,  # as the worker writes it (services._LiveCount)
    )
    services._enqueue(job, Actor(users_a[Role.LEADER], municipality_a, Role.LEADER, "/indlaes/"))
    client = login(users_a[Role.LEADER])
    page = client.get(reverse("imports:status", args=[job.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in page
    assert '<progress id="import-progress" max="200" value="50"' in page
    assert "50 af 200 borgere (25 %)" in page
    assert 'role="status" aria-live="polite"' in page
    partial = client.get(reverse("imports:status", args=[job.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert "<h1>" not in partial
    assert 'hx-swap-oob="innerHTML:#import-live"' in partial


def test_a_job_whose_task_is_gone_is_shown_failed_with_its_file_wiped(login, users_a, municipality_a):
    from imports.services import STOPPED, _seal

    job = ImportJob.objects.create(
        municipality=municipality_a,
        uploaded_by=users_a[Role.LEADER],
        file_name="x.csv",
        status=JobStatus.IMPORTING,
        total_rows=10,
        content=_seal(b"CPR;..."),
        task_id="8a3c3d0e-0000-4000-8000-000000000000",  # no such task on the queue
    )
    page = login(users_a[Role.LEADER]).get(reverse("imports:status", args=[job.pk])).content.decode()
    assert STOPPED in page
    assert 'hx-trigger="every 1s"' not in page  # no more polling (the bell loads once)
    job.refresh_from_db()
    assert (job.status, bytes(job.content)) == (JobStatus.FAILED, b"")


def test_the_upload_page_never_lists_a_dead_job_as_running(login, users_a, municipality_a):
    job = ImportJob.objects.create(
        municipality=municipality_a,
        uploaded_by=users_a[Role.LEADER],
        file_name="x.csv",
        status=JobStatus.VALIDATING,
    )  # no task at all
    page = login(users_a[Role.LEADER]).get(reverse("imports:upload")).content.decode()
    assert "Kontrolleres" not in page
    assert ImportJob.objects.get(pk=job.pk).status == JobStatus.FAILED


def test_an_upload_in_utf16_without_bom_ends_with_a_clear_error(login, users_a):
    client = login(users_a[Role.LEADER])
    data = "".join(";".join(r) + "\r\n" for r in [HEADER, *ROWS]).encode("utf-16-le")
    response = client.post(reverse("imports:upload"), {"file": SimpleUploadedFile("liste.csv", data)})
    run_tasks()
    response = client.get(response.url)
    assert "gem den som UTF-8 CSV eller xlsx" in response.content.decode()
    assert ImportJob.objects.get().status == JobStatus.FAILED


def test_status_page_query_count_is_pinned(login, users_a, municipality_a, django_assert_num_queries):
    client = login(users_a[Role.LEADER])
    upload(client, ROWS)
    job = ImportJob.objects.get()
    url = reverse("imports:status", args=[job.pk])
    client.get(url)  # warm the session
    # session, user, membership; the job with its uploader inside two savepoints (request and tenant
    # transactions); the session save in its own savepoint. PostgreSQL adds three for the RLS setting.
    expected = 6 + (3 if connection.vendor == "postgresql" else 0)
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200
    with django_assert_num_queries(expected):
        assert client.get(url, HTTP_HX_REQUEST="true").status_code == 200


@pytest.mark.parametrize("role", [Role.SUPPORT_WORKER, Role.HOUSING_BROKER, Role.ANALYST, Role.ADMINISTRATOR])
def test_roles_without_import_capability_get_403(login, users_a, municipality_a, role):
    job = ImportJob.objects.create(
        municipality=municipality_a, uploaded_by=users_a[Role.LEADER], file_name="x.csv"
    )
    client = login(users_a[role])
    assert client.get(reverse("imports:upload")).status_code == 403
    assert client.get(reverse("imports:template")).status_code == 403
    assert client.get(reverse("imports:status", args=[job.pk])).status_code == 403
    assert upload(client, ROWS).status_code == 403
    assert Person.objects.count() == 0


def test_another_municipalitys_job_is_404(login, users_a, users_b, municipality_b):
    job = ImportJob.objects.create(
        municipality=municipality_b, uploaded_by=users_b[Role.LEADER], file_name="odense.csv"
    )
    client = login(users_a[Role.LEADER])
    assert client.get(reverse("imports:status", args=[job.pk])).status_code == 404
    assert "odense.csv" not in client.get(reverse("imports:upload")).content.decode()


def test_people_imported_in_one_municipality_are_invisible_in_the_other(login, users_a, users_b):
    upload(login(users_a[Role.LEADER]), ROWS)
    client = login(users_b[Role.LEADER])
    page = client.get(reverse("people:list")).content.decode()
    assert "Jens" not in page and "Anna" not in page
    assert "liste.csv" not in client.get(reverse("imports:upload")).content.decode()


def test_too_large_file_is_refused_with_a_danish_message(login, users_a, monkeypatch):
    monkeypatch.setattr(services, "MAX_UPLOAD_BYTES", 1000)
    from imports import forms

    monkeypatch.setattr(forms, "MAX_UPLOAD_BYTES", 1000)
    client = login(users_a[Role.LEADER])
    data = csv_bytes([HEADER, *ROWS * 20])
    response = client.post(
        reverse("imports:upload"), {"file": SimpleUploadedFile("stor.csv", data, "text/csv")}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Den må højst fylde 0 MB" in page or "Den må højst fylde" in page
    assert 'href="#id_file"' in page  # the error summary links to the field
    assert not ImportJob.objects.exists()


def test_ten_megabytes_is_the_limit():
    from imports.forms import UploadForm

    big = SimpleUploadedFile("stor.csv", b"x" * (10 * 1024 * 1024 + 1), "text/csv")
    form = UploadForm(files={"file": big})
    assert not form.is_valid()
    assert form.errors["file"] == [
        "Filen fylder 10,0 MB. Den må højst fylde 10 MB. Del listen op i flere filer."
    ]


def test_wrong_file_type_and_missing_file_are_refused(login, users_a):
    client = login(users_a[Role.LEADER])
    page = client.post(
        reverse("imports:upload"), {"file": SimpleUploadedFile("liste.pdf", b"%PDF", "application/pdf")}
    )
    assert "Vælg en CSV-fil (.csv) eller en Excel-fil (.xlsx)." in page.content.decode()
    assert "Vælg en fil." in client.post(reverse("imports:upload"), {}).content.decode()


def test_template_has_the_documented_headers_for_danish_excel(login, users_a):
    response = login(users_a[Role.OUTREACH_WORKER]).get(reverse("imports:template"))
    assert response["Content-Disposition"] == 'attachment; filename="skabelon-indlaesning.csv"'
    text = response.content.decode("utf-8")
    assert text.startswith(
        "\ufeffFornavn;Efternavn;Initialer;CPR;Fødselsdato;Fødselsår;Køn;Situation;Situation fra;Sted"
    )
    assert "Husleje (kr./md.)" in text


def test_upload_page_explains_the_columns_and_links_the_template(login, users_a):
    page = login(users_a[Role.LEADER]).get(reverse("imports:upload")).content.decode()
    assert reverse("imports:template") in page
    assert 'enctype="multipart/form-data"' in page
    assert '<label class="form-label" for="id_file">' in page
    assert "Situation fra" in page


def test_nav_shows_the_import_entry_only_to_roles_that_may_import(login, users_a):
    assert "Indlæs liste" in login(users_a[Role.OUTREACH_WORKER]).get(reverse("people:list")).content.decode()
    assert (
        "Indlæs liste" not in login(users_a[Role.SUPPORT_WORKER]).get(reverse("people:list")).content.decode()
    )
