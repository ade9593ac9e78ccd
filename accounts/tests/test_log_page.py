"""The access log page for people (issue 14 item 9): every column in words, a citizen found by name or
CPR (the search logged), the citizen's access report as PDF, within the municipality and with a query
count that does not grow with the rows shown."""

from datetime import timedelta

import pgtrigger
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from accounts.selectors import REPORT_PURPOSE, SEARCH_PURPOSE
from audit import labels
from audit.models import AccessLogEntry, Action
from audit.services import log_access
from support.tests.helpers import icm_setup

pytestmark = pytest.mark.django_db

RECENT = timezone.localdate() - timedelta(days=10)
CPR = "030377-1113"


class FakeHTML:
    """Stands in for weasyprint.HTML: the "PDF" is the HTML it was given, so its text can be read."""

    def __init__(self, *, string, base_url=None):
        self.string = string

    def write_pdf(self):
        return self.string.encode()


@pytest.fixture
def citizen(worker_a, person_factory):
    return person_factory(worker_a, first_name="Magnus", last_name="Kvistgaard", cpr=CPR, start=RECENT)


@pytest.fixture
def leader(login, users_a):
    return login(users_a[Role.LEADER])


def page(client, **params):
    return client.get(reverse("audit:log"), params).content.decode()


def test_roles_actions_fields_and_foreign_keys_are_words(leader, users_a, municipality_a, citizen):
    boss, _, team = icm_setup(users_a, municipality_a)
    worker = users_a[Role.SUPPORT_WORKER]
    log_access(
        actor=users_a[Role.LEADER],
        municipality=municipality_a,
        action=Action.UPDATE,
        purpose="Opfølgning på hjemløselisten",
        person_id=citizen.pk,
        role=Role.OUTREACH_WORKER,
        changes={
            "worker": ["", str(worker.pk)],
            "team_id": ["", str(team.pk)],
            "status": ["active", "inactive"],
            "on_needs_list": ["True", "False"],
        },
    )
    html = page(leader)
    assert "<td>Gadeplansmedarbejder</td>" in html and "<td>Ændring</td>" in html
    assert f"Medarbejder: – → {worker.get_full_name()}" in html
    assert "Team: – → ICM-teamet" in html
    assert "Status: Aktiv → Inaktiv" in html
    assert "På boligbehovslisten: Ja → Nej" in html or "Boligbehovslisten: Ja → Nej" in html
    assert "outreach_worker" not in html and f"→ {worker.pk}<" not in html


def test_labels_name_a_field_by_its_verbose_name_and_a_dotted_key_by_both_parts():
    assert labels.field_label("first_name") == "Fornavn"
    assert labels.field_label("worker") == "Medarbejder"
    assert ": " in labels.field_label("housing.level")
    assert labels.field_label("no_such_key") == "No such key"


def test_labels_are_english_in_english(leader, users_a, municipality_a, citizen):
    leader.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = page(leader)
    assert "<td>Outreach worker</td>" in html and "<td>Creation</td>" in html
    assert "Gadeplansmedarbejder" not in html and "<td>Oprettelse</td>" not in html


