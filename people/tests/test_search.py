"""Search on the by-name list (issue 9 item 16): every citizen of the municipality, Danish letters
folded, birth dates, and a CPR number never in a URL or the log."""

from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from audit.models import AccessLogEntry, Action
from people import search, services
from people.models import Person
from people.selectors import by_name_list, search_terms_for_log

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
RECENT = TODAY - timedelta(days=30)
CPR = "010190-1234"


def found(actor, **filters):
    return set(by_name_list(actor, filters=filters, today=TODAY).values_list("last_name", flat=True))


@pytest.mark.parametrize(
    "typed,stored",
    [
        ("Soren", "Søren"),
        ("Soeren", "Søren"),
        ("søren", "Soeren"),
        ("Aase", "Åse"),
        ("åse", "Aase"),
        ("Maersk", "Mærsk"),
        ("mærsk", "Maersk"),
        ("Jose", "José"),
    ],
)
def test_danish_letters_are_folded_both_ways(typed, stored, worker_a, person_factory):
    person_factory(worker_a, first_name=stored, last_name="Fold", start=RECENT)
    assert found(worker_a, q=typed) == {"Fold"}


@pytest.mark.parametrize("typed", ["12.03.1985", "12-03-1985", "1985-03-12", "12031985", "120385"])
def test_a_birth_date_is_found_as_typed(typed, worker_a, person_factory):
    person_factory(worker_a, last_name="Foedt", birth_date=date(1985, 3, 12), start=RECENT)
    person_factory(worker_a, last_name="Andendag", birth_date=date(1985, 3, 13), start=RECENT)
    assert found(worker_a, q=typed) == {"Foedt"}


def test_a_search_finds_housed_inactive_and_moved_citizens_too(worker_a, person_factory):
    housed = person_factory(worker_a, last_name="Boligsen", start=RECENT - timedelta(days=10))
    services.situation_record(actor=worker_a, person=housed, situation="own_home", start_date=RECENT)
    moved = person_factory(worker_a, last_name="Boligflyttet", start=RECENT)
    services.status_change(actor=worker_a, person=moved, status="moved_away", on=RECENT, reason="Flyttet")
    person_factory(worker_a, last_name="Boligaktiv", start=RECENT)
    assert found(worker_a) == {"Boligaktiv"}  # the list itself: active only
    assert found(worker_a, q="bolig") == {"Boligsen", "Boligflyttet", "Boligaktiv"}
    assert found(worker_a, q="bolig", status="housed") == {"Boligsen"}
    assert found(worker_a, q="bolig", status="active") == {"Boligaktiv"}
    assert found(worker_a, status="moved_away") == {"Boligflyttet"}


def test_the_search_stays_inside_the_municipality(worker_a, worker_b, person_factory):
    person_factory(worker_b, last_name="Odenser", start=RECENT)
    assert found(worker_a, q="Odenser") == set()


def test_the_search_key_is_kept_when_a_name_changes(worker_a, person_factory):
    person = person_factory(worker_a, first_name="Per", last_name="Hansen", start=RECENT)
    services.person_update(actor=worker_a, person=person, last_name="Sørensen")
    assert Person.objects.get(pk=person.pk).search_name == " per sorensen "
    assert found(worker_a, q="Soerensen") == {"Sørensen"}


def test_the_migration_fills_the_search_key_of_existing_people(worker_a, person_factory):
    from importlib import import_module
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection

    person = person_factory(worker_a, first_name="Ærlig", last_name="Øster", start=RECENT)
    Person.objects.filter(pk=person.pk).update(search_name="")
    migration = import_module("people.migrations.0006_person_search_name")
    editor = SimpleNamespace(connection=connection, execute=lambda sql: connection.cursor().execute(sql))
    migration.fill_search_name(apps, editor)
    assert Person.objects.get(pk=person.pk).search_name == " aerlig oster "


def test_searching_for_a_cpr_number_posts_and_redirects_with_a_token(
    login, users_a, worker_a, person_factory
):
    person_factory(worker_a, last_name="Cprsen", cpr=CPR, start=RECENT)
    client = login(users_a[Role.OUTREACH_WORKER])
    response = client.post(reverse("people:list"), {"q": CPR, "situation": "homeless"})
    assert response.status_code == 302
    location = response["Location"]
    assert CPR not in location and "0101901234" not in location and "010190" not in location
    query = parse_qs(urlsplit(location).query)
    assert query["q"][0].startswith("cpr-") and query["situation"] == ["homeless"]
    page = client.get(location).content.decode()
    assert "Cprsen" in page


def test_a_cpr_number_typed_into_the_address_is_replaced_by_a_token(login, users_a, worker_a, person_factory):
    person_factory(worker_a, last_name="Cprsen", cpr=CPR, start=RECENT)
    response = login(users_a[Role.OUTREACH_WORKER]).get(reverse("people:list"), {"q": CPR})
    assert response.status_code == 302 and CPR not in response["Location"] and "cpr-" in response["Location"]


def test_a_cpr_search_is_logged_masked_whatever_else_is_typed(login, users_a, worker_a, person_factory):
    person_factory(worker_a, first_name="Jens", last_name="Cprsen", cpr=CPR, start=RECENT)
    client = login(users_a[Role.OUTREACH_WORKER])
    client.get(client.post(reverse("people:list"), {"q": f"Jens {CPR}"})["Location"])
    detail = AccessLogEntry.objects.get(action=Action.SEARCH).detail
    assert "q=Jens 010190-XXXX" in detail and "1234" not in detail


def test_a_cpr_inside_other_words_is_masked_in_the_log_terms():
    assert search_terms_for_log({"q": "Jens 0101901234 x"}) == "q=Jens 010190-XXXX x"


def test_an_expired_or_forged_token_finds_nobody(worker_a, person_factory):
    person_factory(worker_a, last_name="Cprsen", cpr=CPR, start=RECENT)
    assert found(worker_a, q="cpr-gAAAAAforged") == set()


def test_the_export_follows_the_token(login, users_a, worker_a, person_factory):
    person_factory(worker_a, last_name="Cprsen", cpr=CPR, start=RECENT)
    person_factory(worker_a, last_name="Andersen", start=RECENT)
    client = login(users_a[Role.LEADER])
    location = client.post(reverse("people:list"), {"q": CPR})["Location"]
    body = (
        client.get(reverse("people:export", args=["csv"]) + "?" + urlsplit(location).query)
        .getvalue()
        .decode("utf-8-sig")
    )
    assert "Cprsen" in body and "Andersen" not in body


def test_fold_is_the_same_on_both_sides():
    assert search.fold("Søren Ærø-Åsen") == search.fold("Soeren Aeroe Aasen") == "soren aero aasen"


def test_after_a_cpr_search_the_box_shows_the_number_masked_and_searching_again_keeps_it(
    login, users_a, worker_a, person_factory
):
    person_factory(worker_a, last_name="Cprsen", cpr=CPR, start=RECENT)
    client = login(users_a[Role.OUTREACH_WORKER])
    location = client.post(reverse("people:list"), {"q": CPR})["Location"]
    page = client.get(location).content.decode()
    token = parse_qs(urlsplit(location).query)["q"][0]
    assert 'value="010190-XXXX"' in page and "1234" not in page.split("<main")[-1].split("</form>")[0]
    # Posted again unchanged (e.g. with another filter), the search still finds the citizen.
    again = client.post(
        reverse("people:list"), {"q": "010190-XXXX", "q_tokens": token, "situation": "homeless"}
    )
    assert parse_qs(urlsplit(again["Location"]).query)["q"] == [token]
    assert "Cprsen" in client.get(again["Location"]).content.decode()
