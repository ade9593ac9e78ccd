"""The housing and allocation pages are English when the user chooses English with the language switch in
the footer (the catalogues are checked in core/tests/test_english.py)."""

import pytest
from django.urls import reverse

from accounts.roles import Role
from core.tests.test_english import english


@pytest.mark.django_db
def test_landlords_and_retention_are_english_when_english_is_chosen(login, users_a):
    client = english(login(users_a[Role.LEADER]))
    html = client.get(reverse("housing:landlords")).content.decode()
    assert 'lang="en"' in html
    assert "<h1>Landlords and agreements</h1>" in html
    assert "No landlords yet." in html and '<th scope="col">Contact person</th>' in html
    assert "Udlejere og aftaler" not in html and "Ingen udlejere endnu." not in html
    html = client.get(reverse("housing:retention")).content.decode()
    assert "<h1>Housing retention</h1>" in html and "<h2>Back in homelessness</h2>" in html
    assert "Fastholdelse i bolig" not in html and "Tilbage i hjemløshed" not in html


@pytest.mark.django_db
def test_vacancies_and_committee_are_english_when_english_is_chosen(login, users_a):
    client = english(login(users_a[Role.LEADER]))
    html = client.get(reverse("allocation:vacancies")).content.decode()
    assert "<h1>Vacancies</h1>" in html and "No open vacant homes." in html
    assert '<th scope="col">Rent + utilities</th>' in html
    assert "Ingen åbne ledige boliger." not in html and "Husleje + forbrug" not in html
    html = client.get(reverse("allocation:meetings")).content.decode()
    assert "<h1>Allocation committee</h1>" in html and "No meetings yet." in html
    assert "Ingen møder endnu." not in html


@pytest.mark.django_db
def test_landlords_stay_danish_by_default(login, users_a):
    html = login(users_a[Role.LEADER]).get(reverse("housing:landlords")).content.decode()
    assert "<h1>Udlejere og aftaler</h1>" in html and "Ingen udlejere endnu." in html


@pytest.mark.django_db
def test_unit_form_labels_titles_and_messages_are_english_when_english_is_chosen(login, users_a):
    """Text from Python (form labels, help texts, empty choices, page titles, flashed messages) is translated."""
    client = english(login(users_a[Role.LEADER]))
    html = client.get(reverse("housing:unit_create")).content.decode()
    assert "New home" in html and "Choose landlord" in html and "Choose housing type" in html
    assert "Rent without utilities." in html and "0 is the ground floor; -1 is the basement." in html
    assert "Vælg udlejer" not in html and "Husleje uden forbrug." not in html and "Ny bolig" not in html
    html = client.get(reverse("housing:units")).content.decode()
    assert (
        "Only homes without a tenant" in html
        and "Minimum number of rooms" in html
        and "Kun boliger uden lejer" not in html
    )
    response = client.post(
        reverse("housing:landlord_create"), {"name": "Fjordbo", "kind": "housing_organisation"}, follow=True
    )
    html = response.content.decode()
    assert "The landlord has been created." in html and "Udlejeren er oprettet." not in html
    # the unit form page above made the default housing types, so the code is taken (a service error)
    html = client.post(
        reverse("housing:unit_types"), {"name": "Ny type", "code": "social_family"}
    ).content.decode()
    assert "A housing type with this code already exists." in html


@pytest.mark.django_db
def test_vacancy_and_meeting_forms_are_english_when_english_is_chosen(login, users_a):
    client = english(login(users_a[Role.LEADER]))
    html = client.get(reverse("allocation:vacancy_create")).content.decode()
    assert "New vacant home" in html and "Nomination deadline" in html and "Reported vacant" in html
    assert "Active homes without a current tenancy." in html
    assert "Frist for anvisning" not in html and "Ny ledig bolig" not in html
    html = client.get(reverse("allocation:meetings")).content.decode()
    assert "Meeting date" in html and "Participants" in html and "Mødedato" not in html


@pytest.mark.django_db
def test_unit_form_stays_danish_by_default(login, users_a):
    html = login(users_a[Role.LEADER]).get(reverse("housing:unit_create")).content.decode()
    assert "Ny bolig" in html and "Vælg udlejer" in html and "Husleje uden forbrug." in html
