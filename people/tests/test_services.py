"""Writes on people (people/services.py): situations, statuses, inactivity, CPR at rest, needs list."""

from datetime import date, timedelta

import pytest
from django.db import IntegrityError, connection, transaction

from people import crypto, services
from people.models import NeedsListEntry, Person, SituationPeriod, StatusChange
from people.services import PersonDataError
from people.statuses import Status

pytestmark = pytest.mark.django_db


def statuses(person):
    return list(
        StatusChange.objects.filter(person=person)
        .order_by("changed_on", "id")
        .values_list("status", flat=True)
    )


def test_recording_a_situation_closes_the_previous_period_on_the_new_start(worker_a, person_factory):
    person = person_factory(worker_a, situation="street", start=date(2025, 1, 10))
    services.situation_record(actor=worker_a, person=person, situation="shelter", start_date=date(2025, 2, 1))
    periods = list(
        SituationPeriod.objects.filter(person=person).values_list("situation", "start_date", "end_date")
    )
    assert periods == [("street", date(2025, 1, 10), date(2025, 2, 1)), ("shelter", date(2025, 2, 1), None)]
    person.refresh_from_db()
    assert (person.current_situation, person.situation_since, person.homeless_since) == (
        "shelter",
        date(2025, 2, 1),
        date(2025, 1, 10),
    )


def test_own_home_records_housed_with_days_on_the_list(worker_a, person_factory):
    person = person_factory(worker_a, start=date(2025, 1, 10))
    services.situation_record(
        actor=worker_a, person=person, situation="own_home", start_date=date(2025, 3, 1)
    )
    change = StatusChange.objects.filter(person=person).latest("id")
    assert (change.status, change.previous_status, change.days_on_list) == (
        Status.HOUSED,
        Status.NEWLY_IDENTIFIED,
        50,
    )
    person.refresh_from_db()
    assert person.current_status == Status.HOUSED
    assert person.homeless_since is None


def test_homeless_again_after_housing_returns_from_housing(worker_a, person_factory):
    person = person_factory(worker_a, start=date(2025, 1, 10))
    services.situation_record(
        actor=worker_a, person=person, situation="own_home", start_date=date(2025, 3, 1)
    )
    services.situation_record(
        actor=worker_a, person=person, situation="sofa_surfer", start_date=date(2025, 5, 1)
    )
    assert statuses(person) == ["newly_identified", "housed", "returned_from_housing"]
    person.refresh_from_db()
    assert person.homeless_since == date(2025, 5, 1)


def test_a_reached_contact_brings_an_inactive_person_back(worker_a, person_factory):
    person = person_factory(worker_a, start=date(2025, 1, 10))
    services.status_change(
        actor=worker_a, person=person, status="inactive", on=date(2025, 4, 10), reason="Ingen kontakt"
    )
    services.contact_record(
        actor=worker_a, person=person, contacted_on=date(2025, 5, 2), kind="outreach", reached=True
    )
    assert statuses(person) == ["newly_identified", "inactive", "returned_from_inactive"]
    person.refresh_from_db()
    assert (person.current_status, person.last_activity_on) == (
        Status.RETURNED_FROM_INACTIVE,
        date(2025, 5, 2),
    )


def test_an_unanswered_contact_attempt_keeps_an_inactive_person_inactive(worker_a, person_factory):
    person = person_factory(worker_a, start=date(2025, 1, 10))
    services.status_change(
        actor=worker_a, person=person, status="inactive", on=date(2025, 4, 10), reason="Ingen kontakt"
    )
    services.contact_record(
        actor=worker_a, person=person, contacted_on=date(2025, 5, 2), kind="phone", reached=False
    )
    person.refresh_from_db()
    assert person.current_status == Status.INACTIVE


def test_mark_inactive_after_90_days_by_default(worker_a, municipality_a, person_factory):
    stale = person_factory(worker_a, first_name="Gammel", start=date(2025, 1, 1))
    fresh = person_factory(worker_a, first_name="Ny", start=date(2025, 1, 2))
    count = services.mark_inactive(municipality=municipality_a, today=date(2025, 1, 1) + timedelta(days=90))
    assert count == 1
    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert (stale.current_status, fresh.current_status) == (Status.INACTIVE, Status.NEWLY_IDENTIFIED)


def test_mark_inactive_uses_the_municipality_override(worker_a, municipality_a, person_factory):
    municipality_a.inactive_after_days = 30
    municipality_a.save()
    person = person_factory(worker_a, start=date(2025, 1, 1))
    assert services.mark_inactive(municipality=municipality_a, today=date(2025, 1, 30)) == 0
    assert services.mark_inactive(municipality=municipality_a, today=date(2025, 1, 31)) == 1
    assert statuses(person) == ["newly_identified", "inactive"]


def test_mark_inactive_leaves_other_municipalities_alone(worker_a, worker_b, municipality_a, person_factory):
    other = person_factory(worker_b, start=date(2025, 1, 1))
    services.mark_inactive(municipality=municipality_a, today=date(2025, 12, 31))
    other.refresh_from_db()
    assert other.current_status == Status.NEWLY_IDENTIFIED


def test_an_open_needs_list_entry_alone_does_not_keep_a_person_active(
    worker_a, municipality_a, person_factory
):
    person = person_factory(worker_a, start=date(2025, 1, 1))
    services.needs_list_register(actor=worker_a, person=person, registered_on=date(2025, 3, 1), max_rent=3500)
    assert services.mark_inactive(municipality=municipality_a, today=date(2025, 4, 1)) == 1


