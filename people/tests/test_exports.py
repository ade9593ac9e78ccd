"""Exports of the by-name list (people/exports.py): CSV for Danish Excel and xlsx with the same rows."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.roles import Role
from audit.models import AccessLogEntry, Action
from people.exports import HEADERS

pytestmark = pytest.mark.django_db

RECENT = timezone.localdate() - timedelta(days=10)


@pytest.fixture
def people(worker_a, worker_b, person_factory):
    return [
        person_factory(worker_a, first_name="Søren", last_name="Ærøskøbing", cpr="010190-1234", start=RECENT),
        person_factory(worker_a, first_name="Åse", last_name="Østergård", situation="shelter", start=RECENT),
        person_factory(worker_b, first_name="Bodil", last_name="Odense", start=RECENT),
    ]


def body_of(response) -> bytes:
    """The file, read once (a streamed response's content can be read only once)."""
    assert response.streaming
    return response.getvalue()


def csv_rows(response):
    body = body_of(response)
    assert body.startswith(b"\xef\xbb\xbf")  # BOM: Danish Excel reads UTF-8
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


def xlsx_rows(response):
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]


def test_csv_export_is_semicolon_separated_utf8_with_bom(login, users_a, people):
    response = login(users_a[Role.LEADER]).get(reverse("people:export", args=["csv"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    first_line = response.getvalue().decode("utf-8-sig").splitlines()[0]
    assert first_line == ";".join(HEADERS)


def test_csv_export_keeps_danish_letters(login, users_a, people):
    rows = csv_rows(login(users_a[Role.LEADER]).get(reverse("people:export", args=["csv"])))
    names = {(r[1], r[2]) for r in rows[1:]}
    assert names == {("Søren", "Ærøskøbing"), ("Åse", "Østergård")}


def test_csv_export_has_the_masked_cpr_only(login, users_a, people):
    body = body_of(login(users_a[Role.LEADER]).get(reverse("people:export", args=["csv"])))
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    soren = next(r for r in rows if r[1] == "Søren")
    assert soren[HEADERS.index("CPR (maskeret)")] == "010190-XXXX"
    assert b"1234" not in body


def test_csv_export_has_only_the_own_municipality(login, users_a, people):
    body = (
        login(users_a[Role.LEADER]).get(reverse("people:export", args=["csv"])).getvalue().decode("utf-8-sig")
    )
    assert "Bodil" not in body


def test_xlsx_export_opens_and_has_the_same_rows_as_csv(login, users_a, people):
    client = login(users_a[Role.LEADER])
    from_csv = csv_rows(client.get(reverse("people:export", args=["csv"])))
    response = client.get(reverse("people:export", args=["xlsx"]))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert xlsx_rows(response) == from_csv


def test_export_honours_the_list_filters(login, users_a, people):
    rows = csv_rows(
        login(users_a[Role.LEADER]).get(reverse("people:export", args=["csv"]), {"situation": "shelter"})
    )
    assert [r[1] for r in rows[1:]] == ["Åse"]


def test_export_logs_every_person_exported_and_the_export(login, users_a, people):
    login(users_a[Role.LEADER]).get(reverse("people:export", args=["csv"]))
    read_ids = set(AccessLogEntry.objects.filter(action=Action.READ).values_list("person_id", flat=True))
    assert read_ids == {people[0].pk, people[1].pk}
    export = AccessLogEntry.objects.get(action=Action.EXPORT)
    assert export.detail.startswith("2 borgere")


def test_an_unknown_export_format_is_not_found(login, users_a, people):
    assert login(users_a[Role.LEADER]).get(reverse("people:export", args=["pdf"])).status_code == 404


@pytest.mark.parametrize("role", [Role.SUPPORT_WORKER, Role.ANALYST, Role.ADMINISTRATOR])
def test_export_is_forbidden_without_the_export_capability(role, login, users_a, people):
    assert login(users_a[role]).get(reverse("people:export", args=["csv"])).status_code == 403
