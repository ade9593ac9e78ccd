"""One validation per field (issue 9 item 15): the forms (through the services), the services and the
import refuse the same values with the same message (people/rules.py, core/dates.py)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from imports import parsing
from imports.tests.conftest import csv_bytes
from people import services
from people.models import Contact, NeedsListEntry, Person, SituationPeriod, StatusChange
from people.services import PersonDataError

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
TOMORROW = TODAY + timedelta(days=1)
FUTURE = "Datoen ligger i fremtiden."


def import_messages(header, row) -> list[str]:
    return [e.message for e in parsing.parse(csv_bytes([header, row]), "liste.csv", today=TODAY).errors]


# --- services --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda a, p: services.situation_record(actor=a, person=p, situation="shelter", start_date=TOMORROW),
        lambda a, p: services.contact_record(
            actor=a, person=p, contacted_on=TOMORROW, kind="phone", reached=True
        ),
        lambda a, p: services.status_change(
            actor=a, person=p, status="moved_away", on=TOMORROW, reason="Flyttet"
        ),
        lambda a, p: services.needs_list_register(actor=a, person=p, registered_on=TOMORROW, max_rent=3000),
    ],
    ids=["situation", "contact", "status", "needs_list"],
)
def test_the_services_refuse_a_date_after_today_and_save_nothing(call, worker_a, person_factory):
    person = person_factory(worker_a, start=TODAY - timedelta(days=5))
    counts = [m.objects.count() for m in (SituationPeriod, Contact, StatusChange, NeedsListEntry)]
    with pytest.raises(PersonDataError, match=FUTURE):
        call(worker_a, person)
    assert [m.objects.count() for m in (SituationPeriod, Contact, StatusChange, NeedsListEntry)] == counts


@pytest.mark.parametrize(
    "kw,field",
    [
        ({"situation_start": TOMORROW}, "situation_start"),
        ({"identified_on": TOMORROW}, "identified_on"),
        ({"birth_date": TOMORROW}, "birth_date"),
        ({"birth_date": date(1, 1, 1)}, "birth_date"),
        ({"birth_year": 1800}, "birth_year"),
    ],
    ids=["situation_start", "identified_on", "birth_future", "birth_year_1", "birth_year_1800"],
)
def test_creating_a_person_refuses_impossible_dates_on_the_named_field(kw, field, worker_a):
    kw = {"situation": "street", "situation_start": TODAY - timedelta(days=3)} | kw
    with pytest.raises(PersonDataError) as exc:
        services.person_create(actor=worker_a, first_name="Jens", last_name="Dato", **kw)
    assert exc.value.field == field
    assert not Person.objects.filter(last_name="Dato").exists()


def test_a_birth_date_contradicting_the_cpr_is_refused_not_overwritten(worker_a):
    with pytest.raises(PersonDataError) as exc:
        services.person_create(
            actor=worker_a,
            first_name="Jens",
            cpr="010185-1230",
            birth_date=date(1985, 1, 2),
            situation="street",
            situation_start=TODAY,
        )
    assert (exc.value.field, exc.value.message) == (
        "birth_date",
        "Fødselsdatoen passer ikke med CPR-nummeret (01.01.1985).",
    )


def test_a_birth_date_missing_is_taken_from_the_cpr(worker_a):
    person = services.person_create(
        actor=worker_a, first_name="Jens", cpr="010185-1230", situation="street", situation_start=TODAY
    )
    assert (person.birth_date, person.birth_year) == (date(1985, 1, 1), 1985)


def test_editing_the_birth_date_away_from_the_stored_cpr_is_refused(worker_a, person_factory):
    person = person_factory(worker_a, cpr="010185-1230", start=TODAY)
    with pytest.raises(PersonDataError, match="passer ikke med CPR"):
        services.person_update(actor=worker_a, person=person, birth_date=date(1990, 5, 5))
    person.refresh_from_db()
    assert person.birth_date == date(1985, 1, 1)


def test_a_situation_before_the_birth_is_refused(worker_a, person_factory):
    person = person_factory(worker_a, birth_date=date(2000, 1, 1), start=date(2001, 1, 1))
    with pytest.raises(PersonDataError, match="før borgerens fødsel"):
        services.situation_record(
            actor=worker_a, person=person, situation="shelter", start_date=date(1999, 1, 1)
        )


# --- forms: the same message on the page, naming the field ------------------------------------------


def test_the_contact_form_names_the_field_and_the_rule(login, users_a, worker_a, person_factory):
    person = person_factory(worker_a, start=TODAY - timedelta(days=5))
    client = login(users_a[Role.OUTREACH_WORKER])
    response = client.post(
        reverse("people:contact_add", args=[person.pk]),
        {"contact-contacted_on": TOMORROW.isoformat(), "contact-kind": "phone", "contact-reached": "1"},
        follow=True,
    )
    assert f"Dato: {FUTURE}" in response.content.decode()
    assert not Contact.objects.filter(person=person).exists()


def test_the_create_form_refuses_a_birth_date_contradicting_the_cpr(login, users_a):
    response = login(users_a[Role.OUTREACH_WORKER]).post(
        reverse("people:create"),
        {
            "first_name": "Ny",
            "last_name": "Borger",
            "cpr": "010185-1230",
            "birth_date": "1985-01-02",
            "gender": "unknown",
            "situation": "street",
            "situation_start": TODAY.isoformat(),
            "confirmed": "True",
        },
    )
    assert response.status_code == 200
    assert "Fødselsdatoen passer ikke med CPR-nummeret (01.01.1985)." in response.content.decode()
    assert not Person.objects.filter(last_name="Borger").exists()


# --- the import: the same rules and messages -------------------------------------------------------


def test_the_import_refuses_the_same_dates_with_the_same_messages():
    header = ["Initialer", "CPR", "Fødselsdato", "Situation", "Situation fra"]
    assert import_messages(header, ["JH", "", f"{TOMORROW:%d.%m.%Y}", "Gaden", f"{TODAY:%d.%m.%Y}"]) == [
        FUTURE,
        "Datoen ligger før borgerens fødsel.",
    ]
    assert import_messages(header, ["JH", "", "01.01.0001", "Gaden", f"{TODAY:%d.%m.%Y}"]) == [
        "Datoen ligger før 01.01.1900."
    ]
    assert import_messages(header, ["JH", "", "", "Gaden", f"{TOMORROW:%d.%m.%Y}"]) == [FUTURE]
    assert import_messages(header, ["JH", "010185-1230", "02.01.1985", "Gaden", f"{TODAY:%d.%m.%Y}"]) == [
        "Fødselsdatoen passer ikke med CPR-nummeret (01.01.1985)."
    ]
