"""The access log (audit/): every write and read of a person is logged; the log is append-only,
pruned after the retention period and exportable per citizen (Datatilsynet; CJEU C-579/21)."""

import csv
import io
from datetime import date, timedelta

import pgtrigger
import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from audit.models import AccessLogEntry, Action
from audit.services import log_access, purge_expired_logs
from people import services

pytestmark = pytest.mark.django_db

# Logging in runs the daily inactivity job with the real date: people in request tests are recent.
RECENT = timezone.localdate() - timedelta(days=10)


@pytest.fixture
def person_factory(person_factory):
    def create(actor, **kw):
        kw.setdefault("start", RECENT)
        return person_factory(actor, **kw)

    return create


def entries_for(person, **kw):
    return AccessLogEntry.objects.filter(person_id=person.pk, **kw)


def test_person_create_is_logged_with_user_action_person_and_purpose(worker_a, person_factory):
    person = person_factory(worker_a)
    entry = entries_for(person).get()
    assert (entry.user, entry.action, entry.person_id, entry.purpose) == (
        worker_a.user,
        Action.CREATE,
        person.pk,
        "Registrering på hjemløselisten",
    )
    assert entry.municipality_id == worker_a.municipality.pk
    assert entry.role == Role.OUTREACH_WORKER


WRITES = {
    "person_update": (
        lambda a, p: services.person_update(actor=a, person=p, phone="12345678"),
        Action.UPDATE,
        "Opdatering af stamdata",
    ),
    "situation_record": (
        lambda a, p: services.situation_record(
            actor=a, person=p, situation="shelter", start_date=date(2025, 2, 1)
        ),
        Action.CREATE,
        "Registrering af situation",
    ),
    "status_change": (
        lambda a, p: services.status_change(
            actor=a, person=p, status="moved_away", on=date(2025, 2, 1), reason="Flyttet til Odense"
        ),
        Action.UPDATE,
        "Ændring af status på hjemløselisten",
    ),
    "contact_record": (
        lambda a, p: services.contact_record(
            actor=a, person=p, contacted_on=date(2025, 2, 1), kind="phone", reached=True
        ),
        Action.CREATE,
        "Registrering af kontakt",
    ),
    "needs_list_register": (
        lambda a, p: services.needs_list_register(
            actor=a, person=p, registered_on=date(2025, 2, 1), max_rent=3500
        ),
        Action.CREATE,
        "Boligbehovslisten",
    ),
    "needs_list_remove": (
        lambda a, p: services.needs_list_remove(actor=a, person=p, removed_on=date(2025, 2, 1)),
        Action.UPDATE,
        "Boligbehovslisten",
    ),
}


@pytest.mark.parametrize("name", WRITES)
def test_every_service_write_is_logged(name, worker_a, person_factory):
    person = person_factory(worker_a, start=date(2025, 1, 10))
    write, action, purpose = WRITES[name]
    before = entries_for(person).count()
    write(worker_a, person)
    entry = entries_for(person).order_by("-id").first()
    assert entries_for(person).count() == before + 1
    assert (entry.user, entry.action, entry.purpose) == (worker_a.user, action, purpose)


def test_a_change_is_logged_with_before_and_after(worker_a, person_factory):
    person = person_factory(worker_a)
    services.person_update(actor=worker_a, person=person, phone="12345678")
    assert entries_for(person, action=Action.UPDATE).get().changes == {"phone": ["", "12345678"]}


def test_a_cpr_change_is_logged_without_the_number(worker_a, person_factory):
    person = person_factory(worker_a)
    services.person_update(actor=worker_a, person=person, cpr="010190-1234")
    entry = entries_for(person, action=Action.UPDATE).get()
    assert entry.changes["cpr"] == ["***", "***"]
    assert "1234" not in str(entry.changes) and "010190" not in str(entry.changes)


