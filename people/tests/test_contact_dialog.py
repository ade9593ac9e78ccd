"""Registering a contact or an attempt in two clicks (issue 14 item 4): the dialog (HTMX) and the form's own
page are one view and one service (people.services.contact_record), which refuses what the form refuses."""

import json
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from audit.models import AccessLogEntry, Action
from people import rules, services
from people.models import Contact, ContactKind
from people.services import PersonDataError

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def anna(worker_a, person_factory):
    return person_factory(worker_a, first_name="Anna", last_name="Gade", start=TODAY - timedelta(days=20))


def url(person):
    return reverse("people:contact_add", args=[person.pk])


def post(client, person, htmx=False, **fields):
    data = {"contacted_on": TODAY.isoformat(), "kind": "outreach", "reached": "1", "note": ""} | fields
    return client.post(
        url(person),
        {f"contact-{k}": v for k, v in data.items()} | {"next": "/borgere/?side=2"},
        **(HTMX if htmx else {}),
    )


def reads(person):
    return AccessLogEntry.objects.filter(person_id=person.pk, action=Action.READ).count()


# --- the dialog -----------------------------------------------------------------------------------------


def test_the_dialog_gets_the_form_alone_with_today_and_the_roles_kind(login, users_a, anna):
    client = login(users_a[Role.OUTREACH_WORKER])
    before = reads(anna)
    body = client.get(url(anna) + "?next=/borgere/", **HTMX).content.decode()
    assert "<html" not in body and 'id="contact-dialog-title"' in body and "Anna Gade" in body
    assert f'value="{TODAY.isoformat()}"' in body
    assert '<option value="outreach" selected>' in body
    assert 'hx-post="' in body and "data-dialog-close" in body
    assert reads(anna) == before + 1  # the form shows the citizen's name: one read


def test_without_javascript_the_form_is_a_page_of_its_own(login, users_a, anna):
    client = login(users_a[Role.SUPPORT_WORKER])
    body = client.get(url(anna) + "?next=/borgere/").content.decode()
    assert "<html" in body and "<h1" in body and 'hx-post="' not in body
    assert '<option value="meeting" selected>' in body  # a support worker mostly meets the citizen
    assert 'href="/borgere/"' in body


def test_a_contact_saved_in_the_dialog_closes_it_and_tells_the_page(login, users_a, anna):
    client = login(users_a[Role.OUTREACH_WORKER])
    response = post(client, anna, htmx=True, note="Under broen")
    assert response.status_code == 200 and response["HX-Reswap"] == "none"
    event = json.loads(response["HX-Trigger"])["hf-contact-recorded"]
    assert event["person"] == anna.pk and event["activity"] == f"{TODAY:%d.%m.%Y}"
    assert "Anna Gade" in event["message"]
    contact = Contact.objects.get(person=anna)
    assert contact.kind == "outreach" and contact.reached and contact.note == "Under broen"
    assert AccessLogEntry.objects.filter(person_id=anna.pk, action=Action.CREATE).exists()


def test_an_attempt_is_a_contact_not_reached(login, users_a, anna):
    client = login(users_a[Role.OUTREACH_WORKER])
    response = post(client, anna, htmx=True, reached="0", kind="note_at_door")
    assert "Kontaktforsøget" in json.loads(response["HX-Trigger"])["hf-contact-recorded"]["message"]
    anna.refresh_from_db()
    contact = Contact.objects.get(person=anna)
    assert not contact.reached and anna.last_contact_on == TODAY and anna.last_reached_on is None


def test_the_page_form_returns_to_where_the_worker_came_from(login, users_a, anna):
    client = login(users_a[Role.OUTREACH_WORKER])
    response = post(client, anna)
    assert response.status_code == 302 and response["Location"] == "/borgere/?side=2"
    response = client.post(
        url(anna),
        {
            "contact-contacted_on": TODAY.isoformat(),
            "contact-kind": "phone",
            "contact-reached": "1",
            "next": "https://example.org/",
        },
    )
    assert response["Location"] == reverse("people:detail", args=[anna.pk])  # never another site
    assert Contact.objects.filter(person=anna).count() == 2