def test_a_situation_dated_before_the_last_one_is_refused_in_danish(worker_a, person_factory):
    person = person_factory(worker_a, start=date(2025, 3, 1))
    with pytest.raises(PersonDataError) as exc:
        services.situation_record(
            actor=worker_a, person=person, situation="shelter", start_date=date(2025, 2, 28)
        )
    assert exc.value.field == "start_date"
    assert exc.value.message == "Datoen ligger før den seneste situation (01.03.2025)."
    assert SituationPeriod.objects.filter(person=person).count() == 1


def test_cpr_is_encrypted_at_rest(worker_a, person_factory):
    person = person_factory(worker_a, cpr="010190-1234")
    with connection.cursor() as cursor:
        cursor.execute("SELECT cpr_encrypted, cpr_hash FROM people_person WHERE id = %s", [person.pk])
        encrypted, hashed = cursor.fetchone()
    assert "0101901234" not in encrypted and "010190" not in encrypted and "1234" not in encrypted
    assert "0101901234" not in hashed
    assert Person.objects.get(pk=person.pk).cpr == "0101901234"


def test_cpr_is_stored_as_the_keyed_hash(worker_a, person_factory):
    person = person_factory(worker_a, cpr="0101901234")
    assert person.cpr_hash == crypto.keyed_hash("0101901234")
    assert person.birth_date == date(1990, 1, 1)


def test_the_same_cpr_twice_in_one_municipality_is_refused(worker_a, person_factory):
    person_factory(worker_a, first_name="Først", cpr="010190-1234")
    with pytest.raises(PersonDataError) as exc:
        person_factory(worker_a, first_name="Anden", cpr="0101901234")
    assert exc.value.field == "cpr"
    assert "findes allerede" in exc.value.message


def test_the_database_refuses_a_second_person_with_the_same_cpr_hash(
    worker_a, municipality_a, person_factory
):
    existing = person_factory(worker_a, cpr="010190-1234")
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.create(municipality=municipality_a, first_name="Dublet", cpr_hash=existing.cpr_hash)


def test_the_same_cpr_is_allowed_in_another_municipality(worker_a, worker_b, person_factory):
    a = person_factory(worker_a, cpr="010190-1234")
    b = person_factory(worker_b, cpr="010190-1234")
    assert a.cpr_hash == b.cpr_hash and a.municipality_id != b.municipality_id


def test_person_update_to_an_existing_cpr_is_refused(worker_a, person_factory):
    person_factory(worker_a, first_name="Først", cpr="010190-1234")
    other = person_factory(worker_a, first_name="Anden")
    with pytest.raises(PersonDataError):
        services.person_update(actor=worker_a, person=other, cpr="010190-1234")


def test_a_person_needs_a_name_or_initials(worker_a, person_factory):
    with pytest.raises(PersonDataError, match="navn eller initialer"):
        person_factory(worker_a, first_name="", last_name="")


def test_needs_list_register_puts_the_person_on_the_list(worker_a, person_factory):
    person = person_factory(worker_a)
    entry = services.needs_list_register(
        actor=worker_a,
        person=person,
        registered_on=date(2025, 2, 1),
        max_rent=3500,
        areas="Frederikssund",
        sharing="alone",
    )
    person.refresh_from_db()
    assert person.on_needs_list
    assert (entry.max_rent, entry.areas, entry.sharing, entry.ordinary_building) == (
        3500,
        "Frederikssund",
        "alone",
        True,
    )


def test_needs_list_register_again_updates_the_open_entry(worker_a, person_factory):
    person = person_factory(worker_a)
    services.needs_list_register(actor=worker_a, person=person, registered_on=date(2025, 2, 1), max_rent=3500)
    services.needs_list_register(actor=worker_a, person=person, registered_on=date(2025, 3, 1), max_rent=4000)
    entries = list(
        NeedsListEntry.objects.filter(person=person).values_list("registered_on", "max_rent", "removed_on")
    )
    assert entries == [(date(2025, 2, 1), 4000, None)]


def test_needs_list_register_refuses_a_rent_that_is_not_positive(worker_a, person_factory):
    person = person_factory(worker_a)
    with pytest.raises(PersonDataError, match="husleje"):
        services.needs_list_register(
            actor=worker_a, person=person, registered_on=date(2025, 2, 1), max_rent=0
        )


def test_needs_list_remove_keeps_the_entry_with_its_date(worker_a, person_factory):
    person = person_factory(worker_a)
    services.needs_list_register(actor=worker_a, person=person, registered_on=date(2025, 2, 1), max_rent=3500)
    services.needs_list_remove(actor=worker_a, person=person, removed_on=date(2025, 4, 1))
    person.refresh_from_db()
    assert not person.on_needs_list
    assert list(NeedsListEntry.objects.filter(person=person).values_list("removed_on", flat=True)) == [
        date(2025, 4, 1)
    ]


def test_a_new_needs_list_entry_after_removal_is_a_new_row(worker_a, person_factory):
    person = person_factory(worker_a)
    services.needs_list_register(actor=worker_a, person=person, registered_on=date(2025, 2, 1), max_rent=3500)
    services.needs_list_remove(actor=worker_a, person=person, removed_on=date(2025, 4, 1))
    services.needs_list_register(actor=worker_a, person=person, registered_on=date(2025, 5, 1), max_rent=3000)
    assert NeedsListEntry.objects.filter(person=person).count() == 2