def test_marking_inactive_is_logged_as_a_system_change(worker_a, municipality_a, person_factory):
    person = person_factory(worker_a, start=date(2025, 1, 1))
    services.mark_inactive(municipality=municipality_a, today=date(2025, 6, 1))
    entry = entries_for(person).order_by("-id").first()
    assert (entry.action, entry.user, entry.user_label) == (Action.UPDATE, None, "system")
    assert "inaktiv" in entry.purpose.lower()


@pytest.mark.parametrize("url_name", ["people:detail", "people:edit", "people:needs_edit"])
def test_every_person_page_read_is_logged(url_name, login, users_a, worker_a, person_factory):
    person = person_factory(worker_a, start=RECENT)
    user = users_a[Role.SUPPORT_WORKER]
    response = login(user).get(reverse(url_name, args=[person.pk]))
    assert response.status_code == 200
    entry = entries_for(person, action=Action.READ).get()
    assert (entry.user, entry.role) == (user, Role.SUPPORT_WORKER)
    assert entry.purpose  # a purpose is always given
    assert entry.path == reverse(url_name, args=[person.pk])


def test_the_list_page_logs_a_read_of_each_person_shown(login, users_a, worker_a, person_factory):
    shown = [person_factory(worker_a, first_name=f"Navn{i}", start=RECENT) for i in range(3)]
    login(users_a[Role.LEADER]).get(reverse("people:list"))
    assert set(AccessLogEntry.objects.filter(action=Action.READ).values_list("person_id", flat=True)) == {
        p.pk for p in shown
    }


def test_a_search_logs_its_terms(login, users_a, worker_a, person_factory):
    person_factory(worker_a)
    login(users_a[Role.OUTREACH_WORKER]).get(reverse("people:list"), {"q": "Hansen", "situation": "homeless"})
    entry = AccessLogEntry.objects.get(action=Action.SEARCH)
    assert "q=Hansen" in entry.detail and "situation=homeless" in entry.detail
    assert entry.user == users_a[Role.OUTREACH_WORKER]


def test_a_cpr_search_term_is_logged_masked(login, users_a, worker_a, person_factory):
    person = person_factory(worker_a, cpr="010190-1234", start=RECENT)
    # The search form is posted; the list's address carries a token, never the number (issue 9 item 16).
    client = login(users_a[Role.OUTREACH_WORKER])
    response = client.get(client.post(reverse("people:list"), {"q": "010190-1234"})["Location"])
    assert person.display_name in response.content.decode()  # the search found them
    entry = AccessLogEntry.objects.get(action=Action.SEARCH)
    assert "010190-XXXX" in entry.detail
    assert "1234" not in entry.detail


def test_saving_a_log_entry_again_raises(worker_a, person_factory):
    person = person_factory(worker_a)
    entry = entries_for(person).get()
    entry.purpose = "Ændret"
    with pytest.raises(PermissionError, match="Loggen kan ikke ændres"):
        entry.save()
    entry.refresh_from_db()
    assert entry.purpose == "Registrering på hjemløselisten"


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the append-only trigger exists on PostgreSQL only"
)
@pytest.mark.parametrize(
    "sql", ["UPDATE audit_accesslogentry SET purpose = 'x'", "DELETE FROM audit_accesslogentry"]
)
def test_postgres_trigger_refuses_raw_update_and_delete(sql, worker_a, person_factory):
    person = person_factory(worker_a)
    with (
        pytest.raises(DatabaseError, match="Cannot update or delete"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)
    assert entries_for(person).get().purpose == "Registrering på hjemløselisten"


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the append-only trigger exists on PostgreSQL only"
)
def test_postgres_trigger_refuses_a_queryset_update(worker_a, person_factory):
    person_factory(worker_a)
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessLogEntry.objects.update(purpose="x")


def _age(entry, days):
    with pgtrigger.ignore("audit.AccessLogEntry:append_only"):
        AccessLogEntry.objects.filter(pk=entry.pk).update(at=timezone.now() - timedelta(days=days))