def test_a_refused_contact_stays_in_the_dialog_with_the_error_at_the_field(login, users_a, anna):
    client = login(users_a[Role.OUTREACH_WORKER])
    before = reads(anna)
    response = post(client, anna, htmx=True, contacted_on=(TODAY + timedelta(days=1)).isoformat())
    body = response.content.decode()
    assert response.status_code == 200 and "HX-Trigger" not in response
    assert 'role="alert"' in body and "Datoen ligger i fremtiden." in body
    assert 'aria-describedby="id_contact-contacted_on-error"' in body
    assert not Contact.objects.filter(person=anna).exists()
    assert reads(anna) == before + 1  # shown again: a read


# --- one rule: the service refuses what the form refuses ------------------------------------------------


REFUSED = {
    "future": ({"contacted_on": TODAY + timedelta(days=1)}, "contacted_on", "Datoen ligger i fremtiden."),
    "kind": ({"kind": "pigeon"}, "kind", "Vælg kontaktformen."),
    "note": ({"note": "x" * 501}, "note", "500"),
}


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_the_service_refuses_what_the_form_refuses(case, worker_a, anna):
    change, field, message = REFUSED[case]
    kw = {"contacted_on": TODAY, "kind": "phone", "reached": True, "note": ""} | change
    with pytest.raises(PersonDataError) as exc:
        services.contact_record(actor=worker_a, person=anna, **kw)
    assert exc.value.field == field and message in exc.value.message
    assert not Contact.objects.filter(person=anna).exists()


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_the_form_refuses_the_same_and_saves_nothing(case, login, users_a, anna):
    change, field, message = REFUSED[case]
    client = login(users_a[Role.OUTREACH_WORKER])
    fields = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in change.items()}
    body = post(client, anna, htmx=True, **fields).content.decode()
    assert f'id="id_contact-{field}-error"' in body
    assert not Contact.objects.filter(person=anna).exists()


def test_a_role_that_may_not_edit_people_is_refused_by_the_view_and_the_service(
    login, users_a, municipality_a, actor_factory, anna
):
    client = login(users_a[Role.ANALYST])
    assert client.get(url(anna), **HTMX).status_code == 403
    assert post(client, anna, htmx=True).status_code == 403
    analyst = actor_factory(users_a[Role.ANALYST], municipality_a, Role.ANALYST)
    with pytest.raises(PermissionDenied):
        services.contact_record(actor=analyst, person=anna, contacted_on=TODAY, kind="phone", reached=True)
    assert not Contact.objects.filter(person=anna).exists()


def test_another_municipalitys_citizen_cannot_be_contacted(login, users_b, anna):
    client = login(users_b[Role.OUTREACH_WORKER])
    assert client.get(url(anna), **HTMX).status_code == 404
    assert post(client, anna, htmx=True).status_code == 404
    assert not Contact.objects.filter(person=anna).exists()


def test_the_rules_know_every_contact_kind():
    assert rules.CONTACT_KINDS == set(ContactKind.values)


# --- where the button is ----------------------------------------------------------------------------------


def test_each_row_of_the_by_name_list_has_a_contact_button_for_a_role_that_may_edit(login, users_a, anna):
    body = login(users_a[Role.OUTREACH_WORKER]).get(reverse("people:list")).content.decode()
    assert f'hx-get="{url(anna)}?next=' in body and f'data-contact-activity="{anna.pk}"' in body
    assert 'id="contact-dialog"' in body and "js/contact-dialog.js" in body
    assert "Registrér kontakt" in body and "med Anna Gade" in body


def test_the_list_has_no_contact_button_for_a_role_that_may_not_edit(login, users_a, anna, monkeypatch):
    from accounts import roles

    monkeypatch.setitem(
        roles.CAPABILITIES,
        Role.HOUSING_BROKER,
        roles.CAPABILITIES[Role.HOUSING_BROKER] - {roles.Capability.EDIT_PEOPLE},
    )
    body = login(users_a[Role.HOUSING_BROKER]).get(reverse("people:list")).content.decode()
    assert "Anna Gade" in body and "data-contact-dialog" not in body and 'id="contact-dialog"' not in body