def test_a_citizen_is_found_by_name_and_the_log_filtered_on_them(leader, citizen, worker_a, person_factory):
    other = person_factory(worker_a, first_name="Ida", last_name="Andersen", start=RECENT)
    response = leader.post(reverse("audit:log"), {"citizen": "kvistgård"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"?person_id={citizen.pk}")
    html = leader.get(response["Location"]).content.decode()
    assert "Magnus Kvistgaard" in html
    assert f'href="/log/borger/{citizen.pk}.pdf"' in html
    shown_people = set(
        AccessLogEntry.objects.filter(action=Action.CREATE).values_list("person_id", flat=True)
    )
    assert {citizen.pk, other.pk} <= shown_people
    assert f">{other.pk}</a>" not in html  # only the citizen's rows


def test_a_citizen_is_found_by_cpr_and_the_number_is_in_no_address(leader, citizen):
    response = leader.post(reverse("audit:log"), {"citizen": CPR})
    assert response.status_code == 302
    assert "030377" not in response["Location"]
    assert response["Location"].endswith(f"?person_id={citizen.pk}")


def test_the_search_is_logged_with_masked_terms_and_each_citizen_found_as_read(leader, users_a, citizen):
    leader.post(reverse("audit:log"), {"citizen": CPR})
    search = AccessLogEntry.objects.get(action=Action.SEARCH, purpose=SEARCH_PURPOSE)
    assert search.user == users_a[Role.LEADER] and search.role == Role.LEADER
    assert "030377-XXXX" in search.detail and "1113" not in search.detail
    assert AccessLogEntry.objects.filter(
        action=Action.READ, person_id=citizen.pk, purpose=SEARCH_PURPOSE
    ).exists()


def test_several_found_are_listed_to_choose_from(leader, worker_a, person_factory):
    a = person_factory(worker_a, first_name="Jens", last_name="Hansen", start=RECENT)
    b = person_factory(worker_a, first_name="Jens", last_name="Holm", start=RECENT)
    html = leader.post(reverse("audit:log"), {"citizen": "jens"}).content.decode()
    assert f'?person_id={a.pk}">Jens Hansen</a>' in html and f'?person_id={b.pk}">Jens Holm</a>' in html


def test_nobody_found_says_so_on_the_field(leader, citizen):
    html = leader.post(reverse("audit:log"), {"citizen": "Zebulon"}).content.decode()
    assert "Ingen borgere fundet" in html and 'aria-invalid="true"' in html


def test_a_protected_citizen_is_found_by_cpr_only(leader, worker_a, person_factory):
    hidden = person_factory(
        worker_a, first_name="Petra", last_name="Skovhuus", cpr="060680-4446", protected=True, start=RECENT
    )
    assert leader.post(reverse("audit:log"), {"citizen": "Skovhuus"}).status_code == 200
    response = leader.post(reverse("audit:log"), {"citizen": "060680-4446"})
    assert response["Location"].endswith(f"?person_id={hidden.pk}")


def test_another_municipalitys_citizen_is_not_found(leader, worker_b, person_factory, municipality_a):
    theirs = person_factory(worker_b, first_name="Magnus", last_name="Kvistgaard", cpr=CPR, start=RECENT)
    assert leader.post(reverse("audit:log"), {"citizen": "Kvistgaard"}).status_code == 200
    assert leader.post(reverse("audit:log"), {"citizen": CPR}).status_code == 200
    html = page(leader, person_id=theirs.pk)
    assert "Kvistgaard" not in html
    assert leader.get(reverse("audit:person_report", args=[theirs.pk])).status_code == 404
    assert not AccessLogEntry.objects.filter(municipality=municipality_a, person_id=theirs.pk).exists()


@pytest.mark.parametrize("role", [r for r in Role if r != Role.LEADER])
def test_the_search_and_the_report_are_for_leaders_only(role, login, users_a, citizen):
    client = login(users_a[role])
    assert client.post(reverse("audit:log"), {"citizen": CPR}).status_code == 403
    assert client.get(reverse("audit:person_report", args=[citizen.pk])).status_code == 403
    assert not AccessLogEntry.objects.filter(action=Action.SEARCH).exists()


def _worker_changes(municipality, users, team, n):
    worker = users[Role.SUPPORT_WORKER]
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(
            municipality=municipality,
            user=users[Role.LEADER],
            user_label="Leder",
            role=Role.LEADER,
            action=Action.UPDATE,
            purpose="Organisering af støttemedarbejdere",
            changes={"worker": ["", str(worker.pk)], "team_id": ["", str(team.pk)]},
        )
        for _ in range(n)
    )


def test_the_page_query_count_does_not_grow_with_the_rows(leader, users_a, municipality_a):
    _, _, team = icm_setup(users_a, municipality_a)
    _worker_changes(municipality_a, users_a, team, 3)
    leader.get(reverse("audit:log"))  # the session's first request does its one-off work
    with CaptureQueriesContext(connection) as few:
        assert leader.get(reverse("audit:log")).status_code == 200
    _worker_changes(municipality_a, users_a, team, 60)
    with CaptureQueriesContext(connection) as many:
        html = leader.get(reverse("audit:log")).content.decode()
    assert "ICM-teamet" in html
    assert len(many) == len(few)
    assert not any("COUNT(" in q["sql"].upper() for q in many.captured_queries if "audit_" in q["sql"])


def test_the_access_report_pdf_names_who_what_and_why_in_the_period(
    leader, monkeypatch, users_a, municipality_a, citizen
):
    monkeypatch.setattr("weasyprint.HTML", FakeHTML)
    old = AccessLogEntry.objects.create(
        municipality=municipality_a,
        user=users_a[Role.SUPPORT_WORKER],
        user_label="Sofie Støtte",
        role=Role.SUPPORT_WORKER,
        action=Action.READ,
        person_id=citizen.pk,
        purpose="Sagsbehandling: borgerens side",
    )
    with pgtrigger.ignore("audit.AccessLogEntry:append_only"):  # the log is append-only; a test may age a row
        AccessLogEntry.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=400))
    log_access(
        actor=users_a[Role.SUPPORT_WORKER],
        municipality=municipality_a,
        action=Action.READ,
        purpose="Opfølgning på hjemløselisten",
        person_id=citizen.pk,
        role=Role.SUPPORT_WORKER,
    )
    since = (timezone.localdate() - timedelta(days=30)).isoformat()
    response = leader.get(reverse("audit:person_report", args=[citizen.pk]), {"date_from": since})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "Magnus Kvistgaard" in html
    assert "Opfølgning på hjemløselisten" in html and "Støttemedarbejder" in html and "Opslag" in html
    assert "Sagsbehandling: borgerens side" not in html  # before the period
    assert "Oprettelse: " in html  # what was done names the fields
    export = AccessLogEntry.objects.get(action=Action.EXPORT, person_id=citizen.pk)
    assert export.purpose == REPORT_PURPOSE and export.user == users_a[Role.LEADER]
    assert REPORT_PURPOSE in html  # the download is part of its own report


def test_the_report_of_a_deleted_citizen_comes_from_the_log_by_id(leader, monkeypatch, municipality_a):
    monkeypatch.setattr("weasyprint.HTML", FakeHTML)
    log_access(
        actor=None, municipality=municipality_a, action=Action.READ, purpose="Gammel", person_id=987654
    )
    html = leader.get(reverse("audit:person_report", args=[987654])).content.decode()
    assert "Borger-id 987654" in html and "Gammel" in html


def test_the_csv_export_is_kept(leader, citizen):
    response = leader.get(reverse("audit:person_export", args=[citizen.pk]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