def test_purge_deletes_only_entries_older_than_the_retention(municipality_a, municipality_b, settings):
    settings.HF = {**settings.HF, "AUDIT": {"LOG_RETENTION_DAYS": 100}}
    old_a = log_access(actor=None, municipality=municipality_a, action=Action.READ, purpose="gammel")
    old_b = log_access(actor=None, municipality=municipality_b, action=Action.READ, purpose="gammel")
    edge = log_access(actor=None, municipality=municipality_a, action=Action.READ, purpose="næsten")
    new = log_access(actor=None, municipality=municipality_a, action=Action.READ, purpose="ny")
    _age(old_a, 101)
    _age(old_b, 101)
    _age(edge, 99)
    deleted = purge_expired_logs()
    assert deleted == 2
    assert set(AccessLogEntry.objects.values_list("pk", flat=True)) == {edge.pk, new.pk}


def test_purge_takes_an_explicit_retention(municipality_a):
    entry = log_access(actor=None, municipality=municipality_a, action=Action.READ, purpose="gammel")
    _age(entry, 10)
    assert purge_expired_logs(retention_days=30) == 0
    assert purge_expired_logs(retention_days=5) == 1


def _csv_rows(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


def test_person_log_export_gives_a_leader_every_lookup_on_the_citizen(
    login, users_a, worker_a, person_factory
):
    person = person_factory(worker_a)
    login(users_a[Role.SUPPORT_WORKER]).get(reverse("people:detail", args=[person.pk]))
    response = login(users_a[Role.LEADER]).get(reverse("audit:person_export", args=[person.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = _csv_rows(response)
    assert rows[0] == ["Tidspunkt", "Handling", "Formål", "Medarbejderens rolle"]
    assert [r[1:] for r in rows[1:]] == [
        ["Oprettelse", "Registrering på hjemløselisten", "Gadeplansmedarbejder"],
        ["Opslag", "Sagsbehandling: borgerens side", "Støttemedarbejder"],
        ["Udtræk", "Indsigtsanmodning: borgerens opslag", "Leder"],  # the request itself is a lookup
    ]


def test_person_log_export_is_itself_logged(login, users_a, worker_a, person_factory):
    person = person_factory(worker_a)
    login(users_a[Role.LEADER]).get(reverse("audit:person_export", args=[person.pk]))
    entry = entries_for(person, action=Action.EXPORT).get()
    assert entry.user == users_a[Role.LEADER]


@pytest.mark.parametrize("role", [r for r in Role if r != Role.LEADER])
def test_person_log_export_is_forbidden_for_other_roles(role, login, users_a, worker_a, person_factory):
    person = person_factory(worker_a)
    response = login(users_a[role]).get(reverse("audit:person_export", args=[person.pk]))
    assert response.status_code == 403
    assert not entries_for(person, action=Action.EXPORT).exists()


def test_person_log_export_of_another_municipalitys_citizen_is_not_found(
    login, users_a, worker_b, person_factory
):
    person_b = person_factory(worker_b)
    response = login(users_a[Role.LEADER]).get(reverse("audit:person_export", args=[person_b.pk]))
    assert response.status_code == 404
    assert not AccessLogEntry.objects.filter(
        municipality=users_a[Role.LEADER].memberships.get().municipality, person_id=person_b.pk
    ).exists()


def test_log_page_is_shown_to_a_leader(login, users_a, worker_a, person_factory):
    person_factory(worker_a)
    response = login(users_a[Role.LEADER]).get(reverse("audit:log"))
    assert response.status_code == 200
    assert "Registrering på hjemløselisten" in response.content.decode()


@pytest.mark.parametrize("role", [r for r in Role if r != Role.LEADER])
def test_log_page_is_forbidden_for_other_roles(role, login, users_a):
    assert login(users_a[role]).get(reverse("audit:log")).status_code == 403


def test_log_page_shows_only_the_own_municipalitys_entries(
    login, users_a, worker_a, worker_b, person_factory
):
    person_factory(worker_b)
    log_access(actor=None, municipality=worker_b.municipality, action=Action.READ, purpose="Kun i Odense")
    response = login(users_a[Role.LEADER]).get(reverse("audit:log"))
    assert "Kun i Odense" not in response.content.decode()
